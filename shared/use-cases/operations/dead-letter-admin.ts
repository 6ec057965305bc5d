/**
 * Dead letters for operators (the admin JSON API): list what the phase queues dead-lettered, and replay
 * one. A listing shows the messages still waiting in the dead-letter queues (`pending`: the dead-letter
 * processor has not taken them yet, or cannot end their operation) and those the processor handled
 * (`handled`, from its log), each with the state of its operation.
 *
 * Replay sends the command again, as a new delivery of the same operation — only while that operation is
 * not final: a final operation's outcome is on record and published, and running its command again would
 * contradict it (start a new operation instead). The dead letter is taken out of its queue first (so the
 * processor cannot end the operation under the replay), then the command is sent under a new message id
 * (duplicate detection would drop a copy of the original id). Hazard: if that send fails, the command is in
 * neither queue; the operation stays open and the sweeper ends it `MessageLost`.
 */
import type { Services } from '../../composition';
import { phaseQueues, phases } from '../../contracts/names';
import { type OperationRecord, queuedRecordOf } from '../../contracts/operation-record';
import { type PhaseCommand, phaseCommandSchema } from '../../contracts/phase-command';
import { boundedServiceBusId, phaseSessionId } from '../../contracts/service-bus-ids';
import { scopeKey } from '../../domain/scope/scope';
import type { DeadLetteredMessage } from '../../ports/dead-letter.port';

export interface DeadLetterAdminDeps {
  services: Pick<Services, 'clock' | 'operations' | 'audit' | 'messages' | 'phaseQueues' | 'deadLetters'>;
}

/** How many dead letters a listing shows per queue, and handled ones overall. */
export const deadLetterListLimit = 100;

export interface DeadLetterView {
  queue: string;
  messageId: string;
  /** `pending`: still in the dead-letter queue; `handled`: the processor took it (see `outcome`). */
  state: 'pending' | 'handled';
  operationId?: string;
  operation?: string;
  scope?: PhaseCommand['scope'];
  deadLetterReason?: string;
  deadLetterErrorDescription?: string;
  deliveryCount?: number;
  enqueuedAt?: string;
  handledAt?: string;
  outcome?: string;
  /** The operation's status now (absent when no record names it). */
  operationStatus?: OperationRecord['status'];
  /** Whether a replay would be accepted now, and if not, why. */
  replayable: boolean;
  why?: string;
}

/** A queue name (`migration-prepare`) or phase (`prepare`) to its queue; undefined when neither. */
export function phaseQueueNamed(name: string): string | undefined {
  const lower = name.toLowerCase();
  const phase = phases.find((p) => p === lower || phaseQueues[p] === lower);
  return phase && phaseQueues[phase];
}

export async function listDeadLetters(
  deps: DeadLetterAdminDeps,
  queue: string | undefined,
): Promise<DeadLetterView[]> {
  const queues = queue === undefined ? Object.values(phaseQueues) : [queue];
  const pending = (
    await Promise.all(
      queues.map((name) => deps.services.phaseQueues.peekDeadLetters(name, deadLetterListLimit)),
    )
  ).flat();
  const handled = await deps.services.deadLetters.list({
    ...(queue === undefined ? {} : { queue }),
    limit: deadLetterListLimit,
  });
  const views: DeadLetterView[] = [];
  for (const message of pending) views.push(await pendingView(deps, message));
  for (const entry of handled) {
    const command = phaseCommandSchema.safeParse(entry.body);
    const record = entry.operationId ? await deps.services.operations.get(entry.operationId) : undefined;
    views.push({
      queue: entry.queue,
      messageId: entry.messageId,
      state: 'handled',
      ...(entry.operationId === undefined ? {} : { operationId: entry.operationId }),
      ...(command.success ? { operation: command.data.operation, scope: command.data.scope } : {}),
      ...(entry.deadLetterReason === undefined ? {} : { deadLetterReason: entry.deadLetterReason }),
      ...(entry.deadLetterErrorDescription === undefined
        ? {}
        : { deadLetterErrorDescription: entry.deadLetterErrorDescription }),
      handledAt: entry.handledAt,
      outcome: entry.outcome,
      ...(record ? { operationStatus: record.status } : {}),
      replayable: false,
      why: `The dead-letter processor already handled it (${entry.outcome}); it is no longer in the dead-letter queue.`,
    });
  }
  return views;
}

