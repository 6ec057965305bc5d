import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { exportTemplates } from '../shared/handlers/exports.handler';

app.http('exportArmTemplate', {
  route: 'api/exports/{scopeKind}/{name}/template',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request) => exportTemplates(getServices(), request),
});
