import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { listResourcesOfType } from '../shared/handlers/arm-read.handler';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';

/**
 * ARM: the resources of one type across every resource group of the subscription
 * (`networkInterfaces.listAll()`, `virtualMachines.listAll()`, …); a read of the subscription. The
 * migration provider's literal route (`providers/Microsoft.ClassicInfrastructureMigrate/{action?}`) outranks it.
 */
app.http('armSubscriptionResourcesOfType', {
  route: 'subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/{resourceType}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request) =>
    withAuthorization(getServices(), request, 'arm', requestTargets(getServices()).armRead, () =>
      listResourcesOfType(getServices(), request),
    ),
});
