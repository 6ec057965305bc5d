/**
 * The phase queues as an operator and the sweeper see them: dead-lettered messages (listed, taken back for
 * a replay) and whether a message still waits in its session. Implemented over `@azure/service-bus` in Azure
 * (`createReceiver(queue, { subQueueType: 'deadLetter' })`, a session receiver for peeks) and over the
 * local Service Bus on Azurite for the dev host.
 */

/** A message Service Bus moved to a queue's dead-letter sub-queue (`<queue>/$DeadLetterQueue`). */
export interface DeadLetteredMessage {
  /** The queue it was dead-lettered from. */
  queue: string;
  messageId: string;
  sessionId?: string;
  subject?: string;
  body: unknown;
  deliveryCount: number;
  enqueuedAt?: string;
  deadLetterReason?: string;
  deadLetterErrorDescription?: string;
}

/** Whether a message is in a session: `unknown` when the session cannot be looked at (someone holds it). */
export type QueuePresence = 'present' | 'absent' | 'unknown';

export interface PhaseQueues {
  /** Messages in `queue`'s dead-letter sub-queue, oldest first, left in place (at most `maxCount`). */
  peekDeadLetters(queue: string, maxCount: number): Promise<DeadLetteredMessage[]>;
  /** Removes the dead-lettered message `messageId` from `queue`'s dead-letter sub-queue; undefined if absent. */
  takeDeadLetter(queue: string, messageId: string): Promise<DeadLetteredMessage | undefined>;
  /**
   * Whether a command of operation `operationId` (its message id, or a replay's body) still waits, or is
   * being handled, in session `sessionId` of `queue`.
   */
  findCommand(queue: string, sessionId: string, operationId: string): Promise<QueuePresence>;
}

/** What the dead-letter processor did with one dead-lettered message, kept for the operators' listing. */
export interface DeadLetterEntry {
  queue: string;
  messageId: string;
  operationId?: string;
  deadLetterReason?: string;
  deadLetterErrorDescription?: string;
  /** When the processor handled it. */
  handledAt: string;
  /** How the operation ended, e.g. `Failed: DeadLettered`, or why nothing was done. */
  outcome: string;
  body: unknown;
}

export interface DeadLetterLog {
  record(entry: DeadLetterEntry): Promise<void>;
  /** Newest first; of one queue when `queue` is given. */
  list(options: { queue?: string; limit: number }): Promise<DeadLetterEntry[]>;
}
