import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { forceRelease } from '../shared/handlers/force-release.handler';
import { withJsonErrors } from '../shared/handlers/json-error-edge';

df.app.client.http('forceRelease', {
  route: 'api/admin/migrations/{scopeKind}/{name}/release',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).jsonForceRelease, () =>
        forceRelease(getServices(), new DurableScopeEntityGateway(client), request),
      ),
    ),
});
