import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { deleteRole } from '../shared/handlers/service-management/delete-role.handler';
import { getRole } from '../shared/handlers/service-management/role.handler';

/** Service Management: Get Role (with MigrationState) and Delete Role (refused while the VM is under migration). */
df.app.client.http('smRole', {
  route:
    '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}/roles/{roleName}',
  methods: ['GET', 'DELETE'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () =>
        (request.method === 'DELETE' ? deleteRole : getRole)(
          getServices(),
          new DurableScopeEntityGateway(client),
          request,
          context,
        ),
    ),
});
