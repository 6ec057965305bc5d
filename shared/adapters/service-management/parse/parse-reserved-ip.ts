/**
 * `ReservedIP` (Get / an item of List Reserved IPs) → the model's reserved IP. `InUse` is derived from
 * the service binding when written, so it is read and not kept.
 */
import type { UnknownElement } from '../../../domain/classic/compute.schema';
import { type ReservedIp, reservedIpSchema } from '../../../domain/classic/network.schema';
import { ElementReader } from '../xml/element-reader';
import type { XmlElement } from '../xml/xml-element';
import { modelFrom } from './model-from';

export function parseReservedIpElement(element: XmlElement): ReservedIp {
  const unknownElements: UnknownElement[] = [];
  const ip = ElementReader.forObject(element, unknownElements);
  const input = {
    name: ip.requiredString('Name'),
    address: ip.string('Address'),
    id: ip.string('Id'),
    label: ip.string('Label'),
    state: ip.string('State'),
    serviceName: ip.string('ServiceName'),
    deploymentName: ip.string('DeploymentName'),
    location: ip.string('Location'),
    unknownElements,
  };
  ip.take('InUse');
  ip.finish();
  return modelFrom(reservedIpSchema, input, element);
}
