import { join } from 'node:path';

import { app } from '@azure/functions';

import { PortalAssetFolder } from '../shared/adapters/portal/portal-asset-folder';
import { portalAsset } from '../shared/handlers/portal.handler';

const assets = new PortalAssetFolder(join(__dirname, '../portal'));

// The page's script and style bundles (`GET /portal/main-<hash>.js`); anonymous, they hold no data.
app.http('portalAsset', {
  route: 'portal/{file}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request) => portalAsset(assets, request),
});
