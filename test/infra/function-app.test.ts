import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseConfig } from '../../shared/config';
import { connectionSettings } from '../../shared/contracts/names';
import { objectProperties, property } from '../support/bicep';
import { type BicepValue, evaluate, Unresolved } from '../support/bicep-eval';
import {
  bicepFiles,
  codeDefaults,
  infraDir,
  loadInfra,
  mainScope,
  moduleOfMain,
  onlyResource,
  projectRoot,
} from '../support/infra';

const vaultSecret = (name: string): string => `https://kv-test.vault.azure.net/secrets/${name}`;
const withChatSecrets = moduleOfMain('functionApp', {
  slackSigningSecretUri: vaultSecret('slack-signing-secret'),
  teamsHmacSecretUri: vaultSecret('teams-hmac-secret'),
  chatChannelWebhooksUri: vaultSecret('chat-channel-webhooks'),
});
const withoutChatSecrets = moduleOfMain('functionApp', {
  slackSigningSecretUri: '',
  teamsHmacSecretUri: '',
  chatChannelWebhooksUri: '',
});

function appSettings(scope = withChatSecrets): Record<string, BicepValue> {
  const config = onlyResource(scope, 'Microsoft.Web/sites/config');
  expect(evaluate(property(config.body, 'name')!, scope)).toBe('appsettings');
  const settings = evaluate(property(config.body, 'properties')!, scope);
  if (
    typeof settings !== 'object' ||
    settings === null ||
    Array.isArray(settings) ||
    settings instanceof Unresolved
  ) {
    throw new Error(`app settings did not evaluate to an object: ${JSON.stringify(settings)}`);
  }
  return settings;
}

const keyVaultReference = /^@Microsoft\.KeyVault\(SecretUri=[^)]+\)$/;

/** What the platform puts in place of a Key Vault reference: a stand-in secret of the right shape. */
const resolvedSecrets: Record<string, string> = {
  CHAT_CHANNEL_WEBHOOKS: '{"slack:C0123":"https://hooks.example.invalid/services/T0/B0/x"}',
};

/**
 * The environment the app would see in Azure: literal settings as they are, Key Vault references resolved
 * (to stand-ins), and deployment-time values (endpoints, client ids) as stand-ins of the right shape.
 */
function azureEnvironment(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(appSettings()).map(([key, value]) => [
      key,
      typeof value === 'string' && keyVaultReference.test(value)
        ? (resolvedSecrets[key] ?? `<secret ${key}>`)
        : typeof value === 'string'
          ? value
          : /(Uri|_ENDPOINT)$/.test(key)
            ? 'https://deployed.invalid/'
            : `<${key}>`,
    ]),
  );
}

const storage = connectionSettings.storage;
const serviceBus = connectionSettings.serviceBus;

