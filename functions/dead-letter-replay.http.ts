import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { postDeadLetterReplay } from '../shared/handlers/dead-letters.handler';
import { withJsonErrors } from '../shared/handlers/json-error-edge';

/** `POST /api/admin/deadletters/{queue}/{messageId}/replay`: sends a dead-lettered command again. */
app.http('deadLetterReplay', {
  route: 'api/admin/deadletters/{queue}/{messageId}/replay',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).deadLetters, () =>
        postDeadLetterReplay(getServices(), request),
      ),
    ),
});
