import * as df from 'durable-functions';

import { roleNetworkSecurityGroup } from '../shared/handlers/service-management/network-associations.handler';
import { authorizedWrite } from '../shared/handlers/service-management/sm-write-function';

/** Service Management: add an NSG to a VM / remove it (refused while the VM or the NSG is under migration). */
df.app.client.http('smRoleNetworkSecurityGroup', {
  route:
    '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}/roles/{roleName}/networksecuritygroups/{name?}',
  methods: ['POST', 'DELETE'],
  authLevel: 'anonymous',
  handler: authorizedWrite(roleNetworkSecurityGroup),
});
