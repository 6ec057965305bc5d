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
import { defaultArmListPageSize, maxArmListPageSize } from './domain/arm/list-page';
import { type ChatRole, chatRoleSchema } from './domain/chat/chat-roles';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const envSchema = z.object({
  // Keys spelled out (not computed from connectionSettings) so zod keeps their types; a test checks they agree.
  AzureWebJobsStorage: z.string().optional(),
  AzureWebJobsStorage__tableServiceUri: z.string().url().optional(),
  AzureWebJobsStorage__queueServiceUri: z.string().url().optional(),
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
  /** How long an operation may stay Queued or InProgress untouched before the sweeper looks at it. */
  OPERATION_SWEEP_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60),
  /** Items per page of the ARM read API's lists when the caller sends no `$top` (tests force small pages). */
  ARM_LIST_PAGE_SIZE: z.coerce
    .number()
    .int()
    .positive()
    .max(maxArmListPageSize)
    .default(defaultArmListPageSize),
  /**
   * Memory per worker for what is computed from the inventories and kept per inventory version (loaded
   * inventories, scope analyses): our choice, 256 MiB, room for a few 2,000-VM scopes' status answers.
   */
  INVENTORY_CACHE_MB: z.coerce.number().int().nonnegative().default(256),
  /** An Event Grid custom topic (CloudEvents schema) that also receives outcome events; unset: none. */
  OUTCOME_EVENTS_TOPIC_ENDPOINT: z.string().url().optional(),
  DEMO_DATA: booleanFlag,
  AUTH_REQUIRED: booleanFlag,
  /** Set by the Functions host in Azure (never by the dev host): there, the bearer token must be the gate. */
  WEBSITE_INSTANCE_ID: z.string().optional(),
  /** Our escape hatch for a deliberate anonymous deployment in Azure (a throw-away rehearsal). */
  AUTH_ALLOW_ANONYMOUS: booleanFlag,
  /** Local or explicit token settings; on Azure AUTH_TENANT_ID + AUTH_CLIENT_ID derive them. */
  AUTH_ISSUER: z.string().url().optional(),
  AUTH_AUDIENCE: z.string().optional(),
  AUTH_JWKS_URI: z.string().url().optional(),
  AUTH_TENANT_ID: z.string().optional(),
  AUTH_CLIENT_ID: z.string().optional(),
  /** The portal's own app registration (a single-page application): its sign-in asks tokens for AUTH_CLIENT_ID. */
  PORTAL_CLIENT_ID: z.string().optional(),
  /** Subscriptions every principal may act in without a grant: `*` (all, the default), a comma list, or empty. */
  AUTH_DEFAULT_SUBSCRIPTIONS: z.string().default('*'),
  /** Fault injection (rehearsals): on for the dev host (.devhost.env), off unless set. */
  FAULTS_ENABLED: booleanFlag,
  /** Chat (Slack slash command, Teams outgoing webhook): signing secrets, roles, approvals, webhooks. */
  SLACK_SIGNING_SECRET: z.string().optional(),
  /** The outgoing webhook's security token, base64 as Teams shows it. */
  TEAMS_HMAC_SECRET: z.string().optional(),
  /** JSON: chat user id (`U123`, `slack:U123`, `teams:<aadObjectId>`) → viewer | operator | approver. */
  CHAT_ROLES: jsonSetting(z.record(z.string(), chatRoleSchema)),
  COMMIT_REQUIRES_SECOND_APPROVER: booleanFlag,
  CHAT_APPROVAL_MINUTES: z.coerce.number().int().positive().default(30),
  /** JSON: `"<platform>:<channel id>"` → incoming webhook URL (outcomes a response_url cannot take). */
  CHAT_CHANNEL_WEBHOOKS: jsonSetting(z.record(z.string(), z.string().url())),
  /** Seconds between chat progress checks (our choice: 10). */
  CHAT_PROGRESS_SECONDS: z.coerce.number().positive().default(10),
});

/** A setting holding JSON of `schema`'s shape; unset or empty: `{}`. */
function jsonSetting<T extends z.ZodType<Record<string, unknown>>>(schema: T) {
  return z
    .string()
    .optional()
    .transform((text, context): z.infer<T> => {
      if (text === undefined || text.trim() === '') return {} as z.infer<T>;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        context.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues)
        context.addIssue({ code: 'custom', message: `${issue.path.join('.')}: ${issue.message}` });
      return z.NEVER;
    });
}

export interface Config {
  storage:
    | { kind: 'connectionString'; connectionString: string }
    | {
        kind: 'identity';
        tableServiceUri: string;
        /** Storage queues (chat progress); derived from the table endpoint when unset. */
        queueServiceUri: string;
        clientId: string | undefined;
      };
  serviceBus:
    | { kind: 'local'; connectionString: string }
    | { kind: 'connectionString'; connectionString: string }
    | { kind: 'identity'; fullyQualifiedNamespace: string; clientId: string | undefined };
  defaultSubscriptionId: string;
  operationLeaseSeconds: number;
  entityDecisionTimeoutMs: number;
  /** The sweeper reconciles operations open longer than this (OPERATION_SWEEP_AFTER_SECONDS, 15 min). */
  operationSweepAfterMs: number;
  maxDeliveryCount: number;
  /** Bytes each worker may keep of what it computed from the inventories (INVENTORY_CACHE_MB, 256 MiB). */
  inventoryCacheBytes: number;
  /** Items per page of the ARM read API's lists without `$top` (ARM_LIST_PAGE_SIZE, 100). */
  armListPageSize: number;
  /** The Event Grid topic outcome events are also published to, with the managed identity's client id. */
  outcomeEvents: { topicEndpoint: string; clientId: string | undefined } | undefined;
  demoData: boolean;
  authRequired: boolean;
  /** How bearer tokens are checked when authRequired. */
  auth: { issuer: string; audience: string[]; jwksUri: string } | undefined;
  /** The portal's sign-in (GET /portal/config.json): its app registration, the tenant, the API's client id. */
  portal: { clientId: string | undefined; tenantId: string | undefined; apiClientId: string | undefined };
  /** Subscriptions a principal may act in without a grant (`*` = all). */
  defaultSubscriptions: string[];
  faultsEnabled: boolean;
  chat: {
    slackSigningSecret: string | undefined;
    teamsHmacSecret: string | undefined;
    roles: Record<string, ChatRole>;
    commitRequiresSecondApprover: boolean;
    approvalMinutes: number;
    channelWebhooks: Record<string, string>;
    progressSeconds: number;
  };
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
    storage = {
      kind: 'identity',
      tableServiceUri,
      queueServiceUri:
        e.AzureWebJobsStorage__queueServiceUri ?? tableServiceUri.replace('.table.', '.queue.'),
      clientId: e.AzureWebJobsStorage__clientId,
    };
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

