/**
 * Builds and publishes the CloudEvent for a finished operation (see contracts/outcome-event.ts). Where it
 * goes (Service Bus, Event Grid) is the publisher's business (composition.ts).
 */
import type { OperationRecord } from '../contracts/operation-record';
import { eventTypePrefix, type OutcomeEvent } from '../contracts/outcome-event';
import { scopeKindPaths } from '../domain/scope/scope';
import type { OutcomePublisher } from '../ports/outcome-publisher.port';

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The ARM-style ID of a scope, used as the event subject: `/subscriptions/{sub}/migrations/{kind}/{name}`. */
export function scopeSubject(record: Pick<OperationRecord, 'scope'>): string {
  const { subscriptionId, kind, name } = record.scope;
  return `/subscriptions/${subscriptionId}/migrations/${scopeKindPaths[kind]}/${encodeURIComponent(name)}`;
}

export function outcomeEventOf(record: OperationRecord): OutcomeEvent | undefined {
  if (record.status !== 'Succeeded' && record.status !== 'Failed') return undefined;
  const count = (severity: string) => (record.findings ?? []).filter((f) => f.severity === severity).length;
  return {
    specversion: '1.0',
    type: `${eventTypePrefix}${capitalised(record.operation)}${record.status}`,
    source: `/subscriptions/${record.scope.subscriptionId}/providers/Classic.Migration`,
    id: `${record.operationId}.${record.status}`,
    time: record.finishedAt ?? record.requestedAt,
    subject: scopeSubject(record),
    datacontenttype: 'application/json',
    data: {
      operationId: record.operationId,
      subscriptionId: record.scope.subscriptionId,
      scopeKind: record.scope.kind,
      name: record.scope.name,
      operation: record.operation,
      status: record.status,
      ...(record.resultingState === undefined ? {} : { state: record.resultingState }),
      requestedBy: record.requestedBy,
      source: record.source,
      requestedAt: record.requestedAt,
      ...(record.finishedAt === undefined ? {} : { finishedAt: record.finishedAt }),
      ...(record.error ? { error: { code: record.error.code, message: record.error.message } } : {}),
      findings: { errors: count('Error'), warnings: count('Warning'), information: count('Information') },
      ...(record.armResourceCount === undefined ? {} : { armResourceCount: record.armResourceCount }),
    },
  };
}

export async function publishOutcome(
  services: { outcomes: OutcomePublisher },
  record: OperationRecord,
): Promise<void> {
  const event = outcomeEventOf(record);
  if (!event) return;
  await services.outcomes.publish(event);
}
