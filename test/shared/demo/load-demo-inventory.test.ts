/**
 * The demo estate `npm start` seeds (shared/demo/README.md): it loads through the real importer, holds the
 * scopes it was designed with, the scopes designed to migrate at once have no Error (with the pre-flight
 * and the translation's planned resources, as Prepare runs them), the ones designed to fail report the
 * intended codes, and every translation validates against the official ARM schemas.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { demoDocuments } from '../../../shared/demo/demo-documents';
import { demoDataDirectory } from '../../../shared/demo/demo-files';
import { defaultDemoSubscriptionId, loadDemoInventory } from '../../../shared/demo/load-demo-inventory';
import type { ClassicInventory } from '../../../shared/domain/classic/inventory.schema';
import type { ScopeKind } from '../../../shared/domain/scope/scope';
import { scopesOf } from '../../../shared/domain/scope/scope-catalogue';
import { armLocation } from '../../../shared/domain/translation/arm-location';
import { analyseScope } from '../../../shared/use-cases/analyse-scope';
import type { ScopeAnalysis } from '../../../shared/use-cases/scope-analysis';
import { validateArmResource } from '../../support/arm-schema-validator';

type ScopeName = readonly [ScopeKind, string];

/** Designed to validate with no Error, so a user can validate → prepare → commit straight away. */
const cleanScopes: readonly ScopeName[] = [
  ['virtualNetwork', 'Hub-VNet'],
  ['virtualNetwork', 'Prod-VNet'],
  ['cloudService', 'contoso-marketing'],
  ['storageAccount', 'contosoarchive'],
  ['reservedIp', 'contoso-spare-vip'],
  ['networkSecurityGroup', 'contoso-legacy-nsg'],
  ['routeTable', 'contoso-legacy-rt'],
  // Real samples that migrate as recorded (with our context).
  ['virtualNetwork', 'MyNetwork'],
  ['virtualNetwork', 'VnetForGateway'],
  ['cloudService', 'dcoddkinztest01'],
  ['cloudService', 'ClitestVm8365'],
];

/** Designed to fail, with exactly these Error codes. */
const brokenScopes: readonly (readonly [ScopeKind, string, readonly string[]])[] = [
  [
    'virtualNetwork',
    'Dev-VNet',
    ['DEPLOYMENT_MULTIPLE_AVAILABILITY_SETS', 'VM_ENDPOINT_ACL', 'VM_SNAPSHOT_EXTENSION', 'VNET_PEERING'],
  ],
  ['virtualNetwork', 'Partner-VNet', ['VNET_PAAS_DEPLOYMENTS']],
  ['storageAccount', 'contosoprodvhds', ['STORAGE_ACCOUNT_USED_BY_CLASSIC_VMS']],
  ['reservedIp', 'contoso-marketing-vip', ['RESERVED_IP_ASSOCIATED']],
  ['networkSecurityGroup', 'contoso-web-nsg', ['NETWORK_SECURITY_GROUP_ASSOCIATED']],
  ['routeTable', 'contoso-prod-rt', ['ROUTE_TABLE_ASSOCIATED']],
  // Real samples recorded with VMs in RoleStateUnknown.
  ['cloudService', 'ClitestVm8667', ['VM_STATE_NOT_MIGRATABLE']],
  ['virtualNetwork', 'CliTestVnetVm486', ['VM_STATE_NOT_MIGRATABLE']],
];

let inventory: ClassicInventory;
beforeAll(() => {
  inventory = loadDemoInventory();
});

function analyse(kind: ScopeKind, name: string): ScopeAnalysis {
  return analyseScope({
    inventory,
    scope: { subscriptionId: inventory.subscription.id, kind, name },
    options: {},
    includePreflight: true,
    existingArm: { resourceGroups: [], resources: [] },
  });
}

const codesOf = (analysis: ScopeAnalysis, severity: string) =>
  [...new Set(analysis.findings.filter((f) => f.severity === severity).map((f) => f.code))].sort();

