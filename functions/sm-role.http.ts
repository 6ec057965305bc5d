import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { deleteRole } from '../shared/handlers/service-management/delete-role.handler';
import { getRole } from '../shared/handlers/service-management/role.handler';
import { updateRole } from '../shared/handlers/service-management/update-role.handler';

const byMethod = { GET: getRole, PUT: updateRole, DELETE: deleteRole };

/** Service Management: Get Role (with MigrationState), Update Role and Delete Role (both refused while the VM is under migration). */
df.app.client.http('smRole', {
  route:
    '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}/roles/{roleName}',
  methods: ['GET', 'PUT', 'DELETE'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () =>
        byMethod[request.method as keyof typeof byMethod](
          getServices(),
          new DurableScopeEntityGateway(client),
          request,
          context,
        ),
    ),
});
