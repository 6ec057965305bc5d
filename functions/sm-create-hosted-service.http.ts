import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { createHostedService } from '../shared/handlers/service-management/create-hosted-service.handler';

/** Service Management: Create Cloud Service (refused while a cloud service of that name is under migration). */
df.app.client.http('smCreateHostedService', {
  route: '{subscriptionId}/services/hostedservices',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () => createHostedService(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
