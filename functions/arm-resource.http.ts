import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { resourceById } from '../shared/handlers/arm-read.handler';

app.http('armResource', {
  route: 'subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{*resourcePath}',
  methods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  authLevel: 'function',
  handler: (request) => resourceById(getServices(), request),
});
