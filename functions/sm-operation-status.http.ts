import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { getServiceManagementOperation } from '../shared/handlers/service-management/operation-status.handler';

/** Service Management: Get Operation Status of a Service Management request (migration or management-plane write). */
app.http('smOperationStatus', {
  route: '{subscriptionId}/operations/{requestId}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withAuthorization(getServices(), request, 'serviceManagement', requestTargets(getServices()).smRead, () =>
      getServiceManagementOperation(getServices(), request, context),
    ),
});
