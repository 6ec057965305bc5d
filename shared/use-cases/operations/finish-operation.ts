/**
 * The last writes of every operation, whatever ended it (its phase, the dead-letter processor, the
 * sweeper, an invalid message): the final record (with the scope's resulting state), the audit entry, the
 * scope index and the outcome event. Idempotent: a record already final is left as it is, and the event id
 * is stable per operation and outcome, so a repeat is dropped by duplicate detection.
 */
import type { Services } from '../../composition';
import { type OperationRecord, recordableFindings } from '../../contracts/operation-record';
import type { ScopeEntityState } from '../../domain/migration/scope-entity.reducer';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { publishOutcome } from '../outcome-event';
import type { WaitOptions } from '../scope-decision';
import type { OperationOutcome } from './operation-outcome';

export interface FinaliseDeps {
  services: Pick<Services, 'clock' | 'operations' | 'audit' | 'scopeIndex' | 'outcomes'>;
  entity: ScopeEntityGateway;
  wait: WaitOptions;
  log: (line: string) => void;
}

/** What finishing needs to know of an operation: its record and its phase command both have it. */
export type OperationRef = Pick<
  OperationRecord,
  'operationId' | 'operation' | 'scope' | 'scopeKey' | 'requestedBy' | 'source'
>;

export function operationRefOf(record: OperationRecord): OperationRef {
  const { operationId, operation, scope, scopeKey, requestedBy, source } = record;
  return { operationId, operation, scope, scopeKey, requestedBy, source };
}

/** Writes the final record, audits it, updates the scope index and publishes the outcome event. */
export async function finishOperation(
  deps: FinaliseDeps,
  ref: OperationRef,
  outcome: OperationOutcome,
  knownEntityState?: ScopeEntityState,
): Promise<OperationRecord> {
  const { services } = deps;
  const entityState = knownEntityState ?? (await deps.entity.read(ref.scopeKey));
  const now = services.clock.now().toISOString();
  const record = await services.operations.update(ref.operationId, (current) =>
    current.status === 'Succeeded' || current.status === 'Failed'
      ? current
      : {
          ...current,
          ...outcome.extra,
          status: outcome.status,
          finishedAt: now,
          ...(entityState ? { resultingState: entityState.state } : {}),
          ...(outcome.decision === undefined ? {} : { decision: outcome.decision }),
          ...(outcome.error === undefined ? {} : { error: outcome.error }),
          ...recordableFindings(outcome.findings ?? outcome.extra?.findings),
        },
  );
  await services.audit.append({
    at: now,
    scopeKey: ref.scopeKey,
    operationId: ref.operationId,
    actor: ref.requestedBy,
    source: ref.source,
    action: ref.operation,
    outcome: record.error ? `${record.status}: ${record.error.code}` : record.status,
    ...(record.error ? { detail: record.error.message } : {}),
  });
  if (entityState) {
    await services.scopeIndex.upsert({
      subscriptionId: ref.scope.subscriptionId,
      scopeKey: ref.scopeKey,
      kind: ref.scope.kind,
      name: ref.scope.name,
      state: entityState.state,
      lastOperationId: record.operationId,
      lastOperation: record.operation,
      lastStatus: record.status,
      updatedAt: now,
    });
  }
  await publishOutcome(services, record);
  return record;
}
