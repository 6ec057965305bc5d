/**
 * What makes a first deployment work (issue 11): host.json timeouts and polling, the functions Bicep names
 * being registered before Event Grid is pointed at them, the lean package azd deploys, waiting for role
 * assignments to take effect, and the private networking option.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseDurationMs } from '../../devhost/config/durations';
import { readHostJson } from '../../devhost/config/host-json';
import { migrationRequestsFunction, migrationScopeEntity } from '../../shared/contracts/names';
import { objectProperties, property, stringLiterals } from '../support/bicep';
import { type BicepValue, evaluate, render, type Scope, Unresolved } from '../support/bicep-eval';
import {
  infraDir,
  mainScope,
  moduleOfMain,
  onlyResource,
  projectRoot,
  registeredFunctions,
} from '../support/infra';
import { triggerRegistrations } from '../support/source-contracts';

const hostJsonPath = join(projectRoot, 'host.json');
interface HostJson {
  functionTimeout?: string;
  extensions?: Record<string, Record<string, unknown> | undefined>;
}
const hostJson = JSON.parse(readFileSync(hostJsonPath, 'utf8')) as HostJson;
const extensions = hostJson.extensions ?? {};
const azureYaml = readFileSync(join(projectRoot, 'azure.yaml'), 'utf8');
const registrations = registeredFunctions();

/** The `dependsOn` list of a module of main.bicep, as symbol names. */
function dependsOn(symbol: string): string[] {
  const list = property(mainScope().file.module(symbol)!.body, 'dependsOn');
  return list ? list.namedChildren.filter((node) => node.type !== 'comment').map((node) => node.text) : [];
}

/** The argument main.bicep passes to a module parameter, as source text. */
function argumentText(symbol: string, param: string): string | undefined {
  return objectProperties(objectProperties(mainScope().file.module(symbol)!.body).get('params')!).get(param)
    ?.text;
}

/** A service's block of azure.yaml (its lines, indentation kept). */
function serviceBlock(name: string): string {
  return (
    /^services:\n((?:(?: {2,}.*)?\n)+)/m.exec(azureYaml)?.[1]?.split(new RegExp(`^ {2}${name}:$`, 'm'))[1] ??
    ''
  );
}

describe('host.json (Functions host, Service Bus extension 5.x, Durable Functions)', () => {
  const timeoutMs = parseDurationMs(hostJson.functionTimeout ?? '');

  it("When a function runs long, then functionTimeout is explicit and within Flex Consumption's limits", () => {
    // Flex Consumption: default 30 min, no maximum, but executions get only 60 min of grace on scale-in
    // (https://learn.microsoft.com/azure/azure-functions/functions-scale#timeout).
    expect(hostJson.functionTimeout).toBeDefined();
    expect(timeoutMs).toBeGreaterThan(0);
    expect(timeoutMs).toBeLessThanOrEqual(60 * 60_000);
  });

  it('When a phase function runs until its timeout, then the session lock is renewed at least that long', () => {
    const renewalMs = parseDurationMs(String(extensions.serviceBus?.maxAutoLockRenewalDuration));
    expect(renewalMs).toBeGreaterThanOrEqual(timeoutMs);
    // The dev host reads the same key and renews as long.
    expect(readHostJson(hostJsonPath).serviceBus.maxAutoLockRenewalDurationMs).toBe(renewalMs);
  });

  it('When a session has no more messages, then the trigger lets it go quickly (sessionIdleTimeout), well within the queue lock', () => {
    const sessionTriggers = triggerRegistrations(join(projectRoot, 'functions')).filter(
      (trigger) => trigger.options.isSessionsEnabled === true,
    );
    expect(sessionTriggers.length).toBeGreaterThan(0);
    const idleMs = parseDurationMs(String(extensions.serviceBus?.sessionIdleTimeout));
    expect(idleMs).toBeGreaterThan(0);
    const queues = moduleOfMain('serviceBus');
    const lock = evaluate(
      property(
        onlyResource(queues, 'Microsoft.ServiceBus/namespaces/queues').body,
        'properties.lockDuration',
      )!,
      queues,
    );
    expect(typeof lock).toBe('string');
    expect(idleMs).toBeLessThan(parseDurationMs(lock as string));
  });

  it('When the migrationScope entity is signalled, then the Durable backend polls its queues every few seconds (not the 30 s default)', () => {
    const polling = (extensions.durableTask?.storageProvider as Record<string, unknown> | undefined)
      ?.maxQueuePollingInterval;
    expect(polling).toBeDefined();
    expect(parseDurationMs(String(polling))).toBeLessThanOrEqual(5_000);
    expect(extensions.durableTask?.hubName).toBe(readHostJson(hostJsonPath).durableHubName);
  });

  it('When an extension is configured, then a registered function uses it (no dead configuration)', () => {
    const kinds = new Set(registrations.map((registration) => registration.kind));
    const usedBy: Record<string, (kind: string) => boolean> = {
      http: (kind) => ['http', 'get', 'post', 'put', 'patch', 'deleteRequest'].includes(kind),
      queues: (kind) => kind === 'storageQueue',
      serviceBus: (kind) => kind === 'serviceBusQueue' || kind === 'serviceBusTopic',
      durableTask: (kind) => ['entity', 'orchestration', 'activity'].includes(kind),
    };
    for (const section of Object.keys(extensions)) {
      expect(Object.keys(usedBy), `extensions.${section} is not known to this test`).toContain(section);
      expect([...kinds].some(usedBy[section]!), `extensions.${section}`).toBe(true);
    }
    // And nothing restates a default the dev host and Azure apply anyway.
    expect(extensions.queues).not.toHaveProperty('batchSize');
    expect(extensions.queues).not.toHaveProperty('maxDequeueCount');
  });

  it('When the dev host starts, then it still reads host.json', () => {
    expect(() => readHostJson(hostJsonPath)).not.toThrow();
    expect(readHostJson(hostJsonPath).routePrefix).toBe('');
  });
});

