import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { migrationRequestsFunction } from '../../shared/contracts/names';
import { objectProperties, property } from '../support/bicep';
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

describe('Event Grid (outcome events)', () => {
  const main = mainScope();
  const outcomeScope = moduleOfMain('outcomeEventsTopic');
  const outcomeTopic = onlyResource(outcomeScope, 'Microsoft.EventGrid/topics');

  it('When outcome events are published to Event Grid, then main.bicep deploys a second topic with the same module, named apart from the requests topic', () => {
    expect(main.file.module('outcomeEventsTopic')?.path).toBe(main.file.module('eventGridTopic')?.path);
    expect(main.file.module('outcomeEventsTopic')?.condition).toBeUndefined();
    const outcomeName = render(property(outcomeTopic.body, 'name')!, outcomeScope);
    expect(outcomeName).toBe('${abbrs.eventGridTopics}${resourceToken}-out');
    expect(outcomeName).not.toBe(
      render(
        property(onlyResource(moduleOfMain('eventGridTopic'), 'Microsoft.EventGrid/topics').body, 'name')!,
        moduleOfMain('eventGridTopic'),
      ),
    );
  });

  it("When the app publishes, then the topic takes CloudEvents 1.0 (the adapter's input schema), Entra ID only, over TLS 1.2", () => {
    expect(outcomeScope.lookup('inputSchema')).toBe('CloudEventSchemaV1_0');
    expect(evaluate(property(outcomeTopic.body, 'properties')!, outcomeScope)).toMatchObject({
      inputSchema: 'CloudEventSchemaV1_0',
      disableLocalAuth: true,
      minimumTlsVersionAllowed: '1.2',
    });
  });

  it('When outcomes are published, then nothing delivers them to migrationRequests (they would loop)', () => {
    const subscriptionArgs = objectProperties(
      objectProperties(main.file.module('eventGridSubscription')!.body).get('params')!,
    );
    expect(subscriptionArgs.get('topicName')?.text).toBe('eventGridTopic.outputs.name');
    const modulesOnOutcomeTopic = main.file
      .modules()
      .filter((module) => module.path === 'app/event-grid-subscription.bicep')
      .filter((module) => /outcomeEventsTopic/.test(module.body.text));
    expect(modulesOnOutcomeTopic).toEqual([]);
  });

  it('When azd provisions, then the outcome topic endpoint is an output', () => {
    const output = main.file
      .outputs()
      .find((candidate) => candidate.name === 'OUTCOME_EVENTS_TOPIC_ENDPOINT');
    expect(output?.value.text).toBe('outcomeEventsTopic.outputs.endpoint');
    expect(outcomeScope.file.outputs().find((candidate) => candidate.name === 'endpoint')?.value.text).toBe(
      'topic.properties.endpoint',
    );
  });
});
