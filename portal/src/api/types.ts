/**
 * The parts of the JSON API's answers the portal reads (README, "The JSON API"). Written out here rather
 * than imported from the service's code: the page is a client of the wire format, and importing the
 * server's modules would pull Node code into the browser bundle.
 */

export const migrationStates = [
  'None',
  'Preparing',
  'Prepared',
  'PrepareFailed',
  'Committing',
  'Committed',
  'CommitFailed',
  'Aborting',
  'AbortFailed',
] as const;
export type MigrationState = (typeof migrationStates)[number];

export const scopeKindPaths = [
  'virtualNetworks',
  'cloudServices',
  'storageAccounts',
  'reservedIps',
  'networkSecurityGroups',
  'routeTables',
] as const;
export type ScopeKindPath = (typeof scopeKindPaths)[number];

export const actions = ['validate', 'prepare', 'commit', 'abort'] as const;
export type Action = (typeof actions)[number];

export interface EstateRow {
  kind: string;
  kindPath: ScopeKindPath;
  name: string;
  location?: string;
  cloudServices?: number;
  virtualMachines?: number;
  scopeKey: string;
  state: MigrationState;
  locked: boolean;
  lastOperation?: { operationId: string; operation: string; status: string; at: string };
}

export interface EstateList {
  subscriptionId: string;
  count: number;
  value: EstateRow[];
}

export type Severity = 'Error' | 'Warning' | 'Information';

export interface Finding {
  code: string;
  severity: Severity;
  stage?: string;
  resourceType?: string;
  resourceName?: string;
  virtualMachineName?: string;
  message: string;
  recommendation?: string;
}

export interface Progress {
  step: string;
  done: number;
  total: number;
  percent: number;
  elapsedSeconds: number;
  etaSeconds?: number;
}

export type OperationStatus = 'Queued' | 'InProgress' | 'Succeeded' | 'Failed';

export interface DataPlaneEffect {
  cloudService: string;
  virtualMachine: string;
  actions: string[];
  internalIp?: { before?: string; after?: string };
  vip?: { before?: string; after?: string };
}

export interface OperationRecord {
  operationId: string;
  operation: Action;
  scope: { subscriptionId: string; kind: string; name: string };
  status: OperationStatus;
  requestedBy: string;
  source: string;
  requestedAt: string;
  startedAt?: string;
  finishedAt?: string;
  resultingState?: MigrationState;
  decision?: string;
  error?: { code: string; message: string };
  findings?: Finding[];
  findingsOmitted?: number;
  dataPlaneEffects?: DataPlaneEffect[];
  armResourceCount?: number;
  /** While the operation runs (from the scope's entity). */
  progress?: Progress;
}

export interface StartedOperation {
  operationId: string;
  status: OperationStatus;
  operation: Action;
  existing: boolean;
}

export interface AuditEntry {
  at: string;
  actor: string;
  source: string;
  action: string;
  outcome: string;
  operationId?: string;
  detail?: string;
}

export interface MappingEntry {
  classicId: string;
  classicType: string;
  name: string;
  outcome: 'migrated' | 'dropped' | 'refused';
  armIds: string[];
  reason?: string;
  note?: string;
}

export interface ArmResource {
  id: string;
  name: string;
  type: string;
  location?: string;
  sku?: { name?: string; tier?: string };
  kind?: string;
  properties?: Record<string, unknown>;
  /** Written resources only. */
  phase?: 'Prepared' | 'Committed';
}

export interface ResourceGroup {
  id: string;
  name: string;
  location: string;
}

export interface VmEffect {
  kind: string;
  from?: string;
  to?: string;
  vip?: string;
  reservedIpName?: string;
}

export interface AccountedItem {
  classicId: string;
  classicType: string;
  name: string;
  reason?: string;
}

export interface MigrationPlan {
  resourceGroups: (ResourceGroup & { alreadyExists: boolean })[];
  resources: { id: string; name: string; type: string; resourceGroup: string; location: string }[];
  countsByType: Record<string, number>;
  dataPlane: {
    downtime: boolean;
    summary: string;
    virtualMachines: { classicId: string; cloudService: string; vm: string; effects: VmEffect[] }[];
  };
  dropped: AccountedItem[];
  refused: AccountedItem[];
  rbac: {
    mappings: { classicId: string; classicType: string; armIds: string[] }[];
    roleAssignments: {
      principalId: string;
      principalName?: string;
      principalType?: string;
      roleDefinitionName: string;
      classicScope: string;
      armScopes: string[];
    }[];
  };
  quotas: {
    location: string;
    resource: string;
    required: number;
    limit?: number;
    currentUsage?: number;
    available?: number;
    sufficient?: boolean;
  }[];
  estimate: {
    validateSeconds: number;
    prepareMinutes: number;
    commitMinutes: number;
    abortMinutes: number;
    armWrites: number;
    throttled: boolean;
    exceedsTimeout: boolean;
    basis: string;
  };
}

export interface ScopeStatus {
  scope: { subscriptionId: string; kind: string; name: string; kindPath: ScopeKindPath; key: string };
  state: MigrationState;
  locked: boolean;
  lockedSince?: string;
  running?: {
    operationId: string;
    operation: Action;
    startedAt: string;
    leaseUntil: string;
    requestedBy?: string;
    leaseExpired: boolean;
  };
  progress?: Progress;
  validation?: { findings: Finding[]; blocking: boolean; refusal?: { code: string; message: string } };
  plan?: MigrationPlan;
  /** The scope's Classic contents as the inventory holds them (gone after Commit). */
  classic?: unknown;
  arm: { resourceGroups: ResourceGroup[]; resources: ArmResource[]; source: 'written' | 'planned' | 'none' };
  mapping: MappingEntry[];
  history: { operations: OperationRecord[]; audit: AuditEntry[] };
}

export type BatchStatus = string;

export interface BatchScope {
  kind: ScopeKindPath;
  name: string;
  state: MigrationState;
  status: string;
  operationId?: string;
  phase?: string;
  note?: string;
}

export interface Batch {
  batchId: string;
  name: string;
  status: BatchStatus;
  note?: string;
  run: number;
  phases: string[];
  window: {
    start: string;
    durationMinutes: number;
    timeZone?: string;
    recurEvery?: string;
    open?: boolean;
    closesAt?: string;
    nextOpening?: string;
  };
  maxConcurrent: number;
  onFailure: string;
  autoCommit: boolean;
  createdBy: string;
  createdAt: string;
  counts: Record<string, number>;
  scopes: BatchScope[];
}

/** A batch as the list shows it (without its scopes). */
export type BatchSummary = Omit<Batch, 'scopes'>;

export interface BatchList {
  count: number;
  value: BatchSummary[];
}

export interface ImportResult {
  kind: string;
  counts: Record<string, number>;
  notes: string[];
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: { code?: string; target?: string; message: string }[] };
}
