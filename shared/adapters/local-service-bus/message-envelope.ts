/**
 * The stored form of a local Service Bus message ("envelope"), and the message a sender hands over.
 *
 * The envelope carries the broker-side state Azurite cannot keep for us: our own delivery count (Azurite's
 * dequeueCount also counts re-hides that are not deliveries), the last error, and dead-letter fields.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import { z } from 'zod';

/** Application property values Service Bus accepts (Dates are stored as ISO strings). */
export type ApplicationPropertyValue = string | number | boolean | null | Date;

/** What a sender passes: the subset of @azure/service-bus's ServiceBusMessage the product uses. */
export interface OutgoingServiceBusMessage {
  /** JSON-serialisable value, a string, or bytes (Buffer/Uint8Array). */
  body: unknown;
  messageId?: string;
  sessionId?: string;
  contentType?: string;
  subject?: string;
  correlationId?: string;
  replyTo?: string;
  to?: string;
  applicationProperties?: Record<string, ApplicationPropertyValue>;
  scheduledEnqueueTimeUtc?: Date;
  /** Time to live in milliseconds; by default messages never expire (as Service Bus). */
  timeToLive?: number;
}

const applicationPropertiesSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
);

export const messageEnvelopeSchema = z.object({
  v: z.literal(1),
  /** Internal id of this copy of the message: tells a redelivery apart from a duplicate with the same messageId. */
  envelopeId: z.string(),
  messageId: z.string(),
  body: z.unknown(),
  bodyEncoding: z.enum(['json', 'base64']),
  contentType: z.string().optional(),
  subject: z.string().optional(),
  correlationId: z.string().optional(),
  replyTo: z.string().optional(),
  to: z.string().optional(),
  sessionId: z.string().optional(),
  applicationProperties: applicationPropertiesSchema.optional(),
  enqueuedTimeUtc: z.string(),
  scheduledEnqueueTimeUtc: z.string().optional(),
  expiresAtUtc: z.string().optional(),
  sequenceNumber: z.number(),
  deliveryCount: z.number().int().nonnegative(),
  lastError: z.string().optional(),
  deadLetterReason: z.string().optional(),
  deadLetterErrorDescription: z.string().optional(),
  deadLetterSource: z.string().optional(),
});
export type MessageEnvelope = z.infer<typeof messageEnvelopeSchema>;

export function parseEnvelope(text: string): MessageEnvelope {
  return messageEnvelopeSchema.parse(JSON.parse(text));
}

export function serializeEnvelope(envelope: MessageEnvelope): string {
  return JSON.stringify(envelope);
}

/** When a message becomes receivable: its scheduled enqueue time, or its enqueue time. */
export function activationTime(envelope: MessageEnvelope): number {
  return Date.parse(envelope.scheduledEnqueueTimeUtc ?? envelope.enqueuedTimeUtc);
}

export function isExpired(envelope: MessageEnvelope, now: number): boolean {
  return envelope.expiresAtUtc !== undefined && Date.parse(envelope.expiresAtUtc) <= now;
}

/**
 * Builds the envelope of a message being sent now. The sequence number is derived from the activation time
 * and a per-process counter, so that messages sent one after another by one process are strictly ordered.
 */
export function createEnvelope(message: OutgoingServiceBusMessage, now: number): MessageEnvelope {
  const scheduled = message.scheduledEnqueueTimeUtc?.getTime();
  const activation = scheduled !== undefined && scheduled > now ? scheduled : now;
  const isBinary = Buffer.isBuffer(message.body) || message.body instanceof Uint8Array;
  const body = isBinary ? Buffer.from(message.body as Uint8Array).toString('base64') : message.body;
  if (!isBinary && body !== undefined) assertJsonSerialisable(body);
  return {
    v: 1,
    envelopeId: randomUUID(),
    messageId: message.messageId ?? randomUUID().replace(/-/g, ''),
    body,
    bodyEncoding: isBinary ? 'base64' : 'json',
    contentType: message.contentType,
    subject: message.subject,
    correlationId: message.correlationId,
    replyTo: message.replyTo,
    to: message.to,
    sessionId: message.sessionId,
    applicationProperties: toStoredProperties(message.applicationProperties),
    enqueuedTimeUtc: new Date(activation).toISOString(),
    scheduledEnqueueTimeUtc: scheduled !== undefined ? new Date(scheduled).toISOString() : undefined,
    expiresAtUtc:
      message.timeToLive !== undefined ? new Date(activation + message.timeToLive).toISOString() : undefined,
    sequenceNumber: nextSequenceNumber(activation, now),
    deliveryCount: 0,
  };
}

function toStoredProperties(
  properties: Record<string, ApplicationPropertyValue> | undefined,
): Record<string, string | number | boolean | null> | undefined {
  if (!properties) return undefined;
  const stored: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(properties)) {
    stored[key] = value instanceof Date ? value.toISOString() : value;
  }
  return stored;
}

function assertJsonSerialisable(body: unknown): void {
  try {
    JSON.stringify(body);
  } catch (error) {
    throw new Error(`The message body must be JSON-serialisable, a string or bytes: ${String(error)}`);
  }
}

/*
 * Sequence numbers: Service Bus assigns a per-entity, strictly increasing 64-bit number. Without a broker we
 * use activation milliseconds * 1000 + a per-process counter, kept strictly increasing within this process for
 * immediate sends. Scheduled messages are numbered at their activation time without moving the counter, or
 * every later immediate send would sort behind them. Across processes the order is the order of the clocks,
 * the best a sender-side scheme can offer.
 */
let lastSequenceNumber = 0;
let scheduledCounter = 0;
function nextSequenceNumber(activationMs: number, now: number): number {
  if (activationMs > now) return activationMs * 1000 + (scheduledCounter++ % 1000);
  lastSequenceNumber = Math.max(lastSequenceNumber + 1, activationMs * 1000);
  return lastSequenceNumber;
}

const processTag = randomBytes(4).toString('hex');

/**
 * A Table RowKey that sorts messages by activation, then by send order within one process; the process tag
 * and the envelope id keep keys from two senders unique.
 */
export function sequenceKey(envelope: MessageEnvelope): string {
  return `${String(envelope.sequenceNumber).padStart(19, '0')}-${processTag}-${envelope.envelopeId.slice(0, 8)}`;
}
