/**
 * The management-plane write bodies this service applies: Create Cloud Service, Create Virtual Machine
 * Deployment (its secrets never kept), Add Data Disk, and the several-role operations.
 */
import { describe, expect, it } from 'vitest';

import {
  identifyWriteBody,
  parseCreateDeployment,
  parseCreateHostedService,
  parseDataDiskRequest,
} from '../../../../shared/adapters/service-management';
import { errorOf, valueOf } from './fixtures';

const ns = 'xmlns="http://schemas.microsoft.com/windowsazure"';
const now = '2016-03-21T21:35:35.000Z';

/** The shape of the recorded C1 request (a Windows VM from an image), with a private extension value. */
const createDeploymentBody = `<Deployment ${ns} xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <Name>azsmnet8213</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <Label>Virtual machine azsmnet4407:Production  label</Label>
  <RoleList>
    <Role>
      <RoleName>azsmnet8213</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>WindowsProvisioningConfiguration</ConfigurationSetType>
          <ComputerName>azsmnet8213</ComputerName>
          <AdminPassword>@zur3R0ck5</AdminPassword>
          <AdminUsername>testuser</AdminUsername>
        </ConfigurationSet>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <InputEndpoints><InputEndpoint><LocalPort>3389</LocalPort><Name>rdp</Name><Port>3389</Port><Protocol>tcp</Protocol></InputEndpoint></InputEndpoints>
        </ConfigurationSet>
      </ConfigurationSets>
      <ResourceExtensionReferences>
        <ResourceExtensionReference>
          <ReferenceName>script</ReferenceName><Publisher>Microsoft.Compute</Publisher><Name>CustomScriptExtension</Name><Version>1.*</Version>
          <ResourceExtensionParameterValues>
            <ResourceExtensionParameterValue><Key>public</Key><Value>eyJhIjoxfQ==</Value><Type>Public</Type></ResourceExtensionParameterValue>
            <ResourceExtensionParameterValue><Key>private</Key><Value>c2VjcmV0LWtleQ==</Value><Type>Private</Type></ResourceExtensionParameterValue>
          </ResourceExtensionParameterValues>
        </ResourceExtensionReference>
      </ResourceExtensionReferences>
      <DataVirtualHardDisks>
        <DataVirtualHardDisk><Lun>2</Lun><LogicalDiskSizeInGB>10</LogicalDiskSizeInGB><MediaLink>http://azsmnet9319.blob.core.windows.net/myvhds/data.vhd</MediaLink></DataVirtualHardDisk>
      </DataVirtualHardDisks>
      <OSVirtualHardDisk>
        <HostCaching>ReadWrite</HostCaching>
        <MediaLink>http://azsmnet9319.blob.core.windows.net/myvhds/azsmnet8213.vhd</MediaLink>
        <SourceImageName>17aff74e61fe427dbdea23e1d7dba807__Win2K8R2SP1-Datacenter-201412.01-en.us-127GB.vhd</SourceImageName>
      </OSVirtualHardDisk>
      <RoleSize>Large</RoleSize>
      <ProvisionGuestAgent>true</ProvisionGuestAgent>
    </Role>
  </RoleList>
</Deployment>`;

