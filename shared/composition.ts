/**
 * The composition root: the only module that builds SDK clients. Built once per process, lazily, and
 * shared by every invocation (Microsoft: "do not create a new client per invocation").
 */
import { ManagedIdentityCredential } from '@azure/identity';
import { ServiceBusClient } from '@azure/service-bus';

import { DefaultSubscriptionRegistered } from './adapters/default-subscription-registration';
import { EventGridOutcomePublisher } from './adapters/events/event-grid-outcome-publisher';
import { FanOutOutcomePublisher } from './adapters/events/fan-out-outcome-publisher';
import { ServiceBusOutcomePublisher } from './adapters/events/service-bus-outcome-publisher';
import { LocalServiceBusClient } from './adapters/local-service-bus/local-service-bus-client';
import { LocalMessageSender } from './adapters/service-bus/local-message-sender';
import { ServiceBusMessageSender } from './adapters/service-bus/service-bus-message-sender';
import { TableArmInventoryStore } from './adapters/tables/table-arm-inventory.store';
import { TableAuditLog } from './adapters/tables/table-audit-log';
import { TableBatchStore } from './adapters/tables/table-batch.store';
import { TableClassicInventoryStore } from './adapters/tables/table-classic-inventory.store';
import { TableFaultInjector } from './adapters/tables/table-fault-injector';
import { TableManagementOperationLog } from './adapters/tables/table-management-operation-log';
import { TableOperationStore } from './adapters/tables/table-operation.store';
import { TableScopeIndex } from './adapters/tables/table-scope-index';
import { TableScopeMappingStore } from './adapters/tables/table-scope-mapping.store';
import { TableService } from './adapters/tables/table-service';
import { type Config, config } from './config';
import { eventsTopic } from './contracts/names';
import type { BatchStore } from './ports/batch.port';
import type { Clock, IdGenerator } from './ports/clock.port';
import type { FaultInjector } from './ports/fault-injector.port';
import type { ArmInventoryStore, ClassicInventoryStore, ScopeMappingStore } from './ports/inventory.port';
import type { ManagementOperationLog } from './ports/management-operation.port';
import type { MessageSender } from './ports/message-sender.port';
import type { AuditLog, OperationStore, ScopeIndex } from './ports/operation.port';
import type { OutcomePublisher } from './ports/outcome-publisher.port';

export interface Services {
  config: Config;
  clock: Clock;
  ids: IdGenerator;
  classicInventory: ClassicInventoryStore;
  armInventory: ArmInventoryStore;
  operations: OperationStore;
  audit: AuditLog;
  scopeIndex: ScopeIndex;
  scopeMappings: ScopeMappingStore;
  faults: FaultInjector;
  messages: MessageSender;
  /** Where finished operations' CloudEvents go: the Service Bus events topic, plus Event Grid if configured. */
  outcomes: OutcomePublisher;
  /** Service Management writes, for `GET /{subscriptionId}/operations/{requestId}`. */
  managementOperations: ManagementOperationLog;
  batches: BatchStore;
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
  const messages = buildMessageSender(cfg.serviceBus);
  return {
    config: cfg,
    clock: systemClock,
    ids: randomIds,
    classicInventory: new DefaultSubscriptionRegistered(
      new TableClassicInventoryStore(tables),
      cfg.defaultSubscriptionId,
    ),
    armInventory: new TableArmInventoryStore(tables),
    operations: new TableOperationStore(tables),
    audit: new TableAuditLog(tables),
    scopeIndex: new TableScopeIndex(tables),
    scopeMappings: new TableScopeMappingStore(tables),
    faults: new TableFaultInjector(tables),
    messages,
    outcomes: buildOutcomePublisher(messages, cfg.outcomeEvents),
    managementOperations: new TableManagementOperationLog(tables),
    batches: new TableBatchStore(tables),
  };
}

function buildMessageSender(serviceBus: Config['serviceBus']): MessageSender {
  switch (serviceBus.kind) {
    case 'local':
      return new LocalMessageSender(LocalServiceBusClient.fromConnectionString(serviceBus.connectionString));
    case 'connectionString':
      return new ServiceBusMessageSender(new ServiceBusClient(serviceBus.connectionString));
    case 'identity':
      return new ServiceBusMessageSender(
        new ServiceBusClient(
          serviceBus.fullyQualifiedNamespace,
          new ManagedIdentityCredential(
            serviceBus.clientId === undefined ? {} : { clientId: serviceBus.clientId },
          ),
        ),
      );
  }
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
