/**
 * Golden translations of the six real Classic samples (shared/demo/samples, attribution in its README),
 * and of our own documents under test/fixtures/authored for shapes no recording has (each says it is
 * authored in a comment; imported alone, without context).
 *
 * Each sample is imported through the Service Management importer with the minimal context it needs (our
 * documents in shared/demo/sample-context: the cloud service and location of a bare Deployment body, the
 * VNet or reserved IP it references — the same ones the demo estate uses), the scopes it forms are
 * translated, and the result (resource groups, resources, accounting, naming errors, issues) must equal
 * the committed JSON under test/fixtures/golden/<sample>/. A difference fails with one line per changed
 * value. To accept an intended change:
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/shared/domain/translation/golden-samples.test.ts
 *
 * then review the diff of test/fixtures/golden. The plain assertions below say what the goldens mean.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { type DemoDocument, documentsOfSample, realSamples } from '../../../../shared/demo/demo-documents';
import { readDemoFile } from '../../../../shared/demo/demo-files';
import { importDocuments } from '../../../../shared/demo/import-documents';
import { defaultDemoSubscriptionId } from '../../../../shared/demo/load-demo-inventory';
import {
  type ClassicInventory,
  classicInventorySchema,
} from '../../../../shared/domain/classic/inventory.schema';
import type { ScopeKind, ScopeRef } from '../../../../shared/domain/scope/scope';
import { scopesOf } from '../../../../shared/domain/scope/scope-catalogue';
import { resolveScope } from '../../../../shared/domain/scope/scope-contents';
import { translateScope } from '../../../../shared/domain/translation/translate-scope';
import type { TranslationResult } from '../../../../shared/domain/translation/translation-result';
import { analyseScope } from '../../../../shared/use-cases/analyse-scope';
import { validateArmResource } from '../../../support/arm-schema-validator';
import { compareWithGolden } from '../../../support/golden-file';
import { entry, resource, resourcesOfType } from '../../../support/translation-lookups';

const regenerate = 'UPDATE_GOLDEN=1 npx vitest run test/shared/domain/translation/golden-samples.test.ts';
const goldenRoot = join(__dirname, '../../../fixtures/golden');
const subscriptionId = defaultDemoSubscriptionId;

/** The scopes each sample forms (for the netcfg, a selection that covers its kinds of VNet). */
const goldenScopes: Readonly<Record<string, readonly (readonly [ScopeKind, string])[]>> = {
  'netcfg-vnets-gateway-localsites.xml': [
    ['virtualNetwork', 'VnetForGateway'],
    ['virtualNetwork', 'Group test-roman-group ClassicVNet-2717'],
    ['virtualNetwork', '"my vnet quoted"'],
    ['virtualNetwork', 'my network with whitespaces'],
    ['virtualNetwork', 'testvnet8981'],
  ],
  'hostedservice-embed-detail-2vms.xml': [['cloudService', 'dcoddkinztest01']],
  'deployment-2vms-reservedip-novnet.xml': [['cloudService', 'ClitestVm8667']],
  'deployment-vnet-staticip-extension.xml': [['virtualNetwork', 'MyNetwork']],
  'deployment-vnet-multinic-ipforwarding.xml': [['virtualNetwork', 'CliTestVnetVm486']],
  'deployment-lb-endpointset-probe.xml': [['cloudService', 'ClitestVm8365']],
};

/** Our authored documents (test/fixtures/authored) and the scopes each forms. */
const authoredRoot = join(__dirname, '../../../fixtures/authored');
const authoredScopes: Readonly<Record<string, readonly (readonly [ScopeKind, string])[]>> = {
  'hostedservice-multi-set-lb.xml': [['cloudService', 'contoso-shop']],
};
const isAuthored = (file: string) => Object.hasOwn(authoredScopes, file);
const authoredPath = (file: string) => `test/fixtures/authored/${file}`;

