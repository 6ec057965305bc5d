import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { roleInstanceOperation } from '../shared/handlers/service-management/role-operations.handler';

/** Service Management: Start, shut down or restart one VM (refused while the VM is under migration). */
df.app.client.http('smRoleInstanceOperation', {
  route:
    '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}/roleinstances/{instanceName}/Operations',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () => roleInstanceOperation(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
