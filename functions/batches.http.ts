import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import {
  batchCommandHandler,
  batchReportHandler,
  createBatchHandler,
  getBatchHandler,
  listBatchesHandler,
  nightlyValidationHandler,
} from '../shared/handlers/batches.handler';
import { withJsonErrors } from '../shared/handlers/json-error-edge';

/** Batch plans: create, list, read, pause/resume/cancel, the run report, and the nightly validation plan. */
app.http('createBatch', {
  route: 'api/batches',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).jsonBatchCreate, () =>
        createBatchHandler(getServices(), request),
      ),
    ),
});

app.http('listBatches', {
  route: 'api/batches',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).jsonRead, () =>
        listBatchesHandler(getServices(), request),
      ),
    ),
});

app.http('createNightlyValidation', {
  route: 'api/batches/nightly-validation',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).jsonBatch, () =>
        nightlyValidationHandler(getServices(), request),
      ),
    ),
});

app.http('getBatch', {
  route: 'api/batches/{batchId}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).jsonBatchById, () =>
        getBatchHandler(getServices(), request),
      ),
    ),
});

app.http('batchReport', {
  route: 'api/batches/{batchId}/report',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).jsonBatchById, () =>
        batchReportHandler(getServices(), request),
      ),
    ),
});

app.http('batchCommand', {
  route: 'api/batches/{batchId}/{command}',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, context) =>
    withJsonErrors(context, () =>
      withAuthorization(getServices(), request, 'json', requestTargets(getServices()).jsonBatchById, () =>
        batchCommandHandler(getServices(), request),
      ),
    ),
});
