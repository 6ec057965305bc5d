import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { networkConfiguration } from '../shared/handlers/service-management/network-configuration.handler';

/** Service Management: Get and Set Network Configuration (a set is refused while it would change a VNet under migration). */
df.app.client.http('smNetworkConfiguration', {
  route: '{subscriptionId}/services/networking/media',
  methods: ['GET', 'PUT'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () => networkConfiguration(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
