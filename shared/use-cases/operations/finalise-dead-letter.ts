/**
 * The dead-letter processor: a phase command Service Bus dead-lettered (its deliveries ran out — a worker
 * died on the last one, or ending the operation failed too — or it expired) ends its operation Failed with
 * code `DeadLettered` and the broker's reason, the entity is told (a started Prepare ends PrepareFailed and
 * the scope is released), and the message is logged for the operators' listing. An operation that is
 * already final (its phase ended it, the sweeper did) is only logged.
 *
 * Faults: a transient one is thrown, so the message stays in the dead-letter queue and comes back (it can
 * never be dead-lettered again); anything else is logged and the message completed — the sweeper still ends
 * the operation if it stays open.
 */
import type { OperationRecord } from '../../contracts/operation-record';
import { queuedRecordOf } from '../../contracts/operation-record';
import { type PhaseCommand, phaseCommandSchema } from '../../contracts/phase-command';
import { scopeKey } from '../../domain/scope/scope';
import type { DeadLetteredMessage } from '../../ports/dead-letter.port';
import { ensureError, isTransient } from '../errors';
import { failOperation } from './fail-operation';
import { operationRefOf } from './finish-operation';
import type { OperationDeps } from './operation-deps';

export type DeadLetterResult =
  /** The operation was open and is now final (Failed `DeadLettered`, or as the entity had ended it). */
  | { kind: 'ended'; operation: OperationRecord }
  | { kind: 'alreadyFinal'; operation: OperationRecord }
  /** No operation to end (the body names none that was recorded). */
  | { kind: 'noOperation'; reason: string }
  /** A permanent fault: logged, the message completed; the sweeper is the backstop. */
  | { kind: 'gaveUp'; reason: string };

export async function finaliseDeadLetter(
  deps: OperationDeps,
  message: DeadLetteredMessage,
): Promise<DeadLetterResult> {
  let result: DeadLetterResult;
  try {
    result = await endOperation(deps, message);
  } catch (caught) {
    const error = ensureError(caught);
    if (isTransient(error)) throw error;
    deps.log(
      `Dead letter ${message.messageId} on ${message.queue}: giving up: ${error.stack ?? error.message}`,
    );
    result = { kind: 'gaveUp', reason: error.message };
  }
  await deps.services.deadLetters.record({
    queue: message.queue,
    messageId: message.messageId,
    ...('operation' in result ? { operationId: result.operation.operationId } : {}),
    ...(message.deadLetterReason === undefined ? {} : { deadLetterReason: message.deadLetterReason }),
    ...(message.deadLetterErrorDescription === undefined
      ? {}
      : { deadLetterErrorDescription: message.deadLetterErrorDescription }),
    handledAt: deps.services.clock.now().toISOString(),
    outcome: outcomeText(result),
    body: message.body,
  });
  return result;
}

async function endOperation(deps: OperationDeps, message: DeadLetteredMessage): Promise<DeadLetterResult> {
  const command = phaseCommandSchema.safeParse(message.body);
  const operationId = command.success ? command.data.operationId : operationIdOf(message);
  if (operationId === undefined) return { kind: 'noOperation', reason: 'the message names no operation' };
  const record = await recordOf(deps, operationId, command.success ? command.data : undefined);
  if (!record) return { kind: 'noOperation', reason: `operation ${operationId} was never recorded` };
  if (record.status === 'Succeeded' || record.status === 'Failed')
    return { kind: 'alreadyFinal', operation: record };
  const ended = await failOperation(deps, operationRefOf(record), {
    code: 'DeadLettered',
    message: deadLetteredText(record, message),
    httpStatusCode: 500,
  });
  return { kind: 'ended', operation: ended };
}

/** The operation's record; created from the command when its phase never got as far (the record is how
 *  status readers learn of the failure). */
async function recordOf(
  deps: OperationDeps,
  operationId: string,
  command: PhaseCommand | undefined,
): Promise<OperationRecord | undefined> {
  const existing = await deps.services.operations.get(operationId);
  if (existing || !command) return existing;
  await deps.services.operations.create(queuedRecordOf(command, scopeKey(command.scope)));
  return deps.services.operations.get(operationId);
}

/** The operation id of a body that is not a valid command: its `operationId`, else the message id. */
function operationIdOf(message: DeadLetteredMessage): string | undefined {
  const fromBody = (message.body as { operationId?: unknown } | null | undefined)?.operationId;
  if (typeof fromBody === 'string' && fromBody.length > 0) return fromBody;
  return message.messageId.length > 0 ? message.messageId : undefined;
}

function deadLetteredText(record: OperationRecord, message: DeadLetteredMessage): string {
  const reason = message.deadLetterReason ?? 'no reason given';
  const description = message.deadLetterErrorDescription ? `: ${message.deadLetterErrorDescription}` : '';
  return `The ${record.operation} command was dead-lettered by Service Bus (${reason}${description}). The operation did not complete; start it again.`;
}

function outcomeText(result: DeadLetterResult): string {
  switch (result.kind) {
    case 'ended':
    case 'alreadyFinal': {
      const { status, error } = result.operation;
      const text = error ? `${status}: ${error.code}` : status;
      return result.kind === 'ended' ? text : `already ${text}`;
    }
    case 'noOperation':
      return `nothing to end: ${result.reason}`;
    case 'gaveUp':
      return `not ended: ${result.reason}`;
  }
}
