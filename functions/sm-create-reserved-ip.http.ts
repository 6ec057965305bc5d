import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { createReservedIp } from '../shared/handlers/service-management/reserved-ip-writes.handler';

/** Service Management: Create Reserved IP Address (refused while a reserved IP of that name, or the deployment whose VIP it reserves, is under migration). */
df.app.client.http('smCreateReservedIp', {
  route: '{subscriptionId}/services/networking/reservedips',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () => createReservedIp(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
