/**
 * Dev host options whose Service Bus config is the project's (servicebus.local.json) plus an `observer`
 * subscription on the events topic that no function drains, so a test can peek every outcome event.
 * (The `notifiers` subscription is consumed by the chat notifier.)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { eventsTopic } from '../../shared/contracts/names';
import type { StartDevHostOptions } from './devhost';

export const eventObserverSubscription = 'observer';

export function withEventObserver(options: StartDevHostOptions = {}): StartDevHostOptions {
  const base = JSON.parse(readFileSync(resolve(process.cwd(), 'servicebus.local.json'), 'utf8')) as {
    entities?: Record<string, unknown>;
    topics?: Record<string, string[]>;
  };
  const file = join(mkdtempSync(join(tmpdir(), 'observer-')), 'servicebus.local.json');
  const topics = {
    ...base.topics,
    [eventsTopic]: [...(base.topics?.[eventsTopic] ?? []), eventObserverSubscription],
  };
  writeFileSync(file, JSON.stringify({ ...base, topics }));
  return { ...options, env: { ...options.env, DEVHOST_SERVICEBUS_CONFIG: file } };
}
