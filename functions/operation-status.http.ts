import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { getOperation } from '../shared/handlers/operation-status.handler';

app.http('operationStatus', {
  route: 'api/operations/{operationId}',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request) => getOperation(getServices(), request),
});
