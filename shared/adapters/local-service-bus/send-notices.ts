/**
 * An in-process notice that a message was just sent to an entity, so that a receiver of that entity in the
 * same process polls at once instead of waiting out its back-off. Service Bus pushes a message to a waiting
 * receiver the moment it arrives (AMQP link credit); the local emulation polls Azurite, and without this a
 * message sent between two polls waited up to the polling interval (1 s) at every hop: a phase's entity
 * request and its answer took about 1.2 s on a busy dev host. Receivers in other processes still find the
 * message by polling, so nothing depends on the notice: it only shortens a wait.
 */
import { EventEmitter } from 'node:events';

import { canonicalEntityPath } from './storage-names';

const notices = new EventEmitter();
// One listener per receiver of each entity; their number is bounded by the triggers a process declares.
notices.setMaxListeners(0);

/** Tells this process's receivers of `entityPath` that a message was sent to it. */
export function noticeSend(entityPath: string): void {
  notices.emit(canonicalEntityPath(entityPath));
}

/** Calls `listener` whenever this process sends to `entityPath`; returns the way to stop. */
export function onSend(entityPath: string, listener: () => void): () => void {
  const key = canonicalEntityPath(entityPath);
  notices.on(key, listener);
  return () => notices.off(key, listener);
}
