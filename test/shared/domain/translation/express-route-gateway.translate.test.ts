import { describe, expect, it } from 'vitest';

import type { ArmResource } from '../../../../shared/domain/arm/arm-resource';
import { translateScope } from '../../../../shared/domain/translation/translate-scope';
import { anInventory, aVirtualNetwork } from '../../../fixtures/classic-builders';
import { estate, translationInput } from '../../../fixtures/translation-estates';
import { validateArmResource } from '../../../support/arm-schema-validator';
import { entry, prop, resource } from '../../../support/translation-lookups';

const armCircuit: ArmResource = {
  id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/er/providers/Microsoft.Network/expressRouteCircuits/circuit1',
  name: 'circuit1',
  type: 'Microsoft.Network/expressRouteCircuits',
  apiVersion: '2016-09-01',
  location: 'westus',
  properties: {},
};

function erEstate(options: { migratedToArm: boolean; withVpn?: boolean }) {
  return estate(
    anInventory({
      virtualNetworks: [
        aVirtualNetwork({
          subnets: [{ name: 'GatewaySubnet', addressPrefix: '10.0.255.0/27' }],
          expressRouteGateway: { circuitServiceKeys: ['key-1'] },
          ...(options.withVpn ? { gateway: { connections: [] } } : {}),
        }),
      ],
      expressRouteCircuits: [{ serviceKey: 'key-1', name: 'circuit1', migratedToArm: options.migratedToArm }],
    }),
    'virtualNetwork',
    'vnet1',
  );
}

describe('ExpressRoute gateway translation', () => {
  it('When the circuit is already in Resource Manager, then an ExpressRoute gateway and connection to the circuit are created', () => {
    const result = translateScope(
      translationInput(erEstate({ migratedToArm: true }), { existingArm: { resources: [armCircuit] } }),
    );
    const gateway = resource(result, 'Microsoft.Network/virtualNetworkGateways', 'vnet1-Default-Gateway');
    expect(gateway.properties).toMatchObject({
      gatewayType: 'ExpressRoute',
      sku: { name: 'Standard', tier: 'Standard' },
    });
    const connection = resource(result, 'Microsoft.Network/connections', 'vnet1-circuit1');
    expect(connection.properties).toMatchObject({
      connectionType: 'ExpressRoute',
      peer: { id: armCircuit.id },
      virtualNetworkGateway1: { id: gateway.id },
    });
    for (const r of result.resources) expect(validateArmResource(r).errors).toEqual([]);
    expect(entry(result, 'ExpressRouteCircuit', 'circuit1')).toMatchObject({
      outcome: 'migrated',
      armIds: [armCircuit.id, connection.id],
    });
  });

  it('When the circuit is still Classic, then it is refused: circuits move to Resource Manager first', () => {
    const result = translateScope(translationInput(erEstate({ migratedToArm: false })));
    expect(entry(result, 'ExpressRouteCircuit', 'circuit1')).toMatchObject({
      outcome: 'refused',
      reason: expect.stringContaining('moved to Resource Manager first'),
    });
    expect(entry(result, 'ExpressRouteGateway', 'vnet1').outcome).toBe('migrated');
  });

  it('When the VNet has both a VPN and an ExpressRoute gateway, then the ExpressRoute gateway and its circuits are refused', () => {
    const result = translateScope(
      translationInput(erEstate({ migratedToArm: true, withVpn: true }), {
        existingArm: { resources: [armCircuit] },
      }),
    );
    expect(entry(result, 'ExpressRouteGateway', 'vnet1')).toMatchObject({
      outcome: 'refused',
      reason: expect.stringContaining('both'),
    });
    expect(entry(result, 'VpnGateway', 'vnet1').outcome).toBe('migrated');
    expect(
      prop(
        resource(result, 'Microsoft.Network/virtualNetworkGateways', 'vnet1-Default-Gateway'),
        'gatewayType',
      ),
    ).toBe('Vpn');
  });
});
