import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { networkingMigration } from '../shared/handlers/service-management/migration.handler';

/** Service Management: Validate, Prepare, Commit or Abort the migration of a VNet, NSG, reserved IP or route table (`?comp=…`). */
df.app.client.http('smNetworkingMigration', {
  route: '{subscriptionId}/services/networking/{collection}/{name}/migration',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smOperation,
      () => networkingMigration(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
