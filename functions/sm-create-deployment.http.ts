import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { createDeployment } from '../shared/handlers/service-management/create-deployment.handler';

/** Service Management: Create Virtual Machine Deployment (refused while the cloud service, VNet or storage is under migration). */
df.app.client.http('smCreateDeployment', {
  route: '{subscriptionId}/services/hostedservices/{serviceName}/deployments',
  methods: ['POST'],
  authLevel: 'function',
  handler: (request, client, context) =>
    createDeployment(getServices(), new DurableScopeEntityGateway(client), request, context),
});
