import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { exportTemplates } from '../shared/handlers/exports.handler';
import { withJsonErrors } from '../shared/handlers/json-error-edge';

app.http('exportArmTemplate', {
  route: 'api/exports/{scopeKind}/{name}/template',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).jsonRead, () =>
        exportTemplates(getServices(), request),
      ),
    ),
});
