/**
 * Request bodies: the migration destination of a deployment, and the management-plane writes the lock
 * must recognise.
 */
import { describe, expect, it } from 'vitest';

import { identifyWriteBody } from '../../../../shared/adapters/service-management/requests/identify-write-body';
import { parseDeploymentNetworkResource } from '../../../../shared/adapters/service-management/requests/parse-deployment-network-resource';
import { errorOf, readSample, sampleFiles, valueOf } from './fixtures';

const networkResource = (destination: string, rg = '', vnet = '', subnet = '') =>
  `<DeploymentNetworkResource xmlns="http://schemas.microsoft.com/windowsazure">
  <ResourceGroupName>${rg}</ResourceGroupName>
  <VirtualNetworkName>${vnet}</VirtualNetworkName>
  <SubNetName>${subnet}</SubNetName>
  <DestinationVirtualNetwork>${destination}</DestinationVirtualNetwork>
</DeploymentNetworkResource>`;

describe('When a deployment migration request body is parsed', () => {
  it('then the recorded New body (empty names) is a new VNet', () => {
    expect(valueOf(parseDeploymentNetworkResource(networkResource('New')))).toEqual({ type: 'New' });
  });

  it('then the Node SDK form (declaration, self-closing empty names) is read too', () => {
    const body =
      '<?xml version="1.0" encoding="utf-8" standalone="yes"?><DeploymentNetworkResource xmlns="http://schemas.microsoft.com/windowsazure"><ResourceGroupName/><VirtualNetworkName/><SubNetName/><DestinationVirtualNetwork>new</DestinationVirtualNetwork></DeploymentNetworkResource>';
    expect(valueOf(parseDeploymentNetworkResource(body))).toEqual({ type: 'New' });
  });

  it('then Default, which early SDKs sent, behaves as New', () => {
    expect(valueOf(parseDeploymentNetworkResource(networkResource('Default')))).toEqual({ type: 'New' });
  });

  it('then Existing names the ARM resource group, VNet and subnet', () => {
    expect(
      valueOf(parseDeploymentNetworkResource(networkResource('Existing', 'rg1', 'vnet1', 'default'))),
    ).toEqual({
      type: 'Existing',
      resourceGroupName: 'rg1',
      virtualNetworkName: 'vnet1',
      subnetName: 'default',
    });
  });

  it('then Existing without all three names is refused, naming what is missing', () => {
    expect(errorOf(parseDeploymentNetworkResource(networkResource('Existing', 'rg1')))).toEqual({
      code: 'InvalidDocument',
      message: 'VirtualNetworkName, SubNetName must be given when DestinationVirtualNetwork is Existing.',
      path: '/DeploymentNetworkResource/VirtualNetworkName',
    });
  });

  it.each([
    [
      'an unknown destination',
      networkResource('Elsewhere'),
      "'Elsewhere' is not a valid DestinationVirtualNetwork. Accepted values are Default, New, Existing.",
    ],
    [
      'no destination',
      '<DeploymentNetworkResource xmlns="http://schemas.microsoft.com/windowsazure"/>',
      'DestinationVirtualNetwork is required. Accepted values are Default, New, Existing.',
    ],
    ['an empty body', '  ', 'A DeploymentNetworkResource body is required.'],
  ])('then %s is InvalidDocument', (_case, body, message) => {
    expect(errorOf(parseDeploymentNetworkResource(body))).toMatchObject({ code: 'InvalidDocument', message });
  });

  it('then another body is UnsupportedDocument and a DTD is refused', () => {
    expect(errorOf(parseDeploymentNetworkResource('<Deployment/>')).code).toBe('UnsupportedDocument');
    expect(errorOf(parseDeploymentNetworkResource('<!DOCTYPE x><DeploymentNetworkResource/>')).code).toBe(
      'DtdNotAllowed',
    );
  });
});

