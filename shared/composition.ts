/**
 * The composition root: the only module that builds SDK clients. Built once per process, lazily, and
 * shared by every invocation (Microsoft: "do not create a new client per invocation").
 */
import { ManagedIdentityCredential } from '@azure/identity';
import { ServiceBusClient } from '@azure/service-bus';
import { QueueServiceClient } from '@azure/storage-queue';

import { EntraTokenVerifier } from './adapters/auth/entra-token-verifier';
import { HttpChatPoster } from './adapters/chat/http-chat-poster';
import { StorageQueueProgressScheduler } from './adapters/chat/storage-queue-progress-scheduler';
import { DefaultSubscriptionRegistered } from './adapters/default-subscription-registration';
import { EventGridOutcomePublisher } from './adapters/events/event-grid-outcome-publisher';
import { FanOutOutcomePublisher } from './adapters/events/fan-out-outcome-publisher';
import { ServiceBusOutcomePublisher } from './adapters/events/service-bus-outcome-publisher';
import { LocalServiceBusClient } from './adapters/local-service-bus/local-service-bus-client';
import { LocalMessageSender } from './adapters/service-bus/local-message-sender';
import { LocalPhaseQueues } from './adapters/service-bus/local-phase-queues';
import { ServiceBusMessageSender } from './adapters/service-bus/service-bus-message-sender';
import { ServiceBusPhaseQueues } from './adapters/service-bus/service-bus-phase-queues';
import { TableArmInventoryStore } from './adapters/tables/table-arm-inventory.store';
import { TableAuditLog } from './adapters/tables/table-audit-log';
import { TableBatchStore } from './adapters/tables/table-batch.store';
import { TableApprovalStore } from './adapters/tables/table-chat-approval.store';
import { TableConversationStore } from './adapters/tables/table-chat-conversation.store';
import { TableClassicInventoryStore } from './adapters/tables/table-classic-inventory.store';
import { TableDeadLetterLog } from './adapters/tables/table-dead-letter-log';
import { TableFaultInjector } from './adapters/tables/table-fault-injector';
import { TableGrantStore } from './adapters/tables/table-grant.store';
import { TableInventoryVersions } from './adapters/tables/table-inventory-versions';
import { TableManagementOperationLog } from './adapters/tables/table-management-operation-log';
import { TableMigrationProfileStore } from './adapters/tables/table-migration-profile.store';
import { TableOperationStore } from './adapters/tables/table-operation.store';
import { TableScopeIndex } from './adapters/tables/table-scope-index';
import { TableScopeMappingStore } from './adapters/tables/table-scope-mapping.store';
import { TableService } from './adapters/tables/table-service';
import { type Config, config } from './config';
import { chatProgressQueue, eventsTopic } from './contracts/names';
import type { BatchStore } from './ports/batch.port';
import type { ApprovalStore, ChatPoster, ConversationStore, ProgressScheduler } from './ports/chat.port';
import type { Clock, IdGenerator } from './ports/clock.port';
import type { DeadLetterLog, PhaseQueues } from './ports/dead-letter.port';
import { type FaultInjector, noFaults } from './ports/fault-injector.port';
import type { GrantStore } from './ports/grant.port';
import type { ArmInventoryStore, ClassicInventoryStore, ScopeMappingStore } from './ports/inventory.port';
import type { InventoryVersions } from './ports/inventory-version.port';
import type { ManagementOperationLog } from './ports/management-operation.port';
import type { MessageSender } from './ports/message-sender.port';
import type { MigrationProfileStore } from './ports/migration-profile.port';
import type { AuditLog, OperationStore, ScopeIndex } from './ports/operation.port';
import type { OutcomePublisher } from './ports/outcome-publisher.port';
import type { TokenVerifier } from './ports/token-verifier.port';
import { InventoryCache } from './use-cases/inventory-cache/inventory-cache';

export interface Services {
  config: Config;
  clock: Clock;
  ids: IdGenerator;
  classicInventory: ClassicInventoryStore;
  armInventory: ArmInventoryStore;
  /** Moved on by every write to a subscription's Classic or ARM inventory (the stores do it). */
  inventoryVersions: InventoryVersions;
  /** What is computed from the inventories, kept per inventory version in this process's memory. */
  inventoryCache: InventoryCache;
  operations: OperationStore;
  audit: AuditLog;
  scopeIndex: ScopeIndex;
  scopeMappings: ScopeMappingStore;
  faults: FaultInjector;
  messages: MessageSender;
  /** Where finished operations' CloudEvents go: the Service Bus events topic, plus Event Grid if configured. */
  outcomes: OutcomePublisher;
  /** The phase queues' dead letters and sessions (dead-letter processor, sweeper, admin API). */
  phaseQueues: PhaseQueues;
  /** What the dead-letter processor did with each dead letter. */
  deadLetters: DeadLetterLog;
  /** Service Management writes, for `GET /{subscriptionId}/operations/{requestId}`. */
  managementOperations: ManagementOperationLog;
  batches: BatchStore;
  /** Chat: where each chat-started operation's follow-ups go, pending commit approvals, posting, progress checks. */
  chatConversations: ConversationStore;
  chatApprovals: ApprovalStore;
  chatPoster: ChatPoster;
  chatProgress: ProgressScheduler;
  /** Entra ID bearer tokens (undefined when no issuer is configured). */
  tokens: TokenVerifier | undefined;
  grants: GrantStore;
  /** The validation profile an Admin set per subscription (the default for its migrations). */
  migrationProfiles: MigrationProfileStore;
}

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdGenerator = { newId: () => crypto.randomUUID() };

