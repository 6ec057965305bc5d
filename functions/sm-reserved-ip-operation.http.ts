import * as df from 'durable-functions';

import { reservedIpOperation } from '../shared/handlers/service-management/reserved-ip-writes.handler';
import { authorizedWrite } from '../shared/handlers/service-management/sm-write-function';

/** Service Management: Associate / Disassociate Reserved IP (refused while the reserved IP or the deployment is under migration). */
df.app.client.http('smReservedIpOperation', {
  route: '{subscriptionId}/services/networking/reservedips/{name}/operations/{operation}',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authorizedWrite(reservedIpOperation),
});
