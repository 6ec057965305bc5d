/** The phase queues in memory: commands waiting per session and dead letters per queue, as a test sets them. */
import type { DeadLetteredMessage, PhaseQueues, QueuePresence } from '../../shared/ports/dead-letter.port';

export class InMemoryPhaseQueues implements PhaseQueues {
  /** `<queue>|<session>` → operation ids whose commands wait there. */
  readonly waiting = new Map<string, string[]>();
  readonly deadLetters = new Map<string, DeadLetteredMessage[]>();
  /** Sessions someone holds (the host handling a command): their contents cannot be seen. */
  readonly held = new Set<string>();

  wait(queue: string, sessionId: string, operationId: string): void {
    const at = `${queue}|${sessionId}`;
    this.waiting.set(at, [...(this.waiting.get(at) ?? []), operationId]);
  }

  peekDeadLetters(queue: string, maxCount: number): Promise<DeadLetteredMessage[]> {
    return Promise.resolve((this.deadLetters.get(queue) ?? []).slice(0, maxCount));
  }

  takeDeadLetter(queue: string, messageId: string): Promise<DeadLetteredMessage | undefined> {
    const messages = this.deadLetters.get(queue) ?? [];
    const index = messages.findIndex((message) => message.messageId === messageId);
    return Promise.resolve(index < 0 ? undefined : messages.splice(index, 1)[0]);
  }

  findCommand(queue: string, sessionId: string, operationId: string): Promise<QueuePresence> {
    const at = `${queue}|${sessionId}`;
    if (this.held.has(at)) return Promise.resolve('unknown');
    return Promise.resolve((this.waiting.get(at) ?? []).includes(operationId) ? 'present' : 'absent');
  }
}
