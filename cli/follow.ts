/**
 * Following work on the service by polling: one operation until it ends (`--wait`), or a scope until no
 * operation runs on it (`watch`). Progress comes from the scope status (`progress: { done, total, step,
 * etaSeconds }`, present while the scope entity runs a Prepare, Commit or Abort); the outcome from the
 * operation record. Ctrl-C stops following, never the operation: it goes on in the service.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import type { OperationRecord } from '../shared/contracts/operation-record';
import type { ScopeStatus } from '../shared/use-cases/scope-status';
import type { ApiClient } from './api-client';
import type { ProgressDisplay } from './render/progress';

export const finishedStatuses: readonly string[] = ['Succeeded', 'Failed'];

/** Aborted on the first Ctrl-C (SIGINT) while following; `dispose` restores Node's default. */
export function interruptSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.removeListener('SIGINT', onSigint) };
}

/** Waits `ms`; false when interrupted first. */
export async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

export interface FollowOperation {
  /** `virtualNetworks/Prod-VNet` (encoded), for `GET /api/migrations/{…}`. */
  scopePath: string;
  operationId: string;
  /** `prepare virtualNetworks/Prod-VNet`, to start each line with. */
  label: string;
  display: ProgressDisplay;
  intervalMs: number;
  signal: AbortSignal;
}

/** Polls the operation until Succeeded or Failed; undefined when interrupted. */
export async function followOperation(
  client: ApiClient,
  follow: FollowOperation,
): Promise<OperationRecord | undefined> {
  let lastStatus = '';
  try {
    for (;;) {
      const record = (
        await client.get<OperationRecord>(`/api/operations/${encodeURIComponent(follow.operationId)}`)
      ).body;
      if (record.status !== lastStatus && !finishedStatuses.includes(record.status)) {
        follow.display.line(`${follow.label}: ${record.status}`);
        lastStatus = record.status;
      }
      if (finishedStatuses.includes(record.status)) return record;
      const status = (await client.get<ScopeStatus>(`/api/migrations/${follow.scopePath}`)).body;
      if (status.progress && status.running?.operationId === follow.operationId) {
        follow.display.update({
          label: follow.label,
          step: status.progress.step,
          done: status.progress.done,
          total: status.progress.total,
          etaSeconds: status.progress.etaSeconds,
        });
      }
      if (!(await pause(follow.intervalMs, follow.signal))) return undefined;
    }
  } finally {
    follow.display.stop();
  }
}

/** The operation that holds or waits on the scope: the entity's running one, else a queued or running Validate. */
export function activeOperation(
  status: Pick<ScopeStatus, 'running' | 'history'>,
): { operationId: string; operation: string; status: string } | undefined {
  const inHistory = status.history.operations.find((op) => !finishedStatuses.includes(op.status));
  if (status.running) {
    const record = status.history.operations.find((op) => op.operationId === status.running?.operationId);
    return {
      operationId: status.running.operationId,
      operation: status.running.operation,
      status: record?.status ?? 'InProgress',
    };
  }
  return (
    inHistory && {
      operationId: inHistory.operationId,
      operation: inHistory.operation,
      status: inHistory.status,
    }
  );
}
