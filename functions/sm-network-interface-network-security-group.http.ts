import * as df from 'durable-functions';

import { networkInterfaceNetworkSecurityGroup } from '../shared/handlers/service-management/network-associations.handler';
import { authorizedWrite } from '../shared/handlers/service-management/sm-write-function';

/** Service Management: add an NSG to a VM's secondary NIC / remove it (refused while the VM or the NSG is under migration). */
df.app.client.http('smNetworkInterfaceNetworkSecurityGroup', {
  route:
    '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}/roles/{roleName}/networkinterfaces/{networkInterfaceName}/networksecuritygroups/{name?}',
  methods: ['POST', 'DELETE'],
  authLevel: 'anonymous',
  handler: authorizedWrite(networkInterfaceNetworkSecurityGroup),
});
