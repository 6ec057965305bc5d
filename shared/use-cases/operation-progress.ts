/**
 * The progress of one operation while it runs (`done/total`, percent, ETA), read from its scope's entity:
 * one entity read, no analysis. `GET /api/operations/{id}` adds it so a client following an operation (the
 * portal's progress bar) polls that cheap record, and reads the full scope status only once it ends.
 */
import type { Services } from '../composition';
import type { OperationRecord } from '../contracts/operation-record';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { type ProgressView, progressView } from './scope-status';

export async function operationProgress(
  services: Pick<Services, 'clock'>,
  entity: ScopeEntityGateway,
  record: Pick<OperationRecord, 'operationId' | 'scopeKey' | 'status'>,
): Promise<ProgressView | undefined> {
  if (record.status !== 'InProgress') return undefined;
  const state = await entity.read(record.scopeKey);
  // Only this operation's progress: the entity may already run the next one.
  if (!state?.running || !state.progress || state.running.operationId !== record.operationId)
    return undefined;
  return progressView(state.progress, state.running, services.clock.now());
}
