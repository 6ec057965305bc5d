/**
 * An in-process notice that an entity's state was just written, so that a function in the same process
 * waiting for the entity's answer reads it at once instead of waiting out its polling back-off. Only the
 * dev host writes entity state in-process (its Durable emulation, devhost/durable/); on Azure the Durable
 * extension runs the entity and nothing here fires, so waiters poll exactly as before. Nothing depends on
 * a notice: it only shortens a wait, and a waiter in another process still finds the state by polling.
 */
import { EventEmitter } from 'node:events';

const notices = new EventEmitter();
// One listener per waiting function; bounded by the invocations a process runs at once.
notices.setMaxListeners(0);

const keyOf = (entityName: string, entityKey: string) => `${entityName.toLowerCase()}@${entityKey}`;

/** Tells this process's waiters on the entity that its state was written. */
export function noticeEntityChange(entityName: string, entityKey: string): void {
  notices.emit(keyOf(entityName, entityKey));
}

/** Resolves when this process next writes the entity's state, or after `maxMs`, whichever comes first. */
export function entityChangeOrTimeout(entityName: string, entityKey: string, maxMs: number): Promise<void> {
  const key = keyOf(entityName, entityKey);
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      notices.off(key, done);
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    notices.on(key, done);
  });
}