describe('Function App (infra/app/function-app.bicep as main.bicep deploys it)', () => {
  it('When the code reads its configuration in Azure, then it gets identity-based storage and Service Bus with the client id', () => {
    const config = parseConfig(azureEnvironment());
    expect(config.storage).toMatchObject({ kind: 'identity', clientId: `<${storage}__clientId>` });
    expect(config.serviceBus).toMatchObject({ kind: 'identity', clientId: `<${serviceBus}__clientId>` });
    expect(config.authRequired).toBe(true);
    expect(config.demoData).toBe(false);
  });

  it('When outcome events are published in Azure, then the code gets the outcome topic endpoint and the identity to reach it with', () => {
    expect(parseConfig(azureEnvironment()).outcomeEvents).toEqual({
      topicEndpoint: 'https://deployed.invalid/',
      clientId: `<${serviceBus}__clientId>`,
    });
    // The outcome topic's own endpoint, never the requests topic's (whose subscription would loop them back).
    expect(appSettings().OUTCOME_EVENTS_TOPIC_ENDPOINT).toEqual(
      new Unresolved('outcomeEventsTopic.outputs.endpoint'),
    );
  });

  it("When the app and the queues agree on delivery counts, then SERVICE_BUS_MAX_DELIVERY_COUNT equals the code's default", () => {
    expect(parseConfig(azureEnvironment()).maxDeliveryCount).toBe(codeDefaults().maxDeliveryCount);
    expect(parseConfig(azureEnvironment()).operationLeaseSeconds).toBe(codeDefaults().operationLeaseSeconds);
    expect(appSettings().DEFAULT_SUBSCRIPTION_ID).toBe(codeDefaults().defaultSubscriptionId);
  });

  it('When the host and the Durable backend connect, then every identity-based setting is present', () => {
    const settings = appSettings();
    expect(settings).toMatchObject({
      [`${storage}__credential`]: 'managedidentity',
      [`${serviceBus}__credential`]: 'managedidentity',
    });
    expect(settings.APPLICATIONINSIGHTS_AUTHENTICATION_STRING).toEqual(
      new Unresolved('ClientId=${identityClientId};Authorization=AAD'),
    );
    for (const key of [
      `${storage}__clientId`,
      `${storage}__blobServiceUri`,
      `${storage}__queueServiceUri`,
      `${storage}__tableServiceUri`,
      `${serviceBus}__fullyQualifiedNamespace`,
      `${serviceBus}__clientId`,
      'APPLICATIONINSIGHTS_CONNECTION_STRING',
      'AZURE_CLIENT_ID',
      'CHAT_ROLES',
      'OUTCOME_EVENTS_TOPIC_ENDPOINT',
    ]) {
      expect(settings, key).toHaveProperty([key]);
    }
    // One identity everywhere: the client ids are the same deployment-time value.
    expect(settings[`${storage}__clientId`]).toEqual(settings.AZURE_CLIENT_ID);
    expect(settings[`${serviceBus}__clientId`]).toEqual(settings.AZURE_CLIENT_ID);
  });

  it('When settings are written, then none is a connection string, key or SAS', () => {
    const settings = appSettings();
    // The bare prefixes would hold connection strings, and shared/config.ts prefers them over the identity form.
    expect(settings).not.toHaveProperty([storage]);
    expect(settings).not.toHaveProperty([serviceBus]);
    for (const key of Object.keys(settings)) expect(key).not.toMatch(/^DEVHOST_|ConnectionString$|Key$/i);
    for (const [key, value] of Object.entries(settings)) {
      const text = value instanceof Unresolved ? value.text : JSON.stringify(value);
      expect(text, key).not.toMatch(/listKeys|AccountKey=|SharedAccessKey|SharedAccessSignature|sig=/i);
    }
  });

  it('When chat secrets are stored, then the settings are Key Vault references resolved with the user-assigned identity', () => {
    expect(appSettings()).toMatchObject({
      SLACK_SIGNING_SECRET: `@Microsoft.KeyVault(SecretUri=${vaultSecret('slack-signing-secret')})`,
      TEAMS_HMAC_SECRET: `@Microsoft.KeyVault(SecretUri=${vaultSecret('teams-hmac-secret')})`,
      CHAT_CHANNEL_WEBHOOKS: `@Microsoft.KeyVault(SecretUri=${vaultSecret('chat-channel-webhooks')})`,
    });
    const site = onlyResource(withChatSecrets, 'Microsoft.Web/sites');
    expect(property(site.body, 'properties.keyVaultReferenceIdentity')?.text).toBe('identityId');
  });

  it('When no chat secret is given, then the settings are absent rather than pointing at a missing secret', () => {
    expect(appSettings(withoutChatSecrets)).not.toHaveProperty(['SLACK_SIGNING_SECRET']);
    expect(appSettings(withoutChatSecrets)).not.toHaveProperty(['TEAMS_HMAC_SECRET']);
    expect(appSettings(withoutChatSecrets)).not.toHaveProperty(['CHAT_CHANNEL_WEBHOOKS']);
  });

  it('When the plan is created, then it is Flex Consumption (FC1) on Linux', () => {
    const plan = onlyResource(withChatSecrets, 'Microsoft.Web/serverfarms');
    expect(evaluate(plan.body, withChatSecrets)).toMatchObject({
      sku: { name: 'FC1', tier: 'FlexConsumption' },
      properties: { reserved: true },
    });
  });

  it('When the app is created, then it is a Linux function app on Node 22 with identity-authenticated deployment storage', () => {
    const site = onlyResource(withChatSecrets, 'Microsoft.Web/sites');
    expect(evaluate(property(site.body, 'kind')!, withChatSecrets)).toBe('functionapp,linux');
    expect(evaluate(property(site.body, 'properties.functionAppConfig.runtime')!, withChatSecrets)).toEqual({
      name: 'node',
      version: '22',
    });
    expect(evaluate(property(site.body, 'properties.httpsOnly')!, withChatSecrets)).toBe(true);
    const deployment = property(site.body, 'properties.functionAppConfig.deployment.storage')!;
    expect(evaluate(property(deployment, 'type')!, withChatSecrets)).toBe('blobContainer');
    expect(evaluate(property(deployment, 'authentication.type')!, withChatSecrets)).toBe(
      'UserAssignedIdentity',
    );
    expect(property(deployment, 'authentication.userAssignedIdentityResourceId')?.text).toBe('identityId');
    expect(property(site.body, 'properties.functionAppConfig.scaleAndConcurrency')).toBeDefined();
  });

  it('When settings reach Flex Consumption, then none of the settings it rejects is among them', () => {
    const rejectedByFlex = [
      'FUNCTIONS_WORKER_RUNTIME',
      'FUNCTIONS_EXTENSION_VERSION',
      'WEBSITE_NODE_DEFAULT_VERSION',
      'WEBSITE_RUN_FROM_PACKAGE',
      'WEBSITE_CONTENTSHARE',
      'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING',
      'AzureWebJobsStorage',
    ];
    for (const key of rejectedByFlex) expect(appSettings()).not.toHaveProperty([key]);
  });

  it('When azd deploys the "api" service, then the app carries the azd-service-name tag azure.yaml names', () => {
    const azureYaml = readFileSync(join(projectRoot, 'azure.yaml'), 'utf8');
    const services = /^services:\n((?:[ ]+.*\n)+)/m.exec(azureYaml)?.[1] ?? '';
    const serviceName = /^ {2}([\w-]+):$/m.exec(services)?.[1];
    expect(services).toMatch(/host: function/);
    expect(services).toMatch(/language: ts/);
    expect(serviceName).toBe(withChatSecrets.lookup('serviceName'));
    const site = onlyResource(withChatSecrets, 'Microsoft.Web/sites');
    expect(evaluate(property(site.body, 'tags')!, withChatSecrets)).toMatchObject({
      'azd-service-name': serviceName,
    });
  });
});

