/**
 * The Classic (Service Management) compute model: cloud services, deployments, roles, role instances.
 *
 * Shapes follow the Service Management XML (Get Hosted Service Properties with embed-detail, Get
 * Deployment), normalised: booleans are booleans, numbers are numbers, lists are always present. Facts
 * that Service Management never returned but the migration rules need (blob sizes of data disks, whether a
 * VHD is reachable, alerts, autoscale, regional scope) are optional fields the inventory may carry.
 * Pure: zod only.
 */
import { z } from 'zod';

/** An XML element the importer did not model, kept verbatim so an export can write it back. */
export const unknownElementSchema = z.object({ name: z.string(), xml: z.string() });
export type UnknownElement = z.infer<typeof unknownElementSchema>;
const unknownElements = z.array(unknownElementSchema).default([]);

export const endpointAclRuleSchema = z.object({
  order: z.number().int(),
  action: z.enum(['permit', 'deny']),
  remoteSubnet: z.string(),
  description: z.string().optional(),
});

export const loadBalancerProbeSchema = z.object({
  protocol: z.enum(['tcp', 'http']),
  port: z.number().int(),
  path: z.string().optional(),
  intervalInSeconds: z.number().int().optional(),
  timeoutInSeconds: z.number().int().optional(),
});
export type LoadBalancerProbe = z.infer<typeof loadBalancerProbeSchema>;

export const inputEndpointSchema = z.object({
  name: z.string(),
  protocol: z.enum(['tcp', 'udp']),
  /** The public (VIP) port. */
  port: z.number().int(),
  localPort: z.number().int(),
  vip: z.string().optional(),
  loadBalancedEndpointSetName: z.string().optional(),
  /** Set when the endpoint is on an internal load balancer of the deployment. */
  loadBalancerName: z.string().optional(),
  probe: loadBalancerProbeSchema.optional(),
  enableDirectServerReturn: z.boolean().default(false),
  idleTimeoutInMinutes: z.number().int().optional(),
  loadBalancerDistribution: z.enum(['sourceIP', 'sourceIPProtocol', 'none']).optional(),
  acl: z.array(endpointAclRuleSchema).default([]),
});
export type InputEndpoint = z.infer<typeof inputEndpointSchema>;

export const ipConfigurationSchema = z.object({
  subnetName: z.string().optional(),
  staticVirtualNetworkIPAddress: z.string().optional(),
});

/** A secondary NIC (`NetworkConfigurationSet/NetworkInterfaces/NetworkInterface`). */
export const secondaryNetworkInterfaceSchema = z.object({
  name: z.string(),
  ipConfigurations: z.array(ipConfigurationSchema).default([]),
  ipForwarding: z.boolean().default(false),
  networkSecurityGroup: z.string().optional(),
});
export type SecondaryNetworkInterface = z.infer<typeof secondaryNetworkInterfaceSchema>;

/** Instance-level public IP (`PublicIPs/PublicIP`). */
export const instancePublicIpSchema = z.object({
  name: z.string(),
  idleTimeoutInMinutes: z.number().int().optional(),
  domainNameLabel: z.string().optional(),
});

export const networkConfigurationSchema = z.object({
  inputEndpoints: z.array(inputEndpointSchema).default([]),
  subnetNames: z.array(z.string()).default([]),
  staticVirtualNetworkIPAddress: z.string().optional(),
  publicIps: z.array(instancePublicIpSchema).default([]),
  networkInterfaces: z.array(secondaryNetworkInterfaceSchema).default([]),
  ipForwarding: z.boolean().default(false),
  /** A classic NSG associated with the VM (primary NIC). */
  networkSecurityGroup: z.string().optional(),
});
export type NetworkConfiguration = z.infer<typeof networkConfigurationSchema>;

export const hostCachingSchema = z.enum(['None', 'ReadOnly', 'ReadWrite']);

export const osDiskSchema = z.object({
  diskName: z.string(),
  mediaLink: z.string(),
  os: z.enum(['Windows', 'Linux']),
  hostCaching: hostCachingSchema.default('ReadWrite'),
  sourceImageName: z.string().optional(),
  ioType: z.enum(['Standard', 'Provisioned']).optional(),
  logicalDiskSizeInGB: z.number().int().optional(),
});
export type OsDisk = z.infer<typeof osDiskSchema>;

