/**
 * Azure's child element order, per element, for every document this adapter writes; also the order in
 * which kept unknown elements are slotted back.
 *
 * Sources, in order of authority:
 * - the six recorded Azure responses in test/fixtures/classic/ (HostedService, Deployment, netcfg);
 * - other recorded responses: azure-xplat-cli nock recordings (List Virtual Network Sites, List Hosted
 *   Services, 2014), jclouds-labs azurecompute test resources (Get Role, NSG with detaillevel=Full,
 *   storage services, reserved IPs);
 * - the generated ASM parsers of the Node SDK (npm azure-asm-compute 0.18.0, azure-asm-network 0.13.1,
 *   azure-asm-storage 0.12.1 = source C4), which read elements in document order for most types.
 * Where a recording and the SDK disagree, the recording wins: the SDK reads Deployment's RoleInstance
 * children GuestAgentStatus before PowerState, and HostedService's Deployments before Url, which Azure
 * never wrote; elements only the SDK knows are slotted where the SDK reads them.
 */

export const deploymentOrder = [
  'Name',
  'DeploymentSlot',
  'PrivateID',
  'Status',
  'Label',
  'Url',
  'Configuration',
  'RoleInstanceList',
  'UpgradeStatus',
  'UpgradeDomainCount',
  'RoleList',
  'SdkVersion',
  'Locked',
  'RollbackAllowed',
  'VirtualNetworkName',
  'CreatedTime',
  'LastModifiedTime',
  'ExtendedProperties',
  'Dns',
  'PersistentVMDowntime',
  'VirtualIPs',
  'ExtensionConfiguration',
  'ReservedIPName',
  'InternalDnsSuffix',
  'LoadBalancers',
  'VirtualNetworkId',
] as const;

export const roleInstanceOrder = [
  'RoleName',
  'InstanceName',
  'InstanceStatus',
  'InstanceUpgradeDomain',
  'InstanceFaultDomain',
  'InstanceSize',
  'InstanceStateDetails',
  'InstanceErrorCode',
  'IpAddress',
  'InstanceEndpoints',
  'PowerState',
  'HostName',
  'RemoteAccessCertificateThumbprint',
  'GuestAgentStatus',
  'ResourceExtensionStatusList',
  'PublicIPs',
  'NetworkInterfaces',
  'MaintenanceStatus',
] as const;

export const guestAgentStatusOrder = [
  'ProtocolVersion',
  'Timestamp',
  'GuestAgentVersion',
  'Status',
  'Code',
  'Message',
  'FormattedMessage',
] as const;

export const resourceExtensionStatusOrder = [
  'HandlerName',
  'Version',
  'Status',
  'Code',
  'Message',
  'FormattedMessage',
  'ExtensionSettingStatus',
] as const;

export const instancePublicIpOrder = [
  'Name',
  'Address',
  'IdleTimeoutInMinutes',
  'DomainNameLabel',
  'Fqdns',
] as const;
// IPForwarding: recorded in deployment-vnet-multinic-ipforwarding.xml, unknown to the SDK parser.
export const instanceNetworkInterfaceOrder = [
  'Name',
  'MacAddress',
  'IPConfigurations',
  'IPForwarding',
] as const;
export const instanceIpConfigurationOrder = ['SubnetName', 'Address'] as const;

export const roleOrder = [
  'RoleName',
  'OsVersion',
  'RoleType',
  'ConfigurationSets',
  'ResourceExtensionReferences',
  'VMImageName',
  'MediaLocation',
  'AvailabilitySetName',
  'DataVirtualHardDisks',
  'Label',
  'OSVirtualHardDisk',
  'RoleSize',
  'DefaultWinRmCertificateThumbprint',
  'ProvisionGuestAgent',
  'VMImageInput',
  'DebugSettings',
  'LicenseType',
  'MigrationState',
] as const;

