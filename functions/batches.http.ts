import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
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
  authLevel: 'function',
  handler: (request, context) => withJsonErrors(context, () => createBatchHandler(getServices(), request)),
});

app.http('listBatches', {
  route: 'api/batches',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, context) => withJsonErrors(context, () => listBatchesHandler(getServices(), request)),
});

app.http('createNightlyValidation', {
  route: 'api/batches/nightly-validation',
  methods: ['POST'],
  authLevel: 'function',
  handler: (request, context) =>
    withJsonErrors(context, () => nightlyValidationHandler(getServices(), request)),
});

app.http('getBatch', {
  route: 'api/batches/{batchId}',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, context) => withJsonErrors(context, () => getBatchHandler(getServices(), request)),
});

app.http('batchReport', {
  route: 'api/batches/{batchId}/report',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, context) => withJsonErrors(context, () => batchReportHandler(getServices(), request)),
});

app.http('batchCommand', {
  route: 'api/batches/{batchId}/{command}',
  methods: ['POST'],
  authLevel: 'function',
  handler: (request, context) => withJsonErrors(context, () => batchCommandHandler(getServices(), request)),
});
