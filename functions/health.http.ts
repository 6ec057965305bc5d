import { app, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { serviceVersion } from '../shared/contracts/version';

/** Liveness and version. On the dev host it answers only once every trigger is serving. */
export function health(_request: HttpRequest, _context: InvocationContext): HttpResponseInit {
  return {
    status: 200,
    jsonBody: { status: 'ok', service: 'classic-arm-migration', version: serviceVersion },
  };
}

app.http('health', { route: 'health', methods: ['GET'], authLevel: 'anonymous', handler: health });
