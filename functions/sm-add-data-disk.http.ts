import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { addDataDisk } from '../shared/handlers/service-management/add-data-disk.handler';

/** Service Management: Add Data Disk (refused while the VM is under migration). */
df.app.client.http('smAddDataDisk', {
  route:
    '{subscriptionId}/services/hostedservices/{serviceName}/deployments/{deploymentName}/roles/{roleName}/DataDisks',
  methods: ['POST'],
  authLevel: 'function',
  handler: (request, client, context) =>
    addDataDisk(getServices(), new DurableScopeEntityGateway(client), request, context),
});
