import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { listVirtualNetworkSites } from '../shared/handlers/service-management/virtual-network-sites.handler';

/** Service Management: List Virtual Network Sites, with each VNet's MigrationState. */
df.app.client.http('smListVirtualNetworkSites', {
  route: '{subscriptionId}/services/networking/virtualnetwork',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, client, context) =>
    listVirtualNetworkSites(getServices(), new DurableScopeEntityGateway(client), request, context),
});