describe('functions Bicep names by name are registered', () => {
  const registered = new Set(registrations.map((registration) => registration.name));

  it('When the registrations are read, then they include the Event Grid trigger and the entity', () => {
    expect(registrations).toContainEqual(
      expect.objectContaining({ kind: 'eventGrid', name: migrationRequestsFunction }),
    );
    expect(registrations).toContainEqual(
      expect.objectContaining({ kind: 'entity', name: migrationScopeEntity }),
    );
  });

  it('When main.bicep names a function, then functions/*.ts registers it', () => {
    const named = mainScope()
      .file.variables()
      .filter((variable) => /FunctionName$/.test(variable.name))
      .map((variable) => mainScope().lookup(variable.name));
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect([...registered], JSON.stringify(name)).toContain(name);
  });

  it('When Event Grid delivers to a function, then that function is registered as an Event Grid trigger', () => {
    const subscription = moduleOfMain('eventGridSubscription');
    const target = subscription.lookup('functionName');
    expect(registrations).toContainEqual(expect.objectContaining({ kind: 'eventGrid', name: target }));
  });

  it('When always-ready instances are configured, then each names a scale group (or function) that has registered functions', () => {
    const app = moduleOfMain('functionApp');
    const site = onlyResource(app, 'Microsoft.Web/sites');
    const alwaysReady = evaluate(
      property(site.body, 'properties.functionAppConfig.scaleAndConcurrency.alwaysReady')!,
      app,
    ) as { name: string; instanceCount: BicepValue }[];
    const groups: Record<string, (kind: string) => boolean> = {
      http: (kind) => ['http', 'get', 'post', 'put', 'patch', 'deleteRequest'].includes(kind),
      durable: (kind) => ['entity', 'orchestration', 'activity'].includes(kind),
    };
    for (const entry of alwaysReady) {
      if (entry.name.startsWith('function:')) expect([...registered]).toContain(entry.name.slice(9));
      else expect(registrations.some((registration) => groups[entry.name]?.(registration.kind))).toBe(true);
      // A sane default: scale from zero unless asked.
      expect(entry.instanceCount).toBe(0);
    }
    expect(alwaysReady.map((entry) => entry.name)).toEqual(['http', 'durable']);
  });

  it('When the subscription is created, then only after the code is deployed and the app lists the function', () => {
    const main = mainScope();
    expect(main.file.module('eventGridSubscription')?.condition?.text).toBe('(eventGridSubscriptionEnabled)');
    expect(main.lookup('eventGridSubscriptionEnabled')).toBe(false);
    // The hook waits for the function the deployment outputs, then enables the subscription and provisions.
    const output = main.file
      .outputs()
      .find((candidate) => candidate.name === 'MIGRATION_REQUESTS_FUNCTION_NAME');
    expect(output && main.lookup(output.value.text)).toBe(migrationRequestsFunction);
    const script = readFileSync(join(projectRoot, 'scripts', 'deploy', 'wait-for-function.mjs'), 'utf8');
    expect(script).toContain("required('MIGRATION_REQUESTS_FUNCTION_NAME')");
    expect(script).toContain('/functions?api-version=');
    const postdeploy = azureYaml.slice(azureYaml.indexOf('\nhooks:'));
    for (const shell of ['posix:', 'windows:']) {
      const block = postdeploy.slice(postdeploy.indexOf(shell));
      const wait = block.indexOf('node scripts/deploy/wait-for-function.mjs');
      expect(wait, shell).toBeGreaterThan(0);
      expect(block.indexOf('azd env set EVENT_GRID_SUBSCRIPTION_ENABLED true'), shell).toBeGreaterThan(wait);
    }
  });
});

