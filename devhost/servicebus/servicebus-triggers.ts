/**
 * Starts one receiver per Service Bus-triggered function (`app.serviceBusQueue`, `app.serviceBusTopic`,
 * `df.app.client.serviceBusQueue`) and declares the namespace layout those functions imply, so that senders in
 * any process fan topic messages out to the right subscriptions.
 *
 * A trigger on `<entity>/$DeadLetterQueue` reads the entity's dead-lettered messages, as in Service Bus: the
 * sub-queue is not session-enabled, nothing can be sent to it, it detects no duplicates, and a message in it
 * is never dead-lettered again (a failed delivery is abandoned and retried, however often).
 */
import { TopologyEntry } from '../../shared/adapters/local-service-bus/entity-topology';
import { MessageEnvelope } from '../../shared/adapters/local-service-bus/message-envelope';
import { StorageClients } from '../../shared/adapters/local-service-bus/storage-clients';
import {
  canonicalEntityPath,
  deadLetterParent,
  subscriptionPath,
} from '../../shared/adapters/local-service-bus/storage-names';
import { resolveAppSettingReferences } from '../bindings/app-settings';
import { FidelityOptions } from '../config/fidelity-options';
import { HostSettings } from '../config/host-json';
import { Logger } from '../logging/logger';
import { bindingBoolean, bindingString, HostedFunction } from '../worker/function-catalog';
import { FunctionInvoker } from '../worker/function-invoker';
import { DuplicateDetector } from './duplicate-detector';
import { EntityPropertiesConfig } from './entity-properties';
import { QueueReceiver } from './queue-receiver';
import { SessionLocks } from './session-lock';
import { SessionReceiver } from './session-receiver';
import { serviceBusTriggerData, serviceBusTriggerMetadata } from './trigger-metadata';

/** Service Bus has no polling; the dev host polls Azurite at most this far apart while idle. */
export const serviceBusMaxPollingIntervalMs = 1_000;

export interface ServiceBusTriggerBinding {
  fn: HostedFunction;
  entityPath: string;
  topic: { name: string; subscription: string } | undefined;
  requiresSession: boolean;
}

/** Where a Service Bus trigger listens, from its binding metadata. */
export function describeServiceBusTrigger(fn: HostedFunction): ServiceBusTriggerBinding {
  const queueName = bindingString(fn.trigger, 'queueName');
  const topicName = bindingString(fn.trigger, 'topicName');
  const subscriptionName = bindingString(fn.trigger, 'subscriptionName');
  if (bindingString(fn.trigger, 'cardinality')?.toLowerCase() === 'many') {
    throw new Error(`Function '${fn.name}': cardinality 'many' is not supported by the dev host.`);
  }
  const requiresSession = bindingBoolean(fn.trigger, 'isSessionsEnabled') ?? false;
  if (queueName)
    return { fn, entityPath: resolveAppSettingReferences(queueName), topic: undefined, requiresSession };
  if (topicName && subscriptionName) {
    const topic = resolveAppSettingReferences(topicName);
    const subscription = resolveAppSettingReferences(subscriptionName);
    return {
      fn,
      entityPath: subscriptionPath(topic, subscription),
      topic: { name: topic, subscription },
      requiresSession,
    };
  }
  throw new Error(
    `Function '${fn.name}': a Service Bus trigger needs queueName, or topicName and subscriptionName.`,
  );
}

