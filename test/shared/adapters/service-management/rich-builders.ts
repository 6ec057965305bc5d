/**
 * Builder-made Classic objects that use every field the Service Management XML carries, for round
 * trips. Built on test/fixtures/classic-builders.ts; fields Service Management never returns keep their
 * defaults (they are not in the XML).
 */
import {
  type CloudService,
  networkConfigurationSchema,
  type PersistentVmRole,
} from '../../../../shared/domain/classic/compute.schema';
import {
  type DnsServer,
  type LocalNetworkSite,
  localNetworkSiteSchema,
  type VirtualNetworkSite,
} from '../../../../shared/domain/classic/network.schema';
import {
  aCloudService,
  aDataDisk,
  aDeployment,
  anInputEndpoint,
  aRoleInstance,
  aVirtualNetwork,
  aVmRole,
} from '../../../fixtures/classic-builders';

export function aRichVmRole(name = 'web1'): PersistentVmRole {
  return aVmRole({
    name,
    roleSize: 'Standard_D2',
    availabilitySetName: 'web-as',
    provisionGuestAgent: false,
    network: networkConfigurationSchema.parse({
      inputEndpoints: [
        anInputEndpoint({
          name: 'http & <more>',
          port: 80,
          localPort: 8080,
          vip: '40.1.2.3',
          loadBalancedEndpointSetName: 'web',
          probe: {
            protocol: 'http',
            port: 8080,
            path: '/health?x=1&y=2',
            intervalInSeconds: 15,
            timeoutInSeconds: 31,
          },
          acl: [
            { order: 100, action: 'permit', remoteSubnet: '10.0.0.0/8', description: 'corp' },
            { order: 200, action: 'deny', remoteSubnet: '0.0.0.0/0' },
          ],
          idleTimeoutInMinutes: 10,
          loadBalancerDistribution: 'sourceIP',
        }),
        anInputEndpoint({
          name: 'dns',
          protocol: 'udp',
          port: 53,
          localPort: 53,
          enableDirectServerReturn: true,
        }),
        anInputEndpoint({ name: 'ilb', port: 1433, localPort: 1433, loadBalancerName: 'sql-ilb' }),
      ],
      subnetNames: ['Subnet-1'],
      staticVirtualNetworkIPAddress: '10.0.0.10',
      publicIps: [{ name: 'pip1', idleTimeoutInMinutes: 4, domainNameLabel: 'web1pip' }],
      networkInterfaces: [
        {
          name: 'nic2',
          ipConfigurations: [{ subnetName: 'Subnet-2', staticVirtualNetworkIPAddress: '10.0.1.10' }],
          ipForwarding: true,
          networkSecurityGroup: 'nsg-nic',
        },
      ],
      ipForwarding: true,
      networkSecurityGroup: 'nsg-vm',
    }),
    osDisk: {
      diskName: `${name}-os`,
      mediaLink: `https://teststorage.blob.core.windows.net/vhds/${name}-os.vhd`,
      os: 'Linux',
      hostCaching: 'ReadOnly',
      sourceImageName: 'b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-14_04',
      ioType: 'Provisioned',
    },
    dataDisks: [
      aDataDisk(),
      aDataDisk({ lun: 1, diskName: 'data-1', hostCaching: 'ReadWrite', ioType: 'Standard' }),
    ],
    extensions: [
      {
        referenceName: 'CustomScript',
        publisher: 'Microsoft.Azure.Extensions',
        name: 'CustomScript',
        version: '2.*',
        state: 'Disable',
        parameters: [
          { key: 'public', value: 'eyJhIjoxfQ==', type: 'Public' },
          { key: 'private', value: 'eyJiIjoyfQ==', type: 'Private' },
        ],
      },
    ],
    debugSettings: {
      bootDiagnosticsEnabled: true,
      consoleScreenshotBlobUri: 'https://teststorage.blob.core.windows.net/diag/web1.bmp',
      serialOutputBlobUri: 'https://teststorage.blob.core.windows.net/diag/web1.txt',
    },
  });
}