describe('the package azd deploys (azure.yaml, scripts/deploy/package.mjs)', () => {
  const api = serviceBlock('api');
  const bundle = /^ {4}dist: (.+)$/m.exec(api)?.[1]?.trim();

  it('When azd packages the api service, then it deploys the folder package.mjs prepares, without a remote build', () => {
    expect(bundle).toBe('.tmp/deploy/api');
    expect(api).toMatch(/^ {4}remoteBuild: false$/m);
    expect(api).toMatch(/^ {6}prepackage:$/m);
    expect(api.match(/run: node scripts\/deploy\/package\.mjs/g)).toHaveLength(2); // posix and windows
    const script = readFileSync(join(projectRoot, 'scripts', 'deploy', 'package.mjs'), 'utf8');
    expect(script).toContain("join('.tmp', 'deploy')");
    expect(script).toContain("join(outDir, 'api')");
    expect(script).toMatch(/'ci', '--omit=dev'/);
    // An azd version that knows remoteBuild and checks it against .funcignore.
    expect(azureYaml).toMatch(/^requiredVersions:\n {2}#.*\n {2}azd: '>= 1\.23\.12'$/m);
  });

  it("When the package is built, then it never touches the working tree's dist/ and lands in a git-ignored folder", () => {
    const script = readFileSync(join(projectRoot, 'scripts', 'deploy', 'package.mjs'), 'utf8');
    expect(script).toContain("'--outDir',\n      build,");
    expect(script).toContain("'--tsBuildInfoFile',");
    expect(readFileSync(join(projectRoot, '.gitignore'), 'utf8').split('\n')).toContain('.tmp/');
    const tsconfig = readFileSync(join(projectRoot, 'scripts', 'deploy', 'tsconfig.json'), 'utf8');
    expect(tsconfig).toContain('"include": ["../../functions", "../../shared"]');
  });

  it("When remoteBuild is false, then the project's .funcignore does not exclude node_modules (azd refuses the combination)", () => {
    const lines = readFileSync(join(projectRoot, '.funcignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(lines.filter((line) => /node_modules/.test(line))).toEqual([]);
  });

  it('When the code runs in Azure, then everything it imports is a production dependency (the package omits dev dependencies)', () => {
    const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const imports = new Map<string, string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) {
          for (const match of readFileSync(path, 'utf8').matchAll(
            /^(?:import|export)[^'"]*?from '([^']+)'/gm,
          )) {
            const specifier = match[1]!;
            if (specifier.startsWith('.') || specifier.startsWith('node:')) {
              expect(specifier, path).not.toMatch(/^(\.\.\/)+(devhost|cli|scripts|test)\//);
              continue;
            }
            const name = specifier.startsWith('@')
              ? specifier.split('/').slice(0, 2).join('/')
              : specifier.split('/')[0]!;
            imports.set(name, path);
          }
        }
      }
    };
    walk(join(projectRoot, 'functions'));
    walk(join(projectRoot, 'shared'));
    expect(imports.size).toBeGreaterThan(3);
    for (const [name, file] of imports)
      expect(Object.keys(manifest.dependencies), `${name} (${file})`).toContain(name);
  });
});

describe('role assignments take effect before the app uses them', () => {
  it("When the app and the Event Grid subscription are created, then their identities' roles exist first", () => {
    expect(dependsOn('functionApp')).toContain('appRoles');
    expect(dependsOn('eventGridSubscription')).toEqual(
      expect.arrayContaining(['appRoles', 'deadLetterRoles']),
    );
  });

  it("When the code is deployed, then the predeploy hook waits until the identity's role assignments are 10 minutes old", () => {
    const api = serviceBlock('api');
    expect(api).toMatch(/^ {6}predeploy:$/m);
    expect(api.match(/run: node scripts\/deploy\/wait-for-roles\.mjs/g)).toHaveLength(2);
    const main = mainScope();
    const output = main.file
      .outputs()
      .find((candidate) => candidate.name === 'AZURE_MANAGED_IDENTITY_PRINCIPAL_ID');
    expect(output?.value.text).toBe('identity.outputs.principalId');
    const script = readFileSync(join(projectRoot, 'scripts', 'deploy', 'wait-for-roles.mjs'), 'utf8');
    expect(script).toContain("process.env.ROLE_PROPAGATION_MINUTES ?? '10'");
    expect(script).toContain("required('AZURE_MANAGED_IDENTITY_PRINCIPAL_ID')");
    expect(script).toContain('role-based-access-control/troubleshooting');
  });
});

describe('private networking (optional, off by default)', () => {
  const privateArgs = { enablePrivateNetworking: true, publicNetworkAccess: 'Disabled' };

  function storageAcls(scope: Scope): BicepValue {
    const account = onlyResource(scope, 'Microsoft.Storage/storageAccounts');
    return evaluate(property(account.body, 'properties')!, scope);
  }

  function publicAccess(symbol: string, type: string, mainArgs: Record<string, BicepValue>): BicepValue {
    const scope = moduleOfMain(symbol, {}, mainArgs);
    return evaluate(property(onlyResource(scope, type).body, 'properties.publicNetworkAccess')!, scope);
  }

  const services: [string, string][] = [
    ['serviceBus', 'Microsoft.ServiceBus/namespaces'],
    ['keyVault', 'Microsoft.KeyVault/vaults'],
    ['eventGridTopic', 'Microsoft.EventGrid/topics'],
    ['outcomeEventsTopic', 'Microsoft.EventGrid/topics'],
  ];

  it('When nothing is asked, then there is no VNet, every endpoint is public and the app joins no subnet', () => {
    const main = mainScope();
    expect(main.lookup('enablePrivateNetworking')).toBe(false);
    expect(main.lookup('publicNetworkAccess')).toBe('Enabled');
    expect(main.file.module('network')?.condition?.text).toBe('(enablePrivateNetworking)');
    for (const [symbol, type] of services) expect(publicAccess(symbol, type, {}), symbol).toBe('Enabled');
    expect(storageAcls(moduleOfMain('storage'))).toMatchObject({ networkAcls: { defaultAction: 'Allow' } });
    const app = moduleOfMain('functionApp');
    expect(app.lookup('virtualNetworkSubnetId')).toBe('');
    expect(
      evaluate(
        property(onlyResource(app, 'Microsoft.Web/sites').body, 'properties.virtualNetworkSubnetId')!,
        app,
      ),
    ).toBeNull();
  });

  it('When private networking is on and public access Disabled, then every service closes its public endpoint', () => {
    for (const [symbol, type] of services)
      expect(publicAccess(symbol, type, privateArgs), symbol).toBe('Disabled');
    // Storage: the firewall denies every network but lets trusted services (Event Grid's dead letters) in.
    expect(storageAcls(moduleOfMain('storage', {}, privateArgs))).toMatchObject({
      publicNetworkAccess: 'Enabled',
      networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' },
    });
    // Key Vault likewise keeps the trusted-service bypass.
    const vault = moduleOfMain('keyVault', {}, privateArgs);
    expect(
      evaluate(
        property(onlyResource(vault, 'Microsoft.KeyVault/vaults').body, 'properties.networkAcls')!,
        vault,
      ),
    ).toEqual({ defaultAction: 'Deny', bypass: 'AzureServices' });
  });

  it('When public access is Disabled without private networking, then it is ignored (the app could reach nothing)', () => {
    for (const [symbol, type] of services)
      expect(publicAccess(symbol, type, { publicNetworkAccess: 'Disabled' }), symbol).toBe('Enabled');
  });

  it('When private networking is on, then Service Bus is Premium (private endpoints need it)', () => {
    expect(moduleOfMain('serviceBus', {}, { enablePrivateNetworking: true }).lookup('sku')).toBe('Premium');
    expect(moduleOfMain('serviceBus').lookup('sku')).toBe('Standard');
  });

  it('When private networking is on, then the app joins the delegated subnet of the VNet main.bicep creates', () => {
    expect(argumentText('functionApp', 'virtualNetworkSubnetId')).toBe(
      "enablePrivateNetworking ? network!.outputs.appSubnetId : ''",
    );
    const app = moduleOfMain('functionApp', {}, { enablePrivateNetworking: true });
    expect(app.lookup('virtualNetworkSubnetId')).toEqual(new Unresolved('network!.outputs.appSubnetId'));
    expect(dependsOn('functionApp')).toContain('network');
    const network = moduleOfMain('network', {}, privateArgs);
    const vnet = onlyResource(network, 'Microsoft.Network/virtualNetworks');
    const subnets = evaluate(property(vnet.body, 'properties.subnets')!, network) as {
      name: string;
      properties: Record<string, BicepValue>;
    }[];
    const appSubnet = subnets.find((subnet) => subnet.name === network.lookup('appSubnetName'));
    expect(appSubnet?.properties.delegations).toEqual([
      { name: 'flex-consumption', properties: { serviceName: 'Microsoft.App/environments' } },
    ]);
    expect(network.file.outputs().find((output) => output.name === 'appSubnetId')?.value.text).toContain(
      'appSubnetName',
    );
  });

  it('When private networking is on, then every data-plane endpoint the app reaches has a private endpoint and its privatelink zone', () => {
    const network = moduleOfMain('network', {}, privateArgs);
    const endpoints = network.lookup('endpoints') as {
      target: BicepValue;
      groupId: string;
      zone: BicepValue;
    }[];
    const targets = endpoints.map((endpoint) => [
      endpoint.target instanceof Unresolved ? endpoint.target.text : endpoint.target,
      endpoint.groupId,
    ]);
    expect(targets).toEqual([
      ['storage.outputs.id', 'blob'],
      ['storage.outputs.id', 'queue'],
      ['storage.outputs.id', 'table'],
      ['serviceBus.outputs.id', 'namespace'],
      ['keyVault.outputs.id', 'vault'],
      ['eventGridTopic.outputs.id', 'topic'],
      ['outcomeEventsTopic.outputs.id', 'topic'],
    ]);
    const zoneOf = (zone: BicepValue) =>
      typeof zone === 'string' ? zone : zone instanceof Unresolved ? zone.text : JSON.stringify(zone);
    const zones = (network.lookup('zoneNames') as BicepValue[]).map(zoneOf);
    for (const endpoint of endpoints) expect(zones).toContain(zoneOf(endpoint.zone));
    expect(zones).toEqual([
      'privatelink.blob.${environment().suffixes.storage}',
      'privatelink.queue.${environment().suffixes.storage}',
      'privatelink.table.${environment().suffixes.storage}',
      'privatelink.servicebus.windows.net',
      'privatelink.vaultcore.azure.net',
      'privatelink.eventgrid.azure.net',
    ]);
    // Each endpoint writes its A record into its zone (private-endpoint.bicep), each zone is linked to the VNet.
    const endpointModule = network.file.module('privateEndpoints')!;
    expect(
      objectProperties(objectProperties(endpointModule.body).get('params')!).get('privateDnsZoneId')?.text,
    ).toBe("resourceId('Microsoft.Network/privateDnsZones', endpoint.zone)");
    expect(stringLiterals(network.file.root)).toContain('Microsoft.App/environments');
  });

  it("When dead letters cross the storage firewall, then Event Grid writes them with the topic's system identity, which has a blob role", () => {
    expect(moduleOfMain('eventGridTopic', {}, privateArgs).lookup('systemAssignedIdentity')).toBe(true);
    expect(moduleOfMain('eventGridTopic').lookup('systemAssignedIdentity')).toBe(false);
    expect(moduleOfMain('eventGridSubscription', {}, privateArgs).lookup('deadLetterIdentityType')).toBe(
      'SystemAssigned',
    );
    expect(moduleOfMain('eventGridSubscription').lookup('deadLetterIdentityType')).toBe('UserAssigned');
    expect(mainScope().file.module('deadLetterRoles')?.condition?.text).toBe('(enablePrivateNetworking)');
    expect(argumentText('deadLetterRoles', 'principalId')).toBe('eventGridTopic.outputs.principalId');
    expect(moduleOfMain('deadLetterRoles', {}, privateArgs).lookup('storageRoleIds')).toEqual([
      'ba92f5b4-2d11-453d-a403-e96b0029c9fe', // Storage Blob Data Contributor
    ]);
  });

  it('When azd provisions, then the networking parameters come from environment variables with safe defaults', () => {
    const parameters = JSON.parse(readFileSync(join(infraDir, 'main.parameters.json'), 'utf8')) as {
      parameters: Record<string, { value: string }>;
    };
    expect(parameters.parameters).toMatchObject({
      enablePrivateNetworking: { value: '${ENABLE_PRIVATE_NETWORKING=false}' },
      publicNetworkAccess: { value: '${PUBLIC_NETWORK_ACCESS=Enabled}' },
      alwaysReadyHttpInstances: { value: '${ALWAYS_READY_HTTP_INSTANCES=0}' },
      alwaysReadyDurableInstances: { value: '${ALWAYS_READY_DURABLE_INSTANCES=0}' },
    });
    expect(render(mainScope().file.param('vnetAddressPrefix')!.defaultValue!, mainScope())).toBe(
      '10.60.0.0/16',
    );
    expect(existsSync(join(infraDir, 'app', 'network.bicep'))).toBe(true);
  });
});
