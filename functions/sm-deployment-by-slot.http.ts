import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { getDeploymentBySlot } from '../shared/handlers/service-management/deployment.handler';

/** Service Management: Get Deployment by slot, with each role's MigrationState. */
df.app.client.http('smGetDeploymentBySlot', {
  route: '{subscriptionId}/services/hostedservices/{serviceName}/deploymentslots/{slot}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(getServices(), request, 'serviceManagement', requestTargets(getServices()).smRead, () =>
      getDeploymentBySlot(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
