import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { withJsonErrors } from '../shared/handlers/json-error-edge';
import { getOperation } from '../shared/handlers/operation-status.handler';

// A Durable client: while the operation runs, its progress is read from the scope's entity.
df.app.client.http('operationStatus', {
  route: 'api/operations/{operationId}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).jsonOperationRead, () =>
        getOperation(getServices(), request, new DurableScopeEntityGateway(client)),
      ),
    ),
});
