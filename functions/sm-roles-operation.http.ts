import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { rolesOperation } from '../shared/handlers/service-management/role-operations.handler';

/** Service Management: Start or shut down several VMs (refused while they are under migration). */
df.app.client.http('smRolesOperation', {
  route:
    '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}/Roles/Operations',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () => rolesOperation(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
