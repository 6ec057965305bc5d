/**
 * The write bodies of the operations the migration lock must also cover: Update Role (its secrets never
 * kept), Update Cloud Service, Update Storage Account, Create Reserved IP, reserved IP associations and the
 * NSG / route table association bodies, as the azure-asm-* clients send them.
 */
import { describe, expect, it } from 'vitest';

import {
  parseAssociationName,
  parseCreateReservedIp,
  parseReservedIpAssociation,
  parseUpdateHostedService,
  parseUpdateRole,
  parseUpdateStorageAccount,
} from '../../../../shared/adapters/service-management';
import { errorOf, valueOf } from './fixtures';

const ns = 'xmlns="http://schemas.microsoft.com/windowsazure"';
const now = '2016-03-21T21:35:35.000Z';

const updateRoleBody = `<PersistentVMRole ${ns}>
  <RoleName>vm1</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <ConfigurationSets>
    <ConfigurationSet>
      <ConfigurationSetType>WindowsProvisioningConfiguration</ConfigurationSetType>
      <AdminPassword>N0t-To-Be-Stored!</AdminPassword>
    </ConfigurationSet>
    <ConfigurationSet>
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints><InputEndpoint><LocalPort>80</LocalPort><Name>web</Name><Port>80</Port><Protocol>tcp</Protocol></InputEndpoint></InputEndpoints>
      <NetworkSecurityGroup>nsg1</NetworkSecurityGroup>
    </ConfigurationSet>
  </ConfigurationSets>
  <DataVirtualHardDisks>
    <DataVirtualHardDisk><Lun>1</Lun><LogicalDiskSizeInGB>10</LogicalDiskSizeInGB><MediaLink>https://acct.blob.core.windows.net/vhds/d1.vhd</MediaLink></DataVirtualHardDisk>
  </DataVirtualHardDisks>
  <OSVirtualHardDisk><HostCaching>ReadOnly</HostCaching></OSVirtualHardDisk>
</PersistentVMRole>`;

describe('write bodies of the lock-covered operations', () => {
  it('When an Update Role body is read, then the network set, disks and OS disk caching are taken, the secrets and absent size are not', () => {
    const request = valueOf(parseUpdateRole(updateRoleBody, { serviceName: 'svc', now }));
    expect(request.roleName).toBe('vm1');
    expect(request.network.inputEndpoints.map((e) => [e.name, e.port])).toEqual([['web', 80]]);
    expect(request.network.networkSecurityGroup).toBe('nsg1');
    expect(request.dataDisks).toMatchObject([{ lun: 1, diskName: 'svc-vm1-1-20160321213535' }]);
    expect(request.osDiskHostCaching).toBe('ReadOnly');
    expect(request.roleSize).toBeUndefined();
    expect(JSON.stringify(request)).not.toContain('N0t-To-Be-Stored!');
  });

  it('When an Update Role body has another root or no role name, then it is refused naming where', () => {
    expect(errorOf(parseUpdateRole(`<Deployment ${ns}/>`, { serviceName: 'svc', now })).code).toBe(
      'UnsupportedDocument',
    );
    expect(
      errorOf(
        parseUpdateRole(`<PersistentVMRole ${ns}><RoleSize>Small</RoleSize></PersistentVMRole>`, {
          serviceName: 'svc',
          now,
        }),
      ),
    ).toMatchObject({ code: 'InvalidDocument', path: '/PersistentVMRole/RoleName' });
  });

  it('When update bodies for a cloud service and a storage account are read, then labels are decoded and the account type checked', () => {
    expect(
      valueOf(
        parseUpdateHostedService(
          `<UpdateHostedService ${ns}><Label>${Buffer.from('Web').toString('base64')}</Label><Description>d</Description></UpdateHostedService>`,
        ),
      ),
    ).toEqual({ label: 'Web', description: 'd' });
    expect(
      valueOf(
        parseUpdateStorageAccount(
          `<UpdateStorageServiceInput ${ns}><Label>${Buffer.from('Store').toString('base64')}</Label><AccountType>standard_lrs</AccountType></UpdateStorageServiceInput>`,
        ),
      ),
    ).toEqual({ label: 'Store', accountType: 'Standard_LRS' });
    expect(
      errorOf(
        parseUpdateStorageAccount(
          `<UpdateStorageServiceInput ${ns}><AccountType>Fast</AccountType></UpdateStorageServiceInput>`,
        ),
      ),
    ).toMatchObject({ code: 'InvalidDocument', path: '/UpdateStorageServiceInput/AccountType' });
  });

  it('When reserved IP bodies are read, then the plain label and the association names are taken', () => {
    expect(
      valueOf(
        parseCreateReservedIp(
          `<ReservedIP ${ns}><Name>rip</Name><Label>front door</Label><Location>West US</Location></ReservedIP>`,
        ),
      ),
    ).toEqual({ name: 'rip', label: 'front door', location: 'West US' });
    expect(
      valueOf(
        parseReservedIpAssociation(
          `<ReservedIPAssociation ${ns}><ServiceName>svc</ServiceName><DeploymentName>dep</DeploymentName></ReservedIPAssociation>`,
        ),
      ),
    ).toEqual({ serviceName: 'svc', deploymentName: 'dep' });
    expect(
      errorOf(
        parseReservedIpAssociation(
          `<ReservedIPAssociation ${ns}><ServiceName>svc</ServiceName></ReservedIPAssociation>`,
        ),
      ),
    ).toMatchObject({ code: 'InvalidDocument', path: '/ReservedIPAssociation/DeploymentName' });
  });

  it('When association bodies are read, then the NSG or route table name is taken', () => {
    expect(
      valueOf(
        parseAssociationName(
          `<NetworkSecurityGroup ${ns}><Name>nsg1</Name></NetworkSecurityGroup>`,
          'networkSecurityGroup',
        ),
      ),
    ).toBe('nsg1');
    expect(
      valueOf(
        parseAssociationName(
          `<RouteTableAssociation ${ns}><RouteTableName>rt1</RouteTableName></RouteTableAssociation>`,
          'routeTable',
        ),
      ),
    ).toBe('rt1');
    expect(errorOf(parseAssociationName('', 'routeTable')).code).toBe('InvalidDocument');
  });
});
