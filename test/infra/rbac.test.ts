import { describe, expect, it } from 'vitest';

import { callArguments, callsOf, objectProperties, property, trailingComment } from '../support/bicep';
import { evaluate, type Scope } from '../support/bicep-eval';
import { mainScope, moduleOfMain } from '../support/infra';

/** Built-in role definition ids (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles). */
const role = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb',
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0',
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39',
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6',
  eventGridDataSender: 'd5a91429-5739-47e2-a06b-3470a27159e7',
} as const;

/**
 * The rbac.bicep parameter holding role ids for each resource, and its `existing` resource: type, and the
 * param naming it (two Event Grid topics share a type).
 */
const scopes = {
  storageRoleIds: { type: 'Microsoft.Storage/storageAccounts', nameParam: 'storageAccountName' },
  serviceBusRoleIds: { type: 'Microsoft.ServiceBus/namespaces', nameParam: 'serviceBusNamespaceName' },
  monitoringRoleIds: { type: 'Microsoft.Insights/components', nameParam: 'applicationInsightsName' },
  keyVaultRoleIds: { type: 'Microsoft.KeyVault/vaults', nameParam: 'keyVaultName' },
  eventGridRoleIds: { type: 'Microsoft.EventGrid/topics', nameParam: 'eventGridTopicName' },
  outcomeEventsRoleIds: { type: 'Microsoft.EventGrid/topics', nameParam: 'outcomeEventsTopicName' },
} as const;

/** What the app's identity needs, and why (the code's runtime needs, not a guess). */
const requiredForApp: Record<keyof typeof scopes, string[]> = {
  // The Durable Functions Azure Storage backend uses blobs (leases), queues (control/work items) and tables
  // (history, instances); the host uses blobs; the service's stores use tables.
  storageRoleIds: [
    role.storageBlobDataOwner,
    role.storageQueueDataContributor,
    role.storageTableDataContributor,
  ],
  // Phase triggers receive; the start-migration endpoint and the outcome publisher send.
  serviceBusRoleIds: [role.serviceBusDataReceiver, role.serviceBusDataSender],
  // Telemetry with APPLICATIONINSIGHTS_AUTHENTICATION_STRING (local auth off).
  monitoringRoleIds: [role.monitoringMetricsPublisher],
  // SLACK_SIGNING_SECRET / TEAMS_HMAC_SECRET Key Vault references.
  keyVaultRoleIds: [role.keyVaultSecretsUser],
  // The app does not publish migration requests (they reach it through the topic's subscription)…
  eventGridRoleIds: [],
  // …but it publishes outcome events (OUTCOME_EVENTS_TOPIC_ENDPOINT) with its identity.
  outcomeEventsRoleIds: [role.eventGridDataSender],
};

function rolesGranted(scope: Scope): Record<string, unknown> {
  return Object.fromEntries(Object.keys(scopes).map((param) => [param, scope.lookup(param)]));
}

describe('role assignments', () => {
  const appRoles = moduleOfMain('appRoles');

  it("When the app's identity is granted roles, then it is the user-assigned identity, as a service principal", () => {
    expect(
      objectProperties(objectProperties(mainScope().file.module('appRoles')!.body).get('params')!).get(
        'principalId',
      )?.text,
    ).toBe('identity.outputs.principalId');
    expect(appRoles.lookup('principalType')).toBe('ServicePrincipal');
  });

  it('When the app runs, then its identity holds exactly the data-plane roles the code needs, each on its resource', () => {
    const granted = rolesGranted(appRoles);
    for (const [param, required] of Object.entries(requiredForApp)) {
      expect([...((granted[param] as string[] | undefined) ?? [])].sort(), param).toEqual(
        [...required].sort(),
      );
    }
  });

  it.each(Object.entries(scopes).map(([param, { type, nameParam }]) => [param, type, nameParam]))(
    'When roles in %s are assigned, then each is named guid(resource, principal, role) and scoped to the %s named by %s',
    (param, type, nameParam) => {
      const assignments = appRoles.file
        .resourcesOfType('Microsoft.Authorization/roleAssignments')
        .filter((assignment) => assignment.loop?.iterable.text === param);
      expect(assignments).toHaveLength(1);
      const assignment = assignments[0]!;
      const targets = appRoles.file
        .resourcesOfType(type)
        .filter((resource) => resource.existing && property(resource.body, 'name')?.text === nameParam);
      expect(targets).toHaveLength(1);
      const target = targets[0]!;
      expect(property(assignment.body, 'scope')?.text).toBe(target.symbol);
      const [guidCall] = callsOf(property(assignment.body, 'name')!, 'guid');
      expect(callArguments(guidCall!).map((argument) => argument.text)).toEqual([
        `${target.symbol}.id`,
        'principalId',
        assignment.loop!.variable,
      ]);
      expect(property(assignment.body, 'properties.principalId')?.text).toBe('principalId');
      expect(property(assignment.body, 'properties.roleDefinitionId')?.text).toBe(
        `subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ${assignment.loop!.variable})`,
      );
    },
  );

  it('When the app publishes outcome events, then its Data Sender role is on the outcome topic main.bicep deploys, not on the requests topic', () => {
    const args = objectProperties(objectProperties(mainScope().file.module('appRoles')!.body).get('params')!);
    expect(args.get('outcomeEventsTopicName')?.text).toBe('outcomeEventsTopic.outputs.name');
    expect(args.get('eventGridTopicName')?.text).toBe('eventGridTopic.outputs.name');
    expect(appRoles.lookup('outcomeEventsRoleIds')).toEqual([role.eventGridDataSender]);
    expect(appRoles.lookup('eventGridRoleIds')).toEqual([]);
  });

  it('When role GUIDs are written down, then each carries a comment naming the role', () => {
    const roles = mainScope().file.variable('roles')!.value;
    const entries = roles.namedChildren.filter((child) => child.type === 'object_property');
    expect(entries.length).toBeGreaterThanOrEqual(Object.keys(role).length);
    for (const entry of entries) {
      const guid = evaluate(entry.namedChildren[1]!, mainScope());
      expect(guid, entry.text).toMatch(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/);
      expect(trailingComment(entry), entry.text).toBeTruthy();
    }
    const named = Object.fromEntries(
      entries.map((entry) => [evaluate(entry.namedChildren[1]!, mainScope()), trailingComment(entry)]),
    );
    expect(named[role.storageBlobDataOwner]).toBe('Storage Blob Data Owner');
    expect(named[role.serviceBusDataReceiver]).toBe('Azure Service Bus Data Receiver');
    expect(named[role.keyVaultSecretsUser]).toBe('Key Vault Secrets User');
  });

  it('When a deploying user is given, then they get their own assignments; when not, none are made', () => {
    const user = mainScope().file.module('userRoles')!;
    expect(user.condition?.text).toBe('(!empty(principalId))');
    const userRoles = moduleOfMain('userRoles');
    expect(userRoles.lookup('principalType')).toBe('User');
    expect(userRoles.lookup('eventGridRoleIds')).toEqual([role.eventGridDataSender]);
    // Subscribing to outcome events is a control-plane right; the user needs no data-plane role there.
    expect(userRoles.lookup('outcomeEventsRoleIds')).toEqual([]);
  });
});