/** The text of a setting as the app would see it (deployment-time parts kept as their Bicep expression). */
function settingText(value: BicepValue): string {
  return typeof value === 'string' ? value : value instanceof Unresolved ? value.text : JSON.stringify(value);
}

describe('Function App settings: secrets, fault injection and sign-in', () => {
  it('When a setting holds a credential, then it is a Key Vault reference, never the value', () => {
    // Values that look like credentials: storage/Service Bus connection strings and keys, SAS signatures,
    // webhook URLs (a Slack hook path or a sig= query is the credential), passwords and tokens.
    const secretLooking =
      /AccountKey=|SharedAccessKey|SharedAccessSignature|sig=|DefaultEndpointsProtocol=|Endpoint=sb:\/\/|Password=|hooks\.slack\.com|webhook\.office\.com|logic\.azure\.com|listKeys|listSecrets|secret|token/i;
    for (const scope of [withChatSecrets, withoutChatSecrets]) {
      for (const [key, value] of Object.entries(appSettings(scope))) {
        const text = settingText(value);
        if (keyVaultReference.test(text)) continue;
        expect(text, key).not.toMatch(secretLooking);
        expect(key, `${key} is named like a secret but is not a Key Vault reference`).not.toMatch(
          /SECRET|PASSWORD|TOKEN|WEBHOOK|(^|_)KEY$/i,
        );
      }
    }
  });

  it('When main.bicep receives a @secure parameter, then it goes to Key Vault and never into an app setting', () => {
    const main = mainScope();
    const secure = main.file.params().filter((param) => param.decorators.includes('secure'));
    expect(secure.map((param) => param.name)).toEqual(
      expect.arrayContaining(['slackSigningSecret', 'teamsHmacSecret', 'chatChannelWebhooks']),
    );
    const appArgs = objectProperties(objectProperties(main.file.module('functionApp')!.body).get('params')!);
    for (const param of secure) {
      for (const [arg, value] of appArgs)
        expect(value.text, `functionApp.${arg} must not carry ${param.name}`).not.toMatch(
          new RegExp(`\\b${param.name}\\b`),
        );
      const vaultArgs = objectProperties(objectProperties(main.file.module('keyVault')!.body).get('params')!);
      expect([...vaultArgs.values()].map((value) => value.text)).toContain(param.name);
    }
    // Each stored secret surfaces only as its URI, which the app setting wraps in a reference.
    const vault = moduleOfMain('keyVault');
    expect(
      vault.file
        .resourcesOfType('Microsoft.KeyVault/vaults/secrets')
        .map((r) => r.symbol)
        .sort(),
    ).toEqual(['slackSecret', 'teamsSecret', 'webhooksSecret']);
  });

  it('When the app runs in Azure, then fault injection is off (FAULTS_ENABLED is false, and no Bicep file turns it on)', () => {
    expect(appSettings().FAULTS_ENABLED ?? 'false').toBe('false');
    expect(parseConfig(azureEnvironment()).faultsEnabled).toBe(false);
    for (const file of bicepFiles()) {
      const source = loadInfra(file).source;
      const assignments = [...source.matchAll(/FAULTS_ENABLED\s*:\s*([^\n]+)/g)].map((match) =>
        match[1]!.trim(),
      );
      for (const assignment of assignments) expect(assignment, file).toBe("'false'");
    }
  });

  it('When callers sign in, then the app requires Entra ID tokens of this tenant for the app registration given as authClientId', () => {
    const settings = appSettings();
    expect(settings.AUTH_REQUIRED).toBe('true');
    expect(settings.AUTH_TENANT_ID).toEqual(new Unresolved('subscription().tenantId'));
    expect(settings.AUTH_CLIENT_ID).toEqual(new Unresolved('authClientId'));
    // Nothing else is needed: shared/config.ts derives the v2.0 issuer, the key set and the audiences.
    for (const key of ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URI'])
      expect(settings).not.toHaveProperty([key]);
    const config = parseConfig({
      ...azureEnvironment(),
      AUTH_TENANT_ID: 'tenant-1',
      AUTH_CLIENT_ID: 'client-1',
    });
    expect(config.auth).toEqual({
      issuer: 'https://login.microsoftonline.com/tenant-1/v2.0',
      jwksUri: 'https://login.microsoftonline.com/tenant-1/discovery/v2.0/keys',
      audience: ['client-1', 'api://client-1'],
    });
    // A required parameter (a GUID), supplied by azd from AUTH_CLIENT_ID.
    const param = mainScope().file.param('authClientId')!;
    expect(param.defaultValue).toBeUndefined();
    expect(param.decorators).toEqual(expect.arrayContaining(['minLength', 'maxLength']));
    const parameters = JSON.parse(readFileSync(join(infraDir, 'main.parameters.json'), 'utf8')) as {
      parameters: Record<string, { value: string }>;
    };
    expect(parameters.parameters.authClientId?.value).toBe('${AUTH_CLIENT_ID}');
  });
});
