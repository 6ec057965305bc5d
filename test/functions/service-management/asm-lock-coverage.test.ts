/**
 * The management-plane lock covers every Classic write, not only the create/disk/power ones: Update Role,
 * Update and Delete Cloud Service, Delete Deployment (by name and slot), reserved IP create / delete /
 * associate / disassociate, NSG associations (subnet, VM, NIC), route table associations, storage account
 * update and delete, and NSG / route table associations made through Set Network Configuration. Driven
 * through the real `azure-asm-compute`, `azure-asm-network` and `azure-asm-storage` clients against the dev
 * host: each write works while nothing is migrating, and is refused with the lock text while the scope
 * guarding it is Prepared.
 */
import { describe, expect, it } from 'vitest';

import { networkConfigurationSchema } from '../../../shared/domain/classic/compute.schema';
import {
  aCloudService,
  aDeployment,
  aNetworkSecurityGroup,
  aReservedIp,
  aRouteTable,
  aStorageAccount,
  aVirtualNetwork,
  aVmRole,
} from '../../fixtures/classic-builders';
import { failure, newDestination } from '../../support/asm-clients';
import { useServiceManagementHost } from '../../support/service-management-host';

const sm = useServiceManagementHost();

const vmRefusal = 'Management operations on VM are disallowed because migration is in progress';
const beingMigrated = (noun: string, name: string) =>
  `${noun} ${name} is in the process of being migrated and hence cannot be changed`;

/** An Update Role body as the SDK takes it: the VM's endpoints (and subnet), size and OS disk caching. */
function vmUpdate(
  roleName: string,
  endpoints: { name: string; port: number }[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    roleName,
    roleSize: 'Medium',
    configurationSets: [
      {
        configurationSetType: 'NetworkConfiguration',
        inputEndpoints: endpoints.map((e) => ({ ...e, localPort: e.port, protocol: 'tcp' })),
        ...extra,
      },
    ],
    oSVirtualHardDisk: { hostCaching: 'ReadWrite' },
  };
}

/** A VM in `Subnet-1` of a VNet, with a secondary NIC in the same subnet. */
const vnetVm = (name: string) =>
  aVmRole({
    name,
    roleSize: 'Large',
    network: networkConfigurationSchema.parse({
      subnetNames: ['Subnet-1'],
      networkInterfaces: [{ name: 'nic2', ipConfigurations: [{ subnetName: 'Subnet-1' }] }],
    }),
  });

