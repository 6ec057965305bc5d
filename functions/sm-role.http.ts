import * as df from 'durable-functions';

import { deleteRole } from '../shared/handlers/service-management/delete-role.handler';
import { getRole } from '../shared/handlers/service-management/role.handler';
import { authorizedByMethod } from '../shared/handlers/service-management/sm-write-function';
import { updateRole } from '../shared/handlers/service-management/update-role.handler';

const byMethod = { GET: getRole, PUT: updateRole, DELETE: deleteRole };

/** Service Management: Get Role (with MigrationState), Update Role and Delete Role (both refused while the VM is under migration). */
df.app.client.http('smRole', {
  route:
    '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}/roles/{roleName}',
  methods: ['GET', 'PUT', 'DELETE'],
  authLevel: 'anonymous',
  handler: authorizedByMethod(byMethod),
});