export const configurationSetOrder = [
  'ConfigurationSetType',
  'InputEndpoints',
  'SubnetNames',
  'StaticVirtualNetworkIPAddress',
  'PublicIPs',
  'NetworkInterfaces',
  'NetworkSecurityGroup',
  'IPForwarding',
  'ComputerName',
  'AdminPassword',
  'ResetPasswordOnFirstLogon',
  'EnableAutomaticUpdates',
  'TimeZone',
  'DomainJoin',
  'StoredCertificateSettings',
  'WinRM',
  'AdminUsername',
  'AdditionalUnattendContent',
  'HostName',
  'UserName',
  'UserPassword',
  'DisableSshPasswordAuthentication',
  'SSH',
  'CustomData',
] as const;

export const inputEndpointOrder = [
  'LoadBalancedEndpointSetName',
  'LocalPort',
  'Name',
  'Port',
  'LoadBalancerProbe',
  'Protocol',
  'Vip',
  'EnableDirectServerReturn',
  'LoadBalancerName',
  'EndpointAcl',
  'IdleTimeoutInMinutes',
  'LoadBalancerDistribution',
  'VirtualIPName',
] as const;

export const loadBalancerProbeOrder = [
  'Path',
  'Port',
  'Protocol',
  'IntervalInSeconds',
  'TimeoutInSeconds',
] as const;
export const endpointAclOrder = ['Rules'] as const;
export const endpointAclRuleOrder = ['Order', 'Action', 'RemoteSubnet', 'Description'] as const;
export const configurationPublicIpOrder = ['Name', 'IdleTimeoutInMinutes', 'DomainNameLabel'] as const;
export const networkInterfaceOrder = [
  'Name',
  'IPConfigurations',
  'NetworkSecurityGroup',
  'IPForwarding',
] as const;
export const ipConfigurationOrder = ['SubnetName', 'StaticVirtualNetworkIPAddress'] as const;

export const resourceExtensionReferenceOrder = [
  'ReferenceName',
  'Publisher',
  'Name',
  'Version',
  'ResourceExtensionParameterValues',
  'State',
  'ForceUpdate',
] as const;
export const resourceExtensionParameterValueOrder = ['Key', 'Value', 'Type'] as const;

export const dataVirtualHardDiskOrder = [
  'HostCaching',
  'DiskLabel',
  'DiskName',
  'Lun',
  'LogicalDiskSizeInGB',
  'MediaLink',
  'SourceMediaLink',
  'IOType',
] as const;

export const osVirtualHardDiskOrder = [
  'HostCaching',
  'DiskLabel',
  'DiskName',
  'MediaLink',
  'SourceImageName',
  'OS',
  'RemoteSourceImageLink',
  'IOType',
  'ResizedSizeInGB',
] as const;

export const debugSettingsOrder = [
  'BootDiagnosticsEnabled',
  'ConsoleScreenshotBlobUri',
  'SerialOutputBlobUri',
] as const;
export const virtualIpOrder = ['Address', 'IsDnsProgrammed', 'Name', 'IsReserved', 'ReservedIPName'] as const;
export const loadBalancerOrder = ['Name', 'FrontendIpConfiguration'] as const;
export const frontendIpConfigurationOrder = ['Type', 'SubnetName', 'StaticVirtualNetworkIPAddress'] as const;
export const dnsOrder = ['DnsServers'] as const;
export const dnsServerOrder = ['Name', 'Address'] as const;

export const hostedServiceOrder = [
  'Url',
  'ServiceName',
  'HostedServiceProperties',
  'Deployments',
  'ComputeCapabilities',
] as const;

export const hostedServicePropertiesOrder = [
  'Description',
  'AffinityGroup',
  'Location',
  'Label',
  'Status',
  'DateCreated',
  'DateLastModified',
  'ExtendedProperties',
  'ReverseDnsFqdn',
] as const;

export const storageServiceOrder = [
  'Url',
  'ServiceName',
  'StorageServiceProperties',
  'ExtendedProperties',
  'Capabilities',
  'MigrationState',
] as const;

export const storageServicePropertiesOrder = [
  'Description',
  'AffinityGroup',
  'Location',
  'Label',
  'Status',
  'Endpoints',
  'GeoPrimaryRegion',
  'StatusOfPrimary',
  'LastGeoFailoverTime',
  'GeoSecondaryRegion',
  'StatusOfSecondary',
  'CreationTime',
  'CustomDomains',
  'SecondaryReadEnabled',
  'SecondaryEndpoints',
  'AccountType',
] as const;

