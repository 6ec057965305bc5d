import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withJsonErrors } from '../shared/handlers/json-error-edge';
import { getRejectedEvents } from '../shared/handlers/rejected-events.handler';

app.http('rejectedEvents', {
  route: 'api/events/rejected',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, context) => withJsonErrors(context, () => getRejectedEvents(getServices(), request)),
});
