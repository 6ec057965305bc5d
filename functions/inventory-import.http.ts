import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { importInventoryHandler } from '../shared/handlers/import-inventory.handler';
import { withJsonErrors } from '../shared/handlers/json-error-edge';

app.http('inventoryImport', {
  route: 'api/inventory/import',
  methods: ['POST'],
  authLevel: 'function',
  handler: (request, context) =>
    withJsonErrors(context, () => importInventoryHandler(getServices(), request)),
});
