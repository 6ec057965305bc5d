/**
 * List Virtual Network Sites (`GET /{sub}/services/networking/virtualnetwork`, C4, C5): every
 * Classic VNet with its `MigrationState` (the VNet scope's, transitional states included).
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { serializeVirtualNetworkSites } from '../../adapters/service-management';
import type { Services } from '../../composition';
import type { MigrationState } from '../../domain/migration/migration-state';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { loadClassicView } from '../../use-cases/service-management/classic-view';
import { subscriptionIdOf } from './sm-request';
import { answering, newRequestId, xmlResponse } from './sm-responses';

export function listVirtualNetworkSites(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  return answering(requestId, context, async () => {
    const { inventory, stateOf } = await loadClassicView(
      { ...services, entity },
      subscriptionIdOf(request),
      (loaded) =>
        loaded.virtualNetworks.map((site) => ({ kind: 'virtualNetwork' as const, name: site.name })),
    );
    const migrationStates: Record<string, MigrationState> = {};
    for (const site of inventory.virtualNetworks) {
      const state = stateOf({ kind: 'virtualNetwork', name: site.name });
      if (state !== undefined) migrationStates[site.name] = state;
    }
    const body = serializeVirtualNetworkSites(inventory.virtualNetworks, {
      dnsServers: inventory.dnsServers,
      localNetworkSites: inventory.localNetworkSites,
      migrationStates,
    });
    return xmlResponse(200, body, requestId);
  });
}
