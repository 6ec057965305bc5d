import { describe, expect, it } from 'vitest';

import { translateScope } from '../../../../shared/domain/translation/translate-scope';
import {
  aCloudService,
  aDeployment,
  anInputEndpoint,
  anInventory,
  aReservedIp,
  aVmRole,
} from '../../../fixtures/classic-builders';
import {
  cloudServiceEstate,
  estate,
  translationInput,
  vnetEstate,
} from '../../../fixtures/translation-estates';
import { entry, prop, resource } from '../../../support/translation-lookups';

function translateCloudService(...args: Parameters<typeof aDeployment>) {
  const deployment = aDeployment(...args);
  const inventory = anInventory({
    cloudServices: [aCloudService({ name: deployment.name, deployments: [deployment] })],
  });
  return translateScope(translationInput(estate(inventory, 'cloudService', deployment.name)));
}

describe('load balancer translation', () => {
  it('When VMs share a load-balanced endpoint set with a probe, then one LB rule with one probe serves a pool of their NICs', () => {
    const result = translateScope(translationInput(cloudServiceEstate()));
    const lb = resource(result, 'Microsoft.Network/loadBalancers', 'LB-shop');
    const rules = prop(lb, 'loadBalancingRules') as { name: string; properties: Record<string, unknown> }[];
    const probes = prop(lb, 'probes') as { name: string; id: string; properties: Record<string, unknown> }[];
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      name: 'shop-https',
      properties: {
        protocol: 'Tcp',
        frontendPort: 443,
        backendPort: 443,
        enableFloatingIP: false,
        loadDistribution: 'SourceIP',
        probe: { id: probes[0]!.id },
        backendAddressPool: { id: `${lb.id}/backendAddressPools/BackendPool` },
      },
    });
    expect(probes).toEqual([
      expect.objectContaining({
        name: 'shop-https-probe',
        properties: { protocol: 'Tcp', port: 443, intervalInSeconds: 15, numberOfProbes: 2 },
      }),
    ]);
    for (const vm of ['shop1', 'shop2'])
      expect(
        prop(
          resource(result, 'Microsoft.Network/networkInterfaces', `${vm}-PrimaryNic`),
          'ipConfigurations.0.properties.loadBalancerBackendAddressPools',
        ),
      ).toEqual([{ id: `${lb.id}/backendAddressPools/BackendPool` }]);
    expect(entry(result, 'LoadBalancedEndpointSet', 'shop-https')).toMatchObject({
      outcome: 'migrated',
      armIds: [`${lb.id}/loadBalancingRules/shop-https`, probes[0]!.id],
    });
  });

  it('When an HTTP probe has a path, interval and timeout, then the ARM probe keeps path and interval and counts probes in the timeout', () => {
    const result = translateScope(translationInput(vnetEstate()));
    const probe = (
      prop(resource(result, 'Microsoft.Network/loadBalancers', 'LB-web'), 'probes') as {
        properties: unknown;
      }[]
    )[0];
    expect(probe?.properties).toEqual({
      protocol: 'Http',
      port: 8080,
      requestPath: '/health',
      intervalInSeconds: 10,
      numberOfProbes: 3,
    });
  });

  it('When a VM has a plain input endpoint, then it becomes an inbound NAT rule bound to its primary NIC', () => {
    const result = translateScope(translationInput(cloudServiceEstate()));
    const lb = resource(result, 'Microsoft.Network/loadBalancers', 'LB-shop');
    const natRules = prop(lb, 'inboundNatRules') as {
      name: string;
      id: string;
      properties: Record<string, unknown>;
    }[];
    expect(
      natRules.map((rule) => [rule.name, rule.properties['frontendPort'], rule.properties['backendPort']]),
    ).toEqual([
      ['shop1-ssh', 22001, 22],
      ['shop2-ssh', 22002, 22],
    ]);
    expect(
      prop(
        resource(result, 'Microsoft.Network/networkInterfaces', 'shop1-PrimaryNic'),
        'ipConfigurations.0.properties.loadBalancerInboundNatRules',
      ),
    ).toEqual([{ id: natRules[0]!.id }]);
    expect(entries(result)).toContainEqual(['InputEndpoint', 'ssh', 'migrated']);
  });

  it('When a VIP is reserved, then its public IP is Static with the reserved address and keeps the reserved IP name', () => {
    const result = translateScope(translationInput(cloudServiceEstate()));
    const pip = resource(result, 'Microsoft.Network/publicIPAddresses', 'shop-rip');
    expect(pip.properties).toMatchObject({
      publicIPAllocationMethod: 'Static',
      ipAddress: '52.1.1.1',
      dnsSettings: { domainNameLabel: 'shop' },
    });
    expect(pip.sku).toEqual({ name: 'Basic' });
    expect(entry(result, 'ReservedIp', 'shop-rip')).toMatchObject({ outcome: 'migrated', armIds: [pip.id] });
  });

  it('When a VIP has no input endpoint and is not reserved, then it is dropped with the reason', () => {
    const result = translateScope(translationInput(cloudServiceEstate()));
    expect(entry(result, 'VirtualIp', 'second')).toMatchObject({
      outcome: 'dropped',
      reason: expect.stringContaining('only when one is'),
    });
  });

  it('When a deployment outside a VNet has a non-reserved VIP with endpoints, then its public IP is Dynamic, loses the address and carries the DNS label', () => {
    const result = translateCloudService({
      name: 'Blog',
      roles: [
        aVmRole({
          network: {
            inputEndpoints: [anInputEndpoint()],
            subnetNames: [],
            publicIps: [],
            networkInterfaces: [],
            ipForwarding: false,
          },
        }),
      ],
    });
    const pip = resource(result, 'Microsoft.Network/publicIPAddresses', 'svc1ContractContract');
    expect(pip.properties).toEqual({
      publicIPAllocationMethod: 'Dynamic',
      publicIPAddressVersion: 'IPv4',
      dnsSettings: { domainNameLabel: 'blog' },
    });
    expect(entry(result, 'VirtualIp', 'svc1ContractContract').note).toContain('address changes');
  });

  it('When a deployment has two VIPs with endpoints, then the LB gets one frontend and one public IP per VIP', () => {
    const role = aVmRole({
      network: {
        inputEndpoints: [
          anInputEndpoint({ name: 'a', port: 80, vip: '40.1.2.3' }),
          anInputEndpoint({ name: 'b', port: 81, vip: 'second' }),
        ],
        subnetNames: [],
        publicIps: [],
        networkInterfaces: [],
        ipForwarding: false,
      },
    });
    const result = translateCloudService({
      name: 'multi',
      roles: [role],
      virtualIps: [
        { name: 'multiContractContract', address: '40.1.2.3', isReserved: false },
        { name: 'second', address: '40.1.2.4', isReserved: false },
      ],
    });
    const lb = resource(result, 'Microsoft.Network/loadBalancers', 'LB-multi');
    const frontends = prop(lb, 'frontendIPConfigurations') as {
      name: string;
      properties: { publicIPAddress: { id: string } };
    }[];
    expect(frontends.map((f) => f.properties.publicIPAddress.id.split('/').pop())).toEqual([
      'multiContractContract',
      'second',
    ]);
    expect(
      prop(resource(result, 'Microsoft.Network/publicIPAddresses', 'second'), 'dnsSettings'),
    ).toBeUndefined();
  });

  it('When an endpoint has an ACL, then it is refused and generates no rule', () => {
    const role = aVmRole({
      network: {
        inputEndpoints: [
          anInputEndpoint({ acl: [{ order: 1, action: 'permit', remoteSubnet: '10.0.0.0/8' }] }),
        ],
        subnetNames: [],
        publicIps: [],
        networkInterfaces: [],
        ipForwarding: false,
      },
    });
    const result = translateCloudService({ name: 'acl', roles: [role] });
    expect(entry(result, 'InputEndpoint', 'rdp')).toMatchObject({
      outcome: 'refused',
      reason: expect.stringContaining('ACL'),
    });
    expect(
      result.resources.some(
        (r) =>
          r.type === 'Microsoft.Network/loadBalancers' &&
          (prop(r, 'inboundNatRules') as unknown[]).length > 0,
      ),
    ).toBe(false);
  });

  it('When a deployment in a VNet has an internal load balancer, then a separate internal LB gets a static frontend in its subnet and the set rule', () => {
    const result = translateScope(translationInput(vnetEstate()));
    const ilb = resource(result, 'Microsoft.Network/loadBalancers', 'LB-web-Internal');
    expect(prop(ilb, 'frontendIPConfigurations')).toEqual([
      expect.objectContaining({
        name: 'ilb1',
        properties: {
          subnet: {
            id: expect.stringMatching(
              /Prod-VNet-Migrated\/providers\/Microsoft\.Network\/virtualNetworks\/Prod-VNet\/subnets\/BackEnd$/,
            ),
          },
          privateIPAllocationMethod: 'Static',
          privateIPAddress: '10.1.1.100',
        },
      }),
    ]);
    expect((prop(ilb, 'loadBalancingRules') as { name: string }[]).map((r) => r.name)).toEqual(['sql-set']);
    const publicLb = resource(result, 'Microsoft.Network/loadBalancers', 'LB-web');
    expect(JSON.stringify(publicLb.properties)).not.toContain('subnet');
  });

  it('When a reserved IP is bound to the cloud service but no VIP names it, then it still becomes a static public IP in the cloud service group', () => {
    const deployment = aDeployment({ name: 'svc1' });
    const inventory = anInventory({
      cloudServices: [aCloudService({ deployments: [deployment] })],
      reservedIps: [aReservedIp({ name: 'kept', serviceName: 'svc1', address: '40.9.9.8' })],
    });
    const result = translateScope(translationInput(estate(inventory, 'cloudService', 'svc1')));
    const pip = resource(result, 'Microsoft.Network/publicIPAddresses', 'kept');
    expect(pip.id).toContain('/resourceGroups/svc1-Migrated/');
    expect(pip.properties).toMatchObject({ publicIPAllocationMethod: 'Static', ipAddress: '40.9.9.8' });
  });
});

