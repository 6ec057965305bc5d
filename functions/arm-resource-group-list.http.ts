import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { listResourceGroups } from '../shared/handlers/arm-read.handler';

app.http('armResourceGroups', {
  route: 'subscriptions/{subscriptionId}/resourceGroups',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request) => listResourceGroups(getServices(), request),
});
