import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { getNetworkSecurityGroups } from '../shared/handlers/service-management/network-resources.handler';

/** Service Management: List Network Security Groups / Get Network Security Group (`detaillevel=Full` for rules). */
app.http('smNetworkSecurityGroups', {
  route: '{subscriptionId}/services/networking/networksecuritygroups/{name?}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withAuthorization(getServices(), request, 'serviceManagement', requestTargets(getServices()).smRead, () =>
      getNetworkSecurityGroups(getServices(), request, context),
    ),
});