  if (e.AUTH_REQUIRED && !authSettings(e)) {
    problems.push(
      'AUTH_REQUIRED=true needs AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URI, or AUTH_TENANT_ID and AUTH_CLIENT_ID',
    );
  }
  // The HTTP functions are anonymous at the host level (a function key carries no identity): in Azure the
  // token checked in code is the only gate, so running there without it is refused (fail closed).
  if (e.WEBSITE_INSTANCE_ID && !e.AUTH_REQUIRED && !e.AUTH_ALLOW_ANONYMOUS) {
    problems.push(
      'AUTH_REQUIRED must be true in Azure (the functions are anonymous at the host; bearer tokens are the gate); set AUTH_ALLOW_ANONYMOUS=true only for a throw-away rehearsal',
    );
  }
  if (!storage || !serviceBus || problems.length > 0) throw new ConfigError(problems);
  return {
    storage,
    serviceBus,
    defaultSubscriptionId: e.DEFAULT_SUBSCRIPTION_ID,
    operationLeaseSeconds: e.OPERATION_LEASE_SECONDS,
    entityDecisionTimeoutMs: e.ENTITY_DECISION_TIMEOUT_SECONDS * 1000,
    operationSweepAfterMs: e.OPERATION_SWEEP_AFTER_SECONDS * 1000,
    maxDeliveryCount: e.SERVICE_BUS_MAX_DELIVERY_COUNT,
    inventoryCacheBytes: e.INVENTORY_CACHE_MB * 1024 * 1024,
    armListPageSize: e.ARM_LIST_PAGE_SIZE,
    outcomeEvents:
      e.OUTCOME_EVENTS_TOPIC_ENDPOINT === undefined
        ? undefined
        : {
            topicEndpoint: e.OUTCOME_EVENTS_TOPIC_ENDPOINT,
            clientId: e.ServiceBusConnection__clientId ?? e.AzureWebJobsStorage__clientId,
          },
    demoData: e.DEMO_DATA,
    authRequired: e.AUTH_REQUIRED,
    auth: authSettings(e),
    portal: { clientId: e.PORTAL_CLIENT_ID, tenantId: e.AUTH_TENANT_ID, apiClientId: e.AUTH_CLIENT_ID },
    defaultSubscriptions: e.AUTH_DEFAULT_SUBSCRIPTIONS.split(',')
      .map((id) => id.trim().toLowerCase())
      .filter((id) => id !== ''),
    faultsEnabled: e.FAULTS_ENABLED,
    chat: {
      slackSigningSecret: e.SLACK_SIGNING_SECRET || undefined,
      teamsHmacSecret: e.TEAMS_HMAC_SECRET || undefined,
      roles: e.CHAT_ROLES,
      commitRequiresSecondApprover: e.COMMIT_REQUIRES_SECOND_APPROVER,
      approvalMinutes: e.CHAT_APPROVAL_MINUTES,
      channelWebhooks: e.CHAT_CHANNEL_WEBHOOKS,
      progressSeconds: e.CHAT_PROGRESS_SECONDS,
    },
  };
}

/**
 * Token settings: explicit (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URI: a local issuer in tests) or derived
 * from the tenant and the app registration on Azure (v2.0 tokens: issuer
 * `https://login.microsoftonline.com/{tenant}/v2.0`, keys `…/{tenant}/discovery/v2.0/keys`, audience the
 * API's client id or `api://{client id}`; https://learn.microsoft.com/entra/identity-platform/access-tokens).
 */
function authSettings(e: z.infer<typeof envSchema>): Config['auth'] {
  const tenant = e.AUTH_TENANT_ID;
  const clientId = e.AUTH_CLIENT_ID;
  const issuer = e.AUTH_ISSUER ?? (tenant ? `https://login.microsoftonline.com/${tenant}/v2.0` : undefined);
  const jwksUri =
    e.AUTH_JWKS_URI ??
    (tenant ? `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys` : undefined);
  const audience = e.AUTH_AUDIENCE
    ? e.AUTH_AUDIENCE.split(',').map((value) => value.trim())
    : clientId
      ? [clientId, `api://${clientId}`]
      : undefined;
  if (!issuer || !jwksUri || !audience) return undefined;
  return { issuer, audience, jwksUri };
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

/**
 * NCRONTAB schedule of the `operationSweeper` timer: the OPERATION_SWEEP_SCHEDULE setting, every 5 minutes
 * by default (our choice: a lost operation is found within minutes, at a few table reads per run).
 */
export function operationSweepSchedule(env: NodeJS.ProcessEnv = process.env): string {
  return env.OPERATION_SWEEP_SCHEDULE?.trim() || '0 */5 * * * *';
}
