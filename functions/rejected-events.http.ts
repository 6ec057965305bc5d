import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { withJsonErrors } from '../shared/handlers/json-error-edge';
import { getRejectedEvents } from '../shared/handlers/rejected-events.handler';

app.http('rejectedEvents', {
  route: 'api/events/rejected',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).jsonRead, () =>
        getRejectedEvents(getServices(), request),
      ),
    ),
});
