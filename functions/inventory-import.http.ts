import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { importInventoryHandler } from '../shared/handlers/import-inventory.handler';

app.http('inventoryImport', {
  route: 'api/inventory/import',
  methods: ['POST'],
  authLevel: 'function',
  handler: (request) => importInventoryHandler(getServices(), request),
});
