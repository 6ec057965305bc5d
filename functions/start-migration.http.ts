import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { startMigration } from '../shared/handlers/start-migration.handler';

df.app.client.http('startMigration', {
  route: 'api/migrations/{scopeKind}/{name}/{action}',
  methods: ['POST'],
  authLevel: 'function',
  handler: (request, client, context) =>
    startMigration(getServices(), new DurableScopeEntityGateway(client), request, context),
});