describe('lock-covered writes while nothing is migrating', () => {
  it('When a VM, its cloud service and deployments are updated and deleted, then each change shows in Classic', async () => {
    const { compute, network } = await sm.subscriptionWith({
      reservedIps: [aReservedIp({ name: 'front', serviceName: 'web01', deploymentName: 'web01' })],
      cloudServices: [
        aCloudService({
          name: 'web01',
          deployments: [
            aDeployment({
              name: 'web01',
              virtualIps: [{ name: 'vip', address: '40.9.9.9', isReserved: true, reservedIpName: 'front' }],
            }),
          ],
        }),
        aCloudService({ name: 'web02', deployments: [aDeployment({ name: 'web02', slot: 'Staging' })] }),
        aCloudService({ name: 'web03', deployments: [aDeployment({ name: 'web03' })] }),
        aCloudService({ name: 'empty04', deployments: [] }),
      ],
    });

    const updated = await compute.virtualMachines.update(
      'web01',
      'web01',
      'vm1',
      vmUpdate('vm1', [{ name: 'web', port: 80 }]),
    );
    expect(updated).toMatchObject({ status: 'Succeeded', httpStatusCode: '200' });
    const vm = await compute.virtualMachines.get('web01', 'web01', 'vm1');
    expect(vm.roleSize).toBe('Medium');
    expect(vm.configurationSets?.[0]?.inputEndpoints?.map((e) => [e.name, e.port])).toEqual([['web', 80]]);

    expect((await compute.hostedServices.update('web01', { label: 'Web front' })).statusCode).toBe(200);
    expect((await compute.hostedServices.get('web01')).properties.label).toBe('Web front');

    expect((await compute.deployments.deleteByName('web01', 'web01', false)).status).toBe('Succeeded');
    expect((await compute.hostedServices.getDetailed('web01')).deployments).toEqual([]);
    // The reserved IP the deployment used stays reserved, no longer in use.
    expect(await network.reservedIPs.get('front')).toMatchObject({ name: 'front', inUse: false });

    expect((await compute.deployments.deleteBySlot('web02', 'Staging')).status).toBe('Succeeded');
    expect((await compute.hostedServices.getDetailed('web02')).deployments).toEqual([]);

    expect((await compute.hostedServices.deleteMethod('empty04')).statusCode).toBe(200);
    expect(await failure(compute.hostedServices.get('empty04'))).toMatchObject({ statusCode: 404 });
    const withDeployment = await failure(compute.hostedServices.deleteMethod('web03'));
    expect(withDeployment).toMatchObject({ code: 'ConflictError', statusCode: 409 });
    expect((await compute.hostedServices.deleteAll('web03')).status).toBe('Succeeded');
    expect(await failure(compute.hostedServices.get('web03'))).toMatchObject({ statusCode: 404 });
  });

  it('When a reserved IP is created, associated, disassociated and deleted, then each step shows on it', async () => {
    const { network } = await sm.subscriptionWith({ cloudServices: [aCloudService({ name: 'app10' })] });

    expect(
      (await network.reservedIPs.create({ name: 'ip10', label: 'front', location: 'West US' })).status,
    ).toBe('Succeeded');
    expect(await network.reservedIPs.get('ip10')).toMatchObject({ name: 'ip10', inUse: false });

    await network.reservedIPs.associate('ip10', { serviceName: 'app10', deploymentName: 'app10' });
    expect(await network.reservedIPs.get('ip10')).toMatchObject({
      inUse: true,
      serviceName: 'app10',
      deploymentName: 'app10',
    });

    await network.reservedIPs.disassociate('ip10', { serviceName: 'app10', deploymentName: 'app10' });
    expect(await network.reservedIPs.get('ip10')).toMatchObject({ inUse: false });

    expect((await network.reservedIPs.deleteMethod('ip10')).status).toBe('Succeeded');
    expect(await failure(network.reservedIPs.get('ip10'))).toMatchObject({ statusCode: 404 });
  });

  it('When NSGs and a route table are associated with a subnet, a VM and a NIC and removed, then the associations show and go', async () => {
    const { network, compute } = await sm.subscriptionWith({
      networkSecurityGroups: [aNetworkSecurityGroup({ name: 'nsg11' })],
      routeTables: [aRouteTable({ name: 'rt11' })],
      virtualNetworks: [aVirtualNetwork({ name: 'net11' })],
      cloudServices: [
        aCloudService({
          name: 'app11',
          deployments: [aDeployment({ name: 'app11', virtualNetworkName: 'net11', roles: [vnetVm('vm1')] })],
        }),
      ],
    });
    const subnetNsg = async () =>
      (await network.networks.list()).virtualNetworkSites[0]?.subnets?.[0]?.networkSecurityGroup;
    const vmNetwork = async () =>
      (await compute.virtualMachines.get('app11', 'app11', 'vm1')).configurationSets?.find(
        (set) => set.configurationSetType === 'NetworkConfiguration',
      );

    await network.networkSecurityGroups.addToSubnet('net11', 'Subnet-1', { name: 'nsg11' });
    expect(await subnetNsg()).toBe('nsg11');
    await network.networkSecurityGroups.removeFromSubnet('net11', 'Subnet-1', 'nsg11');
    expect(await subnetNsg()).toBeUndefined();

    await network.networkSecurityGroups.addToRole('app11', 'app11', 'vm1', { name: 'nsg11' });
    await network.networkSecurityGroups.addToNetworkInterface('app11', 'app11', 'vm1', 'nic2', {
      name: 'nsg11',
    });
    expect(await vmNetwork()).toMatchObject({
      networkSecurityGroup: 'nsg11',
      networkInterfaces: [{ name: 'nic2', networkSecurityGroup: 'nsg11' }],
    });
    await network.networkSecurityGroups.removeFromRole('app11', 'app11', 'vm1', 'nsg11');
    await network.networkSecurityGroups.removeFromNetworkInterface('app11', 'app11', 'vm1', 'nic2', 'nsg11');
    const after = await vmNetwork();
    expect(after?.networkSecurityGroup).toBeUndefined();
    expect(after?.networkInterfaces?.[0]?.networkSecurityGroup).toBeUndefined();

    await network.routes.addRouteTableToSubnet('net11', 'Subnet-1', { routeTableName: 'rt11' });
    expect((await network.networks.getConfiguration()).configuration).toContain(
      '<RouteTable>rt11</RouteTable>',
    );
    await network.routes.removeRouteTableFromSubnet('net11', 'Subnet-1');
    expect((await network.networks.getConfiguration()).configuration).not.toContain('<RouteTable>');
  });

  it('When a storage account is updated and an unused one deleted, then the change shows and the deleted one is gone', async () => {
    const { storage } = await sm.subscriptionWith({
      storageAccounts: [aStorageAccount(), aStorageAccount({ name: 'spare12', accountType: 'Standard_LRS' })],
    });

    const updated = await storage.storageAccounts.update('spare12', {
      label: 'Spare',
      description: 'kept for later',
      accountType: 'Standard_GRS',
    });
    expect(updated.statusCode).toBe(200);
    expect((await storage.storageAccounts.get('spare12')).storageAccount.properties).toMatchObject({
      label: 'Spare',
      description: 'kept for later',
      accountType: 'Standard_GRS',
    });

    expect((await storage.storageAccounts.deleteMethod('spare12')).statusCode).toBe(200);
    expect(await failure(storage.storageAccounts.get('spare12'))).toMatchObject({ statusCode: 404 });
  });
});

