/** What a Service Bus receiver needs to know about its entity and its surroundings. */
import { QueueClient, ReceivedMessageItem } from '@azure/storage-queue';

import { MessageEnvelope } from '../../shared/adapters/local-service-bus/message-envelope';
import { StorageClients } from '../../shared/adapters/local-service-bus/storage-clients';
import { Logger } from '../logging/logger';
import { DuplicateDetector } from './duplicate-detector';
import { EntityProperties } from './entity-properties';

export interface ReceiverContext {
  entityPath: string;
  properties: EntityProperties;
  /** host.json `maxAutoLockRenewalDuration`. */
  maxRenewalMs: number;
  storage: StorageClients;
  duplicates: DuplicateDetector;
  logger: Logger;
}

/**
 * Runs the messages through whatever consumes them (a function, or an entity batch). Resolving completes the
 * messages; rejecting abandons them.
 */
export type DeliverMessages = (envelopes: MessageEnvelope[]) => Promise<void>;

/** Service Bus keeps the error description short; so do we (first line, bounded). */
export function errorDescription(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0]?.slice(0, 1024) ?? '';
}

/** Takes up to `room` messages (32 at most, the storage queue limit), each locked for the entity's lock duration. */
export async function receiveLocked(
  queue: QueueClient,
  lockDurationMs: number,
  room: number,
): Promise<ReceivedMessageItem[]> {
  const received = await queue.receiveMessages({
    numberOfMessages: Math.min(room, 32),
    visibilityTimeout: lockSeconds(lockDurationMs),
  });
  return received.receivedMessageItems;
}

/**
 * True (and logged as dropped) when the entity detects duplicates and this delivery repeats a messageId seen
 * within the window; the caller then completes it without delivering.
 */
export async function isDuplicateDelivery(
  context: ReceiverContext,
  envelope: MessageEnvelope,
): Promise<boolean> {
  const { entityPath, properties, logger } = context;
  if (!properties.requiresDuplicateDetection) return false;
  const verdict = await context.duplicates.check(entityPath, envelope, properties.duplicateDetectionWindowMs);
  if (verdict === 'first') return false;
  logger.info(
    `Message '${envelope.messageId}' on '${entityPath}' is a duplicate within the detection window; dropped.`,
    { event: 'duplicateDropped' },
  );
  return true;
}

export function lockSeconds(lockDurationMs: number): number {
  return Math.max(1, Math.ceil(lockDurationMs / 1000));
}

/** JSON.parse that answers undefined instead of throwing (queue text written by someone else). */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