describe('When a Create Virtual Machine Deployment body is read', () => {
  const deployment = valueOf(
    parseCreateDeployment(createDeploymentBody, { serviceName: 'azsmnet8213', now }),
  );
  const [role] = deployment.roles;

  it('then the VM, its endpoints and its disks are read, with the disk names Azure would have generated', () => {
    expect(role).toMatchObject({
      name: 'azsmnet8213',
      roleType: 'PersistentVMRole',
      roleSize: 'Large',
      network: { inputEndpoints: [{ name: 'rdp', port: 3389, localPort: 3389, protocol: 'tcp' }] },
      osDisk: {
        diskName: 'azsmnet8213-azsmnet8213-0-20160321213535',
        os: 'Windows',
        hostCaching: 'ReadWrite',
      },
      dataDisks: [{ lun: 2, diskName: 'azsmnet8213-azsmnet8213-2-20160321213535', logicalDiskSizeInGB: 10 }],
    });
  });

  it('then neither the administrator password nor private extension values are kept anywhere', () => {
    const kept = JSON.stringify(deployment);
    expect(kept).not.toContain('@zur3R0ck5');
    expect(kept).not.toContain('WindowsProvisioningConfiguration');
    expect(kept).not.toContain('c2VjcmV0LWtleQ==');
    expect(kept).toContain('eyJhIjoxfQ==');
  });

  it('then a Linux provisioning set makes the OS disk Linux', () => {
    const linux = createDeploymentBody.replace(
      'WindowsProvisioningConfiguration',
      'LinuxProvisioningConfiguration',
    );
    const parsed = valueOf(parseCreateDeployment(linux, { serviceName: 'azsmnet8213', now }));
    expect(parsed.roles[0]?.roleType === 'PersistentVMRole' && parsed.roles[0].osDisk.os).toBe('Linux');
  });

  it('then a body that is not well-formed is refused naming the open element path', () => {
    const error = errorOf(
      parseCreateDeployment(`<Deployment ${ns}><Name>x</Name><RoleList><Role></RoleList></Deployment>`, {
        serviceName: 's',
        now,
      }),
    );
    expect(error).toMatchObject({ code: 'MalformedXml', path: '/Deployment/RoleList/Role' });
  });

  it('then a VM without an OS disk media link is refused naming the element', () => {
    const body = createDeploymentBody.replace(
      /<MediaLink>http:\/\/azsmnet9319\.blob\.core\.windows\.net\/myvhds\/azsmnet8213\.vhd<\/MediaLink>/,
      '',
    );
    expect(errorOf(parseCreateDeployment(body, { serviceName: 'azsmnet8213', now }))).toMatchObject({
      code: 'InvalidDocument',
      path: expect.stringContaining('/Deployment/RoleList/Role/OSVirtualHardDisk'),
    });
  });

  it('then another document is refused as unsupported', () => {
    expect(errorOf(parseCreateDeployment(`<HostedService ${ns}/>`, { serviceName: 's', now }))).toMatchObject(
      {
        code: 'UnsupportedDocument',
      },
    );
  });
});

describe('When a Create Cloud Service body is read', () => {
  it('then the name, the decoded label and the location are read', () => {
    const body = `<CreateHostedService ${ns}><ServiceName>azsmnet8213</ServiceName><Label>YXpzbW5ldDgyMTM=</Label><Location>East US 2 (Stage)</Location></CreateHostedService>`;
    expect(valueOf(parseCreateHostedService(body))).toEqual({
      serviceName: 'azsmnet8213',
      label: 'azsmnet8213',
      location: 'East US 2 (Stage)',
    });
  });

  it('then a body without ServiceName is refused naming the element', () => {
    expect(
      errorOf(
        parseCreateHostedService(`<CreateHostedService ${ns}><Location>x</Location></CreateHostedService>`),
      ),
    ).toMatchObject({
      code: 'InvalidDocument',
      path: '/CreateHostedService/ServiceName',
    });
  });
});

describe('When an Add Data Disk body is read', () => {
  it('then caching, LUN, size and media link are read', () => {
    const body = `<DataVirtualHardDisk ${ns}><HostCaching>readonly</HostCaching><Lun>3</Lun><LogicalDiskSizeInGB>128</LogicalDiskSizeInGB><MediaLink>https://a.blob.core.windows.net/v/d.vhd</MediaLink></DataVirtualHardDisk>`;
    expect(valueOf(parseDataDiskRequest(body))).toEqual({
      hostCaching: 'ReadOnly',
      lun: 3,
      logicalDiskSizeInGB: 128,
      mediaLink: 'https://a.blob.core.windows.net/v/d.vhd',
    });
  });

  it('then a LUN that is not a number is refused naming the element', () => {
    expect(
      errorOf(parseDataDiskRequest(`<DataVirtualHardDisk ${ns}><Lun>two</Lun></DataVirtualHardDisk>`)),
    ).toMatchObject({
      code: 'InvalidDocument',
      path: '/DataVirtualHardDisk/Lun',
    });
  });

  it('then an empty body is refused', () => {
    expect(errorOf(parseDataDiskRequest(''))).toMatchObject({ code: 'InvalidDocument' });
  });
});

describe('When a several-role shutdown body is identified', () => {
  it('then the roles and the PostShutdownAction are read', () => {
    const body = `<ShutdownRolesOperation ${ns}><OperationType>ShutdownRolesOperation</OperationType><Roles><Name>a</Name><Name>b</Name></Roles><PostShutdownAction>StoppedDeallocated</PostShutdownAction></ShutdownRolesOperation>`;
    expect(valueOf(identifyWriteBody(body))).toEqual({
      kind: 'ShutdownRoles',
      roleNames: ['a', 'b'],
      postShutdownAction: 'StoppedDeallocated',
    });
  });
});
