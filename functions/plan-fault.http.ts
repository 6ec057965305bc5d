import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { withJsonErrors } from '../shared/handlers/json-error-edge';
import { planFault } from '../shared/handlers/plan-fault.handler';

app.http('planFault', {
  route: 'api/admin/faults',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).faults, () =>
        planFault(getServices(), request),
      ),
    ),
});
