import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { withJsonErrors } from '../shared/handlers/json-error-edge';
import { listMigrations } from '../shared/handlers/list-migrations.handler';

app.http('listMigrations', {
  route: 'api/migrations',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).jsonRead, () =>
        listMigrations(getServices(), request),
      ),
    ),
});
