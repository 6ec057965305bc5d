import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { deploymentMigration } from '../shared/handlers/service-management/migration.handler';

/** Service Management: Validate, Prepare, Commit or Abort the migration of a cloud service (`?comp=…`). */
df.app.client.http('smDeploymentMigration', {
  route: '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}/migration',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smOperation,
      () => deploymentMigration(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
