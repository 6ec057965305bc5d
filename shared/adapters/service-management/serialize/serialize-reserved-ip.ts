/** Reserved IPs → Get Reserved IP (`<ReservedIP>`) and List Reserved IPs (`<ReservedIPs>`). */
import type { ReservedIp } from '../../../domain/classic/network.schema';
import { reservedIpOrder } from '../xml/element-order';
import { UnknownBag } from '../xml/unknown-elements';
import {
  type Attributes,
  element,
  type ElementNode,
  leaf,
  orderedElement,
  renderCompact,
} from '../xml/xml-writer';
import { namespaces } from './root-attributes';

export function serializeReservedIp(reservedIp: ReservedIp): string {
  return renderCompact(reservedIpNode(reservedIp, namespaces));
}

export function serializeReservedIps(reservedIps: readonly ReservedIp[]): string {
  return renderCompact(
    element(
      'ReservedIPs',
      reservedIps.map((ip) => reservedIpNode(ip)),
      namespaces,
    ),
  );
}

function reservedIpNode(ip: ReservedIp, attributes: Attributes = {}): ElementNode {
  return orderedElement(
    'ReservedIP',
    reservedIpOrder,
    [
      leaf('Name', ip.name),
      leaf('Address', ip.address),
      leaf('Id', ip.id),
      leaf('Label', ip.label),
      leaf('State', ip.state),
      // Derived, not kept: a reserved IP is in use exactly when it is bound to a deployment.
      leaf('InUse', ip.serviceName === undefined ? 'false' : 'true'),
      leaf('ServiceName', ip.serviceName),
      leaf('DeploymentName', ip.deploymentName),
      leaf('Location', ip.location),
    ],
    new UnknownBag(ip.unknownElements),
    attributes,
  );
}
