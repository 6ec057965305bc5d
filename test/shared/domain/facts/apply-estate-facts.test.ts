/**
 * Laying estate facts over the inventory: facts set or add, never remove; applying twice changes nothing
 * and leaves untouched resources the same objects (so imports save only what changed); facts wait for
 * their target; ambiguous targets are left alone.
 */
import { describe, expect, it } from 'vitest';

import { applyEstateFacts } from '../../../../shared/domain/facts/apply-estate-facts';
import type { EstateFact } from '../../../../shared/domain/facts/estate-fact.schema';
import {
  aCloudService,
  aDeployment,
  anInventory,
  aVirtualNetwork,
  aVmRole,
} from '../../../fixtures/classic-builders';

const provenance = {
  source: { document: 'doc.json', documentKind: 'test' },
  importedAt: '2026-01-01T00:00:00.000Z',
};
const fact = (value: Record<string, unknown>) =>
  ({ ...provenance, key: JSON.stringify(value), ...value }) as EstateFact;

const hub = () =>
  aVirtualNetwork({
    name: 'Hub',
    gateway: { connections: [{ localNetworkSiteName: 'HQ', connectionType: 'IPsec' }] },
  });
const erOnly = () => aVirtualNetwork({ name: 'Edge', gateway: { connections: [] } });

describe('applyEstateFacts', () => {
  it('When applied twice, then the second pass changes nothing and resources no fact names keep their identity', () => {
    const inventory = anInventory({
      virtualNetworks: [hub(), aVirtualNetwork({ name: 'Other' })],
      facts: [fact({ kind: 'hdInsightCluster', virtualNetwork: { name: 'hub' }, resourceName: 'c1' })],
    });
    const once = applyEstateFacts(inventory);
    expect(once.virtualNetworks[0]?.hosts.hdInsight).toBe(true);
    expect(once.virtualNetworks[1]).toBe(inventory.virtualNetworks[1]);
    const twice = applyEstateFacts(once);
    expect(twice.virtualNetworks[0]).toBe(once.virtualNetworks[0]);
    expect(twice.cloudServices).toBe(once.cloudServices);
  });

  it('When a fact names a VNet the inventory does not have yet, then nothing changes', () => {
    const inventory = anInventory({
      virtualNetworks: [hub()],
      facts: [fact({ kind: 'vnetPeering', virtualNetwork: { name: 'Spoke' }, remoteVirtualNetwork: 'arm' })],
    });
    expect(applyEstateFacts(inventory).virtualNetworks).toEqual(inventory.virtualNetworks);
  });

  it('When an ExpressRoute link names a VNet whose gateway has no IPsec connection, then that gateway becomes its ExpressRoute gateway', () => {
    const result = applyEstateFacts(
      anInventory({
        virtualNetworks: [erOnly(), hub()],
        facts: [
          fact({ kind: 'expressRouteLink', serviceKey: 'k1', virtualNetwork: { name: 'Edge' } }),
          fact({ kind: 'expressRouteLink', serviceKey: 'k1', virtualNetwork: { name: 'Hub' } }),
        ],
      }),
    );
    const [edge, withVpn] = result.virtualNetworks;
    expect(edge?.gateway).toBeUndefined();
    expect(edge?.expressRouteGateway).toEqual({ gatewaySize: 'Default', circuitServiceKeys: ['k1'] });
    expect(withVpn?.gateway?.connections).toHaveLength(1);
    expect(withVpn?.expressRouteGateway?.circuitServiceKeys).toEqual(['k1']);
  });

  it('When a gateway connection fact says NotConnected, then only that connection changes state', () => {
    const result = applyEstateFacts(
      anInventory({
        virtualNetworks: [hub()],
        facts: [
          fact({
            kind: 'gatewayConnection',
            virtualNetwork: { name: 'Hub' },
            localNetworkSiteName: 'hq',
            connectivityState: 'NotConnected',
          }),
          fact({ kind: 'gateway', virtualNetwork: { name: 'Hub' }, vipAddress: '52.0.0.1' }),
        ],
      }),
    );
    expect(result.virtualNetworks[0]?.gateway).toMatchObject({
      vipAddress: '52.0.0.1',
      gatewayType: 'DynamicRouting',
      connections: [{ localNetworkSiteName: 'HQ', connectivityState: 'NotConnected' }],
    });
  });

  it('When the provider document is older than a registration, then NotRegistered does not undo it', () => {
    const registered = anInventory({
      facts: [fact({ kind: 'migrationRegistration', registrationState: 'NotRegistered' })],
    });
    expect(applyEstateFacts(registered).subscription.registeredForMigration).toBe(true);
    const unregistered = anInventory({
      subscription: { id: 's', registeredForMigration: false },
      facts: [fact({ kind: 'migrationRegistration', registrationState: 'Registered' })],
    });
    expect(applyEstateFacts(unregistered).subscription.registeredForMigration).toBe(true);
  });

  it('When two cloud services have a VM of the alert rule name, then the resource group decides, and without it nothing is applied', () => {
    const services = ['web', 'api'].map((name) =>
      aCloudService({ name, deployments: [aDeployment({ name, roles: [aVmRole({ name: 'vm1' })] })] }),
    );
    const alertsOf = (resourceGroup?: string) =>
      applyEstateFacts(
        anInventory({
          cloudServices: services,
          facts: [
            fact({
              kind: 'alertRule',
              name: 'cpu',
              virtualMachine: 'vm1',
              ...(resourceGroup ? { resourceGroup } : {}),
              targetResourceId: '/x',
            }),
          ],
        }),
      ).cloudServices.map((service) => {
        const role = service.deployments[0]?.roles[0];
        return role?.roleType === 'PersistentVMRole' ? role.alertRules.length : -1;
      });
    expect(alertsOf('api')).toEqual([0, 1]);
    expect(alertsOf('elsewhere')).toEqual([0, 0]);
  });

  it('When quota facts repeat a region in another spelling, then the quota is replaced, not duplicated', () => {
    const result = applyEstateFacts(
      anInventory({
        subscription: {
          id: 's',
          quotas: [{ location: 'West Europe', resource: 'cores', limit: 10, currentUsage: 1 }],
        },
        facts: [
          fact({
            kind: 'quota',
            location: 'westeurope',
            resource: 'cores',
            usageName: 'cores',
            limit: 40,
            currentUsage: 2,
          }),
        ],
      }),
    );
    expect(result.subscription.quotas).toEqual([
      { location: 'westeurope', resource: 'cores', limit: 40, currentUsage: 2 },
    ]);
  });
});
