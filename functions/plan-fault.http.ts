import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { planFault } from '../shared/handlers/plan-fault.handler';

app.http('planFault', {
  route: 'api/admin/faults',
  methods: ['POST'],
  authLevel: 'admin',
  handler: (request) => planFault(getServices(), request),
});
