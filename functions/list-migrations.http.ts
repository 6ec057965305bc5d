import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withJsonErrors } from '../shared/handlers/json-error-edge';
import { listMigrations } from '../shared/handlers/list-migrations.handler';

app.http('listMigrations', {
  route: 'api/migrations',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, context) => withJsonErrors(context, () => listMigrations(getServices(), request)),
});
