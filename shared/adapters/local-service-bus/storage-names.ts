/**
 * How Service Bus entities are laid out in Azure Storage (Azurite) by the local Service Bus.
 *
 * Service Bus entity paths are case-insensitive and may contain `.`, `_`, `/` and upper case; Storage queue
 * names may not (3-63 chars of `[a-z0-9-]`, no `--`), and Table keys may not contain `/ \ # ?` or control
 * characters. Every name and key is therefore derived here, in one place, so that the sender library and the
 * dev host's receivers always agree.
 */
import { createHash } from 'node:crypto';

/** Tables used by the local Service Bus. Table names are alphanumeric only. */
export const localServiceBusTables = {
  /** One row per entity path: queue, topic (with its subscriptions) or subscription. */
  topology: 'DevHostSbTopology',
  /** Messages of session-enabled entities; one partition per (entity, session), rows ordered by sequence. */
  sessionMessages: 'DevHostSbSessionMessages',
  /** Session locks; one row per (entity, session) while a receiver holds the session. */
  sessionLocks: 'DevHostSbSessionLocks',
  /** Duplicate detection history: one row per (entity, messageId). */
  duplicateDetection: 'DevHostSbDuplicates',
} as const;

const queuePrefix = 'sb-';
const deadLetterSuffix = '-deadletter';
const maxQueueNameLength = 63;
const hashLength = 8;

/** The canonical (case-folded) form of an entity path, e.g. `Migration-Events/Subscriptions/Audit`. */
export function canonicalEntityPath(entityPath: string): string {
  const trimmed = entityPath.trim().replace(/^\/+|\/+$/g, '');
  if (trimmed.length === 0) throw new Error('A Service Bus entity name must not be empty.');
  return trimmed.toLowerCase();
}

/** The path Service Bus gives a topic subscription. */
export function subscriptionPath(topicName: string, subscriptionName: string): string {
  return `${topicName}/Subscriptions/${subscriptionName}`;
}

/** Service Bus's suffix for an entity's dead-letter sub-queue: `<queue>/$DeadLetterQueue`. */
const deadLetterSubQueue = /\/\$deadletterqueue$/i;

/** The entity whose dead-letter sub-queue `entityPath` names (`<entity>/$DeadLetterQueue`), if it names one. */
export function deadLetterParent(entityPath: string): string | undefined {
  const trimmed = entityPath.trim().replace(/^\/+|\/+$/g, '');
  return deadLetterSubQueue.test(trimmed) ? trimmed.replace(deadLetterSubQueue, '') : undefined;
}

/** The dead-letter sub-queue path of an entity, as Service Bus names it. */
export function deadLetterPath(entityPath: string): string {
  return `${entityPath}/$DeadLetterQueue`;
}

/**
 * The Azurite queue that carries an entity's messages (non-session entities) or session wake-up tokens
 * (session entities). A short hash is appended whenever the name had to be changed, so that two entity
 * paths never share a queue. `<entity>/$DeadLetterQueue` is the entity's dead-letter queue, so a receiver
 * of that path (a function triggered on the dead-letter queue) reads the dead-lettered messages.
 */
export function activeQueueName(entityPath: string): string {
  const parent = deadLetterParent(entityPath);
  return parent === undefined ? queueName(entityPath, '') : deadLetterQueueName(parent);
}

/** The Azurite queue holding an entity's dead-lettered messages (Service Bus: `<path>/$DeadLetterQueue`). */
export function deadLetterQueueName(entityPath: string): string {
  return queueName(entityPath, deadLetterSuffix);
}

function queueName(entityPath: string, suffix: string): string {
  const canonical = canonicalEntityPath(entityPath);
  const sanitized = canonical.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const room = maxQueueNameLength - queuePrefix.length - suffix.length;
  if (sanitized === canonical && sanitized.length <= room && sanitized.length > 0) {
    return `${queuePrefix}${sanitized}${suffix}`;
  }
  const hash = createHash('sha1').update(canonical).digest('hex').slice(0, hashLength);
  const head = sanitized.slice(0, room - hashLength - 1).replace(/-+$/g, '');
  return `${queuePrefix}${head.length > 0 ? `${head}-` : ''}${hash}${suffix}`;
}

/** Encodes any string so it is a legal, unambiguous Table PartitionKey/RowKey component. */
export function encodeKey(value: string): string {
  // encodeURIComponent escapes `/ \ # ?`, control characters and `|` (our separator); `'` is left as is and
  // must be escaped in OData filters, which the `odata` tag of @azure/data-tables does.
  return encodeURIComponent(value);
}

export function decodeKey(value: string): string {
  return decodeURIComponent(value);
}

/** Partition key of one session's messages. */
export function sessionPartitionKey(entityPath: string, sessionId: string): string {
  return `${encodeKey(canonicalEntityPath(entityPath))}|${encodeKey(sessionId)}`;
}

/** Partition key of everything stored per entity (locks, duplicate detection history). */
export function entityPartitionKey(entityPath: string): string {
  return encodeKey(canonicalEntityPath(entityPath));
}