export const dataDiskSchema = z.object({
  diskName: z.string(),
  mediaLink: z.string(),
  lun: z.number().int().default(0),
  logicalDiskSizeInGB: z.number().int(),
  hostCaching: hostCachingSchema.default('None'),
  ioType: z.enum(['Standard', 'Provisioned']).optional(),
  /** Size of the page blob behind the disk, in bytes, when known (rule: size mismatch → size omitted). */
  blobSizeBytes: z.number().int().optional(),
  /** False when the VHD blob could not be read (rule: storage exception while validating the disk). */
  mediaLinkAccessible: z.boolean().default(true),
});
export type DataDisk = z.infer<typeof dataDiskSchema>;

export const extensionParameterSchema = z.object({
  key: z.string(),
  /** Base64 as Service Management carries it. */
  value: z.string(),
  type: z.enum(['Public', 'Private']),
});

export const resourceExtensionReferenceSchema = z.object({
  referenceName: z.string(),
  publisher: z.string(),
  name: z.string(),
  version: z.string(),
  state: z.enum(['Enable', 'Disable', 'Uninstall']).default('Enable'),
  parameters: z.array(extensionParameterSchema).default([]),
});
export type ResourceExtensionReference = z.infer<typeof resourceExtensionReferenceSchema>;

export const debugSettingsSchema = z.object({
  bootDiagnosticsEnabled: z.boolean().default(false),
  consoleScreenshotBlobUri: z.string().optional(),
  serialOutputBlobUri: z.string().optional(),
});

export const winRmListenerSchema = z.object({
  protocol: z.enum(['Http', 'Https']),
  certificateThumbprint: z.string().optional(),
});

export const alertRuleSchema = z.object({ name: z.string(), metric: z.string().optional() });

/** The Hybrid Use Benefit licence types Classic and ARM share. */
export const licenseTypes = ['Windows_Server', 'Windows_Client'] as const;
export const licenseTypeSchema = z.enum(licenseTypes);
export type LicenseType = z.infer<typeof licenseTypeSchema>;

const roleBase = {
  name: z.string(),
  unknownElements,
};

export const persistentVmRoleSchema = z.object({
  ...roleBase,
  roleType: z.literal('PersistentVMRole'),
  roleSize: z.string(),
  availabilitySetName: z.string().optional(),
  network: networkConfigurationSchema.default(networkConfigurationSchema.parse({})),
  osDisk: osDiskSchema,
  dataDisks: z.array(dataDiskSchema).default([]),
  extensions: z.array(resourceExtensionReferenceSchema).default([]),
  debugSettings: debugSettingsSchema.optional(),
  provisionGuestAgent: z.boolean().default(true),
  /**
   * `LicenseType`: the VM runs Windows under a licence brought from on-premises (Hybrid Use Benefit);
   * absent for pay-as-you-go. ARM keeps the same values in the VM's `properties.licenseType`
   * (https://learn.microsoft.com/azure/virtual-machines/windows/hybrid-use-benefit-licensing).
   */
  licenseType: licenseTypeSchema.optional(),
  /** WinRM listeners of the Windows provisioning configuration, when known. */
  winRmListeners: z.array(winRmListenerSchema).default([]),
  alertRules: z.array(alertRuleSchema).default([]),
  /** Certificates the VM uses (thumbprints of service certificates of its cloud service). */
  certificateThumbprints: z.array(z.string()).default([]),
});
export type PersistentVmRole = z.infer<typeof persistentVmRoleSchema>;

export const paasRoleSchema = z.object({
  ...roleBase,
  roleType: z.enum(['WebRole', 'WorkerRole']),
  roleSize: z.string().optional(),
});
export type PaasRole = z.infer<typeof paasRoleSchema>;

export const roleSchema = z.discriminatedUnion('roleType', [persistentVmRoleSchema, paasRoleSchema]);
export type Role = z.infer<typeof roleSchema>;

