/**
 * Per-entity Service Bus properties (what Bicep sets on a queue or subscription), with Azure's defaults, and
 * their local override file.
 *
 * The file (default `servicebus.local.json` beside host.json; or `--servicebus-config` /
 * `DEVHOST_SERVICEBUS_CONFIG`) looks like:
 *   {
 *     "entities": {
 *       "migration-prepare": { "maxDeliveryCount": 10, "lockDuration": "PT1M",
 *                              "requiresDuplicateDetection": true, "duplicateDetectionHistoryTimeWindow": "PT10M" },
 *       "migration-events/Subscriptions/audit": { "requiresSession": false }
 *     },
 *     "topics": { "migration-events": ["audit"] }
 *   }
 * `topics` declares subscriptions that no function of this app consumes (so a topic send still fans out to
 * them); `requiresSession` marks entities no trigger of this app declares.
 */
import { existsSync, readFileSync } from 'node:fs';

import { z } from 'zod';

import { canonicalEntityPath } from '../../shared/adapters/local-service-bus/storage-names';
import { parseDurationMs } from '../config/durations';

export interface EntityProperties {
  maxDeliveryCount: number;
  lockDurationMs: number;
  /**
   * Off by default in Azure; on by default here because the project's entities declare it, and a dev host
   * that silently delivered duplicates would hide bugs. Set it to false per entity to get Azure's default.
   */
  requiresDuplicateDetection: boolean;
  duplicateDetectionWindowMs: number;
  requiresSession: boolean | undefined;
}

/** Azure Service Bus defaults: MaxDeliveryCount 10, LockDuration PT1M, DuplicateDetectionHistoryTimeWindow PT10M. */
export const azureEntityDefaults: EntityProperties = {
  maxDeliveryCount: 10,
  lockDurationMs: 60_000,
  requiresDuplicateDetection: true,
  duplicateDetectionWindowMs: 10 * 60_000,
  requiresSession: undefined,
};

const duration = z.string().transform((text) => parseDurationMs(text));

const configSchema = z.object({
  entities: z
    .record(
      z.string(),
      z.object({
        maxDeliveryCount: z.number().int().positive().optional(),
        lockDuration: duration.optional(),
        requiresDuplicateDetection: z.boolean().optional(),
        duplicateDetectionHistoryTimeWindow: duration.optional(),
        requiresSession: z.boolean().optional(),
      }),
    )
    .optional(),
  topics: z.record(z.string(), z.array(z.string())).optional(),
});

export class EntityPropertiesConfig {
  readonly #entities: Map<string, EntityProperties>;
  /** Topic name → subscription names declared in the file. */
  readonly declaredTopics: ReadonlyMap<string, readonly string[]>;
  /** Entity paths whose `requiresSession` the file states. */
  readonly declaredEntities: readonly string[];

  constructor(raw: unknown) {
    const parsed = configSchema.parse(raw);
    this.#entities = new Map();
    const declared: string[] = [];
    for (const [path, entry] of Object.entries(parsed.entities ?? {})) {
      this.#entities.set(canonicalEntityPath(path), {
        maxDeliveryCount: entry.maxDeliveryCount ?? azureEntityDefaults.maxDeliveryCount,
        lockDurationMs: entry.lockDuration ?? azureEntityDefaults.lockDurationMs,
        requiresDuplicateDetection:
          entry.requiresDuplicateDetection ?? azureEntityDefaults.requiresDuplicateDetection,
        duplicateDetectionWindowMs:
          entry.duplicateDetectionHistoryTimeWindow ?? azureEntityDefaults.duplicateDetectionWindowMs,
        requiresSession: entry.requiresSession,
      });
      if (entry.requiresSession !== undefined) declared.push(path);
    }
    this.declaredEntities = declared;
    this.declaredTopics = new Map(Object.entries(parsed.topics ?? {}));
  }

  static read(path: string | undefined): EntityPropertiesConfig {
    if (path === undefined || !existsSync(path)) return new EntityPropertiesConfig({});
    return new EntityPropertiesConfig(JSON.parse(readFileSync(path, 'utf8')));
  }

  for(entityPath: string): EntityProperties {
    return this.#entities.get(canonicalEntityPath(entityPath)) ?? azureEntityDefaults;
  }
}
