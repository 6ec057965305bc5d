import { app, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { serviceVersion } from '../shared/contracts/version';

/** Liveness and version. On the dev host it answers only once every trigger is serving. */
export function health(_request: HttpRequest, _context: InvocationContext): HttpResponseInit {
  return {
    status: 200,
    jsonBody: { status: 'ok', service: 'classic-arm-migration', version: serviceVersion },
  };
}

// The route prefix is empty (host.json) so the Service Management API can live at the root; the JSON API
// spells its `api/` prefix in each route.
app.http('health', { route: 'api/health', methods: ['GET'], authLevel: 'anonymous', handler: health });
