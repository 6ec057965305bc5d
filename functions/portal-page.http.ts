import { join } from 'node:path';

import { app } from '@azure/functions';

import { PortalAssetFolder } from '../shared/adapters/portal/portal-asset-folder';
import { getServices } from '../shared/composition';
import { portalPage } from '../shared/handlers/portal.handler';

// The build writes the page to dist/portal, beside dist/functions: found the same way on the dev host and in
// the Azure package.
const assets = new PortalAssetFolder(join(__dirname, '../portal'));

// `GET /` (the route prefix is empty). Hazard: an empty route does not work in Azure (the host falls back to
// the function name), so the root is matched by an optional parameter that can only be empty; it matches no
// other path, so it shadows no route. Anonymous: the page holds no data.
app.http('portalPage', {
  route: '{root:maxlength(0)?}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: () => portalPage(assets, getServices().config),
});
