import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { getReservedIps } from '../shared/handlers/service-management/network-resources.handler';

/** Service Management: List Reserved IPs / Get Reserved IP. */
app.http('smReservedIps', {
  route: '{subscriptionId}/services/networking/reservedips/{name?}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withAuthorization(getServices(), request, 'serviceManagement', requestTargets(getServices()).smRead, () =>
      getReservedIps(getServices(), request, context),
    ),
});
