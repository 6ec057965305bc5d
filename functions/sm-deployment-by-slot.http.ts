import * as df from 'durable-functions';

import { deleteDeploymentBySlot } from '../shared/handlers/service-management/delete-deployment.handler';
import { getDeploymentBySlot } from '../shared/handlers/service-management/deployment.handler';
import { authorizedByMethod } from '../shared/handlers/service-management/sm-write-function';

/** Service Management: Get Deployment by slot (with each role's MigrationState) and Delete Deployment by slot (refused while it is under migration). */
df.app.client.http('smGetDeploymentBySlot', {
  route: '{subscriptionId}/services/hostedservices/{serviceName}/deploymentslots/{slot}',
  methods: ['GET', 'DELETE'],
  authLevel: 'anonymous',
  handler: authorizedByMethod({ GET: getDeploymentBySlot, DELETE: deleteDeploymentBySlot }),
});
