import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  connectionSettings,
  eventsNotifierSubscription,
  eventsTopic,
  phaseDeadLetterQueues,
  phaseQueues,
} from '../../shared/contracts/names';
import { property } from '../support/bicep';
import { evaluate } from '../support/bicep-eval';
import { codeDefaults, moduleOfMain, onlyResource, projectRoot } from '../support/infra';
import { triggerRegistrations } from '../support/source-contracts';

const serviceBus = moduleOfMain('serviceBus');
const queues = onlyResource(serviceBus, 'Microsoft.ServiceBus/namespaces/queues');
const queueProperties = evaluate(property(queues.body, 'properties')!, serviceBus);

describe('Service Bus (infra/app/service-bus.bicep as main.bicep deploys it)', () => {
  it('When the phase queues are declared, then they are exactly the queues in names.ts', () => {
    expect(queues.loop).toBeDefined();
    expect(evaluate(queues.loop!.iterable, serviceBus)).toEqual(Object.values(phaseQueues));
  });

  it('When a phase message arrives, then its queue is session-enabled (one message at a time per scope)', () => {
    expect(queueProperties).toMatchObject({ requiresSession: true });
  });

  it('When a command is sent twice, then duplicate detection (message id = operation id) drops the copy', () => {
    expect(queueProperties).toMatchObject({
      requiresDuplicateDetection: true,
      duplicateDetectionHistoryTimeWindow: 'PT10M',
    });
  });

  it("When a message fails repeatedly, then the broker dead-letters after the code's own SERVICE_BUS_MAX_DELIVERY_COUNT", () => {
    expect(codeDefaults().maxDeliveryCount).toBe(10);
    expect(queueProperties).toMatchObject({ maxDeliveryCount: codeDefaults().maxDeliveryCount });
  });

  it('When a message expires or its lock is taken, then it is dead-lettered and the lock is at most the 5-minute maximum', () => {
    expect(queueProperties).toMatchObject({ deadLetteringOnMessageExpiration: true, lockDuration: 'PT5M' });
  });

  it('When outcomes are published, then the events topic and the notifiers subscription exist', () => {
    const topic = onlyResource(serviceBus, 'Microsoft.ServiceBus/namespaces/topics');
    expect(evaluate(property(topic.body, 'name')!, serviceBus)).toBe(eventsTopic);
    const subscription = onlyResource(serviceBus, 'Microsoft.ServiceBus/namespaces/topics/subscriptions');
    expect(evaluate(property(subscription.body, 'name')!, serviceBus)).toBe(eventsNotifierSubscription);
    expect(property(subscription.body, 'parent')?.text).toBe(topic.symbol);
    expect(evaluate(property(subscription.body, 'properties')!, serviceBus)).toMatchObject({
      maxDeliveryCount: codeDefaults().maxDeliveryCount,
      deadLetteringOnMessageExpiration: true,
    });
  });

  it('When anyone connects, then SAS (local) auth is off and TLS 1.2 is the minimum', () => {
    const namespace = onlyResource(serviceBus, 'Microsoft.ServiceBus/namespaces');
    expect(evaluate(property(namespace.body, 'properties')!, serviceBus)).toMatchObject({
      disableLocalAuth: true,
      minimumTlsVersion: '1.2',
    });
  });

  it('When the tier is chosen, then Standard is the default and Premium the alternative', () => {
    expect(serviceBus.lookup('sku')).toBe('Standard');
    expect(moduleOfMain('serviceBus', { sku: 'Premium' }).lookup('premiumSku')).toMatchObject({
      name: 'Premium',
    });
  });

  describe('the trigger registrations in functions/', () => {
    const queueTriggers = triggerRegistrations(join(projectRoot, 'functions')).filter(
      (t) => t.kind === 'serviceBusQueue',
    );
    const isDeadLetterQueue = (queue: unknown) =>
      typeof queue === 'string' && /\/\$deadletterqueue$/i.test(queue);
    const triggers = queueTriggers.filter((trigger) => !isDeadLetterQueue(trigger.options.queueName));
    const deadLetterTriggers = queueTriggers.filter((trigger) =>
      isDeadLetterQueue(trigger.options.queueName),
    );

    it('When the dead-letter processor is registered, then it listens on the dead-letter sub-queue of every phase queue, without sessions, through ServiceBusConnection', () => {
      expect(deadLetterTriggers.map((trigger) => trigger.options.queueName).sort()).toEqual(
        Object.values(phaseDeadLetterQueues).sort(),
      );
      for (const [phase, queue] of Object.entries(phaseQueues))
        expect(phaseDeadLetterQueues[phase as keyof typeof phaseQueues]).toBe(`${queue}/$DeadLetterQueue`);
      for (const trigger of deadLetterTriggers) {
        // The dead-letter sub-queue of a session-enabled queue is not session-enabled.
        expect(trigger.options.isSessionsEnabled).toBeUndefined();
        expect(trigger.options.connection).toBe(connectionSettings.serviceBus);
      }
    });

    it('When the phase functions are registered, then there is one per phase queue', () => {
      expect(triggers.map((trigger) => trigger.options.queueName).sort()).toEqual(
        Object.values(phaseQueues).sort(),
      );
    });

    it.each(triggers.map((trigger) => [trigger.file, trigger]))(
      'When %s listens, then its queue is deployed with matching session mode through ServiceBusConnection',
      (_file, trigger) => {
        expect(Object.values(phaseQueues)).toContain(trigger.options.queueName);
        expect(trigger.options.isSessionsEnabled).toBe(true);
        expect(trigger.options.connection).toBe(connectionSettings.serviceBus);
      },
    );
  });
});
