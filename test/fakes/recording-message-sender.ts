/** A message sender that keeps what it was given, per queue or topic. */
import type { MessageSender, OutgoingMessage } from '../../shared/ports/message-sender.port';

export class RecordingMessageSender implements MessageSender {
  readonly sent: { entityName: string; message: OutgoingMessage }[] = [];

  send(entityName: string, messages: OutgoingMessage[]): Promise<void> {
    for (const message of messages) this.sent.push({ entityName, message });
    return Promise.resolve();
  }
}
