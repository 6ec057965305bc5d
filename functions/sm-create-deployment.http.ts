import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { createDeployment } from '../shared/handlers/service-management/create-deployment.handler';

/** Service Management: Create Virtual Machine Deployment (refused while the cloud service, VNet or storage is under migration). */
df.app.client.http('smCreateDeployment', {
  route: '{subscriptionId}/services/hostedservices/{serviceName}/deployments',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () => createDeployment(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
