import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { deleteDeploymentByName } from '../shared/handlers/service-management/delete-deployment.handler';
import { getDeploymentByName } from '../shared/handlers/service-management/deployment.handler';

/** Service Management: Get Deployment by name (with each role's MigrationState) and Delete Deployment (refused while it is under migration). */
df.app.client.http('smGetDeploymentByName', {
  route: '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}',
  methods: ['GET', 'DELETE'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () =>
        (request.method === 'DELETE' ? deleteDeploymentByName : getDeploymentByName)(
          getServices(),
          new DurableScopeEntityGateway(client),
          request,
          context,
        ),
    ),
});