function entries(result: ReturnType<typeof translateScope>): [string, string, string][] {
  return result.accounting.map((e) => [e.classicType, e.name, e.outcome]);
}

describe('internal load balancer outside a VNet', () => {
  it('When a cloud service outside a VNet has an internal load balancer, then its frontend is Dynamic in the destination subnet', () => {
    const role = aVmRole({
      network: {
        inputEndpoints: [
          anInputEndpoint({
            name: 'app',
            port: 8080,
            localPort: 8080,
            loadBalancedEndpointSetName: 'app',
            loadBalancerName: 'ilb',
          }),
        ],
        subnetNames: [],
        publicIps: [],
        networkInterfaces: [],
        ipForwarding: false,
      },
    });
    const deployment = aDeployment({
      name: 'svc1',
      roles: [role],
      internalLoadBalancers: [{ name: 'ilb', staticVirtualNetworkIPAddress: '10.0.0.9' }],
    });
    const inventory = anInventory({ cloudServices: [aCloudService({ deployments: [deployment] })] });
    const result = translateScope(translationInput(estate(inventory, 'cloudService', 'svc1')));
    const ilb = resource(result, 'Microsoft.Network/loadBalancers', 'LB-svc1-Internal');
    expect(prop(ilb, 'frontendIPConfigurations.0.properties')).toEqual({
      subnet: {
        id: `${resource(result, 'Microsoft.Network/virtualNetworks', 'VNet-svc1').id}/subnets/default`,
      },
      privateIPAllocationMethod: 'Dynamic',
    });
    expect(entry(result, 'VirtualIp', 'svc1ContractContract').outcome).toBe('dropped');
  });
});
