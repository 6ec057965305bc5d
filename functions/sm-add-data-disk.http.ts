import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { addDataDisk } from '../shared/handlers/service-management/add-data-disk.handler';

/** Service Management: Add Data Disk (refused while the VM is under migration). */
df.app.client.http('smAddDataDisk', {
  route:
    '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}/roles/{roleName}/DataDisks',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () => addDataDisk(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
