import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { withJsonErrors } from '../shared/handlers/json-error-edge';
import { migrationProfileHandler } from '../shared/handlers/migration-profile.handler';

/** A subscription's migration (validation) profile, read and set by an Admin. */
app.http('migrationProfile', {
  route: 'api/subscriptions/{subscriptionId}/migration-profile',
  methods: ['GET', 'PUT', 'DELETE'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).migrationProfile, () =>
        migrationProfileHandler(getServices(), request),
      ),
    ),
});