export function aRichCloudService(): CloudService {
  const roles = [aRichVmRole('web1'), aVmRole({ name: 'web2' })];
  return aCloudService({
    name: 'svc1',
    affinityGroup: 'ag-west',
    location: undefined,
    label: 'Étiquette <svc1> & co',
    description: 'A "rich" service',
    status: 'Created',
    dateCreated: '2016-01-01T00:00:00Z',
    dateLastModified: '2016-02-01T00:00:00Z',
    deployments: [
      aDeployment({
        name: 'svc1-prod',
        slot: 'Staging',
        status: 'Suspended',
        privateId: 'c9320ffe0aab416caa1c05ff0335d99e',
        label: 'svc1-prod',
        url: 'http://svc1.cloudapp.net/',
        virtualNetworkName: 'Group rg1 vnet1',
        dnsServers: [{ name: 'dns1', address: '10.0.0.4' }],
        virtualIps: [
          {
            name: 'rip1',
            address: '40.1.2.3',
            isDnsProgrammed: true,
            isReserved: true,
            reservedIpName: 'rip1',
          },
          { name: 'second', address: '40.1.2.4', isDnsProgrammed: false, isReserved: false },
        ],
        reservedIpName: 'rip1',
        internalDnsSuffix: 'svc1.d1.internal.cloudapp.net',
        internalLoadBalancers: [
          { name: 'sql-ilb', subnetName: 'Subnet-1', staticVirtualNetworkIPAddress: '10.0.0.200' },
        ],
        createdTime: '2016-01-01T00:00:00Z',
        lastModifiedTime: '2016-02-01T00:00:00Z',
        roles,
        roleInstances: [
          aRoleInstance({
            roleName: 'web1',
            instanceSize: 'Standard_D2',
            hostName: 'web1',
            extensionStatuses: [
              { handlerName: 'Microsoft.Azure.Extensions.CustomScript', version: '2.0.3', status: 'Ready' },
            ],
            publicIpAddresses: [{ name: 'pip1', address: '40.2.2.2' }],
            networkInterfaceAddresses: [{ name: 'nic2', addresses: ['10.0.1.10'] }],
          }),
          aRoleInstance({
            roleName: 'web2',
            instanceStatus: 'StoppedDeallocated',
            guestAgentStatus: 'NotReady',
          }),
        ],
      }),
    ],
  });
}

export function aRichVirtualNetwork(): {
  virtualNetwork: VirtualNetworkSite;
  localNetworkSites: LocalNetworkSite[];
  dnsServers: DnsServer[];
} {
  return {
    virtualNetwork: aVirtualNetwork({
      name: 'Group rg1 "quoted" & <odd> vnet',
      location: 'West Europe',
      addressSpace: ['10.0.0.0/16', '172.16.0.0/12'],
      subnets: [
        { name: 'Subnet-1', addressPrefix: '10.0.0.0/24', networkSecurityGroup: 'nsg1', routeTable: 'rt1' },
        { name: 'GatewaySubnet', addressPrefix: '10.0.255.0/29' },
      ],
      dnsServerRefs: ['dns1'],
      gateway: {
        vpnClientAddressPool: ['192.168.0.0/24'],
        connections: [
          { localNetworkSiteName: 'onprem', connectionType: 'IPsec' },
          { localNetworkSiteName: 'circuit', connectionType: 'Dedicated' },
        ],
      },
    }),
    localNetworkSites: [
      localNetworkSiteSchema.parse({
        name: 'onprem',
        addressSpace: ['192.168.10.0/24'],
        vpnGatewayAddress: '1.2.3.4',
      }),
      localNetworkSiteSchema.parse({ name: 'circuit', addressSpace: ['192.168.20.0/24'] }),
    ],
    dnsServers: [{ name: 'dns1', address: '10.0.0.4' }],
  };
}
