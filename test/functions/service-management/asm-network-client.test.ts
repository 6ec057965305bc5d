/**
 * The real `azure-asm-network` client (0.13.1) driving VNet, reserved IP, NSG and route table migrations,
 * and the network configuration, against the dev host (C4, C5, D7).
 */
import { describe, expect, it } from 'vitest';

import {
  aCloudService,
  aDeployment,
  aNetworkSecurityGroup,
  aReservedIp,
  aRouteTable,
  aVirtualNetwork,
  aVmRole,
} from '../../fixtures/classic-builders';
import { failure } from '../../support/asm-clients';
import { useServiceManagementHost } from '../../support/service-management-host';

const sm = useServiceManagementHost();

/** A VNet with one cloud service deployed in it. */
const vnetEstate = (vnet: string, service: string) => ({
  virtualNetworks: [aVirtualNetwork({ name: vnet })],
  cloudServices: [
    aCloudService({
      name: service,
      deployments: [
        aDeployment({
          name: service,
          virtualNetworkName: vnet,
          roles: [aVmRole({ name: 'vm1', network: { subnetNames: ['Subnet-1'] } as never })],
        }),
      ],
    }),
  ],
});

describe('azure-asm-network: migrations', () => {
  it('When a VNet is validated, prepared and committed, then its sites and VMs show MigrationState until it leaves Classic', async () => {
    const { network, compute } = await sm.subscriptionWith(vnetEstate('prod-vnet', 'app1'));

    const validation = await network.networks.validateMigration('prod-vnet');
    expect(validation.validationMessages).toEqual([]);
    const prepared = await network.networks.prepareMigration('prod-vnet');
    expect(prepared).toMatchObject({ status: 'Succeeded', httpStatusCode: '200' });

    const sites = await network.networks.list();
    expect(sites.virtualNetworkSites.map((site) => [site.name, site.migrationState])).toEqual([
      ['prod-vnet', 'Prepared'],
    ]);
    const deployment = await compute.deployments.getBySlot('app1', 'Production');
    expect(deployment.roles.map((role) => role.migrationState)).toEqual(['Prepared']);

    const committed = await network.networks.commitMigration('prod-vnet');
    expect(committed.status).toBe('Succeeded');
    expect((await network.networks.list()).virtualNetworkSites).toEqual([]);
  });

  it('When a VNet that does not exist is validated and prepared, then Validate answers with a message and Prepare with 400 BadRequest', async () => {
    const { network } = await sm.subscriptionWith({});
    const text =
      "Virtual network '123' not found. Either it does not exist or it is an Azure Resource Manager resource, which cannot be used with Cloud Services.";

    const validation = await network.networks.validateMigration('123');
    expect(validation.validationMessages).toEqual([
      { resourceType: 'VirtualNetwork', resourceName: '123', category: 'Error', message: text },
    ]);
    const error = await failure(network.networks.prepareMigration('123'));
    expect(error).toMatchObject({ code: 'BadRequest', statusCode: 400, message: text });
  });

  it('When an unattached reserved IP is migrated, then Validate is empty and Prepare and Commit succeed', async () => {
    const { network } = await sm.subscriptionWith({ reservedIps: [aReservedIp({ name: 'frontdoor-ip' })] });

    expect((await network.reservedIPs.validateMigration('frontdoor-ip')).validationMessages).toEqual([]);
    expect((await network.reservedIPs.prepareMigration('frontdoor-ip')).status).toBe('Succeeded');
    expect((await network.reservedIPs.commitMigration('frontdoor-ip')).status).toBe('Succeeded');
    const gone = await failure(network.reservedIPs.get('frontdoor-ip'));
    expect(gone).toMatchObject({ code: 'ResourceNotFound', statusCode: 404 });
  });

  it('When an unattached NSG is prepared and aborted, then it stays in Classic with its rules', async () => {
    const { network } = await sm.subscriptionWith({
      networkSecurityGroups: [aNetworkSecurityGroup({ name: 'edge-nsg' })],
    });

    expect((await network.networkSecurityGroups.validateMigration('edge-nsg')).validationMessages).toEqual(
      [],
    );
    expect((await network.networkSecurityGroups.prepareMigration('edge-nsg')).status).toBe('Succeeded');
    expect((await network.networkSecurityGroups.abortMigration('edge-nsg')).status).toBe('Succeeded');
    const nsg = await network.networkSecurityGroups.get('edge-nsg', 'Full');
    expect(nsg.rules.map((rule) => rule.name)).toEqual(['allow-rdp']);
  });

  it('When an unattached route table is migrated, then Prepare and Commit succeed and it leaves Classic', async () => {
    const { network } = await sm.subscriptionWith({ routeTables: [aRouteTable({ name: 'to-firewall' })] });

    expect((await network.routes.validateMigration('to-firewall')).validationMessages).toEqual([]);
    expect((await network.routes.prepareMigration('to-firewall')).status).toBe('Succeeded');
    expect((await network.routes.commitMigration('to-firewall')).status).toBe('Succeeded');
    const gone = await failure(network.routes.getRouteTableWithDetails('to-firewall', 'full'));
    expect(gone).toMatchObject({ code: 'ResourceNotFound', statusCode: 404 });
  });

  it('When Commit is asked of a scope never prepared, then it is refused at once with 409 ConflictError', async () => {
    const { network } = await sm.subscriptionWith({ routeTables: [aRouteTable({ name: 'rt-idle' })] });
    const error = await failure(network.routes.commitMigration('rt-idle'));
    expect(error).toMatchObject({ code: 'ConflictError', statusCode: 409 });
    expect(error.message).toContain('Run Prepare first.');
  });
});

