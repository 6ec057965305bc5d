/**
 * A phase message that can never be processed (not a phase command, or a command for another queue): the
 * trigger completes it rather than retry it ten times into an unexplained dead letter, and this ends the
 * operation it names, if any is still open, Failed `InvalidMessage` — the entity is told, so nothing it may
 * have started stays held.
 */
import type { OperationRecord } from '../../contracts/operation-record';
import { failOperation } from './fail-operation';
import { operationRefOf } from './finish-operation';
import type { OperationDeps } from './operation-deps';

export async function failInvalidMessage(
  deps: OperationDeps,
  message: unknown,
  reason: string,
): Promise<OperationRecord | undefined> {
  deps.log(`Discarding a message that is not a valid phase command: ${reason}`);
  const operationId = (message as { operationId?: unknown } | null)?.operationId;
  if (typeof operationId !== 'string' || operationId.length === 0) return undefined;
  const record = await deps.services.operations.get(operationId);
  if (!record || record.status === 'Succeeded' || record.status === 'Failed') return record;
  return failOperation(deps, operationRefOf(record), {
    code: 'InvalidMessage',
    message: `The queued command could not be processed: ${reason}. Start the operation again.`,
  });
}