export const reservedIpOrder = [
  'Name',
  'Address',
  'Id',
  'Label',
  'State',
  'InUse',
  'ServiceName',
  'DeploymentName',
  'Location',
  'VirtualIPName',
  'IPTags',
] as const;

export const networkSecurityGroupOrder = ['Name', 'Label', 'Location', 'State', 'Rules'] as const;
export const networkSecurityRuleOrder = [
  'Name',
  'Type',
  'Priority',
  'Action',
  'SourceAddressPrefix',
  'SourcePortRange',
  'DestinationAddressPrefix',
  'DestinationPortRange',
  'Protocol',
  'State',
  'IsDefault',
] as const;

export const routeTableOrder = ['Name', 'Label', 'Location', 'RouteTableState', 'RouteList'] as const;
export const routeOrder = ['Name', 'AddressPrefix', 'NextHopType', 'Metric', 'RouteState'] as const;
export const nextHopTypeOrder = ['Type', 'IpAddress'] as const;

/** List Virtual Network Sites (`services/networking/virtualnetwork`, namespace windowsazure). */
export const virtualNetworkSiteOrder = [
  'Name',
  'Label',
  'Id',
  'AffinityGroup',
  'State',
  'InUse',
  'AddressSpace',
  'Subnets',
  'Dns',
  'Gateway',
  'Location',
  'MigrationState',
] as const;
export const siteAddressSpaceOrder = ['AddressPrefixes'] as const;
export const siteSubnetOrder = ['Name', 'AddressPrefix', 'NetworkSecurityGroup', 'RouteTable'] as const;
export const siteGatewayOrder = ['Profile', 'Sites', 'VPNClientAddressPool'] as const;
export const siteGatewayLocalSiteOrder = [
  'Name',
  'VPNGatewayAddress',
  'AddressSpace',
  'Connections',
] as const;
export const siteGatewayConnectionOrder = ['Type'] as const;

/** The netcfg document (`services/networking/media`, namespace …/2011/07/NetworkConfiguration). */
export const netcfgConfigurationOrder = ['Dns', 'LocalNetworkSites', 'VirtualNetworkSites'] as const;
export const netcfgLocalNetworkSiteOrder = ['AddressSpace', 'VPNGatewayAddress'] as const;
export const netcfgVirtualNetworkSiteOrder = ['AddressSpace', 'Subnets', 'DnsServersRef', 'Gateway'] as const;
export const netcfgSubnetOrder = ['AddressPrefix', 'NetworkSecurityGroup', 'RouteTable'] as const;
export const netcfgGatewayOrder = ['VPNClientAddressPool', 'ConnectionsToLocalNetwork'] as const;
export const netcfgLocalNetworkSiteRefOrder = ['Connection'] as const;

/**
 * List containers Azure writes even when empty (`<SubnetNames/>`, `<DataVirtualHardDisks/>`,
 * `<LoadBalancers/>` in every recorded Deployment), keyed `Parent/Container`. Other containers are left
 * out when empty; an empty one read from a document is kept verbatim and written back.
 */
export const containersWrittenWhenEmpty: ReadonlySet<string> = new Set([
  'Deployment/RoleInstanceList',
  'Deployment/RoleList',
  'Deployment/LoadBalancers',
  'Role/ConfigurationSets',
  'Role/DataVirtualHardDisks',
  'ConfigurationSet/SubnetNames',
  'NetworkInterface/IPConfigurations',
  'HostedService/Deployments',
  'NetworkSecurityGroup/Rules',
  'RouteTable/RouteList',
  'VirtualNetworkSite/AddressSpace',
  'VirtualNetworkSite/Subnets',
  'LocalNetworkSite/AddressSpace',
  'AddressSpace/AddressPrefixes',
  'Gateway/ConnectionsToLocalNetwork',
  'VirtualNetworkConfiguration/VirtualNetworkSites',
]);

export function isWrittenWhenEmpty(parent: string, container: string): boolean {
  return containersWrittenWhenEmpty.has(`${parent}/${container}`);
}
