/**
 * Everything about one scope in one answer: its MigrationState and lock, the running operation's progress
 * with an ETA, the validation findings and the plan (before Prepare), the Classic and ARM sides side by
 * side with the mapping between them, and the history (operations and audit).
 */
import type { Services } from '../composition';
import type { OperationRecord } from '../contracts/operation-record';
import type { MigrationOptions } from '../contracts/phase-command';
import type { EstateFact } from '../domain/facts/estate-fact.schema';
import { factsOfScope } from '../domain/facts/scope-facts';
import { isLocked, type MigrationState } from '../domain/migration/migration-state';
import type { Progress, RunningOperation } from '../domain/migration/scope-entity.reducer';
import { buildMigrationPlan, type MigrationPlan } from '../domain/plan/migration-plan';
import { scopeKey, scopeKindPaths, type ScopeRef } from '../domain/scope/scope';
import type { Finding } from '../domain/validation/finding';
import type { ScopeMappingEntry, StoredArmResource } from '../ports/inventory.port';
import type { AuditEntry } from '../ports/operation.port';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { analyseScopeInSlices } from './analyse-scope';
import { cacheKind, stableKey } from './inventory-cache/inventory-cache';
import { loadAndAnalyse } from './load-analysis';
import { withSubscriptionProfile } from './migration-profile';

export interface ProgressView extends Progress {
  percent: number;
  elapsedSeconds: number;
  /** Undefined until the first step finishes (nothing to extrapolate from). */
  etaSeconds?: number;
}

export interface ScopeStatus {
  scope: ScopeRef & { kindPath: string; key: string };
  state: MigrationState;
  locked: boolean;
  lockedSince?: string;
  running?: RunningOperation & {
    /** The lease ran out: the next command (or a force release) abandons the operation as failed. */
    leaseExpired: boolean;
  };
  progress?: ProgressView;
  validation?: { findings: Finding[]; blocking: boolean; refusal?: { code: string; message: string } };
  plan?: MigrationPlan;
  classic?: unknown;
  /**
   * The estate facts Service Management does not carry that bear on the scope, each with the document it
   * was imported from and when (shared/domain/facts); present with the Classic side.
   */
  facts?: EstateFact[];
  arm: { resourceGroups: unknown[]; resources: unknown[]; source: 'written' | 'planned' | 'none' };
  mapping: ScopeMappingEntry[];
  history: { operations: OperationRecord[]; audit: AuditEntry[] };
}

type StatusServices = Pick<
  Services,
  | 'clock'
  | 'classicInventory'
  | 'armInventory'
  | 'inventoryVersions'
  | 'inventoryCache'
  | 'migrationProfiles'
  | 'operations'
  | 'audit'
  | 'scopeMappings'
>;

/**
 * A scope's status as the JSON API sends it: the `ScopeStatus` as UTF-8 JSON, and what a caller decides
 * on without reading it.
 */
export interface ScopeStatusAnswer {
  state: MigrationState;
  /** An operation runs on the scope (a client polls again soon). */
  running: boolean;
  /** The Classic inventory holds the scope. */
  inClassic: boolean;
  operationCount: number;
  /**
   * The JSON in consecutive pieces. The large ones (a large scope's plan, Classic and ARM sides) are the
   * same Buffer on every answer until the inventories change, so an encoder may remember its work per
   * Buffer (see handlers/spliced-gzip.ts).
   */
  segments: readonly Buffer[];
}

/** The status as an object (for callers in this process: chat). */
export async function scopeStatus(
  services: StatusServices,
  entity: ScopeEntityGateway,
  scope: ScopeRef,
): Promise<ScopeStatus> {
  const answer = await scopeStatusAnswer(services, entity, scope);
  // Our own serialization of a ScopeStatus, read back.
  return JSON.parse(Buffer.concat(answer.segments).toString('utf8')) as ScopeStatus;
}

/**
 * The status, read on every call where it changes without the inventories changing (the entity's state,
 * lock and progress, the history, a stored mapping), and taken from the inventory cache where it follows
 * from the inventories alone (validation, plan, the Classic side, the ARM side): a status poll of a large
 * scope costs a few table reads, not an analysis.
 */
