import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { getReservedIps } from '../shared/handlers/service-management/network-resources.handler';
import { deleteReservedIp } from '../shared/handlers/service-management/reserved-ip-writes.handler';

/** Service Management: List Reserved IPs / Get Reserved IP, and Delete Reserved IP (refused while it is under migration). */
df.app.client.http('smReservedIps', {
  route: '{subscriptionId}/services/networking/reservedips/{name?}',
  methods: ['GET', 'DELETE'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () =>
        request.method === 'DELETE'
          ? deleteReservedIp(getServices(), new DurableScopeEntityGateway(client), request, context)
          : getReservedIps(getServices(), request, context),
    ),
});
