import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { listResourceGroups } from '../shared/handlers/arm-read.handler';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';

app.http('armResourceGroups', {
  route: 'subscriptions/{subscriptionId}/resourceGroups',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request) =>
    withAuthorization(getServices(), request, 'arm', requestTargets(getServices()).armRead, () =>
      listResourceGroups(getServices(), request),
    ),
});
