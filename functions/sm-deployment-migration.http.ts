import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { deploymentMigration } from '../shared/handlers/service-management/migration.handler';

/** Service Management: Validate, Prepare, Commit or Abort the migration of a cloud service (`?comp=…`). */
df.app.client.http('smDeploymentMigration', {
  route: '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}/migration',
  methods: ['POST'],
  authLevel: 'function',
  handler: (request, client, context) =>
    deploymentMigration(getServices(), new DurableScopeEntityGateway(client), request, context),
});
