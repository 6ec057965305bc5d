/**
 * Service Bus ids within the broker's limits. Service Bus refuses a `SessionId` or a `MessageId` longer than
 * 128 characters (@azure/service-bus checks it before sending: "Length of 'sessionId' property on the
 * message cannot be greater than 128 characters."). Scope keys (subscription, kind, encoded name) pass 128
 * for long or non-ASCII scope names, and outcome event ids add a suffix to a client-chosen operation id of up
 * to 128, so every id we hand to Service Bus goes through here.
 *
 * Our choice: an id that fits is used as it is (so the ids of ordinary scopes and operations stay readable
 * and unchanged); a longer one becomes a readable prefix, `~`, and the SHA-256 of the whole id in hex —
 * deterministic, so every sender and every redelivery agrees on it, and collision-free in practice.
 */
import { createHash } from 'node:crypto';

/** The Service Bus limit on `SessionId` and `MessageId`. */
export const maxServiceBusIdLength = 128;

const hashLength = 64;

/** `id` itself when it fits in 128 characters; otherwise `<first 63 characters>~<sha256 hex>`. */
export function boundedServiceBusId(id: string): string {
  if (id.length <= maxServiceBusIdLength) return id;
  const digest = createHash('sha256').update(id).digest('hex');
  return `${id.slice(0, maxServiceBusIdLength - hashLength - 1)}~${digest}`;
}

/** The session id of a scope's phase messages: its scope key, hashed when too long. */
export function phaseSessionId(scopeKey: string): string {
  return boundedServiceBusId(scopeKey);
}