export async function scopeStatusAnswer(
  services: StatusServices,
  entity: ScopeEntityGateway,
  scope: ScopeRef,
): Promise<ScopeStatusAnswer> {
  const key = scopeKey(scope);
  const [entityState, operations, audit, mapping] = await Promise.all([
    entity.read(key),
    services.operations.listByScope(key, 25),
    services.audit.listByScope(key, 100),
    services.scopeMappings.read(key),
  ]);
  const state = entityState?.state ?? 'None';
  const now = services.clock.now();
  // The options of the latest Prepare or Validate (e.g. an Existing destination) shape the plan shown;
  // the findings follow their profile, else the subscription's.
  const options = await withSubscriptionProfile(
    services,
    scope.subscriptionId,
    operations.find((op) => op.operation === 'prepare' || op.operation === 'validate')?.options ?? {},
  );
  const analysed = await analysedPart(services, scope, options);
  const head = JSON.stringify({
    scope: { ...scope, kindPath: scopeKindPaths[scope.kind], key },
    state,
    locked: isLocked(state),
    ...(entityState?.lockedSince ? { lockedSince: entityState.lockedSince } : {}),
    ...(entityState?.running
      ? {
          running: {
            ...entityState.running,
            leaseExpired: now.getTime() >= Date.parse(entityState.running.leaseUntil),
          },
        }
      : {}),
    ...(entityState?.progress && entityState.running
      ? { progress: progressView(entityState.progress, entityState.running, now) }
      : {}),
  });
  // The members in ScopeStatus order: the head's (without its closing brace), the analysed ones, the rest.
  const segments = [
    Buffer.from(head.slice(0, -1), 'utf8'),
    analysed.membersAndArm,
    mapping.length > 0 ? Buffer.from(`,"mapping":${JSON.stringify(mapping)}`, 'utf8') : analysed.mapping,
    Buffer.from(`,"history":${JSON.stringify({ operations, audit })}}`, 'utf8'),
  ];
  return {
    state,
    running: entityState?.running !== undefined,
    inClassic: analysed.inClassic,
    operationCount: operations.length,
    segments,
  };
}

/** The members of a scope's status that follow from its inventories and options alone, serialized. */
interface AnalysedPart {
  inClassic: boolean;
  /** `,"validation":…,"plan":…,"classic":…,"facts":…` (those present) then `,"arm":…`. */
  membersAndArm: Buffer;
  /** `,"mapping":…` of the translation's accounting: the mapping shown until a Prepare stores one. */
  mapping: Buffer;
}

const analysedParts = cacheKind<AnalysedPart>('scope-status');

/** Computed once per inventory version and options (the analysis of a 2,000-VM VNet takes seconds). */
async function analysedPart(
  services: StatusServices,
  scope: ScopeRef,
  options: MigrationOptions,
): Promise<AnalysedPart> {
  const key = scopeKey(scope);
  const snapshot = await services.inventoryCache.snapshot(services, scope.subscriptionId);
  return snapshot.derived(analysedParts, `${key}|${stableKey(options)}`, async () => {
    const [manifest, { inventory, existingArm, analysis }] = await Promise.all([
      services.armInventory.manifest(scope.subscriptionId, key),
      // The snapshot's Classic inventory: loaded once per version for every reader, not again here.
      loadAndAnalyse(
        { classicInventory: { load: () => snapshot.classic() }, armInventory: services.armInventory },
        analyseScopeInSlices,
        scope,
        options,
        true,
      ),
    ]);
    const written = await writtenResources(services, manifest);
    const plan =
      analysis.contents && analysis.translation
        ? buildMigrationPlan({
            inventory,
            scope,
            contents: analysis.contents,
            translation: analysis.translation,
            ...(options.destination ? { destination: options.destination } : {}),
            existingResourceGroups: existingArm.resourceGroups.map((group) => group.name),
          })
        : undefined;
    const members = JSON.stringify({
      ...(analysis.contents || analysis.refusal
        ? {
            validation: {
              findings: analysis.findings,
              blocking: analysis.blocking,
              ...(analysis.refusal
                ? { refusal: { code: analysis.refusal.errorCode, message: analysis.refusal.message } }
                : {}),
            },
          }
        : {}),
      ...(plan ? { plan } : {}),
      // The Classic side is the scope's contents as the inventory holds them (plain JSON).
      ...(analysis.contents ? { classic: analysis.contents } : {}),
      ...(analysis.contents
        ? {
            facts: factsOfScope(
              inventory,
              analysis.contents,
              (analysis.translation?.resources ?? []).map((resource) => resource.location),
            ),
          }
        : {}),
    });
    const arm = JSON.stringify(armSide(written, analysis.translation));
    const part: AnalysedPart = {
      inClassic: analysis.contents !== undefined,
      membersAndArm: Buffer.from(
        `${members === '{}' ? '' : `,${members.slice(1, -1)}`},"arm":${arm}`,
        'utf8',
      ),
      mapping: Buffer.from(`,"mapping":${JSON.stringify(analysis.translation?.accounting ?? [])}`, 'utf8'),
    };
    return { value: part, bytes: part.membersAndArm.length + part.mapping.length };
  });
}

