import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { getHostedService } from '../shared/handlers/service-management/hosted-service.handler';

/** Service Management: Get Hosted Service Properties (with `embed-detail=true`: its deployments and roles with MigrationState). */
df.app.client.http('smGetHostedService', {
  route: '{subscriptionId}/services/hostedservices/{serviceName}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(getServices(), request, 'serviceManagement', requestTargets(getServices()).smRead, () =>
      getHostedService(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
