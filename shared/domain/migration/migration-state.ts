/**
 * Azure's `MigrationState` enum (IaasClassicToArmMigrationState), verbatim, and the facts derived from
 * it. Pure.
 */
import { z } from 'zod';

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
export const migrationStateSchema = z.enum(migrationStates);
export type MigrationState = z.infer<typeof migrationStateSchema>;

/** The operations a caller can request on a scope. */
export const migrationOperations = ['validate', 'prepare', 'commit', 'abort'] as const;
export const migrationOperationSchema = z.enum(migrationOperations);
export type MigrationOperation = z.infer<typeof migrationOperationSchema>;

/** Operations that change state (validate never does). */
export type StatefulOperation = Exclude<MigrationOperation, 'validate'>;

/** States in which an operation is running and holds the scope. */
export const transitionalStates = [
  'Preparing',
  'Committing',
  'Aborting',
] as const satisfies readonly MigrationState[];

/**
 * True while the management plane of the scope is locked: from Prepare until Commit or Abort completes
 * (D1, D3, D5). After Commit the Classic resources are gone, so there is nothing left to lock.
 */
export function isLocked(state: MigrationState): boolean {
  return state !== 'None' && state !== 'Committed';
}

export function isTransitional(state: MigrationState): state is (typeof transitionalStates)[number] {
  return (transitionalStates as readonly MigrationState[]).includes(state);
}

/** The state an operation moves to while it runs. */
export const runningStateOf = {
  prepare: 'Preparing',
  commit: 'Committing',
  abort: 'Aborting',
} as const satisfies Record<StatefulOperation, MigrationState>;

/** The state an operation ends in, by outcome. */
export const finalStateOf = {
  prepare: { succeeded: 'Prepared', failed: 'PrepareFailed' },
  commit: { succeeded: 'Committed', failed: 'CommitFailed' },
  abort: { succeeded: 'None', failed: 'AbortFailed' },
} as const satisfies Record<StatefulOperation, { succeeded: MigrationState; failed: MigrationState }>;