describe('azure-asm-network: network configuration', () => {
  it('When the network configuration is read, changed and set, then the change is in the next read', async () => {
    const { network } = await sm.subscriptionWith({ virtualNetworks: [aVirtualNetwork({ name: 'hub' })] });

    const { configuration } = await network.networks.getConfiguration();
    expect(configuration).toContain('<VirtualNetworkSite name="hub" Location="West US">');
    const changed = configuration.replace(
      '<AddressPrefix>10.0.0.0/16</AddressPrefix>',
      '<AddressPrefix>10.8.0.0/16</AddressPrefix>',
    );
    expect(changed).not.toBe(configuration);

    const set = await network.networks.setConfiguration({ configuration: changed });
    expect(set).toMatchObject({ status: 'Succeeded', httpStatusCode: '200' });
    expect((await network.networks.getConfiguration()).configuration).toContain(
      '<AddressPrefix>10.8.0.0/16</AddressPrefix>',
    );
  });

  it('When a VNet is Prepared, then a configuration changing it is refused and one changing another VNet is applied', async () => {
    const { network } = await sm.subscriptionWith({
      ...vnetEstate('locked-vnet', 'app2'),
      virtualNetworks: [
        aVirtualNetwork({ name: 'locked-vnet' }),
        aVirtualNetwork({
          name: 'free-vnet',
          addressSpace: ['10.1.0.0/16'],
          subnets: [{ name: 'Subnet-1', addressPrefix: '10.1.0.0/24' }],
        }),
      ],
    });
    await network.networks.prepareMigration('locked-vnet');
    const { configuration } = await network.networks.getConfiguration();

    const touchingLocked = configuration.replace(
      '<AddressPrefix>10.0.0.0/16</AddressPrefix>',
      '<AddressPrefix>10.0.0.0/15</AddressPrefix>',
    );
    const refused = await failure(network.networks.setConfiguration({ configuration: touchingLocked }));
    expect(refused).toMatchObject({
      code: 'ConflictError',
      statusCode: 409,
      message: 'Virtual Network locked-vnet is in the process of being migrated and hence cannot be changed',
    });

    const touchingOther = configuration.replace(
      '<AddressPrefix>10.1.0.0/16</AddressPrefix>',
      '<AddressPrefix>10.2.0.0/16</AddressPrefix>',
    );
    expect((await network.networks.setConfiguration({ configuration: touchingOther })).status).toBe(
      'Succeeded',
    );
  });
});
