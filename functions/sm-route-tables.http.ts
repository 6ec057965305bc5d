import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { getRouteTables } from '../shared/handlers/service-management/network-resources.handler';

/** Service Management: List Route Tables / Get Route Table (`detailLevel=Full` for routes). */
app.http('smRouteTables', {
  route: '{subscriptionId}/services/networking/routetables/{name?}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withAuthorization(getServices(), request, 'serviceManagement', requestTargets(getServices()).smRead, () =>
      getRouteTables(getServices(), request, context),
    ),
});