async function pendingView(deps: DeadLetterAdminDeps, message: DeadLetteredMessage): Promise<DeadLetterView> {
  const command = phaseCommandSchema.safeParse(message.body);
  const record = command.success ? await deps.services.operations.get(command.data.operationId) : undefined;
  const refusal = command.success ? replayRefusal(record) : notACommand;
  return {
    queue: message.queue,
    messageId: message.messageId,
    state: 'pending',
    ...(command.success
      ? {
          operationId: command.data.operationId,
          operation: command.data.operation,
          scope: command.data.scope,
        }
      : {}),
    ...(message.deadLetterReason === undefined ? {} : { deadLetterReason: message.deadLetterReason }),
    ...(message.deadLetterErrorDescription === undefined
      ? {}
      : { deadLetterErrorDescription: message.deadLetterErrorDescription }),
    deliveryCount: message.deliveryCount,
    ...(message.enqueuedAt === undefined ? {} : { enqueuedAt: message.enqueuedAt }),
    ...(record ? { operationStatus: record.status } : {}),
    replayable: refusal === undefined,
    ...(refusal === undefined ? {} : { why: refusal }),
  };
}

const notACommand = 'The message is not a phase command; there is nothing to replay.';

/** Why a command of this operation must not run again; undefined when it may. */
function replayRefusal(record: OperationRecord | undefined): string | undefined {
  if (!record || (record.status !== 'Succeeded' && record.status !== 'Failed')) return undefined;
  const how = record.error
    ? `${record.status} (${record.error.code}: ${record.error.message})`
    : record.status;
  return `Operation ${record.operationId} is final: it ended ${how}${record.finishedAt ? ` at ${record.finishedAt}` : ''}. A final operation is not run again; start a new ${record.operation} instead.`;
}

export type ReplayResult =
  | { kind: 'replayed'; operation: OperationRecord; queue: string; messageId: string }
  | { kind: 'notFound'; message: string }
  /** The operation is final, or the message is not a command: nothing was changed. */
  | { kind: 'refused'; code: 'OperationFinal' | 'NotACommand'; message: string };

export async function replayDeadLetter(
  deps: DeadLetterAdminDeps,
  queue: string,
  messageId: string,
  requestedBy: string,
): Promise<ReplayResult> {
  const waiting = (await deps.services.phaseQueues.peekDeadLetters(queue, deadLetterListLimit)).find(
    (message) => message.messageId === messageId,
  );
  if (!waiting) return notWaiting(deps, queue, messageId);
  const command = phaseCommandSchema.safeParse(waiting.body);
  if (!command.success) return { kind: 'refused', code: 'NotACommand', message: notACommand };
  const before = await deps.services.operations.get(command.data.operationId);
  const refusal = replayRefusal(before);
  if (refusal) return { kind: 'refused', code: 'OperationFinal', message: refusal };

  const taken = await deps.services.phaseQueues.takeDeadLetter(queue, messageId);
  if (!taken) return notWaiting(deps, queue, messageId);
  const replay = phaseCommandSchema.parse(taken.body);
  const key = scopeKey(replay.scope);
  const now = deps.services.clock.now().toISOString();
  const replayId = boundedServiceBusId(`${replay.operationId}.replay.${Date.parse(now)}`);
  await deps.services.messages.send(phaseQueues[replay.operation], [
    { body: replay, messageId: replayId, sessionId: phaseSessionId(key), subject: replay.operation },
  ]);
  await deps.services.audit.append({
    at: now,
    scopeKey: key,
    operationId: replay.operationId,
    actor: requestedBy,
    source: 'api',
    action: 'replay',
    outcome: 'Queued',
    detail: `dead letter ${messageId} of ${queue} (${taken.deadLetterReason ?? 'no reason'}) sent again as message ${replayId}`,
  });
  const operation = (await deps.services.operations.get(replay.operationId)) ?? before;
  if (!operation) {
    // The phase creates the record from the command when it is missing; report what will run.
    return { kind: 'replayed', operation: queuedRecordOf(replay, key), queue, messageId: replayId };
  }
  return { kind: 'replayed', operation, queue, messageId: replayId };
}

/** The answer for a message not (or no longer) in the dead-letter queue. */
async function notWaiting(
  deps: DeadLetterAdminDeps,
  queue: string,
  messageId: string,
): Promise<ReplayResult> {
  const handled = (await deps.services.deadLetters.list({ queue, limit: deadLetterListLimit })).find(
    (entry) => entry.messageId === messageId,
  );
  if (handled) {
    const record = handled.operationId ? await deps.services.operations.get(handled.operationId) : undefined;
    return {
      kind: 'refused',
      code: 'OperationFinal',
      message:
        replayRefusal(record) ??
        `The dead-letter processor already handled message ${messageId} (${handled.outcome}); it is no longer in the dead-letter queue.`,
    };
  }
  return {
    kind: 'notFound',
    message: `No dead-lettered message ${messageId} in ${queue}. List them with GET /api/admin/deadletters?queue=${queue}.`,
  };
}
