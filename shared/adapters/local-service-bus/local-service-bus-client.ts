/**
 * The sending side of the local Service Bus: what the product's own code (behind its Service Bus port) and the
 * dev host use to put messages on queues and topics when no broker exists. Messages land in Azurite, where the
 * dev host's Service Bus triggers receive them with Service Bus semantics (see devhost/README.md).
 *
 * Usage:
 *   const bus = LocalServiceBusClient.fromConnectionString(process.env.AzureWebJobsStorage!);
 *   await bus.sendMessages('migration-prepare', [{ body: { ... }, messageId: operationId, sessionId: scopeKey }]);
 */
import { forEachLimit } from '../../domain/concurrency';
import { maxMessagesPerCall, peekDeadLetters, receiveDeadLetters, takeDeadLetter } from './dead-letter-queue';
import { DeliveryTarget, EntityTopology } from './entity-topology';
import {
  activationTime,
  createEnvelope,
  MessageEnvelope,
  OutgoingServiceBusMessage,
  parseEnvelope,
  serializeEnvelope,
} from './message-envelope';
import { noticeSend } from './send-notices';
import { SessionStore, SessionToken } from './session-store';
import { StorageClients } from './storage-clients';
import { activeQueueName } from './storage-names';

/** A message as peeked or received back, shaped like @azure/service-bus's ServiceBusReceivedMessage. */
export interface LocalServiceBusReceivedMessage {
  body: unknown;
  messageId: string;
  sessionId?: string;
  contentType?: string;
  subject?: string;
  correlationId?: string;
  replyTo?: string;
  to?: string;
  applicationProperties: Record<string, string | number | boolean | null>;
  deliveryCount: number;
  sequenceNumber: number;
  enqueuedTimeUtc: Date;
  scheduledEnqueueTimeUtc?: Date;
  expiresAtUtc?: Date;
  deadLetterReason?: string;
  deadLetterErrorDescription?: string;
  deadLetterSource?: string;
}

/** The environment variable the dev host sets so a composition root picks this client. */
export const localServiceBusSelector = { variable: 'DEVHOST_SERVICE_BUS', value: 'azurite' } as const;
/** The environment variable holding the storage connection string the local Service Bus lives in. */
export const localServiceBusConnectionVariable = 'DEVHOST_SERVICE_BUS_CONNECTION';

export class LocalServiceBusClient {
  readonly #clients: StorageClients;
  readonly #topology: EntityTopology;
  readonly #sessions: SessionStore;

  constructor(clients: StorageClients) {
    this.#clients = clients;
    this.#topology = new EntityTopology(clients);
    this.#sessions = new SessionStore(clients);
  }

  static fromConnectionString(connectionString: string): LocalServiceBusClient {
    return new LocalServiceBusClient(new StorageClients(connectionString));
  }

