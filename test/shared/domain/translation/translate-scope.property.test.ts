import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { ArmResource } from '../../../../shared/domain/arm/arm-resource';
import { isPersistentVmRole, virtualMachinesOf } from '../../../../shared/domain/classic/virtual-machines';
import {
  type DeploymentInScope,
  resolveScope,
  type ScopeContents,
} from '../../../../shared/domain/scope/scope-contents';
import { buildDeploymentTemplate } from '../../../../shared/domain/translation/deployment-template';
import { translateScope, type TranslationInput } from '../../../../shared/domain/translation/translate-scope';
import type { TranslationResult } from '../../../../shared/domain/translation/translation-result';
import { classicEstateArbitrary } from '../../../fixtures/classic-arbitraries';
import { existingArmVnet, existingDestination } from '../../../fixtures/translation-estates';
import { validateArmResource, validateDeploymentTemplate } from '../../../support/arm-schema-validator';

const runs = { numRuns: 150 };

const inputArbitrary = classicEstateArbitrary.chain(({ inventory, scope }) =>
  fc.record({
    inventory: fc.constant(inventory),
    scope: fc.constant(scope),
    contents: fc.constant(resolveScope(inventory, scope) as ScopeContents),
    destination: fc.constantFrom(undefined, { type: 'New' as const }, existingDestination),
    existingArm: fc.constantFrom(undefined, { resources: [existingArmVnet()] }),
    naming: fc.constantFrom(undefined, {
      templates: { loadBalancer: '{cloudService}-lb', primaryNetworkInterface: '{vm}-nic' },
    }),
  }),
) as fc.Arbitrary<TranslationInput>;

/** Every Classic item a scope holds, as `type|name` (lower-case), counted independently of the translator. */
function expectedItems(contents: ScopeContents): string[] {
  const items: string[] = [];
  const add = (type: string, name: string) => items.push(`${type}|${name.toLowerCase()}`);
  const distinct = (names: (string | undefined)[]) => [
    ...new Set(names.filter((n) => n !== undefined).map((n) => n.toLowerCase())),
  ];
  const deployment = ({ cloudService, deployment }: DeploymentInScope) => {
    add('Deployment', deployment.name);
    for (const role of deployment.roles) if (!isPersistentVmRole(role)) add('WebWorkerRole', role.name);
    const vms = virtualMachinesOf(cloudService, deployment);
    for (const { role } of vms) {
      add('VirtualMachine', role.name);
      add('OsDisk', role.osDisk.diskName);
      add('NetworkConfiguration', role.name);
      for (const disk of role.dataDisks) add('DataDisk', disk.diskName);
      for (const nic of role.network.networkInterfaces) add('NetworkInterface', nic.name);
      for (const pip of role.network.publicIps) add('InstancePublicIp', pip.name);
      for (const endpoint of role.network.inputEndpoints) add('InputEndpoint', endpoint.name);
      for (const extension of role.extensions) add('ResourceExtension', extension.referenceName);
      for (const alert of role.alertRules) add('AlertRule', alert.name);
    }
    for (const name of distinct(vms.map((vm) => vm.role.availabilitySetName))) add('AvailabilitySet', name);
    for (const name of distinct(
      vms.flatMap((vm) => vm.role.network.inputEndpoints.map((e) => e.loadBalancedEndpointSetName)),
    ))
      add('LoadBalancedEndpointSet', name);
    deployment.virtualIps.forEach((vip, i) => add('VirtualIp', vip.name ?? `VIP ${i}`));
    for (const ilb of deployment.internalLoadBalancers) add('InternalLoadBalancer', ilb.name);
    for (const server of deployment.dnsServers) add('DnsServer', server.name);
    for (const setting of deployment.autoscaleSettings) add('AutoscaleSetting', setting.name);
  };
  const cloudServices = (deployments: DeploymentInScope[]) => {
    const seen = new Set<string>();
    for (const d of deployments) {
      if (seen.has(d.cloudService.name.toLowerCase())) continue;
      seen.add(d.cloudService.name.toLowerCase());
      add('CloudService', d.cloudService.name);
      for (const certificate of d.cloudService.certificates)
        add('ServiceCertificate', certificate.thumbprint);
    }
  };
  switch (contents.kind) {
    case 'virtualNetwork': {
      const vnet = contents.virtualNetwork;
      add('VirtualNetwork', vnet.name);
      for (const subnet of vnet.subnets) add('Subnet', subnet.name);
      for (const server of contents.dnsServers) add('DnsServer', server.name);
      for (const nsg of contents.networkSecurityGroups) add('NetworkSecurityGroup', nsg.name);
      for (const rt of contents.routeTables) add('RouteTable', rt.name);
      if (vnet.gateway) {
        add('VpnGateway', vnet.name);
        for (const site of distinct(vnet.gateway.connections.map((c) => c.localNetworkSiteName)))
          add('GatewayConnection', site);
      }
      for (const site of contents.localNetworkSites) add('LocalNetworkSite', site.name);
      if (vnet.expressRouteGateway) add('ExpressRouteGateway', vnet.name);
      for (const circuit of contents.expressRouteCircuits) add('ExpressRouteCircuit', circuit.name);
      for (const d of contents.deployments) deployment(d);
      cloudServices(contents.deployments);
      for (const rip of contents.reservedIps) add('ReservedIp', rip.name);
      break;
    }
    case 'cloudService':
      if (!contents.deployment) add('CloudService', contents.cloudService.name);
      else {
        for (const d of contents.deployments) deployment(d);
        cloudServices(contents.deployments);
        for (const other of contents.cloudService.deployments)
          if (other !== contents.deployment) add('Deployment', other.name);
        for (const nsg of contents.networkSecurityGroups) add('NetworkSecurityGroup', nsg.name);
        for (const rip of contents.reservedIps) add('ReservedIp', rip.name);
      }
      break;
    case 'storageAccount':
      add('StorageAccount', contents.storageAccount.name);
      for (const disk of contents.disks) add('Disk', disk.name);
      for (const image of contents.vmImages) add('VmImage', image.name);
      for (const vm of contents.virtualMachines) add('VirtualMachine', vm.role.name);
      break;
    case 'reservedIp':
      add('ReservedIp', contents.reservedIp.name);
      break;
    case 'networkSecurityGroup':
      add('NetworkSecurityGroup', contents.networkSecurityGroup.name);
      break;
    case 'routeTable':
      add('RouteTable', contents.routeTable.name);
      break;
  }
  return items.sort();
}

