import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { reservedIpOperation } from '../shared/handlers/service-management/reserved-ip-writes.handler';

/** Service Management: Associate / Disassociate Reserved IP (refused while the reserved IP or the deployment is under migration). */
df.app.client.http('smReservedIpOperation', {
  route: '{subscriptionId}/services/networking/reservedips/{name}/operations/{operation}',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () => reservedIpOperation(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
