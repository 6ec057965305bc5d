import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { withJsonErrors } from '../shared/handlers/json-error-edge';
import { startMigration } from '../shared/handlers/start-migration.handler';

df.app.client.http('startMigration', {
  route: 'api/migrations/{scopeKind}/{name}/{action}',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).jsonOperation, () =>
        startMigration(getServices(), new DurableScopeEntityGateway(client), request, context),
      ),
    ),
});
