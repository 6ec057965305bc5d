/**
 * A VNet's ExpressRoute gateway → `<vnet>-Default-Gateway` of type ExpressRoute (D9) with an
 * `ExpressRoute` connection per linked circuit. The circuit itself must already be in Resource Manager
 * (D9: migrate the circuit first) and among the given ARM resources; otherwise it is refused. Our
 * choice: Classic size Default → ARM Standard (ExpressRoute gateways have no Basic SKU). Pure.
 */
import { sameName } from '../classic/names';
import type { VirtualNetworkScope } from '../scope/scope-contents';
import { childClassicId } from './classic-ids';
import { account, addResource, type TranslationContext } from './translation-context';
import type { VirtualNetworkPlacement } from './virtual-network.translate';
import { addGateway, gatewayClassicId, gatewaySkus } from './vnet-gateway';

export function translateExpressRouteGateway(
  ctx: TranslationContext,
  contents: VirtualNetworkScope,
  placement: VirtualNetworkPlacement,
  gatewaySubnetId: string,
): void {
  const vnet = contents.virtualNetwork;
  const gateway = vnet.expressRouteGateway;
  if (!gateway) return;
  const sku = gatewaySkus[gateway.gatewaySize] === 'Basic' ? 'Standard' : gatewaySkus[gateway.gatewaySize];
  const { gatewayId, publicIpId } = addGateway(
    ctx,
    placement,
    vnet,
    gatewaySubnetId,
    { gatewayType: 'ExpressRoute', vpnType: 'RouteBased', sku: { name: sku, tier: sku } },
    undefined,
  );
  const classicId = gatewayClassicId(placement.classicId);
  account(ctx, {
    classicId,
    classicType: 'ExpressRouteGateway',
    name: vnet.name,
    outcome: 'migrated',
    armIds: [gatewayId, publicIpId],
  });
  for (const circuit of contents.expressRouteCircuits) {
    const circuitClassicId = childClassicId(classicId, 'expressRouteCircuits', circuit.serviceKey);
    const armCircuit = ctx.existingArmResources.find(
      (r) => sameName(r.type, 'Microsoft.Network/expressRouteCircuits') && sameName(r.name, circuit.name),
    );
    if (!circuit.migratedToArm || !armCircuit) {
      account(ctx, {
        classicId: circuitClassicId,
        classicType: 'ExpressRouteCircuit',
        name: circuit.name,
        outcome: 'refused',
        armIds: [],
        reason: circuit.migratedToArm
          ? `Circuit ${circuit.name} is not among the given Resource Manager resources`
          : 'Classic ExpressRoute circuits must be moved to Resource Manager first (D9)',
      });
      continue;
    }
    const connectionId = addResource(ctx, {
      request: {
        kind: 'connection',
        classicId: childClassicId(classicId, 'connections', circuit.name),
        principal: true,
        tokens: { vnet: vnet.name, name: circuit.name, location: placement.location },
      },
      resourceGroup: placement.resourceGroup,
      type: 'Microsoft.Network/connections',
      location: placement.location,
      properties: {
        connectionType: 'ExpressRoute',
        virtualNetworkGateway1: { id: gatewayId },
        peer: { id: armCircuit.id },
        routingWeight: 0,
      },
      dependsOn: [gatewayId],
    });
    account(ctx, {
      classicId: circuitClassicId,
      classicType: 'ExpressRouteCircuit',
      name: circuit.name,
      outcome: 'migrated',
      armIds: [armCircuit.id, connectionId],
      note: 'Already in Resource Manager; linked to the gateway by an ExpressRoute connection',
    });
  }
}
