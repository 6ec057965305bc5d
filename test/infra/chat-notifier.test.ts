/**
 * The chat notifier reads the `notifiers` subscription of the events topic: its trigger names the topic
 * and subscription Bicep deploys, through ServiceBusConnection, without sessions (outcome events carry no
 * session id).
 */
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { connectionSettings } from '../../shared/contracts/names';
import { property } from '../support/bicep';
import { evaluate } from '../support/bicep-eval';
import { moduleOfMain, onlyResource, projectRoot } from '../support/infra';
import { triggerRegistrations } from '../support/source-contracts';

describe('the chat notifier and the events topic', () => {
  it('When chatNotifier listens, then its topic and subscription are deployed, through ServiceBusConnection', () => {
    const serviceBus = moduleOfMain('serviceBus');
    const topic = onlyResource(serviceBus, 'Microsoft.ServiceBus/namespaces/topics');
    const subscription = onlyResource(serviceBus, 'Microsoft.ServiceBus/namespaces/topics/subscriptions');
    const notifier = triggerRegistrations(join(projectRoot, 'functions')).find(
      (trigger) => trigger.functionName === 'chatNotifier',
    );
    expect(notifier).toMatchObject({
      kind: 'serviceBusTopic',
      options: {
        topicName: evaluate(property(topic.body, 'name')!, serviceBus),
        subscriptionName: evaluate(property(subscription.body, 'name')!, serviceBus),
        connection: connectionSettings.serviceBus,
      },
    });
    expect(notifier?.options.isSessionsEnabled).toBeUndefined();
    expect(evaluate(property(subscription.body, 'properties')!, serviceBus)).not.toMatchObject({
      requiresSession: true,
    });
  });
});
