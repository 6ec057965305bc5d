/**
 * A received envelope as the Service Bus extension hands it to the Node worker: the body as trigger data, and
 * the binding data (PascalCase; the library camel-cases it into `context.triggerMetadata`).
 */
import { MessageEnvelope } from '../../shared/adapters/local-service-bus/message-envelope';
import { intData, jsonData, stringData } from '../bindings/typed-data';
import { RpcTypedDataLike } from '../core-shim';

export function serviceBusTriggerData(envelope: MessageEnvelope): RpcTypedDataLike {
  if (envelope.bodyEncoding === 'base64') return { bytes: Buffer.from(String(envelope.body), 'base64') };
  // The host hands text bodies over as strings; the library then tries JSON.parse, exactly as here.
  if (typeof envelope.body === 'string') return stringData(envelope.body);
  return jsonData(envelope.body ?? null);
}

export function serviceBusTriggerMetadata(
  envelope: MessageEnvelope,
  lockToken: string,
): Record<string, RpcTypedDataLike> {
  const metadata: Record<string, RpcTypedDataLike> = {
    MessageId: stringData(envelope.messageId),
    DeliveryCount: intData(envelope.deliveryCount),
    EnqueuedTimeUtc: stringData(envelope.enqueuedTimeUtc),
    SequenceNumber: intData(envelope.sequenceNumber),
    LockToken: stringData(lockToken),
    ApplicationProperties: jsonData(envelope.applicationProperties ?? {}),
    UserProperties: jsonData(envelope.applicationProperties ?? {}),
  };
  const optional: Record<string, string | undefined> = {
    ContentType: envelope.contentType,
    CorrelationId: envelope.correlationId,
    Subject: envelope.subject,
    Label: envelope.subject,
    To: envelope.to,
    ReplyTo: envelope.replyTo,
    SessionId: envelope.sessionId,
    ExpiresAtUtc: envelope.expiresAtUtc ?? '9999-12-31T23:59:59.9999999Z',
    ScheduledEnqueueTimeUtc: envelope.scheduledEnqueueTimeUtc,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) metadata[key] = stringData(value);
  }
  return metadata;
}