const fileOf = (document: DemoDocument) => document.path.slice(document.path.lastIndexOf('/') + 1);
const stem = (file: string) => file.replace(/\.xml$/, '');
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const goldenFile = (sampleFile: string, kind: ScopeKind, name: string) =>
  join(goldenRoot, stem(sampleFile), `${kind}-${slug(name)}.json`);

function sampleEntry(file: string) {
  const found = realSamples.find((candidate) => fileOf(candidate.sample) === file);
  if (!found) throw new Error(`no sample ${file}`);
  return found;
}

/** The sample and its context imported into an empty, registered subscription. */
function inventoryOf(file: string): ClassicInventory {
  const start = classicInventorySchema.parse({
    subscription: { id: subscriptionId, registeredForMigration: true },
  });
  if (isAuthored(file))
    return importDocuments(start, [
      { path: authoredPath(file), xml: readFileSync(join(authoredRoot, file), 'utf8') },
    ]);
  return importDocuments(
    start,
    documentsOfSample(sampleEntry(file)).map((document) => ({
      ...document,
      xml: readDemoFile(document.path),
    })),
  );
}

function translationOf(file: string, kind: ScopeKind, name: string): TranslationResult {
  const inventory = inventoryOf(file);
  const scope: ScopeRef = { subscriptionId, kind, name };
  const contents = resolveScope(inventory, scope);
  if (!contents) throw new Error(`${kind} ${name} is not a scope of ${file}`);
  return translateScope({ inventory, scope, contents });
}

const cases = [...Object.entries(goldenScopes), ...Object.entries(authoredScopes)].flatMap(([file, scopes]) =>
  scopes.map(([kind, name]) => [file, kind, name] as const),
);

describe('golden translations of the real samples', () => {
  it('When the cases are listed, then every real sample and every authored document has golden scopes, and each is a scope it forms', () => {
    expect(Object.keys(goldenScopes).sort()).toEqual(realSamples.map((s) => fileOf(s.sample)).sort());
    expect(Object.keys(authoredScopes).sort()).toEqual(
      readdirSync(authoredRoot)
        .filter((file) => file.endsWith('.xml'))
        .sort(),
    );
    for (const [file, kind, name] of cases)
      expect(
        scopesOf(inventoryOf(file)).some((s) => s.kind === kind && s.name === name),
        `${kind} ${name} in ${file}`,
      ).toBe(true);
  });

  it.each(cases)('When %s forms %s %s, then its translation equals the golden file', (file, kind, name) => {
    const differences = compareWithGolden(
      goldenFile(file, kind, name),
      {
        sample: isAuthored(file) ? authoredPath(file) : sampleEntry(file).sample.path,
        context: isAuthored(file) ? [] : sampleEntry(file).context,
        scope: { kind, name },
        translation: translationOf(file, kind, name),
      },
      regenerate,
    );
    expect(differences, differences.join('\n')).toEqual([]);
  });

  it.each(cases)(
    'When %s forms %s %s, then every resource validates against its schema',
    (file, kind, name) => {
      const failures = translationOf(file, kind, name).resources.flatMap((r) =>
        validateArmResource(r).errors.map((error) => `${r.type} ${r.name}: ${error}`),
      );
      expect(failures).toEqual([]);
    },
  );

  it('When the golden folder is listed, then every file belongs to a case (none left behind)', () => {
    const expected = cases.map(([file, kind, name]) => goldenFile(file, kind, name)).sort();
    const present = readdirSync(goldenRoot).flatMap((folder) =>
      readdirSync(join(goldenRoot, folder)).map((file) => join(goldenRoot, folder, file)),
    );
    expect(present.sort()).toEqual(expected);
  });
});

