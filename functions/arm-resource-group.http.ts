import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { getResourceGroup } from '../shared/handlers/arm-read.handler';

app.http('armResourceGroup', {
  route: 'subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request) => getResourceGroup(getServices(), request),
});
