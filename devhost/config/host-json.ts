/**
 * The parts of host.json the dev host honours, with Azure's defaults. Unknown keys are ignored, as the
 * Functions host ignores settings of extensions it does not load.
 */
import { readFileSync } from 'node:fs';

import { z } from 'zod';

import { parseDurationMs } from './durations';

const duration = z.string().transform((text) => parseDurationMs(text));

const hostJsonSchema = z.object({
  version: z.string().optional(),
  logging: z.object({ logLevel: z.record(z.string(), z.string()).optional() }).optional(),
  extensions: z
    .object({
      http: z.object({ routePrefix: z.string().optional() }).optional(),
      queues: z
        .object({
          maxDequeueCount: z.number().int().positive().optional(),
          batchSize: z.number().int().min(1).max(32).optional(),
          newBatchThreshold: z.number().int().nonnegative().optional(),
          maxPollingInterval: duration.optional(),
          visibilityTimeout: duration.optional(),
          messageEncoding: z.enum(['base64', 'none']).optional(),
        })
        .optional(),
      serviceBus: z
        .object({
          maxConcurrentCalls: z.number().int().positive().optional(),
          maxConcurrentSessions: z.number().int().positive().optional(),
          autoCompleteMessages: z.boolean().optional(),
          maxAutoLockRenewalDuration: duration.optional(),
        })
        .optional(),
      durableTask: z.object({ hubName: z.string().optional() }).optional(),
    })
    .optional(),
});

export interface HostSettings {
  routePrefix: string;
  logLevel: string;
  queues: {
    maxDequeueCount: number;
    batchSize: number;
    newBatchThreshold: number;
    /** Azure's default is 1 minute; Core Tools (running locally) uses 2 seconds, and so does the dev host. */
    maxPollingIntervalMs: number;
    visibilityTimeoutMs: number;
    messageEncoding: 'base64' | 'none';
  };
  serviceBus: {
    maxConcurrentCalls: number;
    maxConcurrentSessions: number;
    autoCompleteMessages: boolean;
    maxAutoLockRenewalDurationMs: number;
  };
  durableHubName: string;
}

const localMaxPollingIntervalMs = 2_000;

export function readHostJson(path: string): HostSettings {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const parsed = hostJsonSchema.parse(raw);
  const queues = parsed.extensions?.queues ?? {};
  const serviceBus = parsed.extensions?.serviceBus ?? {};
  const batchSize = queues.batchSize ?? 16;
  return {
    routePrefix: parsed.extensions?.http?.routePrefix ?? 'api',
    logLevel: parsed.logging?.logLevel?.default ?? 'Information',
    queues: {
      maxDequeueCount: queues.maxDequeueCount ?? 5,
      batchSize,
      newBatchThreshold: queues.newBatchThreshold ?? Math.floor(batchSize / 2),
      maxPollingIntervalMs: Math.min(
        queues.maxPollingInterval ?? localMaxPollingIntervalMs,
        localMaxPollingIntervalMs,
      ),
      visibilityTimeoutMs: queues.visibilityTimeout ?? 0,
      messageEncoding: queues.messageEncoding ?? 'base64',
    },
    serviceBus: {
      // The extension's default is 16 per core; the dev host runs one worker per process, so 16.
      maxConcurrentCalls: serviceBus.maxConcurrentCalls ?? 16,
      maxConcurrentSessions: serviceBus.maxConcurrentSessions ?? 8,
      autoCompleteMessages: serviceBus.autoCompleteMessages ?? true,
      maxAutoLockRenewalDurationMs: serviceBus.maxAutoLockRenewalDuration ?? 5 * 60_000,
    },
    durableHubName: parsed.extensions?.durableTask?.hubName ?? 'TestHubName',
  };
}
