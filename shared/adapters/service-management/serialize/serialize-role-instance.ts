/** The model's role instance → `RoleInstance`, in Azure's element order, kept elements slotted back. */
import type { RoleInstance } from '../../../domain/classic/compute.schema';
import {
  guestAgentStatusOrder,
  instanceIpConfigurationOrder,
  instanceNetworkInterfaceOrder,
  instancePublicIpOrder,
  resourceExtensionStatusOrder,
  roleInstanceOrder,
} from '../xml/element-order';
import { UnknownBag } from '../xml/unknown-elements';
import { type ElementNode, leaf, orderedElement } from '../xml/xml-writer';
import { listNode } from './list-node';

export function roleInstanceNode(instance: RoleInstance): ElementNode {
  const bag = new UnknownBag(instance.unknownElements);
  return orderedElement(
    'RoleInstance',
    roleInstanceOrder,
    [
      leaf('RoleName', instance.roleName),
      leaf('InstanceName', instance.instanceName),
      leaf('InstanceStatus', instance.instanceStatus),
      leaf('InstanceSize', instance.instanceSize),
      leaf('IpAddress', instance.ipAddress),
      leaf('PowerState', instance.powerState),
      leaf('HostName', instance.hostName),
      instance.guestAgentStatus &&
        orderedElement(
          'GuestAgentStatus',
          guestAgentStatusOrder,
          [leaf('Status', instance.guestAgentStatus)],
          bag.child('GuestAgentStatus'),
        ),
      listNode(
        'RoleInstance',
        'ResourceExtensionStatusList',
        'ResourceExtensionStatus',
        instance.extensionStatuses,
        bag,
        (status, statusBag) =>
          orderedElement(
            'ResourceExtensionStatus',
            resourceExtensionStatusOrder,
            [
              leaf('HandlerName', status.handlerName),
              leaf('Version', status.version),
              leaf('Status', status.status),
            ],
            statusBag,
          ),
      ),
      listNode('RoleInstance', 'PublicIPs', 'PublicIP', instance.publicIpAddresses, bag, (ip, ipBag) =>
        orderedElement(
          'PublicIP',
          instancePublicIpOrder,
          [leaf('Name', ip.name), leaf('Address', ip.address)],
          ipBag,
        ),
      ),
      listNode(
        'RoleInstance',
        'NetworkInterfaces',
        'NetworkInterface',
        instance.networkInterfaceAddresses,
        bag,
        (nic, nicBag) =>
          orderedElement(
            'NetworkInterface',
            instanceNetworkInterfaceOrder,
            [
              leaf('Name', nic.name),
              listNode(
                'NetworkInterface',
                'IPConfigurations',
                'IPConfiguration',
                nic.addresses,
                nicBag,
                (address, ipBag) =>
                  orderedElement(
                    'IPConfiguration',
                    instanceIpConfigurationOrder,
                    [leaf('Address', address)],
                    ipBag,
                  ),
              ),
            ],
            nicBag,
          ),
      ),
    ],
    bag,
  );
}