describe('what the goldens mean', () => {
  it('When the reserved-VIP deployment is translated, then the VIP is a Static public IP named after the reserved IP', () => {
    const result = translationOf('deployment-2vms-reservedip-novnet.xml', 'cloudService', 'ClitestVm8667');
    const publicIp = resource(result, 'Microsoft.Network/publicIPAddresses', 'clitestrip8955');
    expect(publicIp.properties).toMatchObject({
      publicIPAllocationMethod: 'Static',
      ipAddress: '104.210.34.1',
      dnsSettings: { domainNameLabel: 'clitestvm8667' },
    });
    expect(entry(result, 'ReservedIp', 'clitestrip8955')).toMatchObject({
      outcome: 'migrated',
      armIds: [publicIp.id],
    });
    const natRules = resource(result, 'Microsoft.Network/loadBalancers', 'LB-ClitestVm8667').properties[
      'inboundNatRules'
    ];
    expect(natRules).toMatchObject([
      { properties: { protocol: 'Tcp', frontendPort: 3389, backendPort: 3389 } },
    ]);
    expect(resource(result, 'Microsoft.Compute/virtualMachines', 'ClitestVm8667').properties).toMatchObject({
      diagnosticsProfile: { bootDiagnostics: { enabled: true } },
    });
  });

  it('When the reserved-VIP deployment is validated, then rule 13 refuses both VMs in RoleStateUnknown', () => {
    const analysis = analyseScope({
      inventory: inventoryOf('deployment-2vms-reservedip-novnet.xml'),
      scope: { subscriptionId, kind: 'cloudService', name: 'ClitestVm8667' },
      options: {},
      includePreflight: false,
      existingArm: { resourceGroups: [], resources: [] },
    });
    expect(analysis.blocking).toBe(true);
    expect(analysis.findings.filter((f) => f.severity === 'Error').map((f) => f.message)).toEqual(
      ['ClitestVm8667', 'ClitestVm8667-2'].map(
        (vm) =>
          `Migration is not allowed for HostedService ClitestVm8667 because it has VM ${vm} in State: RoleStateUnknown. Migration is allowed only when the VM is in one of the following states - Running, Stopped, Stopped Deallocated.`,
      ),
    );
  });

  it('When the endpoint-set deployment is translated, then the DSR set is an LB rule with floating IP and its probe', () => {
    const result = translationOf('deployment-lb-endpointset-probe.xml', 'cloudService', 'ClitestVm8365');
    const lb = resource(result, 'Microsoft.Network/loadBalancers', 'LB-ClitestVm8365');
    const rules = lb.properties['loadBalancingRules'] as {
      name: string;
      properties: { probe: { id: string } };
    }[];
    expect(rules).toMatchObject([
      {
        name: 'LbSetTestN',
        properties: { protocol: 'Tcp', frontendPort: 27, backendPort: 27, enableFloatingIP: true },
      },
    ]);
    const probes = lb.properties['probes'] as { id: string }[];
    expect(probes).toMatchObject([{ properties: { protocol: 'Tcp', port: 4444, intervalInSeconds: 15 } }]);
    expect(rules[0]?.properties.probe.id).toBe(probes[0]?.id);
    expect(entry(result, 'LoadBalancedEndpointSet', 'LbSetTestN').outcome).toBe('migrated');
  });

  it('When the multi-NIC deployment is translated, then the two secondary NICs keep IP forwarding off', () => {
    const result = translationOf(
      'deployment-vnet-multinic-ipforwarding.xml',
      'virtualNetwork',
      'CliTestVnetVm486',
    );
    const nics = resourcesOfType(result, 'Microsoft.Network/networkInterfaces');
    expect(
      nics.map((nic) => [nic.name, nic.properties['primary'], nic.properties['enableIPForwarding']]),
    ).toEqual([
      ['ClitestVmVnet7436-PrimaryNic', true, false],
      ['ClitestVmVnet7436-CliTestNicVm1', false, false],
      ['ClitestVmVnet7436-CliTestNicVm2', false, false],
    ]);
    for (const nic of nics)
      expect(JSON.stringify(nic.properties['ipConfigurations'])).toContain('/subnets/CliTestSubnetVm82"');
    const vm = resource(result, 'Microsoft.Compute/virtualMachines', 'ClitestVmVnet7436');
    expect(vm.properties).toMatchObject({ hardwareProfile: { vmSize: 'Standard_A4' } });
    expect(
      (vm.properties['networkProfile'] as { networkInterfaces: unknown[] }).networkInterfaces,
    ).toHaveLength(3);
  });

  it('When the static-IP deployment is translated, then the Docker JSON extension is kept and the IP stays static', () => {
    const result = translationOf('deployment-vnet-staticip-extension.xml', 'virtualNetwork', 'MyNetwork');
    const docker = resource(result, 'Microsoft.Compute/virtualMachines/extensions', 'DockerExtension');
    expect(docker.properties).toEqual({
      publisher: 'Microsoft.Azure.Extensions',
      type: 'DockerExtension',
      typeHandlerVersion: '1.0',
      autoUpgradeMinorVersion: true,
      settings: { docker: { port: '2376' } },
    });
    const nic = resource(result, 'Microsoft.Network/networkInterfaces', 'clitestvm5533-PrimaryNic');
    expect(nic.properties['ipConfigurations']).toMatchObject([
      { properties: { privateIPAllocationMethod: 'Static', privateIPAddress: '10.4.0.16' } },
    ]);
    // A VNet migration leaves the data plane alone: the VIP keeps its address.
    expect(
      resource(result, 'Microsoft.Network/publicIPAddresses', 'clitestvm5533ContractContract').properties,
    ).toMatchObject({ publicIPAllocationMethod: 'Dynamic', ipAddress: '104.210.35.94' });
  });

  it('When the embed-detail hosted service is translated, then its SSH endpoints are NAT rules on a dynamic VIP', () => {
    const result = translationOf('hostedservice-embed-detail-2vms.xml', 'cloudService', 'dcoddkinztest01');
    expect(result.resourceGroups.map((g) => [g.name, g.location])).toEqual([
      ['dcoddkinztest01-Migrated', 'northeurope'],
    ]);
    const lb = resource(result, 'Microsoft.Network/loadBalancers', 'LB-dcoddkinztest01');
    const natRules = lb.properties['inboundNatRules'] as {
      properties: { frontendPort: number; backendPort: number };
    }[];
    expect(natRules.map((r) => [r.properties.frontendPort, r.properties.backendPort])).toEqual([
      [22, 22],
      [57706, 22],
    ]);
    expect(lb.properties['loadBalancingRules']).toEqual([]);
    const vip = resource(result, 'Microsoft.Network/publicIPAddresses', 'dc03ContractContract');
    expect(vip.properties).toMatchObject({
      publicIPAllocationMethod: 'Dynamic',
      dnsSettings: { domainNameLabel: 'dcoddkinztest01' },
    });
    // Outside a VNet the VIP is not reserved, so Azure gives the migrated one a new address.
    expect(vip.properties['ipAddress']).toBeUndefined();
  });

  it('When the netcfg gateway VNet is translated, then gateway, local network gateway and connection follow', () => {
    const result = translationOf('netcfg-vnets-gateway-localsites.xml', 'virtualNetwork', 'VnetForGateway');
    const gateway = resource(
      result,
      'Microsoft.Network/virtualNetworkGateways',
      'VnetForGateway-Default-Gateway',
    );
    expect(gateway.id).toContain('/resourceGroups/VnetForGateway-Migrated/');
    const local = resource(result, 'Microsoft.Network/localNetworkGateways', 'LocalNet');
    expect(local.properties).toEqual({
      localNetworkAddressSpace: { addressPrefixes: ['10.2.0.0/16'] },
      gatewayIpAddress: '200.200.200.200',
    });
    expect(resourcesOfType(result, 'Microsoft.Network/connections')).toMatchObject([
      {
        properties: {
          connectionType: 'IPsec',
          virtualNetworkGateway1: { id: gateway.id },
          localNetworkGateway2: { id: local.id },
        },
      },
    ]);
  });

  it('When netcfg VNets with portal, quoted and spaced names are translated, then ARM names are valid and DNS follows', () => {
    const portal = translationOf(
      'netcfg-vnets-gateway-localsites.xml',
      'virtualNetwork',
      'Group test-roman-group ClassicVNet-2717',
    );
    // The Classic VNet shows in ARM as ClassicVNet-2717 in group test-roman-group (D6).
    expect(entry(portal, 'VirtualNetwork', 'Group test-roman-group ClassicVNet-2717').classicId).toMatch(
      /\/resourceGroups\/test-roman-group\/providers\/Microsoft\.ClassicNetwork\/virtualNetworks\/ClassicVNet-2717$/,
    );
    const quoted = translationOf('netcfg-vnets-gateway-localsites.xml', 'virtualNetwork', '"my vnet quoted"');
    expect(resourcesOfType(quoted, 'Microsoft.Network/virtualNetworks').map((v) => v.name)).toEqual([
      'my-vnet-quoted',
    ]);
    const spaced = translationOf(
      'netcfg-vnets-gateway-localsites.xml',
      'virtualNetwork',
      'my network with whitespaces',
    );
    expect(resourcesOfType(spaced, 'Microsoft.Network/virtualNetworks')[0]).toMatchObject({
      location: 'eastus',
      properties: { dhcpOptions: { dnsServers: ['66.77.88.98'] } },
    });
    const affinity = translationOf('netcfg-vnets-gateway-localsites.xml', 'virtualNetwork', 'testvnet8981');
    expect(affinity.issues.map((issue) => issue.code)).toEqual(['LOCATION_UNKNOWN']);
  });
});

