import * as df from 'durable-functions';

import { subnetNetworkSecurityGroup } from '../shared/handlers/service-management/network-associations.handler';
import { authorizedWrite } from '../shared/handlers/service-management/sm-write-function';

/** Service Management: add an NSG to a subnet / remove it (refused while the VNet or the NSG is under migration). */
df.app.client.http('smSubnetNetworkSecurityGroup', {
  route:
    '{subscriptionId}/services/networking/virtualnetwork/{virtualNetworkName}/subnets/{subnetName}/networksecuritygroups/{name?}',
  methods: ['POST', 'DELETE'],
  authLevel: 'anonymous',
  handler: authorizedWrite(subnetNetworkSecurityGroup),
});
