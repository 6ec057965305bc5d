import * as df from 'durable-functions';

import { deleteDeploymentByName } from '../shared/handlers/service-management/delete-deployment.handler';
import { getDeploymentByName } from '../shared/handlers/service-management/deployment.handler';
import { authorizedByMethod } from '../shared/handlers/service-management/sm-write-function';

/** Service Management: Get Deployment by name (with each role's MigrationState) and Delete Deployment (refused while it is under migration). */
df.app.client.http('smGetDeploymentByName', {
  route: '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}',
  methods: ['GET', 'DELETE'],
  authLevel: 'anonymous',
  handler: authorizedByMethod({ GET: getDeploymentByName, DELETE: deleteDeploymentByName }),
});
