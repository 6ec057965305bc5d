/**
 * The service's configuration, parsed from the environment once, lazily, failing with every problem
 * listed. Nothing else reads `process.env`.
 *
 * Identity-based connections follow the Functions convention: a binding's `connection` names a setting
 * prefix (`AzureWebJobsStorage`, `ServiceBusConnection`); either the prefix holds a connection string, or
 * `<prefix>__tableServiceUri` / `<prefix>__fullyQualifiedNamespace` (+ `__clientId`) name an endpoint
 * reached with managed identity.
 *
 * Outcome events always go to the Service Bus topic; `OUTCOME_EVENTS_TOPIC_ENDPOINT` also sends them to an
 * Event Grid custom topic, reached with the same managed identity as Service Bus (or storage).
 */
import { z } from 'zod';

import { connectionSettings } from './contracts/names';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const envSchema = z.object({
  // Keys spelled out (not computed from connectionSettings) so zod keeps their types; a test checks they agree.
  AzureWebJobsStorage: z.string().optional(),
  AzureWebJobsStorage__tableServiceUri: z.string().url().optional(),
  AzureWebJobsStorage__clientId: z.string().optional(),
  ServiceBusConnection: z.string().optional(),
  ServiceBusConnection__fullyQualifiedNamespace: z.string().optional(),
  ServiceBusConnection__clientId: z.string().optional(),
  DEVHOST_SERVICE_BUS: z.enum(['azurite']).optional(),
  DEVHOST_SERVICE_BUS_CONNECTION: z.string().optional(),
  DEFAULT_SUBSCRIPTION_ID: z.string().default('00000000-0000-0000-0000-000000000000'),
  OPERATION_LEASE_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 60 * 60),
  /** Must equal the queues' maxDeliveryCount in Azure (infra) and on the dev host (10 by default). */
  SERVICE_BUS_MAX_DELIVERY_COUNT: z.coerce.number().int().positive().default(10),
  ENTITY_DECISION_TIMEOUT_SECONDS: z.coerce.number().positive().default(60),
  /** An Event Grid custom topic (CloudEvents schema) that also receives outcome events; unset: none. */
  OUTCOME_EVENTS_TOPIC_ENDPOINT: z.string().url().optional(),
  DEMO_DATA: booleanFlag,
  AUTH_REQUIRED: booleanFlag,
});

export interface Config {
  storage:
    | { kind: 'connectionString'; connectionString: string }
    | { kind: 'identity'; tableServiceUri: string; clientId: string | undefined };
  serviceBus:
    | { kind: 'local'; connectionString: string }
    | { kind: 'connectionString'; connectionString: string }
    | { kind: 'identity'; fullyQualifiedNamespace: string; clientId: string | undefined };
  defaultSubscriptionId: string;
  operationLeaseSeconds: number;
  entityDecisionTimeoutMs: number;
  maxDeliveryCount: number;
  /** The Event Grid topic outcome events are also published to, with the managed identity's client id. */
  outcomeEvents: { topicEndpoint: string; clientId: string | undefined } | undefined;
  demoData: boolean;
  authRequired: boolean;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.problems = problems;
  }
}

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const storageConnection = e.AzureWebJobsStorage;
  const tableServiceUri = e.AzureWebJobsStorage__tableServiceUri;
  let storage: Config['storage'] | undefined;
  if (storageConnection) storage = { kind: 'connectionString', connectionString: storageConnection };
  else if (tableServiceUri)
    storage = { kind: 'identity', tableServiceUri, clientId: e.AzureWebJobsStorage__clientId };
  else
    problems.push(
      `${connectionSettings.storage} (or ${connectionSettings.storage}__tableServiceUri) is required`,
    );

  let serviceBus: Config['serviceBus'] | undefined;
  const sbConnection = e.ServiceBusConnection;
  const sbNamespace = e.ServiceBusConnection__fullyQualifiedNamespace;
  if (e.DEVHOST_SERVICE_BUS === 'azurite') {
    const connectionString = e.DEVHOST_SERVICE_BUS_CONNECTION ?? storageConnection;
    if (connectionString) serviceBus = { kind: 'local', connectionString };
    else
      problems.push(
        'DEVHOST_SERVICE_BUS=azurite needs DEVHOST_SERVICE_BUS_CONNECTION or AzureWebJobsStorage',
      );
  } else if (sbConnection) serviceBus = { kind: 'connectionString', connectionString: sbConnection };
  else if (sbNamespace)
    serviceBus = {
      kind: 'identity',
      fullyQualifiedNamespace: sbNamespace,
      clientId: e.ServiceBusConnection__clientId,
    };
  else
    problems.push(
      `${connectionSettings.serviceBus} (or ${connectionSettings.serviceBus}__fullyQualifiedNamespace) is required`,
    );

  if (!storage || !serviceBus || problems.length > 0) throw new ConfigError(problems);
  return {
    storage,
    serviceBus,
    defaultSubscriptionId: e.DEFAULT_SUBSCRIPTION_ID,
    operationLeaseSeconds: e.OPERATION_LEASE_SECONDS,
    entityDecisionTimeoutMs: e.ENTITY_DECISION_TIMEOUT_SECONDS * 1000,
    maxDeliveryCount: e.SERVICE_BUS_MAX_DELIVERY_COUNT,
    outcomeEvents:
      e.OUTCOME_EVENTS_TOPIC_ENDPOINT === undefined
        ? undefined
        : {
            topicEndpoint: e.OUTCOME_EVENTS_TOPIC_ENDPOINT,
            clientId: e.ServiceBusConnection__clientId ?? e.AzureWebJobsStorage__clientId,
          },
    demoData: e.DEMO_DATA,
    authRequired: e.AUTH_REQUIRED,
  };
}

let cached: Config | undefined;

/** The process's configuration, parsed on first use. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** NCRONTAB schedule of the `batchScheduler` timer: the BATCH_SCHEDULE setting, every minute by default. */
export function batchSchedulerSchedule(env: NodeJS.ProcessEnv = process.env): string {
  return env.BATCH_SCHEDULE?.trim() || '0 */1 * * * *';
}
