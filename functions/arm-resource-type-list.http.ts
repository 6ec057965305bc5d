import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { listResourcesOfType } from '../shared/handlers/arm-read.handler';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';

/**
 * ARM: the resources of one type in a resource group (`networkInterfaces.list(rg)`, `virtualMachines.list(rg)`,
 * …). Two segments after `providers/` outrank armResource's catch-all (`providers/{*resourcePath}`), which
 * keeps single resources (three or more segments) and the writes it refuses.
 */
app.http('armResourcesOfType', {
  route:
    'subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{resourceProviderNamespace}/{resourceType}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request) =>
    withAuthorization(getServices(), request, 'arm', requestTargets(getServices()).armRead, () =>
      listResourcesOfType(getServices(), request),
    ),
});
