import * as df from 'durable-functions';

import { createReservedIp } from '../shared/handlers/service-management/reserved-ip-writes.handler';
import { authorizedWrite } from '../shared/handlers/service-management/sm-write-function';

/** Service Management: Create Reserved IP Address (refused while a reserved IP of that name, or the deployment whose VIP it reserves, is under migration). */
df.app.client.http('smCreateReservedIp', {
  route: '{subscriptionId}/services/networking/reservedips',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authorizedWrite(createReservedIp),
});
