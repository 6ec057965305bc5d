import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { subnetNetworkSecurityGroup } from '../shared/handlers/service-management/network-associations.handler';

/** Service Management: add an NSG to a subnet / remove it (refused while the VNet or the NSG is under migration). */
df.app.client.http('smSubnetNetworkSecurityGroup', {
  route:
    '{subscriptionId}/services/networking/virtualnetwork/{virtualNetworkName}/subnets/{subnetName}/networksecuritygroups/{name?}',
  methods: ['POST', 'DELETE'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () =>
        subnetNetworkSecurityGroup(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
