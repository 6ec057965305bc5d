import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { listMigrations } from '../shared/handlers/list-migrations.handler';

app.http('listMigrations', {
  route: 'api/migrations',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request) => listMigrations(getServices(), request),
});
