import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { forceRelease } from '../shared/handlers/force-release.handler';
import { withJsonErrors } from '../shared/handlers/json-error-edge';

df.app.client.http('forceRelease', {
  route: 'api/admin/migrations/{scopeKind}/{name}/release',
  methods: ['POST'],
  authLevel: 'admin',
  handler: (request, client, context) =>
    withJsonErrors(context, () =>
      forceRelease(getServices(), new DurableScopeEntityGateway(client), request),
    ),
});
