import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withJsonErrors } from '../shared/handlers/json-error-edge';
import { getScopeStatus } from '../shared/handlers/scope-status.handler';

df.app.client.http('scopeStatus', {
  route: 'api/migrations/{scopeKind}/{name}',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, client, context) =>
    withJsonErrors(context, () =>
      getScopeStatus(getServices(), new DurableScopeEntityGateway(client), request),
    ),
});