function accountedItems(result: TranslationResult): string[] {
  return result.accounting.map((entry) => `${entry.classicType}|${entry.name.toLowerCase()}`).sort();
}

function duplicateIds(resources: readonly ArmResource[]): string[] {
  const seen = new Set<string>();
  return resources
    .map((r) => r.id.toLowerCase())
    .filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

describe('translateScope (properties)', () => {
  it('When any schema-valid scope is translated, then it never throws and returns plain JSON data', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const result = translateScope(input);
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      }),
      runs,
    );
  });

  it('When the same input is translated twice, then the outputs are deep-equal', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        expect(translateScope(input)).toEqual(translateScope(structuredClone(input)));
      }),
      runs,
    );
  });

  it('When a scope is translated, then every Classic resource in it is accounted for exactly once', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const result = translateScope(input);
        const keys = result.accounting.map((e) => `${e.classicType}|${e.classicId}`.toLowerCase());
        expect(new Set(keys).size).toBe(keys.length);
        expect(accountedItems(result)).toEqual(expectedItems(input.contents));
        for (const entry of result.accounting) {
          if (entry.outcome === 'migrated') expect(entry.armIds.length).toBeGreaterThan(0);
          else expect(entry.reason ?? '').not.toBe('');
        }
      }),
      runs,
    );
  });

  it('When resources are generated, then their ARM IDs are unique case-insensitively unless a NAME_DUPLICATE says why', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const result = translateScope(input);
        const duplicates = duplicateIds(result.resources);
        if (duplicates.length > 0)
          expect(result.namingErrors.some((e) => e.code === 'NAME_DUPLICATE')).toBe(true);
        if (result.namingErrors.length === 0) expect(duplicates).toEqual([]);
      }),
      runs,
    );
  });

  it('When a migrated item names ARM IDs, then each is a generated resource or group, a part of one, or an existing resource', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const result = translateScope(input);
        const known = [
          ...result.resources.map((r) => r.id.toLowerCase()),
          ...result.resourceGroups.map((g) => g.id.toLowerCase()),
          ...(input.existingArm?.resources ?? []).map((r) => r.id.toLowerCase()),
        ];
        for (const entry of result.accounting)
          for (const id of entry.armIds) {
            const lower = id.toLowerCase();
            expect(
              known.some((k) => lower === k || lower.startsWith(`${k}/`)),
              `${entry.classicType} ${id}`,
            ).toBe(true);
          }
      }),
      runs,
    );
  });

  it('When any estate is translated with the default naming, then every resource and every template validates against the official schemas', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const result = translateScope({ ...input, naming: undefined });
        for (const resource of result.resources) {
          const check = validateArmResource(resource);
          expect(check.errors, `${resource.type} ${resource.name}`).toEqual([]);
        }
        for (const group of result.resourceGroups) {
          const check = validateDeploymentTemplate(buildDeploymentTemplate(group, result.resources));
          expect(check.errors, group.name).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
