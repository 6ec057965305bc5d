import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { portalConfig } from '../shared/handlers/portal.handler';

// The page's settings (default subscription, Entra ID sign-in). A literal segment, so it wins over
// `portal/{file}` (routes are ordered literal first, as ASP.NET Core orders them).
app.http('portalConfig', {
  route: 'portal/config.json',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: () => Promise.resolve(portalConfig(getServices().config)),
});
