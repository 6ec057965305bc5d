/**
 * Every runtime name the service depends on, declared once. Functions, the dev host, the tests and the
 * Bicep checks import these; a typo fails at compile time instead of at run time.
 */

/** Service Bus queues, one per phase. Session id = scope key, message id = operation id. */
export const phaseQueues = {
  validate: 'migration-validate',
  prepare: 'migration-prepare',
  commit: 'migration-commit',
  abort: 'migration-abort',
} as const;
export type Phase = keyof typeof phaseQueues;
export const phases = Object.keys(phaseQueues) as Phase[];

/**
 * The phase queues' dead-letter sub-queues (Service Bus path `<queue>/$DeadLetterQueue`), where the
 * dead-letter processor listens. Not session-enabled, even for a session-enabled queue.
 */
export const phaseDeadLetterQueues = {
  validate: 'migration-validate/$DeadLetterQueue',
  prepare: 'migration-prepare/$DeadLetterQueue',
  commit: 'migration-commit/$DeadLetterQueue',
  abort: 'migration-abort/$DeadLetterQueue',
} as const satisfies Record<Phase, `${string}/$DeadLetterQueue`>;

/** Service Bus topic carrying CloudEvents for every phase outcome. */
export const eventsTopic = 'migration-events';

/** The subscription on the events topic that the chat notifiers read. */
export const eventsNotifierSubscription = 'notifiers';

/** Storage queue driving chat progress follow-ups (created on first use by its sender). */
export const chatProgressQueue = 'chat-progress';

/** The Durable entity holding one scope's MigrationState, lock and seen operation ids. */
export const migrationScopeEntity = 'migrationScope';

/** Azure Tables. */
export const tableNames = {
  classicInventory: 'ClassicInventory',
  armInventory: 'ArmInventory',
  operations: 'Operations',
  audit: 'AuditLog',
  batches: 'Batches',
  chatConversations: 'ChatConversations',
  chatApprovals: 'ChatApprovals',
  grants: 'Grants',
  migrationProfiles: 'MigrationProfiles',
} as const;

/** App settings (or environment variables) that binding `connection` properties name. */
export const connectionSettings = {
  serviceBus: 'ServiceBusConnection',
  storage: 'AzureWebJobsStorage',
} as const;

/** The Event Grid trigger that accepts migration requests. */
export const migrationRequestsFunction = 'migrationRequests';

/** The timer that advances batch plans (its schedule: the BATCH_SCHEDULE setting, every minute by default). */
export const batchSchedulerFunction = 'batchScheduler';

/** The timer that ends operations left open (its schedule: OPERATION_SWEEP_SCHEDULE, every 5 minutes). */
export const operationSweeperFunction = 'operationSweeper';
