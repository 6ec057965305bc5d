import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { getRouteTables } from '../shared/handlers/service-management/network-resources.handler';

/** Service Management: List Route Tables / Get Route Table (`detailLevel=Full` for routes). */
app.http('smRouteTables', {
  route: '{subscriptionId}/services/networking/routetables/{name?}',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, context) => getRouteTables(getServices(), request, context),
});