describe('lock-covered writes while the scope is under migration', () => {
  it('When a cloud service is Prepared, then updating its VM, itself, its deployment and its VIP is refused until Abort', async () => {
    const { compute, network } = await sm.subscriptionWith({
      reservedIps: [aReservedIp({ name: 'spare20' })],
      networkSecurityGroups: [aNetworkSecurityGroup({ name: 'nsg20' })],
      cloudServices: [aCloudService({ name: 'locked20' })],
    });
    await compute.deployments.prepareMigration('locked20', 'locked20', newDestination);

    const vmRefusals = await Promise.all([
      failure(
        compute.virtualMachines.update(
          'locked20',
          'locked20',
          'vm1',
          vmUpdate('vm1', [{ name: 'web', port: 80 }]),
        ),
      ),
      failure(network.networkSecurityGroups.addToRole('locked20', 'locked20', 'vm1', { name: 'nsg20' })),
    ]);
    for (const refusal of vmRefusals) {
      expect(refusal).toMatchObject({ code: 'ConflictError', statusCode: 409, message: vmRefusal });
    }
    const serviceRefusals = await Promise.all([
      failure(compute.hostedServices.update('locked20', { label: 'x' })),
      failure(compute.deployments.deleteByName('locked20', 'locked20', true)),
      failure(compute.deployments.deleteBySlot('locked20', 'Production')),
      failure(compute.hostedServices.deleteMethod('locked20')),
      failure(compute.hostedServices.deleteAll('locked20')),
      failure(
        network.reservedIPs.create({
          name: 'kept20',
          location: 'West US',
          serviceName: 'locked20',
          deploymentName: 'locked20',
        }),
      ),
      failure(
        network.reservedIPs.associate('spare20', { serviceName: 'locked20', deploymentName: 'locked20' }),
      ),
    ]);
    for (const refusal of serviceRefusals) {
      expect(refusal).toMatchObject({
        code: 'ConflictError',
        statusCode: 409,
        message: beingMigrated('HostedService', 'locked20'),
      });
    }
    // Nothing was changed by the refused writes.
    expect((await compute.hostedServices.getDetailed('locked20')).deployments.map((d) => d.name)).toEqual([
      'locked20',
    ]);
    expect(await network.reservedIPs.get('spare20')).toMatchObject({ inUse: false });

    await compute.deployments.abortMigration('locked20', 'locked20');
    const updated = await compute.virtualMachines.update(
      'locked20',
      'locked20',
      'vm1',
      vmUpdate('vm1', [{ name: 'web', port: 80 }]),
    );
    expect(updated.status).toBe('Succeeded');
  });

  it('When a VNet is Prepared, then its subnet associations, its VMs NICs, its deployments and the NSG it carries are refused', async () => {
    const { compute, network } = await sm.subscriptionWith({
      networkSecurityGroups: [
        aNetworkSecurityGroup({ name: 'nsg21' }),
        aNetworkSecurityGroup({ name: 'carried21' }),
      ],
      routeTables: [aRouteTable({ name: 'rt21' })],
      virtualNetworks: [
        aVirtualNetwork({
          name: 'net21',
          subnets: [{ name: 'Subnet-1', addressPrefix: '10.0.0.0/24', networkSecurityGroup: 'carried21' }],
        }),
      ],
      cloudServices: [
        aCloudService({
          name: 'member21',
          deployments: [
            aDeployment({ name: 'member21', virtualNetworkName: 'net21', roles: [vnetVm('vm1')] }),
          ],
        }),
        aCloudService({ name: 'outside21' }),
      ],
    });
    await network.networks.prepareMigration('net21');

    const vnetRefusals = await Promise.all([
      failure(network.networkSecurityGroups.addToSubnet('net21', 'Subnet-1', { name: 'nsg21' })),
      failure(network.networkSecurityGroups.removeFromSubnet('net21', 'Subnet-1', 'carried21')),
      failure(network.routes.addRouteTableToSubnet('net21', 'Subnet-1', { routeTableName: 'rt21' })),
      failure(network.routes.removeRouteTableFromSubnet('net21', 'Subnet-1')),
    ]);
    for (const refusal of vnetRefusals) {
      expect(refusal).toMatchObject({
        code: 'ConflictError',
        statusCode: 409,
        message: beingMigrated('Virtual Network', 'net21'),
      });
    }
    const nic = await failure(
      network.networkSecurityGroups.addToNetworkInterface('member21', 'member21', 'vm1', 'nic2', {
        name: 'nsg21',
      }),
    );
    expect(nic).toMatchObject({ statusCode: 409, message: vmRefusal });
    const deleted = await failure(compute.deployments.deleteByName('member21', 'member21', false));
    expect(deleted).toMatchObject({ statusCode: 409, message: beingMigrated('HostedService', 'member21') });
    // The NSG migrates with the VNet (it is on its subnet): a VM outside the VNet may not take it meanwhile.
    const carried = await failure(
      network.networkSecurityGroups.addToRole('outside21', 'outside21', 'vm1', { name: 'carried21' }),
    );
    expect(carried).toMatchObject({
      statusCode: 409,
      message: beingMigrated('NetworkSecurityGroup', 'carried21'),
    });
    // An NSG the VNet does not carry can still go on that VM.
    expect(
      (await network.networkSecurityGroups.addToRole('outside21', 'outside21', 'vm1', { name: 'nsg21' }))
        .status,
    ).toBe('Succeeded');
  });

  it('When a reserved IP, an NSG and a route table are Prepared on their own, then every write to them is refused naming them', async () => {
    const { network } = await sm.subscriptionWith({
      reservedIps: [aReservedIp({ name: 'ip22' })],
      networkSecurityGroups: [aNetworkSecurityGroup({ name: 'nsg22' })],
      routeTables: [aRouteTable({ name: 'rt22' })],
      virtualNetworks: [aVirtualNetwork({ name: 'net22' })],
      cloudServices: [aCloudService({ name: 'app22' })],
    });
    await Promise.all([
      network.reservedIPs.prepareMigration('ip22'),
      network.networkSecurityGroups.prepareMigration('nsg22'),
      network.routes.prepareMigration('rt22'),
    ]);

    const reservedIpRefusals = await Promise.all([
      failure(network.reservedIPs.deleteMethod('ip22')),
      failure(network.reservedIPs.associate('ip22', { serviceName: 'app22', deploymentName: 'app22' })),
      failure(network.reservedIPs.create({ name: 'ip22', location: 'West US' })),
    ]);
    for (const refusal of reservedIpRefusals) {
      expect(refusal).toMatchObject({ statusCode: 409, message: beingMigrated('ReservedIP', 'ip22') });
    }
    expect(
      await failure(network.networkSecurityGroups.addToSubnet('net22', 'Subnet-1', { name: 'nsg22' })),
    ).toMatchObject({
      statusCode: 409,
      message: beingMigrated('NetworkSecurityGroup', 'nsg22'),
    });
    expect(
      await failure(network.routes.addRouteTableToSubnet('net22', 'Subnet-1', { routeTableName: 'rt22' })),
    ).toMatchObject({ statusCode: 409, message: beingMigrated('RouteTable', 'rt22') });

    // Set Network Configuration is an association too: putting the Prepared NSG on a subnet is refused.
    const { configuration } = await network.networks.getConfiguration();
    const withNsg = configuration.replace(
      '<AddressPrefix>10.0.0.0/24</AddressPrefix>',
      '<AddressPrefix>10.0.0.0/24</AddressPrefix>\r\n            <NetworkSecurityGroup>nsg22</NetworkSecurityGroup>',
    );
    expect(withNsg).not.toBe(configuration);
    expect(await failure(network.networks.setConfiguration({ configuration: withNsg }))).toMatchObject({
      code: 'ConflictError',
      statusCode: 409,
      message: beingMigrated('NetworkSecurityGroup', 'nsg22'),
    });
  });

  it('When a storage account is Prepared, then updating and deleting it are refused naming it', async () => {
    const { storage } = await sm.subscriptionWith({
      storageAccounts: [aStorageAccount(), aStorageAccount({ name: 'vault23' })],
    });
    await storage.storageAccounts.prepareMigration('vault23');

    const refusals = await Promise.all([
      failure(storage.storageAccounts.update('vault23', { label: 'x' })),
      failure(storage.storageAccounts.deleteMethod('vault23')),
    ]);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({
        code: 'ConflictError',
        statusCode: 409,
        message: beingMigrated('Storage account', 'vault23'),
      });
    }
    expect((await storage.storageAccounts.get('vault23')).storageAccount.name).toBe('vault23');
  });

  it('When a refused write is sent as plain HTTP, then the answer is the Service Management error XML with a request id', async () => {
    const { network, subscriptionId } = await sm.subscriptionWith({
      reservedIps: [aReservedIp({ name: 'ip24' })],
    });
    await network.reservedIPs.prepareMigration('ip24');

    const response = await fetch(`${sm.baseUrl}/${subscriptionId}/services/networking/reservedips/ip24`, {
      method: 'DELETE',
      headers: { 'x-ms-version': '2016-07-01' },
    });
    expect(response.status).toBe(409);
    expect(response.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const body = await response.text();
    expect(body).toMatch(
      /^<Error xmlns="http:\/\/schemas.microsoft.com\/windowsazure"><Code>ConflictError<\/Code><Message>/,
    );
    expect(body).toContain(`<Message>${beingMigrated('ReservedIP', 'ip24')}</Message>`);
  });
});
