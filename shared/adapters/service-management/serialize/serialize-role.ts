/**
 * The model's role → `Role` (in a Deployment's RoleList, `i:type="PersistentVMRole"`) or the Get Role
 * body `PersistentVMRole`, in Azure's element order, with kept unknown elements slotted back and
 * `MigrationState` written when given.
 *
 * Azure writes `RoleType` for VM roles only; for a PaaS role we write it too (`WebRole`/`WorkerRole`),
 * so our own exports keep the kind (SDK parsers read it as an optional string).
 */
import type {
  DataDisk,
  InputEndpoint,
  NetworkConfiguration,
  PersistentVmRole,
  ResourceExtensionReference,
  Role,
} from '../../../domain/classic/compute.schema';
import type { MigrationState } from '../../../domain/migration/migration-state';
import {
  configurationPublicIpOrder,
  configurationSetOrder,
  dataVirtualHardDiskOrder,
  debugSettingsOrder,
  endpointAclOrder,
  endpointAclRuleOrder,
  inputEndpointOrder,
  ipConfigurationOrder,
  loadBalancerProbeOrder,
  networkInterfaceOrder,
  osVirtualHardDiskOrder,
  resourceExtensionParameterValueOrder,
  resourceExtensionReferenceOrder,
  roleOrder,
} from '../xml/element-order';
import { networkConfigurationSetSegment, UnknownBag } from '../xml/unknown-elements';
import { type ElementNode, leaf, orderedElement } from '../xml/xml-writer';
import { booleanText, enabledText, listNode } from './list-node';
import { renderBody } from './response-body';

/** Get Role: `<PersistentVMRole xmlns=… xmlns:i=…>`. */
export function serializeRole(role: Role, options: { migrationState?: MigrationState } = {}): string {
  return renderBody(
    roleNode(role, { elementName: 'PersistentVMRole', migrationState: options.migrationState }),
  );
}

export function roleNode(
  role: Role,
  options: { elementName: 'Role' | 'PersistentVMRole'; migrationState?: MigrationState },
): ElementNode {
  const bag = new UnknownBag(role.unknownElements);
  // Inside a RoleList, a VM role says which Role subtype it is.
  const attributes =
    options.elementName === 'Role' && role.roleType === 'PersistentVMRole'
      ? { 'i:type': 'PersistentVMRole' }
      : {};
  const migrationState = leaf('MigrationState', options.migrationState);
  if (role.roleType !== 'PersistentVMRole') {
    const children = [
      leaf('RoleName', role.name),
      leaf('RoleType', role.roleType),
      leaf('RoleSize', role.roleSize),
    ];
    return orderedElement(options.elementName, roleOrder, [...children, migrationState], bag, attributes);
  }
  return orderedElement(
    options.elementName,
    roleOrder,
    [...vmRoleChildren(role, bag), migrationState],
    bag,
    attributes,
  );
}

function vmRoleChildren(role: PersistentVmRole, bag: UnknownBag) {
  const setsBag = bag.child('ConfigurationSets');
  const networkSet = networkConfigurationSetNode(role.network, setsBag.child(networkConfigurationSetSegment));
  return [
    leaf('RoleName', role.name),
    leaf('RoleType', role.roleType),
    orderedElement(
      'ConfigurationSets',
      ['ConfigurationSet'],
      [networkSet],
      setsBag,
      {},
      new Set(['ConfigurationSet']),
    ),
    listNode(
      'Role',
      'ResourceExtensionReferences',
      'ResourceExtensionReference',
      role.extensions,
      bag,
      extensionNode,
    ),
    leaf('AvailabilitySetName', role.availabilitySetName),
    listNode('Role', 'DataVirtualHardDisks', 'DataVirtualHardDisk', role.dataDisks, bag, dataDiskNode),
    orderedElement(
      'OSVirtualHardDisk',
      osVirtualHardDiskOrder,
      [
        leaf('HostCaching', role.osDisk.hostCaching),
        leaf('DiskName', role.osDisk.diskName),
        leaf('MediaLink', role.osDisk.mediaLink),
        leaf('SourceImageName', role.osDisk.sourceImageName),
        leaf('OS', role.osDisk.os),
        leaf('IOType', role.osDisk.ioType),
      ],
      bag.child('OSVirtualHardDisk'),
    ),
    leaf('RoleSize', role.roleSize),
    leaf('ProvisionGuestAgent', booleanText(role.provisionGuestAgent)),
    role.debugSettings &&
      orderedElement(
        'DebugSettings',
        debugSettingsOrder,
        [
          leaf('BootDiagnosticsEnabled', booleanText(role.debugSettings.bootDiagnosticsEnabled)),
          leaf('ConsoleScreenshotBlobUri', role.debugSettings.consoleScreenshotBlobUri),
          leaf('SerialOutputBlobUri', role.debugSettings.serialOutputBlobUri),
        ],
        bag.child('DebugSettings'),
      ),
    leaf('LicenseType', role.licenseType),
  ];
}

