/**
 * Sends messages to a Service Bus queue or topic. Implemented over `@azure/service-bus` in Azure and
 * over the dev host's Service Bus emulation on Azurite locally.
 */
export interface OutgoingMessage {
  body: unknown;
  /** Duplicate detection key. */
  messageId: string;
  /** Required by session-enabled queues: one message at a time per session. */
  sessionId?: string;
  subject?: string;
  contentType?: string;
  correlationId?: string;
  applicationProperties?: Record<string, string | number | boolean>;
  scheduledEnqueueTimeUtc?: Date;
}

export interface MessageSender {
  send(entityName: string, messages: OutgoingMessage[]): Promise<void>;
}
