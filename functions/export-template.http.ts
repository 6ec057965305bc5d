import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { exportTemplates } from '../shared/handlers/exports.handler';
import { withJsonErrors } from '../shared/handlers/json-error-edge';

app.http('exportArmTemplate', {
  route: 'api/exports/{scopeKind}/{name}/template',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, context) => withJsonErrors(context, () => exportTemplates(getServices(), request)),
});
