import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { listResources } from '../shared/handlers/arm-read.handler';

app.http('armResources', {
  route: 'subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/resources',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request) => listResources(getServices(), request),
});
