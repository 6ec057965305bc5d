/**
 * The import entry point: which documents it reads, what each contributes, and the typed errors for
 * documents it cannot take.
 */
import { describe, expect, it } from 'vitest';

import { parseServiceManagementDocument } from '../../../../shared/adapters/service-management/parse-service-management-document';
import { errorOf, readSample, sampleFiles, valueOf } from './fixtures';

const ns =
  'xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"';
const parse = (xml: string, cloudServiceName?: string) =>
  parseServiceManagementDocument(xml, cloudServiceName === undefined ? {} : { cloudServiceName });

describe('When the document is not one this service imports', () => {
  it('then an unknown root is UnsupportedDocument', () => {
    expect(errorOf(parse(`<Subscription ${ns}/>`))).toMatchObject({
      code: 'UnsupportedDocument',
      path: '/Subscription',
    });
  });

  it('then a known root in a foreign namespace is UnsupportedDocument', () => {
    expect(errorOf(parse('<Deployment xmlns="urn:not-azure"><Name>x</Name></Deployment>', 'svc')).code).toBe(
      'UnsupportedDocument',
    );
    const netcfgInAzureNamespace = readSample(sampleFiles.netcfg).replace(
      'xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"',
      'xmlns="http://schemas.microsoft.com/windowsazure"',
    );
    expect(errorOf(parse(netcfgInAzureNamespace)).code).toBe('UnsupportedDocument');
  });

  it('then a document without a namespace is accepted', () => {
    const stripped = readSample(sampleFiles.probeDeployment).replace(` ${ns}`, '');
    expect(valueOf(parse(stripped, 'ClitestVm8365')).counts.virtualMachines).toBe(1);
  });
});

describe('When a bare Deployment is imported', () => {
  it('then the cloud service name is required, and the Url suggests it', () => {
    expect(errorOf(parse(readSample(sampleFiles.probeDeployment)))).toMatchObject({
      code: 'CloudServiceNameRequired',
      message: expect.stringContaining("'clitestvm8365'") as unknown,
    });
  });

  it('then it is attached to the cloud service the caller names', () => {
    const parsed = valueOf(parse(readSample(sampleFiles.probeDeployment), 'ClitestVm8365'));
    expect(parsed.inventoryPart.deployments?.map((d) => [d.cloudServiceName, d.deployment.name])).toEqual([
      ['ClitestVm8365', 'ClitestVm8365'],
    ]);
    expect(parsed.counts).toMatchObject({ cloudServices: 0, deployments: 1, virtualMachines: 1 });
  });
});

describe('When values do not fit the Classic model', () => {
  const twoRoles = readSample(sampleFiles.reservedIpDeployment);

  it('then a non-number names the element, with the list position of the second role', () => {
    const flag = '<ProvisionGuestAgent>true</ProvisionGuestAgent>';
    const at = twoRoles.lastIndexOf(flag);
    const xml = `${twoRoles.slice(0, at)}<ProvisionGuestAgent>maybe</ProvisionGuestAgent>${twoRoles.slice(at + flag.length)}`;
    const error = errorOf(parse(xml, 'svc'));
    expect(error).toMatchObject({
      code: 'InvalidDocument',
      path: '/Deployment/RoleList/Role[2]/ProvisionGuestAgent',
      line: 1,
    });
    expect(error.message).toBe("'maybe' is not a valid ProvisionGuestAgent; expected true or false.");
  });

  it('then an unknown enum value names the element', () => {
    const xml = readSample(sampleFiles.probeDeployment).replace('<OS>Linux</OS>', '<OS>Solaris</OS>');
    expect(errorOf(parse(xml, 'svc'))).toMatchObject({
      code: 'InvalidDocument',
      path: '/Deployment/RoleList/Role/OSVirtualHardDisk/OS',
      message: "'Solaris' is not a valid OS; expected Windows, Linux.",
    });
  });

  it('then a port that is not a number names the element', () => {
    const xml = readSample(sampleFiles.probeDeployment).replace(
      '<Port>27</Port>',
      '<Port>twenty-seven</Port>',
    );
    expect(errorOf(parse(xml, 'svc'))).toMatchObject({
      code: 'InvalidDocument',
      path: '/Deployment/RoleList/Role/ConfigurationSets/ConfigurationSet/InputEndpoints/InputEndpoint/Port',
    });
  });

  it('then a missing required element names where it should be', () => {
    const noRoleName = readSample(sampleFiles.probeDeployment).replace(
      '<RoleName>ClitestVm8365</RoleName><OsVersion/>',
      '<OsVersion/>',
    );
    expect(errorOf(parse(noRoleName, 'svc'))).toMatchObject({
      code: 'InvalidDocument',
      path: '/Deployment/RoleList/Role/RoleName',
      message: 'RoleName is required.',
    });
  });

  it('then a VM without an OS disk is refused by the model at the role', () => {
    const xml = readSample(sampleFiles.probeDeployment).replace(
      /<OSVirtualHardDisk>.*<\/OSVirtualHardDisk>/,
      '',
    );
    const error = errorOf(parse(xml, 'svc'));
    expect(error).toMatchObject({ code: 'InvalidDocument', path: '/Deployment/RoleList/Role' });
    expect(error.message).toMatch(/^Role does not fit the Classic model: osDisk: /);
  });
});

