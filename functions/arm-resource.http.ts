import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { resourceById } from '../shared/handlers/arm-read.handler';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';

app.http('armResource', {
  route: 'subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{*resourcePath}',
  methods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  authLevel: 'anonymous',
  handler: (request) =>
    withAuthorization(getServices(), request, 'arm', requestTargets(getServices()).armRead, () =>
      resourceById(getServices(), request),
    ),
});