describe('the demo estate', () => {
  it('When loaded, then it is the default subscription, registered, with quotas in every region it uses', () => {
    expect(inventory.subscription.id).toBe(defaultDemoSubscriptionId);
    expect(inventory.subscription.registeredForMigration).toBe(true);
    const quotaRegions = new Set(inventory.subscription.quotas.map((q) => armLocation(q.location)));
    const usedRegions = [
      ...inventory.virtualNetworks,
      ...inventory.cloudServices,
      ...inventory.storageAccounts,
    ]
      .map((item) => item.location)
      .filter((location): location is string => location !== undefined)
      .map(armLocation);
    for (const region of usedRegions) expect(quotaRegions, region).toContain(region);
  });

  it('When loaded for another subscription, then role assignment scopes name that subscription', () => {
    const other = loadDemoInventory({ subscriptionId: '11111111-2222-3333-4444-555555555555' });
    expect(other.subscription.id).toBe('11111111-2222-3333-4444-555555555555');
    expect(other.roleAssignments.length).toBeGreaterThan(0);
    for (const assignment of other.roleAssignments)
      expect(assignment.scope).toMatch(/^\/subscriptions\/11111111-2222-3333-4444-555555555555\//);
  });

  it('When its scopes are listed, then the designed VNets, cloud services and stand-alone resources are there', () => {
    const listed = scopesOf(inventory);
    const find = (kind: ScopeKind, name: string) => listed.find((s) => s.kind === kind && s.name === name);
    expect(find('virtualNetwork', 'Prod-VNet')).toMatchObject({ cloudServices: 3, virtualMachines: 7 });
    expect(find('virtualNetwork', 'Hub-VNet')).toMatchObject({ cloudServices: 1, virtualMachines: 2 });
    expect(find('virtualNetwork', 'Dev-VNet')).toMatchObject({ cloudServices: 2, virtualMachines: 3 });
    expect(find('virtualNetwork', 'Partner-VNet')).toMatchObject({ cloudServices: 2, virtualMachines: 1 });
    expect(find('cloudService', 'contoso-marketing')).toMatchObject({ virtualMachines: 2 });
    // The samples' VNet deployments join their VNets instead of standing alone.
    expect(find('virtualNetwork', 'MyNetwork')).toMatchObject({ cloudServices: 1, virtualMachines: 1 });
    expect(find('virtualNetwork', 'CliTestVnetVm486')).toMatchObject({
      cloudServices: 1,
      virtualMachines: 1,
    });
    expect(find('cloudService', 'clitestvm5533')).toBeUndefined();
    for (const [kind, name] of [...cleanScopes, ...brokenScopes])
      expect(find(kind, name), `${kind} ${name}`).toBeDefined();
    expect(listed.filter((s) => s.kind === 'virtualNetwork')).toHaveLength(23 + 1 + 4);
  });

  it.each(cleanScopes)('When %s %s is analysed with the pre-flight, then nothing blocks it', (kind, name) => {
    const analysis = analyse(kind, name);
    expect(analysis.findings.filter((f) => f.severity === 'Error')).toEqual([]);
    expect(analysis.blocking).toBe(false);
    expect(analysis.translation?.resources.length).toBeGreaterThan(0);
  });

  it.each(brokenScopes)(
    'When %s %s is analysed, then it fails with the designed codes',
    (kind, name, codes) => {
      const analysis = analyse(kind, name);
      expect(codesOf(analysis, 'Error')).toEqual([...codes].sort());
      expect(analysis.blocking).toBe(true);
    },
  );

  it('When Prod-VNet is analysed, then the BGInfo extensions and the alert rule are warnings and RBAC is noted', () => {
    const analysis = analyse('virtualNetwork', 'Prod-VNet');
    expect(codesOf(analysis, 'Warning')).toEqual(['VM_ALERT_RULES_DROPPED', 'VM_XML_EXTENSION']);
    expect(codesOf(analysis, 'Information')).toEqual(['CLASSIC_ROLE_ASSIGNMENT']);
    const accounting = analysis.translation?.accounting ?? [];
    expect(
      accounting.filter((e) => e.classicType === 'ResourceExtension' && e.name === 'BGInfo'),
    ).toHaveLength(3);
    expect(accounting.filter((e) => e.name === 'BGInfo').every((e) => e.outcome === 'dropped')).toBe(true);
    expect(accounting.find((e) => e.classicType === 'AlertRule')?.outcome).toBe('dropped');
  });

  it('When Dev-VNet is analysed, then the data disk whose blob is smaller than its size is only a warning', () => {
    expect(codesOf(analyse('virtualNetwork', 'Dev-VNet'), 'Warning')).toEqual([
      'VM_DATA_DISK_SIZE_MISMATCH',
      'VM_XML_EXTENSION',
    ]);
  });

  it('When the cloud service outside a VNet is translated, then its reserved VIP becomes a static public IP', () => {
    const resources = analyse('cloudService', 'contoso-marketing').translation?.resources ?? [];
    const publicIp = resources.find((r) => r.type === 'Microsoft.Network/publicIPAddresses');
    expect(publicIp).toMatchObject({ name: 'contoso-marketing-vip', location: 'westeurope' });
    expect(publicIp?.properties).toMatchObject({
      publicIPAllocationMethod: 'Static',
      ipAddress: '52.174.10.20',
    });
    expect(resources.filter((r) => r.type === 'Microsoft.Compute/virtualMachines')).toHaveLength(2);
  });

  it('When every scope is translated, then every generated resource validates against its ARM schema', () => {
    const failures: string[] = [];
    for (const scope of scopesOf(inventory)) {
      for (const resource of analyse(scope.kind, scope.name).translation?.resources ?? []) {
        const check = validateArmResource(resource);
        if (!check.valid)
          failures.push(`${scope.kind} ${scope.name}: ${resource.id}: ${check.errors.join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the demo files', () => {
  const directory = demoDataDirectory();
  const xmlFilesIn = (folder: string) =>
    readdirSync(join(directory, folder))
      .filter((file) => file.endsWith('.xml'))
      .map((file) => `${folder}/${file}`);
  const factFiles = () =>
    readdirSync(join(directory, 'estate', 'facts'))
      .filter((file) => file.endsWith('.xml') || file.endsWith('.json'))
      .map((file) => `estate/facts/${file}`);

  it('When the folders are listed, then every XML and facts file is imported exactly once', () => {
    const imported = demoDocuments().map((d) => d.path);
    expect(new Set(imported).size).toBe(imported.length);
    expect([...imported].sort()).toEqual(
      [
        ...xmlFilesIn('samples'),
        ...xmlFilesIn('sample-context'),
        ...xmlFilesIn('estate'),
        ...factFiles(),
      ].sort(),
    );
  });

  it('When compared with the test fixtures, then the real samples and their attribution are the same bytes', () => {
    for (const file of readdirSync(join(directory, 'samples')))
      expect(
        readFileSync(join(directory, 'samples', file)).equals(
          readFileSync(join(__dirname, '../../fixtures/classic', file)),
        ),
        file,
      ).toBe(true);
  });

  it('When our own files are read, then each says it is ours and not a recording', () => {
    const ours = /not a recorded sample|NOT recorded from Azure|Ours \(demo estate/;
    const factsReadme = readFileSync(join(directory, 'estate', 'facts', 'README.md'), 'utf8');
    for (const path of [...xmlFilesIn('sample-context'), ...xmlFilesIn('estate'), ...factFiles()]) {
      const text = readFileSync(join(directory, path), 'utf8');
      // `az … -o json` prints a bare list, which has no room for a comment: the folder's README says it.
      if (path.endsWith('.json') && Array.isArray(JSON.parse(text)))
        expect(factsReadme, path).toContain(`\`${path.slice('estate/facts/'.length)}\``);
      else expect(text, path).toMatch(ours);
    }
    expect(factsReadme).toMatch(ours);
  });
});
