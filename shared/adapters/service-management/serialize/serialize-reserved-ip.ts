/** Reserved IPs → Get Reserved IP (`<ReservedIP>`) and List Reserved IPs (`<ReservedIPs>`). */
import type { ReservedIp } from '../../../domain/classic/network.schema';
import { reservedIpOrder } from '../xml/element-order';
import { UnknownBag } from '../xml/unknown-elements';
import { type ElementNode, leaf, orderedElement } from '../xml/xml-writer';
import { renderBody, renderListBody } from './response-body';

export function serializeReservedIp(reservedIp: ReservedIp): string {
  return renderBody(reservedIpNode(reservedIp));
}

export function serializeReservedIps(reservedIps: readonly ReservedIp[]): string {
  return renderListBody(
    'ReservedIPs',
    reservedIps.map((ip) => reservedIpNode(ip)),
  );
}

function reservedIpNode(ip: ReservedIp): ElementNode {
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
  );
}