describe('what the authored goldens mean', () => {
  it('When the two-set cloud service is translated, then web and api each get a pool and probe, and each NIC sits in its own set’s pool only', () => {
    const result = translationOf('hostedservice-multi-set-lb.xml', 'cloudService', 'contoso-shop');
    const lb = resource(result, 'Microsoft.Network/loadBalancers', 'LB-contoso-shop');
    const pool = (name: string) => `${lb.id}/backendAddressPools/${name}`;
    expect(lb.properties['backendAddressPools']).toEqual([
      { name: 'web-pool', id: pool('web-pool') },
      { name: 'api-pool', id: pool('api-pool') },
    ]);
    expect(lb.properties['loadBalancingRules']).toMatchObject([
      {
        name: 'web',
        properties: {
          frontendPort: 80,
          backendAddressPool: { id: pool('web-pool') },
          probe: { id: `${lb.id}/probes/web-probe` },
        },
      },
      {
        name: 'api',
        properties: {
          frontendPort: 8443,
          backendAddressPool: { id: pool('api-pool') },
          probe: { id: `${lb.id}/probes/api-probe` },
        },
      },
    ]);
    const poolsOf = (vm: string) =>
      (
        resource(result, 'Microsoft.Network/networkInterfaces', `${vm}-PrimaryNic`).properties[
          'ipConfigurations'
        ] as { properties: { loadBalancerBackendAddressPools?: unknown } }[]
      )[0]?.properties.loadBalancerBackendAddressPools;
    expect(poolsOf('web1')).toEqual([{ id: pool('web-pool') }]);
    expect(poolsOf('web2')).toEqual([{ id: pool('web-pool') }]);
    expect(poolsOf('api1')).toEqual([{ id: pool('api-pool') }]);
    expect((lb.properties['inboundNatRules'] as { name: string }[]).map((rule) => rule.name).sort()).toEqual([
      'api1-ssh',
      'web1-rdp',
      'web2-rdp',
    ]);
  });

  it('When the two-set cloud service is translated, then the Windows VMs keep their Hybrid Use Benefit licence', () => {
    const result = translationOf('hostedservice-multi-set-lb.xml', 'cloudService', 'contoso-shop');
    expect(
      resourcesOfType(result, 'Microsoft.Compute/virtualMachines').map((vm) => [
        vm.name,
        vm.properties['licenseType'],
      ]),
    ).toEqual([
      ['web1', 'Windows_Server'],
      ['web2', 'Windows_Server'],
      ['api1', undefined],
    ]);
  });
});