  /** Reads `DEVHOST_SERVICE_BUS_CONNECTION` (falling back to `AzureWebJobsStorage`), as the dev host sets them. */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): LocalServiceBusClient {
    const connectionString = env[localServiceBusConnectionVariable] ?? env.AzureWebJobsStorage;
    if (!connectionString) {
      throw new Error(
        `The local Service Bus needs ${localServiceBusConnectionVariable} or AzureWebJobsStorage (set by the dev host).`,
      );
    }
    return LocalServiceBusClient.fromConnectionString(connectionString);
  }

  /**
   * Sends messages to a queue or topic (a topic fans out to every subscription declared by the dev host).
   * Like Service Bus, a session-enabled entity refuses a message without a sessionId, and a sessionId or
   * messageId over 128 characters is refused (with @azure/service-bus's own text). Duplicate detection
   * happens on the receiving side (see devhost/README.md), so a duplicate is accepted here and dropped later.
   */
  async sendMessages(
    entityName: string,
    messages: OutgoingServiceBusMessage | readonly OutgoingServiceBusMessage[],
  ): Promise<void> {
    const batch: readonly OutgoingServiceBusMessage[] = isMessageList(messages) ? messages : [messages];
    for (const message of batch) assertWithinIdLimits(message);
    const targets = await this.#topology.resolveTargets(entityName);
    for (const target of targets) {
      if (target.requiresSession && batch.some((message) => !message.sessionId)) {
        throw new Error(
          `The SessionId was not set on a message, and it cannot be sent to the entity '${target.path}'. ` +
            'Entities that have session support enabled can only receive messages that have the SessionId set.',
        );
      }
    }
    const now = Date.now();
    const envelopes = batch.map((message) => createEnvelope(message, now));
    for (const target of targets) {
      if (!target.requiresSession) {
        await forEachLimit(envelopes, sendConcurrency, (envelope) =>
          this.#sendToQueue(target.path, envelope),
        );
        noticeSend(target.path);
        continue;
      }
      // One session's messages are stored one after another: a holder draining the session meanwhile must
      // never see a later message before an earlier one exists. Different sessions go in parallel.
      const bySession = new Map<string, MessageEnvelope[]>();
      for (const envelope of envelopes) {
        const sessionId = envelope.sessionId ?? '';
        bySession.set(sessionId, [...(bySession.get(sessionId) ?? []), envelope]);
      }
      await forEachLimit([...bySession.values()], sendConcurrency, async (ofSession) => {
        for (const envelope of ofSession) await this.#sessions.append(target.path, envelope);
        const wakeUps = new Map(ofSession.map((envelope) => [delaySeconds(envelope), envelope]));
        for (const envelope of wakeUps.values()) await this.#wakeSession(target.path, envelope);
      });
      noticeSend(target.path);
    }
  }

  /** Active messages of an entity, without locking them (at most 32; session entities list their table). */
  async peekMessages(
    entityPath: string,
    maxMessageCount = maxMessagesPerCall,
  ): Promise<LocalServiceBusReceivedMessage[]> {
    const entry = await this.#topology.describe(entityPath);
    if (entry?.requiresSession === true) {
      return (await this.#sessions.listAll(entityPath, maxMessageCount)).map(toReceivedMessage);
    }
    const queue = await this.#clients.queue(activeQueueName(entityPath));
    const peeked = await queue.peekMessages({
      numberOfMessages: Math.min(maxMessagesPerCall, maxMessageCount),
    });
    return peeked.peekedMessageItems.map((item) => toReceivedMessage(parseEnvelope(item.messageText)));
  }

  /** Dead-lettered messages of an entity (`<queue>` or `<topic>/Subscriptions/<name>`), left in place. */
  async peekDeadLetterMessages(
    entityPath: string,
    maxMessageCount = maxMessagesPerCall,
  ): Promise<LocalServiceBusReceivedMessage[]> {
    return (await peekDeadLetters(this.#clients, entityPath, maxMessageCount)).map(toReceivedMessage);
  }

  /** Dead-lettered messages of an entity, removed from the dead-letter queue (receive-and-delete). */
  async receiveDeadLetterMessages(
    entityPath: string,
    maxMessageCount = maxMessagesPerCall,
  ): Promise<LocalServiceBusReceivedMessage[]> {
    return (await receiveDeadLetters(this.#clients, entityPath, maxMessageCount)).map(toReceivedMessage);
  }

  /** The dead-lettered message with `messageId`, removed from the dead-letter queue; undefined if absent. */
  async takeDeadLetterMessage(
    entityPath: string,
    messageId: string,
  ): Promise<LocalServiceBusReceivedMessage | undefined> {
    const envelope = await takeDeadLetter(this.#clients, entityPath, messageId);
    return envelope && toReceivedMessage(envelope);
  }

  /**
   * The messages of one session of a session-enabled entity, in order, without locking them (the message
   * being handled stays listed until it completes). Service Bus can only peek a session it accepts.
   */
  async peekSessionMessages(
    entityPath: string,
    sessionId: string,
    maxMessageCount = maxMessagesPerCall,
  ): Promise<LocalServiceBusReceivedMessage[]> {
    return (await this.#sessions.head(entityPath, sessionId, maxMessageCount)).map((stored) =>
      toReceivedMessage(stored.envelope),
    );
  }

  /** Puts one envelope on one concrete queue or subscription. Used by the dev host to forward signals too. */
  async enqueue(target: DeliveryTarget, envelope: MessageEnvelope): Promise<void> {
    if (!target.requiresSession) {
      await this.#sendToQueue(target.path, envelope);
    } else {
      await this.#sessions.append(target.path, envelope);
      await this.#wakeSession(target.path, envelope);
    }
    noticeSend(target.path);
  }

  async #sendToQueue(entityPath: string, envelope: MessageEnvelope): Promise<void> {
    const queue = await this.#clients.queue(activeQueueName(entityPath));
    await queue.sendMessage(serializeEnvelope(envelope), {
      visibilityTimeout: delaySeconds(envelope),
      messageTimeToLive: -1,
    });
  }

  /**
   * Leaves a wake-up token for the envelope's session. A live session holder drains everything committed
   * before it releases, and looks again after releasing, so a token is only needed when nobody holds the
   * session or the message is scheduled for later.
   */
  async #wakeSession(entityPath: string, envelope: MessageEnvelope): Promise<void> {
    const sessionId = envelope.sessionId ?? '';
    const delay = delaySeconds(envelope);
    const lock = delay > 0 ? undefined : await this.#sessions.readLock(entityPath, sessionId);
    if (lock !== undefined && lock.lockedUntil > Date.now()) return;
    const queue = await this.#clients.queue(activeQueueName(entityPath));
    const token: SessionToken = { sessionId };
    await queue.sendMessage(JSON.stringify(token), { visibilityTimeout: delay, messageTimeToLive: -1 });
  }
}

/** Service Bus's limit on SessionId and MessageId (the SDK checks it before sending). */
export const maxIdLength = 128;

function assertWithinIdLimits(message: OutgoingServiceBusMessage): void {
  if (message.sessionId !== undefined && message.sessionId.length > maxIdLength) {
    throw new Error(
      `Length of 'sessionId' property on the message cannot be greater than ${maxIdLength} characters.`,
    );
  }
  if (message.messageId !== undefined && message.messageId.length > maxIdLength) {
    throw new Error(
      `Length of 'messageId' property on the message cannot be greater than ${maxIdLength} characters.`,
    );
  }
}

/** Whole seconds until a scheduled envelope may be received (queue visibility has one-second resolution). */
function delaySeconds(envelope: MessageEnvelope): number {
  const activation = activationTime(envelope);
  const now = Date.now();
  return activation > now ? Math.ceil((activation - now) / 1000) : 0;
}

const sendConcurrency = 16;

function isMessageList(
  messages: OutgoingServiceBusMessage | readonly OutgoingServiceBusMessage[],
): messages is readonly OutgoingServiceBusMessage[] {
  return Array.isArray(messages);
}

export function toReceivedMessage(envelope: MessageEnvelope): LocalServiceBusReceivedMessage {
  return {
    body: envelope.bodyEncoding === 'base64' ? Buffer.from(String(envelope.body), 'base64') : envelope.body,
    messageId: envelope.messageId,
    sessionId: envelope.sessionId,
    contentType: envelope.contentType,
    subject: envelope.subject,
    correlationId: envelope.correlationId,
    replyTo: envelope.replyTo,
    to: envelope.to,
    applicationProperties: envelope.applicationProperties ?? {},
    deliveryCount: envelope.deliveryCount,
    sequenceNumber: envelope.sequenceNumber,
    enqueuedTimeUtc: new Date(envelope.enqueuedTimeUtc),
    scheduledEnqueueTimeUtc: envelope.scheduledEnqueueTimeUtc
      ? new Date(envelope.scheduledEnqueueTimeUtc)
      : undefined,
    expiresAtUtc: envelope.expiresAtUtc ? new Date(envelope.expiresAtUtc) : undefined,
    deadLetterReason: envelope.deadLetterReason,
    deadLetterErrorDescription: envelope.deadLetterErrorDescription,
    deadLetterSource: envelope.deadLetterSource,
  };
}
