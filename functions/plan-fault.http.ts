import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withJsonErrors } from '../shared/handlers/json-error-edge';
import { planFault } from '../shared/handlers/plan-fault.handler';

app.http('planFault', {
  route: 'api/admin/faults',
  methods: ['POST'],
  authLevel: 'admin',
  handler: (request, context) => withJsonErrors(context, () => planFault(getServices(), request)),
});
