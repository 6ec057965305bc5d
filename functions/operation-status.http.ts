import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withJsonErrors } from '../shared/handlers/json-error-edge';
import { getOperation } from '../shared/handlers/operation-status.handler';

app.http('operationStatus', {
  route: 'api/operations/{operationId}',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, context) => withJsonErrors(context, () => getOperation(getServices(), request)),
});
