import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { networkInterfaceNetworkSecurityGroup } from '../shared/handlers/service-management/network-associations.handler';

/** Service Management: add an NSG to a VM's secondary NIC / remove it (refused while the VM or the NSG is under migration). */
df.app.client.http('smNetworkInterfaceNetworkSecurityGroup', {
  route:
    '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}/roles/{roleName}/networkinterfaces/{networkInterfaceName}/networksecuritygroups/{name?}',
  methods: ['POST', 'DELETE'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () =>
        networkInterfaceNetworkSecurityGroup(
          getServices(),
          new DurableScopeEntityGateway(client),
          request,
          context,
        ),
    ),
});