/** The namespace layout implied by the triggers and the entity config file. */
export function serviceBusTopology(
  bindings: ServiceBusTriggerBinding[],
  config: EntityPropertiesConfig,
): TopologyEntry[] {
  const entries = new Map<string, TopologyEntry>();
  const topics = new Map<string, Set<string>>();
  const add = (entry: TopologyEntry) => entries.set(canonicalEntityPath(entry.path), entry);
  for (const path of config.declaredEntities) {
    add({
      path,
      kind: 'queue',
      requiresSession: config.for(path).requiresSession ?? false,
      subscriptions: [],
    });
  }
  for (const [topic, subscriptions] of config.declaredTopics) {
    for (const subscription of subscriptions) {
      const path = subscriptionPath(topic, subscription);
      add({
        path,
        kind: 'subscription',
        requiresSession: config.for(path).requiresSession ?? false,
        subscriptions: [],
      });
      topics.set(topic, (topics.get(topic) ?? new Set()).add(subscription));
    }
  }
  for (const binding of bindings) {
    // A dead-letter sub-queue is part of its entity, not an entity of its own.
    if (deadLetterParent(binding.entityPath) !== undefined) continue;
    const kind = binding.topic ? 'subscription' : 'queue';
    const existing = entries.get(canonicalEntityPath(binding.entityPath));
    add({
      path: binding.entityPath,
      kind,
      requiresSession: binding.requiresSession || (existing?.requiresSession ?? false),
      subscriptions: [],
    });
    if (binding.topic) {
      topics.set(
        binding.topic.name,
        (topics.get(binding.topic.name) ?? new Set()).add(binding.topic.subscription),
      );
    }
  }
  for (const [topic, subscriptions] of topics) {
    add({ path: topic, kind: 'topic', requiresSession: false, subscriptions: [...subscriptions] });
  }
  return [...entries.values()];
}

export interface ServiceBusTriggerDependencies {
  storage: StorageClients;
  invoker: FunctionInvoker;
  config: EntityPropertiesConfig;
  host: HostSettings;
  duplicates: DuplicateDetector;
  sessionLocks: SessionLocks;
  logger: Logger;
  /** In the Azure-like mode locks are renewed only up to maxAutoLockRenewalDuration and lost when expired. */
  fidelity: FidelityOptions;
}

export class ServiceBusTriggers {
  readonly #receivers: { start(): Promise<void>; stop(): Promise<void> }[] = [];

  constructor(bindings: ServiceBusTriggerBinding[], deps: ServiceBusTriggerDependencies) {
    for (const binding of bindings) {
      const { fn, entityPath } = binding;
      if (bindingBoolean(fn.trigger, 'autoCompleteMessages') === false) {
        deps.logger.warn(
          `Function '${fn.name}' sets autoCompleteMessages: false; the dev host cannot settle messages from code, so it completes on success and abandons on error.`,
        );
      }
      const deadLetterOf = deadLetterParent(entityPath);
      const context = {
        entityPath,
        properties:
          deadLetterOf === undefined
            ? deps.config.for(entityPath)
            : {
                ...deps.config.for(deadLetterOf),
                maxDeliveryCount: Number.POSITIVE_INFINITY,
                requiresDuplicateDetection: false,
                requiresSession: false,
              },
        maxRenewalMs: deps.host.serviceBus.maxAutoLockRenewalDurationMs,
        storage: deps.storage,
        duplicates: deps.duplicates,
        logger: deps.logger.child({ functionName: fn.name }),
      };
      const deliver = async (envelopes: MessageEnvelope[]) => {
        for (const envelope of envelopes) {
          await deps.invoker.invoke(fn, {
            triggerData: serviceBusTriggerData(envelope),
            triggerMetadata: serviceBusTriggerMetadata(envelope, envelope.envelopeId),
            reason: `New ServiceBus message detected on '${entityPath}'.`,
          });
        }
      };
      const azureLocks = deps.fidelity.mode === 'azure';
      this.#receivers.push(
        binding.requiresSession && deadLetterOf === undefined
          ? new SessionReceiver(context, deliver, deps.sessionLocks, {
              maxConcurrentSessions: deps.host.serviceBus.maxConcurrentSessions,
              batchSize: 1,
              maxPollingIntervalMs: serviceBusMaxPollingIntervalMs,
              ...(azureLocks ? { maxLockRenewalMs: context.maxRenewalMs, expiredLockIsLost: true } : {}),
            })
          : new QueueReceiver(
              context,
              deliver,
              deps.host.serviceBus.maxConcurrentCalls,
              serviceBusMaxPollingIntervalMs,
              azureLocks,
            ),
      );
    }
  }

  async start(): Promise<void> {
    for (const receiver of this.#receivers) await receiver.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.#receivers.map((receiver) => receiver.stop()));
  }
}
