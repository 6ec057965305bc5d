import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { deleteDeploymentBySlot } from '../shared/handlers/service-management/delete-deployment.handler';
import { getDeploymentBySlot } from '../shared/handlers/service-management/deployment.handler';

/** Service Management: Get Deployment by slot (with each role's MigrationState) and Delete Deployment by slot (refused while it is under migration). */
df.app.client.http('smGetDeploymentBySlot', {
  route: '{subscriptionId}/services/hostedservices/{serviceName}/deploymentslots/{slot}',
  methods: ['GET', 'DELETE'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () =>
        (request.method === 'DELETE' ? deleteDeploymentBySlot : getDeploymentBySlot)(
          getServices(),
          new DurableScopeEntityGateway(client),
          request,
          context,
        ),
    ),
});
