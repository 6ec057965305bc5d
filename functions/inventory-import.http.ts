import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { importInventoryHandler } from '../shared/handlers/import-inventory.handler';
import { withJsonErrors } from '../shared/handlers/json-error-edge';

app.http('inventoryImport', {
  route: 'api/inventory/import',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).jsonImport, () =>
        importInventoryHandler(getServices(), request),
      ),
    ),
});
