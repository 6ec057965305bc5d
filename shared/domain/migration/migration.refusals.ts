/**
 * Why a scope refuses an operation: stable codes, messages that say what to do next, and the HTTP
 * status the JSON API maps them to. Azure never documented these texts (no public
 * source gives them), so the wording is ours. Pure.
 */
import type { MigrationOperation, MigrationState } from './migration-state';

export const refusalCodes = [
  'OperationInProgress',
  'NotPrepared',
  'PrepareNotSucceeded',
  'AbortNotAllowedAfterCommit',
  'AlreadyCommitted',
  'CommitPending',
  'AbortPending',
  'NothingToRelease',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export interface Refusal {
  code: RefusalCode;
  message: string;
  /** Conflict with the scope's current state: 409 for every refusal of the state machine. */
  httpStatus: 409;
}

export interface RefusalContext {
  operation: MigrationOperation | 'forceRelease';
  state: MigrationState;
  scopeLabel: string;
  /** The operation holding the scope, for OperationInProgress. */
  inFlight?: { operation: string; operationId: string };
}

const messages: Record<RefusalCode, (c: RefusalContext) => string> = {
  OperationInProgress: (c) =>
    `Cannot ${c.operation} ${c.scopeLabel}: ${c.inFlight ? `operation ${c.inFlight.operationId} (${c.inFlight.operation})` : 'another operation'} is in progress (state ${c.state}). Wait for it to finish, then retry.`,
  NotPrepared: (c) =>
    `Cannot ${c.operation} ${c.scopeLabel}: it is not prepared for migration (state ${c.state}). Run Prepare first.`,
  PrepareNotSucceeded: (c) =>
    `Cannot ${c.operation} ${c.scopeLabel}: Prepare failed (state ${c.state}). Retry Prepare, or Abort to return to Classic.`,
  AbortNotAllowedAfterCommit: (c) =>
    `Cannot abort ${c.scopeLabel}: Commit has been started (state ${c.state}) and cannot be rolled back. Retry Commit instead.`,
  AlreadyCommitted: (c) =>
    `Cannot ${c.operation} ${c.scopeLabel}: it has already been migrated to Azure Resource Manager (state ${c.state}).`,
  CommitPending: (c) =>
    `Cannot ${c.operation} ${c.scopeLabel}: Commit failed (state ${c.state}) and is the only way forward. Retry Commit.`,
  AbortPending: (c) =>
    `Cannot ${c.operation} ${c.scopeLabel}: Abort failed (state ${c.state}). Retry Abort first.`,
  NothingToRelease: (c) =>
    `Nothing to force-release on ${c.scopeLabel}: no operation is running (state ${c.state}).`,
};

export function refusal(code: RefusalCode, context: RefusalContext): Refusal {
  return { code, message: messages[code](context), httpStatus: 409 };
}
