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
  it('When VMs share a load-balanced endpoint set with a probe, then one LB rule with one probe serves the set’s pool of their NICs', () => {
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
        backendAddressPool: { id: `${lb.id}/backendAddressPools/shop-https-pool` },
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
      ).toEqual([{ id: `${lb.id}/backendAddressPools/shop-https-pool` }]);
    expect(prop(lb, 'backendAddressPools')).toEqual([
      { name: 'shop-https-pool', id: `${lb.id}/backendAddressPools/shop-https-pool` },
    ]);
    expect(entry(result, 'LoadBalancedEndpointSet', 'shop-https')).toMatchObject({
      outcome: 'migrated',
      armIds: [
        `${lb.id}/loadBalancingRules/shop-https`,
        probes[0]!.id,
        `${lb.id}/backendAddressPools/shop-https-pool`,
      ],
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

/** A network configuration of endpoints only (no VNet). */
const withEndpoints = (inputEndpoints: ReturnType<typeof anInputEndpoint>[]) => ({
  inputEndpoints,
  subnetNames: [],
  publicIps: [],
  networkInterfaces: [],
  ipForwarding: false,
});
const webEndpoint = () =>
  anInputEndpoint({
    name: 'http',
    port: 80,
    localPort: 80,
    loadBalancedEndpointSetName: 'web',
    probe: { protocol: 'http', port: 80, path: '/' },
  });
const apiEndpoint = () =>
  anInputEndpoint({
    name: 'api',
    port: 8443,
    localPort: 8443,
    loadBalancedEndpointSetName: 'api',
    probe: { protocol: 'tcp', port: 8443 },
  });
type Named = { name: string; id: string; properties: Record<string, unknown> };
const poolsOfNic = (result: ReturnType<typeof translateScope>, vm: string) =>
  prop(
    resource(result, 'Microsoft.Network/networkInterfaces', `${vm}-PrimaryNic`),
    'ipConfigurations.0.properties.loadBalancerBackendAddressPools',
  );

describe('load-balanced endpoint sets: one backend pool per set', () => {
  it('When two VMs are in set web and a third in set api, then each set has its own pool and probe and each NIC joins only its own set’s pool', () => {
    const result = translateCloudService({
      name: 'multi',
      roles: [
        aVmRole({ name: 'web1', network: withEndpoints([webEndpoint(), anInputEndpoint({ port: 50001 })]) }),
        aVmRole({ name: 'web2', network: withEndpoints([webEndpoint()]) }),
        aVmRole({ name: 'api1', network: withEndpoints([apiEndpoint()]) }),
      ],
    });
    const lb = resource(result, 'Microsoft.Network/loadBalancers', 'LB-multi');
    const pool = (name: string) => `${lb.id}/backendAddressPools/${name}`;
    expect(prop(lb, 'backendAddressPools')).toEqual([
      { name: 'web-pool', id: pool('web-pool') },
      { name: 'api-pool', id: pool('api-pool') },
    ]);
    const probes = prop(lb, 'probes') as Named[];
    expect(probes.map((p) => [p.name, p.properties['port']])).toEqual([
      ['web-probe', 80],
      ['api-probe', 8443],
    ]);
    const rules = prop(lb, 'loadBalancingRules') as Named[];
    expect(
      rules.map((r) => [
        r.name,
        r.properties['frontendPort'],
        r.properties['backendAddressPool'],
        r.properties['probe'],
      ]),
    ).toEqual([
      ['web', 80, { id: pool('web-pool') }, { id: probes[0]!.id }],
      ['api', 8443, { id: pool('api-pool') }, { id: probes[1]!.id }],
    ]);
    expect(poolsOfNic(result, 'web1')).toEqual([{ id: pool('web-pool') }]);
    expect(poolsOfNic(result, 'web2')).toEqual([{ id: pool('web-pool') }]);
    expect(poolsOfNic(result, 'api1')).toEqual([{ id: pool('api-pool') }]);
    // The stand-alone endpoint stays an inbound NAT rule of its VM only.
    expect((prop(lb, 'inboundNatRules') as Named[]).map((r) => r.name)).toEqual(['web1-rdp']);
    expect(entry(result, 'LoadBalancedEndpointSet', 'api')).toMatchObject({
      outcome: 'migrated',
      armIds: [`${lb.id}/loadBalancingRules/api`, probes[1]!.id, pool('api-pool')],
    });
  });

  it('When a VM has endpoints in two sets, then its NIC joins both pools', () => {
    const result = translateCloudService({
      name: 'both',
      roles: [
        aVmRole({ name: 'vm1', network: withEndpoints([webEndpoint(), apiEndpoint()]) }),
        aVmRole({ name: 'vm2', network: withEndpoints([webEndpoint()]) }),
      ],
    });
    const lb = resource(result, 'Microsoft.Network/loadBalancers', 'LB-both');
    expect(poolsOfNic(result, 'vm1')).toEqual([
      { id: `${lb.id}/backendAddressPools/web-pool` },
      { id: `${lb.id}/backendAddressPools/api-pool` },
    ]);
    expect(poolsOfNic(result, 'vm2')).toEqual([{ id: `${lb.id}/backendAddressPools/web-pool` }]);
  });

  it('When set names differ only in case, then they are one set with one pool', () => {
    const result = translateCloudService({
      name: 'cased',
      roles: [
        aVmRole({ name: 'vm1', network: withEndpoints([webEndpoint()]) }),
        aVmRole({
          name: 'vm2',
          network: withEndpoints([{ ...webEndpoint(), loadBalancedEndpointSetName: 'WEB' }]),
        }),
      ],
    });
    const lb = resource(result, 'Microsoft.Network/loadBalancers', 'LB-cased');
    expect((prop(lb, 'backendAddressPools') as Named[]).map((p) => p.name)).toEqual(['web-pool']);
    expect(poolsOfNic(result, 'vm2')).toEqual([{ id: `${lb.id}/backendAddressPools/web-pool` }]);
  });

  it('When one set is on two VIPs, then it has one rule per frontend sharing one pool and one probe', () => {
    const onVip = (vip: string) => ({ ...webEndpoint(), vip });
    const result = translateCloudService({
      name: 'twovip',
      roles: [aVmRole({ name: 'vm1', network: withEndpoints([onVip('40.1.2.3'), onVip('second')]) })],
      virtualIps: [
        { name: 'twovipContractContract', address: '40.1.2.3', isReserved: false },
        { name: 'second', address: '40.1.2.4', isReserved: false },
      ],
    });
    const lb = resource(result, 'Microsoft.Network/loadBalancers', 'LB-twovip');
    const rules = prop(lb, 'loadBalancingRules') as Named[];
    expect(rules.map((r) => r.name)).toEqual(['web', 'web-2']);
    expect(new Set(rules.map((r) => JSON.stringify(r.properties['frontendIPConfiguration']))).size).toBe(2);
    expect(rules.map((r) => r.properties['backendAddressPool'])).toEqual([
      { id: `${lb.id}/backendAddressPools/web-pool` },
      { id: `${lb.id}/backendAddressPools/web-pool` },
    ]);
    expect((prop(lb, 'probes') as Named[]).map((p) => p.name)).toEqual(['web-probe']);
    expect(rules.map((r) => r.properties['probe'])).toEqual([
      { id: `${lb.id}/probes/web-probe` },
      { id: `${lb.id}/probes/web-probe` },
    ]);
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
