import { describe, expect, it } from 'vitest';

import { translateScope } from '../../../../shared/domain/translation/translate-scope';
import {
  aCloudService,
  aDeployment,
  anInventory,
  aVirtualNetwork,
  aVmRole,
} from '../../../fixtures/classic-builders';
import { estate, translationInput, vnetEstate } from '../../../fixtures/translation-estates';
import { entries, entry, prop, resource } from '../../../support/translation-lookups';

describe('network interface translation', () => {
  const result = translateScope(translationInput(vnetEstate()));
  const subnetId = (name: string): unknown =>
    expect.stringMatching(
      new RegExp(
        `/Prod-VNet-Migrated/providers/Microsoft\\.Network/virtualNetworks/Prod-VNet/subnets/${name}$`,
      ),
    );

  it('When a VM in a VNet has a static IP, then its primary NIC keeps it as Static in the same subnet', () => {
    const nic = resource(result, 'Microsoft.Network/networkInterfaces', 'web1-PrimaryNic');
    expect(prop(nic, 'ipConfigurations.0')).toMatchObject({
      name: 'ipconfig1',
      properties: {
        primary: true,
        privateIPAllocationMethod: 'Static',
        privateIPAddress: '10.1.0.10',
        subnet: { id: subnetId('FrontEnd') },
      },
    });
    expect(nic.properties).toMatchObject({ primary: true, enableIPForwarding: false });
  });

  it('When a VM in a VNet has a dynamic IP, then the NIC stays Dynamic and keeps its current address', () => {
    const nic = resource(result, 'Microsoft.Network/networkInterfaces', 'web2-PrimaryNic');
    expect(prop(nic, 'ipConfigurations.0.properties')).toMatchObject({
      privateIPAllocationMethod: 'Dynamic',
      privateIPAddress: '10.0.0.5',
    });
  });

  it('When a VM has a secondary NIC with IP forwarding, then a second NIC resource has IP forwarding, its own static IP and primary false', () => {
    const nic = resource(result, 'Microsoft.Network/networkInterfaces', 'web1-nic2');
    expect(nic.properties).toMatchObject({
      enableIPForwarding: true,
      primary: false,
      ipConfigurations: [
        {
          name: 'ipconfig1',
          properties: {
            primary: true,
            privateIPAllocationMethod: 'Static',
            privateIPAddress: '10.1.0.11',
            subnet: { id: subnetId('FrontEnd') },
          },
        },
      ],
    });
    expect(entries(result, 'NetworkInterface', 'nic2').map((e) => e.armIds)).toEqual([
      [nic.id],
      [expect.stringMatching(/web2-nic2$/)],
    ]);
  });

  it('When the deployment has DNS servers and an internal DNS suffix, then every NIC carries them', () => {
    for (const name of ['web1-PrimaryNic', 'web1-nic2', 'web2-PrimaryNic'])
      expect(prop(resource(result, 'Microsoft.Network/networkInterfaces', name), 'dnsSettings')).toEqual({
        dnsServers: ['10.1.2.4'],
        internalDomainNameSuffix: 'web.d1.internal.cloudapp.net',
      });
  });

  it('When a VM has an NSG, then its primary NIC points at the clone in the VNet group', () => {
    const nsg = resource(result, 'Microsoft.Network/networkSecurityGroups', 'vm-nsg');
    expect(nsg.id).toContain('/resourceGroups/Prod-VNet-Migrated/');
    expect(
      prop(
        resource(result, 'Microsoft.Network/networkInterfaces', 'web1-PrimaryNic'),
        'networkSecurityGroup',
      ),
    ).toEqual({ id: nsg.id });
  });

  it('When a VM has an instance-level public IP, then it becomes a Dynamic public IP on the primary IP configuration', () => {
    const pip = resource(result, 'Microsoft.Network/publicIPAddresses', 'web1-ftp');
    expect(pip.properties).toEqual({
      publicIPAllocationMethod: 'Dynamic',
      publicIPAddressVersion: 'IPv4',
      idleTimeoutInMinutes: 10,
    });
    expect(
      prop(
        resource(result, 'Microsoft.Network/networkInterfaces', 'web1-PrimaryNic'),
        'ipConfigurations.0.properties.publicIPAddress',
      ),
    ).toEqual({ id: pip.id });
  });

  it('When a VM in a VNet names no subnet, then the VM and all its parts are refused and nothing is generated for it', () => {
    const deployment = aDeployment({ virtualNetworkName: 'vnet1', roles: [aVmRole({ name: 'lost' })] });
    const inventory = anInventory({
      cloudServices: [aCloudService({ deployments: [deployment] })],
      virtualNetworks: [aVirtualNetwork()],
    });
    const translated = translateScope(translationInput(estate(inventory, 'virtualNetwork', 'vnet1')));
    for (const [type, name] of [
      ['VirtualMachine', 'lost'],
      ['OsDisk', 'lost-os'],
      ['NetworkConfiguration', 'lost'],
    ] as const)
      expect(entry(translated, type, name)).toMatchObject({
        outcome: 'refused',
        reason: expect.stringContaining('without an explicit subnet'),
      });
    expect(translated.resources.filter((r) => r.type.startsWith('Microsoft.Compute'))).toEqual([]);
  });

  it("When a deployment names a VNet that does not exist, then its VMs are refused with Azure's message", () => {
    const deployment = aDeployment({
      virtualNetworkName: 'ghost',
      roles: [
        aVmRole({
          network: {
            inputEndpoints: [],
            subnetNames: ['s'],
            publicIps: [],
            networkInterfaces: [],
            ipForwarding: false,
          },
        }),
      ],
    });
    const inventory = anInventory({ cloudServices: [aCloudService({ deployments: [deployment] })] });
    const translated = translateScope(translationInput(estate(inventory, 'cloudService', 'svc1')));
    expect(entry(translated, 'VirtualMachine', 'vm1')).toMatchObject({
      outcome: 'refused',
      reason: 'The virtual network ghost does not exist.',
    });
  });
});
