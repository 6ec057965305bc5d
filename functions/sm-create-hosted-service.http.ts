import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { createHostedService } from '../shared/handlers/service-management/create-hosted-service.handler';

/** Service Management: Create Cloud Service (refused while a cloud service of that name is under migration). */
df.app.client.http('smCreateHostedService', {
  route: '{subscriptionId}/services/hostedservices',
  methods: ['POST'],
  authLevel: 'function',
  handler: (request, client, context) =>
    createHostedService(getServices(), new DurableScopeEntityGateway(client), request, context),
});
