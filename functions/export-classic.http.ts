import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { exportClassic } from '../shared/handlers/exports.handler';

app.http('exportClassicConfiguration', {
  route: 'api/exports/{scopeKind}/{name}/classic',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request) => exportClassic(getServices(), request),
});
