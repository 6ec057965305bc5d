/**
 * Batch plans: a set of scopes, the phases to run on each, a maintenance window, and the rules for
 * concurrency and failure. The run state (one item per scope) lives beside the plan in the same document.
 * All of this is our design (Azure's platform migrated one scope per call); the window is modelled on
 * Azure maintenance configurations (maintenance-window.ts). Pure types and checks.
 */
import type { MigrationOperation, MigrationState } from '../migration/migration-state';
import type { ScopeKind } from '../scope/scope';
import type { MaintenanceWindow, MaintenanceWindowInput } from './maintenance-window';

/** Phases a batch may run, in this order. Abort runs alone (a planned roll-back of prepared scopes). */
export const batchPhaseOrder = ['validate', 'prepare', 'commit'] as const;
export type BatchPhase = MigrationOperation;

/** At most this many scopes in one batch: the batch is one table row (our choice). */
export const maxBatchScopes = 2000;

export interface ScopeSelector {
  kind?: ScopeKind;
  /** `*` and `?` wildcards, case-insensitive (`Prod-*`). */
  namePattern?: string;
  /** Azure region, case- and space-insensitive (`West Europe` = `westeurope`). */
  location?: string;
  state?: MigrationState;
}

export interface BatchPlan {
  batchId: string;
  subscriptionId: string;
  name: string;
  /** The scopes: listed, or chosen by a selector each time a run starts. */
  target: { scopes: { kind: ScopeKind; name: string }[] } | { selector: ScopeSelector };
  phases: BatchPhase[];
  window: MaintenanceWindow;
  /** The window as the caller gave it, echoed back in the API. */
  windowInput: MaintenanceWindowInput;
  /** Scopes at once (a scope counts from its first phase until its last ends). */
  maxConcurrent: number;
  /** `stop`: after a failure start nothing new; running work finishes. */
  onFailure: 'stop' | 'continue';
  /** Abort a scope whose Prepare failed (PrepareFailed), returning it to Classic; at once, window or not. */
  abortOnFailure: boolean;
  /** Commit without a person: only when set, and only for scopes whose validation found no error. */
  autoCommit: boolean;
  /** Run again at every occurrence of the window (a nightly validation); otherwise run once. */
  repeat: boolean;
  /** Validate with the ARM-side pre-flight checks too. */
  includePreflight: boolean;
  createdBy: string;
  createdAt: string;
}

export type BatchStatus =
  /** Created; no window has opened yet. */
  | 'Scheduled'
  /** Inside a window, working. */
  | 'Running'
  /** Work remains but the window closed: continues at the next occurrence. */
  | 'Waiting'
  | 'Paused'
  /** Stopping after a failure (onFailure: stop) or a cancel: waiting for running operations to end. */
  | 'Stopping'
  | 'Succeeded'
  | 'Failed'
  | 'Cancelled';

export const finishedBatchStatuses: readonly BatchStatus[] = ['Succeeded', 'Failed', 'Cancelled'];

export type BatchItemStatus =
  | 'Pending'
  /** Started: a phase runs (`operationId`) or the next one waits for its turn. */
  | 'Active'
  | 'Succeeded'
  /** Validation found errors: the later phases are skipped (not a failure of the batch). */
  | 'Blocked'
  /** Prepared; Commit waits for a person (the plan has commit but not autoCommit). */
  | 'AwaitingCommit'
  | 'Failed'
  /** Not started, or stopped between phases, because the batch stopped or was cancelled. */
  | 'Cancelled';

export const finishedItemStatuses: readonly BatchItemStatus[] = [
  'Succeeded',
  'Blocked',
  'AwaitingCommit',
  'Failed',
  'Cancelled',
];

export interface BatchStep {
  phase: BatchPhase;
  operationId: string;
  status: 'Running' | 'Succeeded' | 'Failed';
  errors?: number;
  warnings?: number;
  code?: string;
  message?: string;
}

export interface BatchItem {
  kind: ScopeKind;
  name: string;
  status: BatchItemStatus;
  /** Index in `phases` of the phase that runs or runs next. */
  phaseIndex: number;
  /** The scope's MigrationState as last seen (from the operation that ended, or the estate). */
  state?: MigrationState;
  /** The operation that runs now. */
  operationId?: string;
  runningPhase?: BatchPhase;
  /** A failed Prepare to abort (abortOnFailure). */
  abortPending?: boolean;
  steps: BatchStep[];
  note?: string;
}

export interface BatchRun {
  status: BatchStatus;
  /** Runs started (a repeating plan runs once per window occurrence). */
  run: number;
  /** The occurrence the current run started in (ISO), to tell the next one apart. */
  runOccurrence?: string;
  items: BatchItem[];
  /** Why the batch stopped, failed or waits. */
  note?: string;
  nextWindow?: string;
  windowClosesAt?: string;
  lastAdvancedAt?: string;
  finishedAt?: string;
  /** A person cancelled the batch (it ends Cancelled rather than Failed). */
  cancelled?: boolean;
}

export interface Batch {
  plan: BatchPlan;
  run: BatchRun;
}

/** Problems with a list of phases (empty: fine). */
export function phaseProblems(phases: readonly BatchPhase[]): string[] {
  if (phases.length === 0)
    return ['phases: name at least one phase (validate, prepare, commit, or abort alone)'];
  if (new Set(phases).size !== phases.length) return ['phases: a phase is listed twice'];
  if (phases.includes('abort')) {
    return phases.length === 1 ? [] : ['phases: abort runs alone (a roll-back of prepared scopes)'];
  }
  const positions = phases.map((phase) => batchPhaseOrder.indexOf(phase as (typeof batchPhaseOrder)[number]));
  const ordered = positions.every(
    (position, index) => index === 0 || position > (positions[index - 1] ?? -1),
  );
  if (!ordered) return ['phases: list them in the order validate, prepare, commit'];
  if (phases.includes('commit') && !phases.includes('prepare') && phases.includes('validate'))
    return ['phases: commit after validate needs prepare between them'];
  return [];
}

/** A fresh item for a scope. */
export function pendingItem(scope: { kind: ScopeKind; name: string }, state?: MigrationState): BatchItem {
  return {
    kind: scope.kind,
    name: scope.name,
    status: 'Pending',
    phaseIndex: 0,
    steps: [],
    ...(state === undefined ? {} : { state }),
  };
}
