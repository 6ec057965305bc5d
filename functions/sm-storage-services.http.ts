import * as df from 'durable-functions';

import { authorizedByMethod } from '../shared/handlers/service-management/sm-write-function';
import {
  deleteStorageAccount,
  updateStorageAccount,
} from '../shared/handlers/service-management/storage-account-writes.handler';
import { getStorageServices } from '../shared/handlers/service-management/storage-services.handler';

const byMethod = { GET: getStorageServices, PUT: updateStorageAccount, DELETE: deleteStorageAccount };

/** Service Management: List Storage Accounts / Get Storage Account Properties (with MigrationState), Update and Delete Storage Account (refused while it is under migration). */
df.app.client.http('smStorageServices', {
  route: '{subscriptionId}/services/storageservices/{name?}',
  methods: ['GET', 'PUT', 'DELETE'],
  authLevel: 'anonymous',
  handler: authorizedByMethod(byMethod),
});
