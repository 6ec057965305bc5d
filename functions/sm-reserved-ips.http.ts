import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { getReservedIps } from '../shared/handlers/service-management/network-resources.handler';

/** Service Management: List Reserved IPs / Get Reserved IP. */
app.http('smReservedIps', {
  route: '{subscriptionId}/services/networking/reservedips/{name?}',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, context) => getReservedIps(getServices(), request, context),
});
