import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { exportClassic } from '../shared/handlers/exports.handler';
import { withJsonErrors } from '../shared/handlers/json-error-edge';

app.http('exportClassicConfiguration', {
  route: 'api/exports/{scopeKind}/{name}/classic',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, context) => withJsonErrors(context, () => exportClassic(getServices(), request)),
});
