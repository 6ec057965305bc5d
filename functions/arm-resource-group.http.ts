import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { getResourceGroup } from '../shared/handlers/arm-read.handler';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';

app.http('armResourceGroup', {
  route: 'subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request) =>
    withAuthorization(getServices(), request, 'arm', requestTargets(getServices()).armRead, () =>
      getResourceGroup(getServices(), request),
    ),
});
