import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { getDeploymentBySlot } from '../shared/handlers/service-management/deployment.handler';

/** Service Management: Get Deployment by slot, with each role's MigrationState. */
df.app.client.http('smGetDeploymentBySlot', {
  route: '{subscriptionId}/services/hostedservices/{serviceName}/deploymentslots/{slot}',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, client, context) =>
    getDeploymentBySlot(getServices(), new DurableScopeEntityGateway(client), request, context),
});
