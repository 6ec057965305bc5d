import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { grantsHandler } from '../shared/handlers/grants.handler';
import { withJsonErrors } from '../shared/handlers/json-error-edge';

/** Per-subscription grants, managed by an Admin. */
app.http('listGrants', {
  route: 'api/admin/grants',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).grants, () =>
        grantsHandler(getServices(), request),
      ),
    ),
});

app.http('changeGrant', {
  route: 'api/admin/grants/{principalId}/{subscriptionId}',
  methods: ['PUT', 'DELETE'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).grants, () =>
        grantsHandler(getServices(), request),
      ),
    ),
});
