import * as df from 'durable-functions';

import { getHostedService } from '../shared/handlers/service-management/hosted-service.handler';
import {
  deleteHostedService,
  updateHostedService,
} from '../shared/handlers/service-management/hosted-service-writes.handler';
import { authorizedByMethod } from '../shared/handlers/service-management/sm-write-function';

const byMethod = { GET: getHostedService, PUT: updateHostedService, DELETE: deleteHostedService };

/** Service Management: Get Hosted Service Properties (with `embed-detail=true`: its deployments and roles with MigrationState), Update and Delete Cloud Service (refused while it is under migration). */
df.app.client.http('smGetHostedService', {
  route: '{subscriptionId}/services/hostedservices/{serviceName}',
  methods: ['GET', 'PUT', 'DELETE'],
  authLevel: 'anonymous',
  handler: authorizedByMethod(byMethod),
});
