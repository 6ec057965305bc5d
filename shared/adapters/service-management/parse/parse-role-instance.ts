/**
 * `RoleInstanceList/RoleInstance` → the model's role instance (kept beside the roles, joined by role
 * name where the domain needs it — see `virtualMachinesOf`): status, power state, guest agent status,
 * extension handler statuses, instance-level public IPs and the addresses of secondary NICs.
 */
import {
  type RoleInstance,
  roleInstanceSchema,
  type UnknownElement,
} from '../../../domain/classic/compute.schema';
import { ElementReader } from '../xml/element-reader';
import type { XmlElement } from '../xml/xml-element';
import { modelFrom } from './model-from';

export function parseRoleInstanceElement(element: XmlElement): RoleInstance {
  const unknownElements: UnknownElement[] = [];
  const instance = ElementReader.forObject(element, unknownElements);
  const input = {
    roleName: instance.requiredString('RoleName'),
    instanceName: instance.requiredString('InstanceName'),
    instanceStatus: instance.requiredString('InstanceStatus'),
    instanceSize: instance.string('InstanceSize'),
    ipAddress: instance.string('IpAddress'),
    powerState: instance.string('PowerState'),
    hostName: instance.string('HostName'),
    guestAgentStatus: instance.nested('GuestAgentStatus', (status) =>
      status.oneOf('Status', ['Ready', 'NotReady']),
    ),
    extensionStatuses: instance.list('ResourceExtensionStatusList', 'ResourceExtensionStatus', (status) => ({
      handlerName: status.requiredString('HandlerName'),
      version: status.string('Version'),
      status: status.requiredString('Status'),
    })),
    publicIpAddresses: instance.list('PublicIPs', 'PublicIP', (ip) => ({
      name: ip.requiredString('Name'),
      address: ip.string('Address'),
    })),
    networkInterfaceAddresses: instance.list('NetworkInterfaces', 'NetworkInterface', (nic) => ({
      name: nic.requiredString('Name'),
      addresses: nic
        .list('IPConfigurations', 'IPConfiguration', (ipConfiguration) => ipConfiguration.string('Address'))
        .filter((address): address is string => address !== undefined),
    })),
    unknownElements,
  };
  instance.finish();
  return modelFrom(roleInstanceSchema, input, element);
}
