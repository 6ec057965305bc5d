import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { networkConfiguration } from '../shared/handlers/service-management/network-configuration.handler';

/** Service Management: Get and Set Network Configuration (a set is refused while it would change a VNet under migration). */
df.app.client.http('smNetworkConfiguration', {
  route: '{subscriptionId}/services/networking/media',
  methods: ['GET', 'PUT'],
  authLevel: 'function',
  handler: (request, client, context) =>
    networkConfiguration(getServices(), new DurableScopeEntityGateway(client), request, context),
});
