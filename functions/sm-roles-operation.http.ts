import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { rolesOperation } from '../shared/handlers/service-management/role-operations.handler';

/** Service Management: Start or shut down several VMs (refused while they are under migration). */
df.app.client.http('smRolesOperation', {
  route:
    '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}/Roles/Operations',
  methods: ['POST'],
  authLevel: 'function',
  handler: (request, client, context) =>
    rolesOperation(getServices(), new DurableScopeEntityGateway(client), request, context),
});
