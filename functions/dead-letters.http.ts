import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { getDeadLetters } from '../shared/handlers/dead-letters.handler';
import { withJsonErrors } from '../shared/handlers/json-error-edge';

/** `GET /api/admin/deadletters[?queue=]`: the phase queues' dead letters, pending and handled. */
app.http('deadLetters', {
  route: 'api/admin/deadletters',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).deadLetters, () =>
        getDeadLetters(getServices(), request),
      ),
    ),
});