describe('When roles are typed', () => {
  const deploymentWith = (roles: string) =>
    `<Deployment ${ns}><Name>d</Name><RoleList>${roles}</RoleList></Deployment>`;
  const vmBody =
    '<RoleName>vm</RoleName><OSVirtualHardDisk><DiskName>d</DiskName><MediaLink>https://a.blob.core.windows.net/v/d.vhd</MediaLink><OS>Windows</OS></OSVirtualHardDisk><RoleSize>Small</RoleSize>';

  it('then i:type is understood whatever the prefix bound to XMLSchema-instance', () => {
    const xml = deploymentWith(
      `<Role xmlns:b="http://www.w3.org/2001/XMLSchema-instance" b:type="PersistentVMRole">${vmBody}</Role>`,
    );
    expect(valueOf(parse(xml, 'svc')).inventoryPart.deployments?.[0]?.deployment.roles[0]?.roleType).toBe(
      'PersistentVMRole',
    );
  });

  it('then a role without RoleType or VM parts is a PaaS role', () => {
    const xml = deploymentWith(
      '<Role><RoleName>WebRole1</RoleName><OsVersion>WA-GUEST-OS-4.1</OsVersion></Role>',
    );
    const parsed = valueOf(parse(xml, 'svc'));
    expect(parsed.inventoryPart.deployments?.[0]?.deployment.roles[0]).toMatchObject({
      name: 'WebRole1',
      roleType: 'WorkerRole',
      unknownElements: [{ name: 'OsVersion', xml: '<OsVersion>WA-GUEST-OS-4.1</OsVersion>' }],
    });
    expect(parsed.counts.virtualMachines).toBe(0);
  });

  it('then a Role MigrationState is reported, not imported', () => {
    const xml = deploymentWith(
      `<Role i:type="PersistentVMRole">${vmBody}<MigrationState>Prepared</MigrationState></Role>`,
    );
    const parsed = valueOf(parse(xml, 'svc'));
    expect(parsed.observedMigrationStates).toEqual([
      {
        resourceType: 'VirtualMachine',
        name: 'vm',
        cloudServiceName: 'svc',
        deploymentName: 'd',
        state: 'Prepared',
      },
    ]);
    expect(parsed.inventoryPart.deployments?.[0]?.deployment.roles[0]?.unknownElements).toEqual([]);
  });
});