function networkConfigurationSetNode(network: NetworkConfiguration, bag: UnknownBag): ElementNode {
  return orderedElement(
    'ConfigurationSet',
    configurationSetOrder,
    [
      leaf('ConfigurationSetType', 'NetworkConfiguration'),
      listNode(
        'ConfigurationSet',
        'InputEndpoints',
        'InputEndpoint',
        network.inputEndpoints,
        bag,
        inputEndpointNode,
      ),
      listNode('ConfigurationSet', 'SubnetNames', 'SubnetName', network.subnetNames, bag, (name) =>
        leaf('SubnetName', name),
      ),
      leaf('StaticVirtualNetworkIPAddress', network.staticVirtualNetworkIPAddress),
      listNode('ConfigurationSet', 'PublicIPs', 'PublicIP', network.publicIps, bag, (ip, ipBag) =>
        orderedElement(
          'PublicIP',
          configurationPublicIpOrder,
          [
            leaf('Name', ip.name),
            leaf('IdleTimeoutInMinutes', ip.idleTimeoutInMinutes),
            leaf('DomainNameLabel', ip.domainNameLabel),
          ],
          ipBag,
        ),
      ),
      listNode(
        'ConfigurationSet',
        'NetworkInterfaces',
        'NetworkInterface',
        network.networkInterfaces,
        bag,
        (nic, nicBag) =>
          orderedElement(
            'NetworkInterface',
            networkInterfaceOrder,
            [
              leaf('Name', nic.name),
              listNode(
                'NetworkInterface',
                'IPConfigurations',
                'IPConfiguration',
                nic.ipConfigurations,
                nicBag,
                (ip, ipBag) =>
                  orderedElement(
                    'IPConfiguration',
                    ipConfigurationOrder,
                    [
                      leaf('SubnetName', ip.subnetName),
                      leaf('StaticVirtualNetworkIPAddress', ip.staticVirtualNetworkIPAddress),
                    ],
                    ipBag,
                  ),
              ),
              leaf('NetworkSecurityGroup', nic.networkSecurityGroup),
              leaf('IPForwarding', enabledText(nic.ipForwarding)),
            ],
            nicBag,
          ),
      ),
      leaf('NetworkSecurityGroup', network.networkSecurityGroup),
      // Only an enabled role-level IP forwarding is written (a kept explicit Disabled comes back as read).
      leaf('IPForwarding', network.ipForwarding ? 'Enabled' : undefined),
    ],
    bag,
    { 'i:type': 'NetworkConfigurationSet' },
  );
}

function inputEndpointNode(endpoint: InputEndpoint, bag: UnknownBag): ElementNode {
  const probe = endpoint.probe;
  return orderedElement(
    'InputEndpoint',
    inputEndpointOrder,
    [
      leaf('LoadBalancedEndpointSetName', endpoint.loadBalancedEndpointSetName),
      leaf('LocalPort', endpoint.localPort),
      leaf('Name', endpoint.name),
      leaf('Port', endpoint.port),
      probe &&
        orderedElement(
          'LoadBalancerProbe',
          loadBalancerProbeOrder,
          [
            leaf('Path', probe.path),
            leaf('Port', probe.port),
            leaf('Protocol', probe.protocol),
            leaf('IntervalInSeconds', probe.intervalInSeconds),
            leaf('TimeoutInSeconds', probe.timeoutInSeconds),
          ],
          bag.child('LoadBalancerProbe'),
        ),
      leaf('Protocol', endpoint.protocol),
      leaf('Vip', endpoint.vip),
      leaf('EnableDirectServerReturn', booleanText(endpoint.enableDirectServerReturn)),
      leaf('LoadBalancerName', endpoint.loadBalancerName),
      endpoint.acl.length > 0
        ? orderedElement(
            'EndpointAcl',
            endpointAclOrder,
            [
              listNode(
                'EndpointAcl',
                'Rules',
                'Rule',
                endpoint.acl,
                bag.child('EndpointAcl'),
                (rule, ruleBag) =>
                  orderedElement(
                    'Rule',
                    endpointAclRuleOrder,
                    [
                      leaf('Order', rule.order),
                      leaf('Action', rule.action),
                      leaf('RemoteSubnet', rule.remoteSubnet),
                      leaf('Description', rule.description),
                    ],
                    ruleBag,
                  ),
              ),
            ],
            bag.child('EndpointAcl'),
          )
        : undefined,
      leaf('IdleTimeoutInMinutes', endpoint.idleTimeoutInMinutes),
      leaf('LoadBalancerDistribution', endpoint.loadBalancerDistribution),
    ],
    bag,
  );
}

function extensionNode(extension: ResourceExtensionReference, bag: UnknownBag): ElementNode {
  return orderedElement(
    'ResourceExtensionReference',
    resourceExtensionReferenceOrder,
    [
      leaf('ReferenceName', extension.referenceName),
      leaf('Publisher', extension.publisher),
      leaf('Name', extension.name),
      leaf('Version', extension.version),
      listNode(
        'ResourceExtensionReference',
        'ResourceExtensionParameterValues',
        'ResourceExtensionParameterValue',
        extension.parameters,
        bag,
        (parameter, parameterBag) =>
          orderedElement(
            'ResourceExtensionParameterValue',
            resourceExtensionParameterValueOrder,
            [leaf('Key', parameter.key), leaf('Value', parameter.value), leaf('Type', parameter.type)],
            parameterBag,
          ),
      ),
      leaf('State', extension.state),
    ],
    bag,
  );
}

function dataDiskNode(disk: DataDisk, bag: UnknownBag): ElementNode {
  return orderedElement(
    'DataVirtualHardDisk',
    dataVirtualHardDiskOrder,
    [
      leaf('HostCaching', disk.hostCaching),
      leaf('DiskName', disk.diskName),
      leaf('Lun', disk.lun),
      leaf('LogicalDiskSizeInGB', disk.logicalDiskSizeInGB),
      leaf('MediaLink', disk.mediaLink),
      leaf('IOType', disk.ioType),
    ],
    bag,
  );
}
