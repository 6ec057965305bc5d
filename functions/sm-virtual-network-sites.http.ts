import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { listVirtualNetworkSites } from '../shared/handlers/service-management/virtual-network-sites.handler';

/** Service Management: List Virtual Network Sites, with each VNet's MigrationState. */
df.app.client.http('smListVirtualNetworkSites', {
  route: '{subscriptionId}/services/networking/virtualnetwork',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(getServices(), request, 'serviceManagement', requestTargets(getServices()).smRead, () =>
      listVirtualNetworkSites(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
