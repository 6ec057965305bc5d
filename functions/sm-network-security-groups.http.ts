import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { getNetworkSecurityGroups } from '../shared/handlers/service-management/network-resources.handler';

/** Service Management: List Network Security Groups / Get Network Security Group (`detaillevel=Full` for rules). */
app.http('smNetworkSecurityGroups', {
  route: '{subscriptionId}/services/networking/networksecuritygroups/{name?}',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, context) => getNetworkSecurityGroups(getServices(), request, context),
});
