import * as df from 'durable-functions';

import { subnetRouteTable } from '../shared/handlers/service-management/network-associations.handler';
import { authorizedWrite } from '../shared/handlers/service-management/sm-write-function';

/** Service Management: add a route table to a subnet / remove it (refused while the VNet or the route table is under migration). */
df.app.client.http('smSubnetRouteTable', {
  route:
    '{subscriptionId}/services/networking/virtualnetwork/{virtualNetworkName}/subnets/{subnetName}/routetables',
  methods: ['POST', 'DELETE'],
  authLevel: 'anonymous',
  handler: authorizedWrite(subnetRouteTable),
});
