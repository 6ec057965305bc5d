import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { subnetRouteTable } from '../shared/handlers/service-management/network-associations.handler';

/** Service Management: add a route table to a subnet / remove it (refused while the VNet or the route table is under migration). */
df.app.client.http('smSubnetRouteTable', {
  route:
    '{subscriptionId}/services/networking/virtualnetwork/{virtualNetworkName}/subnets/{subnetName}/routetables',
  methods: ['POST', 'DELETE'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () => subnetRouteTable(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