/** `RoleInstance/InstanceStatus` values seen from Service Management. */
export const instanceStatusSchema = z.string();
export const runnableInstanceStatuses = ['ReadyRole', 'StoppedVM', 'StoppedDeallocated'] as const;

export const extensionStatusSchema = z.object({
  handlerName: z.string(),
  version: z.string().optional(),
  /** Handler status: Installing, Ready, NotReady, Unresponsive, Unknown … */
  status: z.string(),
});
export type ExtensionStatus = z.infer<typeof extensionStatusSchema>;

export const roleInstanceSchema = z.object({
  roleName: z.string(),
  instanceName: z.string(),
  instanceStatus: instanceStatusSchema,
  powerState: z.string().optional(),
  instanceSize: z.string().optional(),
  ipAddress: z.string().optional(),
  hostName: z.string().optional(),
  guestAgentStatus: z.enum(['Ready', 'NotReady']).optional(),
  extensionStatuses: z.array(extensionStatusSchema).default([]),
  /** Addresses of secondary NICs, by NIC name. */
  networkInterfaceAddresses: z
    .array(z.object({ name: z.string(), addresses: z.array(z.string()).default([]) }))
    .default([]),
  publicIpAddresses: z.array(z.object({ name: z.string(), address: z.string().optional() })).default([]),
  unknownElements,
});
export type RoleInstance = z.infer<typeof roleInstanceSchema>;

export const virtualIpSchema = z.object({
  name: z.string().optional(),
  address: z.string().optional(),
  isDnsProgrammed: z.boolean().optional(),
  isReserved: z.boolean().default(false),
  reservedIpName: z.string().optional(),
});
export type VirtualIp = z.infer<typeof virtualIpSchema>;

export const internalLoadBalancerSchema = z.object({
  name: z.string(),
  subnetName: z.string().optional(),
  staticVirtualNetworkIPAddress: z.string().optional(),
});
export type InternalLoadBalancer = z.infer<typeof internalLoadBalancerSchema>;

export const autoscaleSettingSchema = z.object({
  name: z.string(),
  /** The availability set (or role) the profile scales. */
  target: z.string().optional(),
});

export const deploymentSchema = z.object({
  name: z.string(),
  slot: z.enum(['Production', 'Staging']).default('Production'),
  status: z.string().default('Running'),
  privateId: z.string().optional(),
  label: z.string().optional(),
  url: z.string().optional(),
  virtualNetworkName: z.string().optional(),
  dnsServers: z.array(z.object({ name: z.string(), address: z.string() })).default([]),
  virtualIps: z.array(virtualIpSchema).default([]),
  reservedIpName: z.string().optional(),
  internalDnsSuffix: z.string().optional(),
  internalLoadBalancers: z.array(internalLoadBalancerSchema).default([]),
  roles: z.array(roleSchema).default([]),
  roleInstances: z.array(roleInstanceSchema).default([]),
  /** False for a deployment still in an affinity group ("not in the regional scope"). */
  regionalScope: z.boolean().default(true),
  autoscaleSettings: z.array(autoscaleSettingSchema).default([]),
  createdTime: z.string().optional(),
  lastModifiedTime: z.string().optional(),
  unknownElements,
});
export type Deployment = z.infer<typeof deploymentSchema>;

export const serviceCertificateSchema = z.object({
  thumbprint: z.string(),
  thumbprintAlgorithm: z.string().default('sha1'),
  /** Public part, base64, when known. */
  data: z.string().optional(),
});
export type ServiceCertificate = z.infer<typeof serviceCertificateSchema>;

export const cloudServiceSchema = z.object({
  name: z.string(),
  location: z.string().optional(),
  affinityGroup: z.string().optional(),
  label: z.string().optional(),
  description: z.string().optional(),
  status: z.string().optional(),
  dateCreated: z.string().optional(),
  dateLastModified: z.string().optional(),
  /** The resource group the Classic resource shows in through ARM (for RBAC re-mapping). */
  resourceGroup: z.string().optional(),
  certificates: z.array(serviceCertificateSchema).default([]),
  deployments: z.array(deploymentSchema).default([]),
  unknownElements,
});
export type CloudService = z.infer<typeof cloudServiceSchema>;
