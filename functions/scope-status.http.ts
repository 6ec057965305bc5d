import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { withJsonErrors } from '../shared/handlers/json-error-edge';
import { getScopeStatus } from '../shared/handlers/scope-status.handler';

df.app.client.http('scopeStatus', {
  route: 'api/migrations/{scopeKind}/{name}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).jsonRead, () =>
        getScopeStatus(getServices(), new DurableScopeEntityGateway(client), request),
      ),
    ),
});
