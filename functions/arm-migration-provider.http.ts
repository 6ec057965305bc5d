import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { migrationProvider } from '../shared/handlers/arm-migration-provider.handler';

/**
 * ARM: the `Microsoft.ClassicInfrastructureMigrate` provider of a subscription (GET) and its registration
 * (`POST …/register`, `POST …/unregister`), which every migration call requires.
 */
app.http('armMigrationProvider', {
  route: 'subscriptions/{subscriptionId}/providers/Microsoft.ClassicInfrastructureMigrate/{action?}',
  methods: ['GET', 'POST'],
  authLevel: 'function',
  handler: (request) => migrationProvider(getServices(), request),
});