describe('When a management-plane write body arrives', () => {
  const ns =
    'xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"';

  it('then Set Network Configuration is recognised with the VNets it would write', () => {
    const body = valueOf(identifyWriteBody(readSample(sampleFiles.netcfg)));
    expect(body.kind).toBe('SetNetworkConfiguration');
    if (body.kind !== 'SetNetworkConfiguration') return;
    expect(body.networkConfiguration.virtualNetworks).toHaveLength(23);
  });

  it.each([
    [
      'Create Cloud Service',
      `<CreateHostedService ${ns}><ServiceName>svc1</ServiceName><Label>c3ZjMQ==</Label><Location>West US</Location></CreateHostedService>`,
      { kind: 'CreateHostedService', serviceName: 'svc1' },
    ],
    [
      'Create VM Deployment',
      `<Deployment ${ns}><Name>svc1</Name><DeploymentSlot>Production</DeploymentSlot><Label>svc1</Label><RoleList><Role><RoleName>vm1</RoleName><RoleType>PersistentVMRole</RoleType><ConfigurationSets><ConfigurationSet i:type="LinuxProvisioningConfigurationSet"><ConfigurationSetType>LinuxProvisioningConfiguration</ConfigurationSetType><HostName>vm1</HostName><UserName>u</UserName><UserPassword>p</UserPassword></ConfigurationSet></ConfigurationSets><RoleSize>Small</RoleSize></Role></RoleList><VirtualNetworkName>vnet1</VirtualNetworkName></Deployment>`,
      { kind: 'CreateDeployment', deploymentName: 'svc1', roleNames: ['vm1'], virtualNetworkName: 'vnet1' },
    ],
    [
      'Add or Update Role',
      `<PersistentVMRole ${ns}><RoleName>vm2</RoleName><RoleSize>Medium</RoleSize></PersistentVMRole>`,
      { kind: 'Role', roleName: 'vm2' },
    ],
    [
      'Add Data Disk',
      `<DataVirtualHardDisk ${ns}><HostCaching>None</HostCaching><DiskLabel>data</DiskLabel><Lun>2</Lun><LogicalDiskSizeInGB>128</LogicalDiskSizeInGB><MediaLink>https://st.blob.core.windows.net/vhds/d.vhd</MediaLink></DataVirtualHardDisk>`,
      { kind: 'DataDisk', lun: 2, mediaLink: 'https://st.blob.core.windows.net/vhds/d.vhd' },
    ],
    [
      'Start Role',
      '<StartRoleOperation xmlns="http://schemas.microsoft.com/windowsazure"><OperationType>StartRoleOperation</OperationType></StartRoleOperation>',
      { kind: 'StartRole' },
    ],
    [
      'Restart Role',
      '<RestartRoleOperation xmlns="http://schemas.microsoft.com/windowsazure"><OperationType>RestartRoleOperation</OperationType></RestartRoleOperation>',
      { kind: 'RestartRole' },
    ],
    [
      'Shutdown Role',
      `<ShutdownRoleOperation ${ns}><OperationType>ShutdownRoleOperation</OperationType><PostShutdownAction>StoppedDeallocated</PostShutdownAction></ShutdownRoleOperation>`,
      { kind: 'ShutdownRole', postShutdownAction: 'StoppedDeallocated' },
    ],
    [
      'Shutdown Roles',
      `<ShutdownRolesOperation ${ns}><Roles><Name>vm1</Name><Name>vm2</Name></Roles><PostShutdownAction>Stopped</PostShutdownAction></ShutdownRolesOperation>`,
      { kind: 'ShutdownRoles', roleNames: ['vm1', 'vm2'], postShutdownAction: 'Stopped' },
    ],
  ])('then %s is recognised', (_name, xml, expected) => {
    expect(valueOf(identifyWriteBody(xml))).toEqual(expected);
  });

  it('then an unknown body is UnsupportedDocument and a body missing its name is InvalidDocument', () => {
    expect(errorOf(identifyWriteBody(`<Subscription ${ns}/>`)).code).toBe('UnsupportedDocument');
    expect(
      errorOf(identifyWriteBody(`<CreateHostedService ${ns}><Label>x</Label></CreateHostedService>`)),
    ).toMatchObject({
      code: 'InvalidDocument',
      path: '/CreateHostedService/ServiceName',
    });
  });
});
