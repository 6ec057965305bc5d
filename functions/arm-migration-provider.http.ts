import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { migrationProvider } from '../shared/handlers/arm-migration-provider.handler';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';

/**
 * ARM: the `Microsoft.ClassicInfrastructureMigrate` provider of a subscription (GET) and its registration
 * (`POST …/register`, `POST …/unregister`), which every migration call requires.
 */
app.http('armMigrationProvider', {
  route: 'subscriptions/{subscriptionId}/providers/Microsoft.ClassicInfrastructureMigrate/{action?}',
  methods: ['GET', 'POST'],
  authLevel: 'anonymous',
  handler: (request) =>
    withAuthorization(getServices(), request, 'arm', requestTargets(getServices()).armProvider, () =>
      migrationProvider(getServices(), request),
    ),
});
