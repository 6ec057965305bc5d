import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { roleInstanceOperation } from '../shared/handlers/service-management/role-operations.handler';

/** Service Management: Start, shut down or restart one VM (refused while the VM is under migration). */
df.app.client.http('smRoleInstanceOperation', {
  route:
    '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}/roleinstances/{instanceName}/Operations',
  methods: ['POST'],
  authLevel: 'function',
  handler: (request, client, context) =>
    roleInstanceOperation(getServices(), new DurableScopeEntityGateway(client), request, context),
});