describe('When listings and single resources are imported', () => {
  it('then List Hosted Services gives cloud services whose deployments are unknown', () => {
    const xml = `<HostedServices ${ns}><HostedService><Url>https://management.core.windows.net/s/services/hostedservices/a</Url><ServiceName>a</ServiceName><HostedServiceProperties><Description>Implicitly created hosted service</Description><AffinityGroup>ag1</AffinityGroup><Label>YQ==</Label><Status>Created</Status><ExtendedProperties/></HostedServiceProperties><ComputeCapabilities><VirtualMachinesRoleSizes><RoleSize>Small</RoleSize></VirtualMachinesRoleSizes></ComputeCapabilities></HostedService><HostedService><ServiceName>b</ServiceName><HostedServiceProperties><Location>West US</Location></HostedServiceProperties></HostedService></HostedServices>`;
    const parsed = valueOf(parse(xml));
    expect(parsed.kind).toBe('HostedServices');
    expect(
      parsed.inventoryPart.cloudServices?.map((s) => [s.name, s.label, s.affinityGroup ?? s.location]),
    ).toEqual([
      ['a', 'a', 'ag1'],
      ['b', undefined, 'West US'],
    ]);
    expect(parsed.inventoryPart.cloudServicesWithoutDeployments).toEqual(['a', 'b']);
  });

  it('then List Virtual Network Sites gives sites with their DNS servers, gateway sites and MigrationState', () => {
    const xml = `<VirtualNetworkSites ${ns}><VirtualNetworkSite><Name>Group rg vnet</Name><Id>456b</Id><AffinityGroup>ag</AffinityGroup><State>Created</State><InUse>true</InUse><AddressSpace><AddressPrefixes><AddressPrefix>10.0.0.0/8</AddressPrefix></AddressPrefixes></AddressSpace><Subnets><Subnet><Name>Subnet-1</Name><AddressPrefix>10.0.0.0/24</AddressPrefix><NetworkSecurityGroup>nsg1</NetworkSecurityGroup></Subnet></Subnets><Dns><DnsServers><DnsServer><Name>demodns</Name><Address>10.0.0.4</Address></DnsServer></DnsServers></Dns><Gateway><Profile>Small</Profile><Sites><LocalNetworkSite><Name>onprem</Name><VPNGatewayAddress>1.2.3.4</VPNGatewayAddress><AddressSpace><AddressPrefixes><AddressPrefix>192.168.0.0/24</AddressPrefix></AddressPrefixes></AddressSpace><Connections><Connection><Type>IPsec</Type></Connection></Connections></LocalNetworkSite></Sites></Gateway><MigrationState>Prepared</MigrationState></VirtualNetworkSite></VirtualNetworkSites>`;
    const parsed = valueOf(parse(xml));
    const site = parsed.inventoryPart.virtualNetworks?.[0];
    expect(site).toMatchObject({
      name: 'Group rg vnet',
      id: '456b',
      state: 'Created',
      addressSpace: ['10.0.0.0/8'],
      subnets: [{ name: 'Subnet-1', addressPrefix: '10.0.0.0/24', networkSecurityGroup: 'nsg1' }],
      dnsServerRefs: ['demodns'],
      gateway: { connections: [{ localNetworkSiteName: 'onprem', connectionType: 'IPsec' }] },
    });
    expect(site?.unknownElements.map((u) => u.name).sort()).toEqual(['Gateway/Profile', 'InUse']);
    expect(parsed.inventoryPart.dnsServers).toEqual([{ name: 'demodns', address: '10.0.0.4' }]);
    expect(parsed.inventoryPart.localNetworkSites).toMatchObject([
      { name: 'onprem', vpnGatewayAddress: '1.2.3.4' },
    ]);
    expect(parsed.observedMigrationStates).toEqual([
      { resourceType: 'VirtualNetwork', name: 'Group rg vnet', state: 'Prepared' },
    ]);
  });

  it('then reserved IPs are read alone and listed', () => {
    const ip =
      '<ReservedIP><Name>rip1</Name><Address>23.101.78.155</Address><Id>582c</Id><State>Created</State><InUse>true</InUse><ServiceName>svc</ServiceName><DeploymentName>dep</DeploymentName><Location>West Europe</Location></ReservedIP>';
    const listed = valueOf(parse(`<ReservedIPs ${ns}>${ip}</ReservedIPs>`));
    expect(listed.inventoryPart.reservedIps).toEqual([
      {
        name: 'rip1',
        address: '23.101.78.155',
        id: '582c',
        state: 'Created',
        serviceName: 'svc',
        deploymentName: 'dep',
        location: 'West Europe',
        unknownElements: [],
      },
    ]);
    const single = valueOf(parse(ip.replace('<ReservedIP>', `<ReservedIP ${ns}>`)));
    expect(single.kind).toBe('ReservedIP');
    expect(single.counts.reservedIps).toBe(1);
  });

  it('then an NSG with detaillevel=Full has its rules, and a listed one is marked as without rules', () => {
    const full = `<NetworkSecurityGroup ${ns}><Name>nsg1</Name><Label>nsg1</Label><Location>West Europe</Location><Rules><Rule><Name>ALLOW VNET INBOUND</Name><Type>Inbound</Type><Priority>65000</Priority><Action>Allow</Action><SourceAddressPrefix>VIRTUAL_NETWORK</SourceAddressPrefix><SourcePortRange>*</SourcePortRange><DestinationAddressPrefix>VIRTUAL_NETWORK</DestinationAddressPrefix><DestinationPortRange>*</DestinationPortRange><Protocol>*</Protocol><State>Active</State><IsDefault>true</IsDefault></Rule></Rules></NetworkSecurityGroup>`;
    const parsed = valueOf(parse(full));
    expect(parsed.inventoryPart.networkSecurityGroups?.[0]?.rules).toEqual([
      {
        name: 'ALLOW VNET INBOUND',
        type: 'Inbound',
        priority: 65000,
        action: 'Allow',
        sourceAddressPrefix: 'VIRTUAL_NETWORK',
        sourcePortRange: '*',
        destinationAddressPrefix: 'VIRTUAL_NETWORK',
        destinationPortRange: '*',
        protocol: '*',
        state: 'Active',
        isDefault: true,
      },
    ]);
    expect(parsed.inventoryPart.networkSecurityGroupsWithoutRules).toEqual([]);
    const listed = valueOf(
      parse(
        `<NetworkSecurityGroups ${ns}><NetworkSecurityGroup><Name>nsg1</Name><Location>West Europe</Location></NetworkSecurityGroup></NetworkSecurityGroups>`,
      ),
    );
    expect(listed.inventoryPart.networkSecurityGroupsWithoutRules).toEqual(['nsg1']);
  });

  it('then route tables are read with their next hops', () => {
    const xml = `<RouteTables ${ns}><RouteTable><Name>rt1</Name><Location>West US</Location><RouteTableState>Created</RouteTableState><RouteList><Route><Name>fw</Name><AddressPrefix>0.0.0.0/0</AddressPrefix><NextHopType><Type>VirtualAppliance</Type><IpAddress>10.0.1.4</IpAddress></NextHopType><RouteState>Active</RouteState></Route></RouteList></RouteTable></RouteTables>`;
    const table = valueOf(parse(xml)).inventoryPart.routeTables?.[0];
    expect(table?.routes).toEqual([
      {
        name: 'fw',
        addressPrefix: '0.0.0.0/0',
        nextHopType: 'VirtualAppliance',
        nextHopIpAddress: '10.0.1.4',
      },
    ]);
    expect(table?.unknownElements.map((u) => u.name).sort()).toEqual([
      'RouteList/Route[1]/RouteState',
      'RouteTableState',
    ]);
  });

  it('then storage accounts are read with their decoded label, account type and MigrationState', () => {
    const xml = `<StorageServices ${ns}><StorageService><Url>https://management.core.windows.net/s/services/storageservices/st1</Url><ServiceName>st1</ServiceName><StorageServiceProperties><Description i:nil="true"/><Location>West Europe</Location><Label>c3Qx</Label><Status>Created</Status><Endpoints><Endpoint>https://st1.blob.core.windows.net/</Endpoint></Endpoints><AccountType>Standard_LRS</AccountType></StorageServiceProperties><ExtendedProperties/><MigrationState>Prepared</MigrationState></StorageService></StorageServices>`;
    const parsed = valueOf(parse(xml));
    expect(parsed.inventoryPart.storageAccounts).toMatchObject([
      { name: 'st1', location: 'West Europe', label: 'st1', status: 'Created', accountType: 'Standard_LRS' },
    ]);
    expect(parsed.observedMigrationStates).toEqual([
      { resourceType: 'StorageAccount', name: 'st1', state: 'Prepared' },
    ]);
  });

  it('then disks are read with AttachedTo, and an unattached disk has none', () => {
    const xml = `<Disks ${ns}><Disk><OS>Linux</OS><Location>West Europe</Location><LogicalDiskSizeInGB>30</LogicalDiskSizeInGB><MediaLink>https://st1.blob.core.windows.net/vhds/a.vhd</MediaLink><Name>a</Name><SourceImageName>img</SourceImageName></Disk><Disk><AttachedTo><DeploymentName>d</DeploymentName><HostedServiceName>s</HostedServiceName><RoleName>r</RoleName></AttachedTo><OS>Windows</OS><MediaLink>https://st1.blob.core.windows.net/vhds/b.vhd</MediaLink><Name>b</Name></Disk></Disks>`;
    const disks = valueOf(parse(xml)).inventoryPart.disks ?? [];
    expect(disks.map((d) => [d.name, d.os, d.attachedTo])).toEqual([
      ['a', 'Linux', undefined],
      ['b', 'Windows', { hostedServiceName: 's', deploymentName: 'd', roleName: 'r' }],
    ]);
    expect(disks[0]?.unknownElements).toEqual([
      { name: 'SourceImageName', xml: '<SourceImageName>img</SourceImageName>' },
    ]);
  });

  it('then user images are read with every media link and platform images are skipped', () => {
    const osImages = `<Images ${ns}><OSImage><Category>Public</Category><Label>CentOS</Label><Name>platform</Name><OS>Linux</OS></OSImage><OSImage><Category>User</Category><Label>mine</Label><MediaLink>https://st1.blob.core.windows.net/vhds/mine.vhd</MediaLink><Name>mine</Name><OS>Windows</OS></OSImage></Images>`;
    const parsedOs = valueOf(parse(osImages));
    expect(parsedOs.inventoryPart.vmImages).toMatchObject([
      {
        name: 'mine',
        category: 'User',
        os: 'Windows',
        mediaLinks: ['https://st1.blob.core.windows.net/vhds/mine.vhd'],
      },
    ]);
    expect(parsedOs.notes).toEqual([
      '1 platform image(s) without a media link were skipped (they live in no storage account).',
    ]);
    const vmImages = `<VMImages ${ns}><VMImage><Name>captured</Name><Category>User</Category><OSDiskConfiguration><HostCaching>ReadWrite</HostCaching><OSState>Specialized</OSState><OS>Linux</OS><MediaLink>https://st1.blob.core.windows.net/vhds/os.vhd</MediaLink></OSDiskConfiguration><DataDiskConfigurations><DataDiskConfiguration><Lun>0</Lun><MediaLink>https://st2.blob.core.windows.net/vhds/data.vhd</MediaLink></DataDiskConfiguration></DataDiskConfigurations></VMImage></VMImages>`;
    expect(valueOf(parse(vmImages)).inventoryPart.vmImages).toMatchObject([
      {
        name: 'captured',
        os: 'Linux',
        mediaLinks: [
          'https://st1.blob.core.windows.net/vhds/os.vhd',
          'https://st2.blob.core.windows.net/vhds/data.vhd',
        ],
      },
    ]);
  });
});
