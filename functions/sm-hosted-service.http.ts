import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { getHostedService } from '../shared/handlers/service-management/hosted-service.handler';

/** Service Management: Get Hosted Service Properties (with `embed-detail=true`: its deployments and roles with MigrationState). */
df.app.client.http('smGetHostedService', {
  route: '{subscriptionId}/services/hostedservices/{serviceName}',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, client, context) =>
    getHostedService(getServices(), new DurableScopeEntityGateway(client), request, context),
});
