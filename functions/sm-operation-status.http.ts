import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { getServiceManagementOperation } from '../shared/handlers/service-management/operation-status.handler';

/** Service Management: Get Operation Status of a Service Management request (migration or management-plane write). */
app.http('smOperationStatus', {
  route: '{subscriptionId}/operations/{requestId}',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, context) => getServiceManagementOperation(getServices(), request, context),
});
