import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { getHostedService } from '../shared/handlers/service-management/hosted-service.handler';
import {
  deleteHostedService,
  updateHostedService,
} from '../shared/handlers/service-management/hosted-service-writes.handler';

const byMethod = { GET: getHostedService, PUT: updateHostedService, DELETE: deleteHostedService };

/** Service Management: Get Hosted Service Properties (with `embed-detail=true`: its deployments and roles with MigrationState), Update and Delete Cloud Service (refused while it is under migration). */
df.app.client.http('smGetHostedService', {
  route: '{subscriptionId}/services/hostedservices/{serviceName}',
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