export function buildServices(cfg: Config): Services {
  const tables = new TableService(
    cfg.storage.kind === 'connectionString'
      ? cfg.storage
      : {
          kind: 'identity',
          endpoint: cfg.storage.tableServiceUri,
          credential: new ManagedIdentityCredential(
            cfg.storage.clientId === undefined ? {} : { clientId: cfg.storage.clientId },
          ),
        },
  );
  const { messages, phaseQueues } = buildServiceBus(cfg.serviceBus);
  const inventoryVersions = new TableInventoryVersions(tables);
  return {
    config: cfg,
    clock: systemClock,
    ids: randomIds,
    classicInventory: new DefaultSubscriptionRegistered(
      new TableClassicInventoryStore(tables, inventoryVersions),
      cfg.defaultSubscriptionId,
    ),
    armInventory: new TableArmInventoryStore(tables, inventoryVersions),
    inventoryVersions,
    inventoryCache: new InventoryCache(cfg.inventoryCacheBytes),
    operations: new TableOperationStore(tables),
    audit: new TableAuditLog(tables),
    scopeIndex: new TableScopeIndex(tables),
    scopeMappings: new TableScopeMappingStore(tables),
    // Rehearsal faults fire only where FAULTS_ENABLED is set (the dev host); never in production.
    faults: cfg.faultsEnabled ? new TableFaultInjector(tables) : noFaults,
    messages,
    outcomes: buildOutcomePublisher(messages, cfg.outcomeEvents),
    phaseQueues,
    deadLetters: new TableDeadLetterLog(tables),
    managementOperations: new TableManagementOperationLog(tables),
    batches: new TableBatchStore(tables),
    tokens: cfg.auth && new EntraTokenVerifier(cfg.auth),
    grants: new TableGrantStore(tables),
    migrationProfiles: new TableMigrationProfileStore(tables),
    chatConversations: new TableConversationStore(tables),
    chatApprovals: new TableApprovalStore(tables),
    chatPoster: new HttpChatPoster(),
    chatProgress: new StorageQueueProgressScheduler(
      buildQueueService(cfg.storage).getQueueClient(chatProgressQueue),
    ),
  };
}

function buildQueueService(storage: Config['storage']): QueueServiceClient {
  if (storage.kind === 'connectionString')
    return QueueServiceClient.fromConnectionString(storage.connectionString);
  return new QueueServiceClient(
    storage.queueServiceUri,
    new ManagedIdentityCredential(storage.clientId === undefined ? {} : { clientId: storage.clientId }),
  );
}

/** One Service Bus client (or the local one) for sending and for looking at the phase queues. */
function buildServiceBus(serviceBus: Config['serviceBus']): {
  messages: MessageSender;
  phaseQueues: PhaseQueues;
} {
  if (serviceBus.kind === 'local') {
    const local = LocalServiceBusClient.fromConnectionString(serviceBus.connectionString);
    return { messages: new LocalMessageSender(local), phaseQueues: new LocalPhaseQueues(local) };
  }
  const client =
    serviceBus.kind === 'connectionString'
      ? new ServiceBusClient(serviceBus.connectionString)
      : new ServiceBusClient(
          serviceBus.fullyQualifiedNamespace,
          new ManagedIdentityCredential(
            serviceBus.clientId === undefined ? {} : { clientId: serviceBus.clientId },
          ),
        );
  return { messages: new ServiceBusMessageSender(client), phaseQueues: new ServiceBusPhaseQueues(client) };
}

/** Always the Service Bus topic; with an Event Grid topic configured, both (each must take the event). */
function buildOutcomePublisher(
  messages: MessageSender,
  outcomeEvents: Config['outcomeEvents'],
): OutcomePublisher {
  const serviceBus = new ServiceBusOutcomePublisher(messages);
  if (!outcomeEvents) return serviceBus;
  return new FanOutOutcomePublisher([
    { name: `service-bus:${eventsTopic}`, publisher: serviceBus },
    {
      name: `event-grid:${new URL(outcomeEvents.topicEndpoint).host}`,
      publisher: new EventGridOutcomePublisher(
        outcomeEvents.topicEndpoint,
        new ManagedIdentityCredential(
          outcomeEvents.clientId === undefined ? {} : { clientId: outcomeEvents.clientId },
        ),
      ),
    },
  ]);
}

let services: Services | undefined;

/** The process's services, built on first use from the environment. */
export function getServices(): Services {
  services ??= buildServices(config());
  return services;
}

/** Tests replace the services (e.g. with fakes of the project's own ports). */
export function setServices(replacement: Services | undefined): void {
  services = replacement;
}