/** Progress of the running operation: percent of steps done, elapsed time, and an ETA extrapolated from the pace so far. */
export function progressView(progress: Progress, running: RunningOperation, now: Date): ProgressView {
  const elapsedSeconds = Math.max(0, (now.getTime() - Date.parse(running.startedAt)) / 1000);
  const percent = progress.total === 0 ? 0 : Math.round((progress.done / progress.total) * 100);
  const eta =
    progress.done > 0 ? (elapsedSeconds / progress.done) * (progress.total - progress.done) : undefined;
  return {
    ...progress,
    percent,
    elapsedSeconds: Math.round(elapsedSeconds),
    ...(eta === undefined ? {} : { etaSeconds: Math.round(eta) }),
  };
}

async function writtenResources(
  services: Pick<Services, 'armInventory'>,
  manifest: string[],
): Promise<{ groups: unknown[]; resources: unknown[] }> {
  const groupIds = manifest.filter((id) => /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i.test(id));
  const groupIdSet = new Set(groupIds);
  const resourceIds = manifest.filter((id) => !groupIdSet.has(id));
  // One partition scan per resource group rather than a point read per resource (thousands for a large VNet).
  const byGroup = new Map<string, { subscriptionId: string; group: string }>();
  for (const id of resourceIds) {
    const [, subscriptionId = '', group = ''] =
      /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\//i.exec(id) ?? [];
    byGroup.set(`${subscriptionId}/${group}`.toLowerCase(), { subscriptionId, group });
  }
  const listed = new Map<string, StoredArmResource>();
  for (const resources of await Promise.all(
    [...byGroup.values()].map(({ subscriptionId, group }) =>
      services.armInventory.listResources(subscriptionId, group),
    ),
  )) {
    for (const resource of resources) listed.set(resource.resource.id.toLowerCase(), resource);
  }
  const stored = await Promise.all(
    resourceIds.map((id) => {
      const found = listed.get(id.toLowerCase());
      return found ? Promise.resolve(found) : services.armInventory.getResource(id);
    }),
  );
  const groups = await Promise.all(
    groupIds.map((id) => {
      const [, subscriptionId = '', name = ''] =
        /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i.exec(id) ?? [];
      return services.armInventory.getResourceGroup(subscriptionId, name);
    }),
  );
  return {
    groups: groups.filter((group) => group !== undefined),
    resources: stored
      .filter((resource) => resource !== undefined)
      .map((r) => ({ ...r.resource, phase: r.phase })),
  };
}

function armSide(
  written: { groups: unknown[]; resources: unknown[] },
  translation: { resourceGroups: unknown[]; resources: unknown[] } | undefined,
): ScopeStatus['arm'] {
  if (written.resources.length > 0 || written.groups.length > 0) {
    return { resourceGroups: written.groups, resources: written.resources, source: 'written' };
  }
  if (translation)
    return {
      resourceGroups: translation.resourceGroups,
      resources: translation.resources,
      source: 'planned',
    };
  return { resourceGroups: [], resources: [], source: 'none' };
}
