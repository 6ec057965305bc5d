import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { migrationRequestsFunction } from '../../shared/contracts/names';
import { property } from '../support/bicep';
import { evaluate, render } from '../support/bicep-eval';
import { infraDir, mainScope, moduleOfMain, onlyResource, projectRoot } from '../support/infra';

const subscriptionScope = moduleOfMain('eventGridSubscription');
const subscription = onlyResource(subscriptionScope, 'Microsoft.EventGrid/topics/eventSubscriptions');
const subscriptionProperties = property(subscription.body, 'properties')!;

describe('Event Grid (migration requests)', () => {
  it('When a request event is delivered, then it goes to the function names.ts calls migrationRequests', () => {
    expect(evaluate(property(subscriptionProperties, 'destination.endpointType')!, subscriptionScope)).toBe(
      'AzureFunction',
    );
    const target = render(
      property(subscriptionProperties, 'destination.properties.resourceId')!,
      subscriptionScope,
    );
    expect(target).toBe(`\${functionApp.id}/functions/${migrationRequestsFunction}`);
    const functionApp = subscriptionScope.file
      .resources()
      .find((resource) => resource.symbol === 'functionApp');
    expect(functionApp).toMatchObject({ type: 'Microsoft.Web/sites', existing: true });
  });

  it('When delivery keeps failing, then Event Grid retries for a day and dead-letters to a blob container', () => {
    expect(evaluate(property(subscriptionProperties, 'retryPolicy')!, subscriptionScope)).toEqual({
      maxDeliveryAttempts: 30,
      eventTimeToLiveInMinutes: 1440,
    });
    const deadLetter = property(subscriptionProperties, 'deadLetterWithResourceIdentity')!;
    expect(evaluate(property(deadLetter, 'deadLetterDestination.endpointType')!, subscriptionScope)).toBe(
      'StorageBlob',
    );
    expect(
      evaluate(
        property(deadLetter, 'deadLetterDestination.properties.blobContainerName')!,
        subscriptionScope,
      ),
    ).toBe('eventgrid-deadletter');
    // Written with the user-assigned identity, since storage accepts no shared keys.
    expect(evaluate(property(deadLetter, 'identity.type')!, subscriptionScope)).toBe('UserAssigned');
  });

  it('When the dead-letter container is named, then storage creates it', () => {
    expect(moduleOfMain('storage').lookup('containerNames')).toContain(
      subscriptionScope.lookup('deadLetterContainerName'),
    );
  });

  it('When requests are published, then the schema is the one the subscription delivers (CloudEvents by default)', () => {
    expect(subscriptionScope.lookup('deliverySchema')).toBe('CloudEventSchemaV1_0');
    expect(moduleOfMain('eventGridTopic').lookup('inputSchema')).toBe(
      subscriptionScope.lookup('deliverySchema'),
    );
  });

  it('When publishers connect, then the topic accepts Entra ID only (access keys disabled) over TLS 1.2', () => {
    const topicScope = moduleOfMain('eventGridTopic');
    const topic = onlyResource(topicScope, 'Microsoft.EventGrid/topics');
    expect(evaluate(property(topic.body, 'properties')!, topicScope)).toMatchObject({
      disableLocalAuth: true,
      minimumTlsVersionAllowed: '1.2',
    });
  });

  it('When nothing is deployed yet, then the subscription waits for the function (it is gated, off by default)', () => {
    const main = mainScope();
    expect(main.file.module('eventGridSubscription')?.condition?.text).toBe('(eventGridSubscriptionEnabled)');
    expect(main.lookup('eventGridSubscriptionEnabled')).toBe(false);
  });

  it('When azd has deployed the code, then the postdeploy hook enables the variable the parameters file maps', () => {
    const parameters = JSON.parse(readFileSync(join(infraDir, 'main.parameters.json'), 'utf8')) as {
      parameters: Record<string, { value: string }>;
    };
    const variable = /^\$\{(\w+)=false\}$/.exec(
      parameters.parameters.eventGridSubscriptionEnabled?.value ?? '',
    )?.[1];
    expect(variable).toBeDefined();
    const azureYaml = readFileSync(join(projectRoot, 'azure.yaml'), 'utf8');
    expect(azureYaml).toContain(`azd env set ${variable} true`);
    expect(azureYaml).toContain('azd provision --no-prompt');
  });

  it('When events are delivered, then no event-type filter can drop a mistyped request silently', () => {
    expect(property(subscriptionProperties, 'filter')).toBeUndefined();
  });
});
