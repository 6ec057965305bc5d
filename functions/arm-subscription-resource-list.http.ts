import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { listResources } from '../shared/handlers/arm-read.handler';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';

/** ARM: every resource of the subscription (`resources.list({ filter, top })`); a read of the subscription. */
app.http('armSubscriptionResources', {
  route: 'subscriptions/{subscriptionId}/resources',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request) =>
    withAuthorization(getServices(), request, 'arm', requestTargets(getServices()).armRead, () =>
      listResources(getServices(), request),
    ),
});
