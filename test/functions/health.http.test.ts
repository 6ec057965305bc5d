import { HttpRequest, InvocationContext } from '@azure/functions';
import { describe, expect, it } from 'vitest';

import { capturedApp } from '../../devhost/core-shim';
import { health } from '../../functions/health.http';

describe('health', () => {
  it('When GET /api/health is registered, then it is an anonymous GET route named health', () => {
    const registered = capturedApp().functions.get('health');
    const trigger = Object.values(registered?.metadata.bindings ?? {}).find((b) => b.type === 'httpTrigger');
    expect(trigger).toMatchObject({ route: 'api/health', methods: ['GET'], authLevel: 'anonymous' });
  });

  it('When called, then it answers 200 with status ok', () => {
    const response = health(
      new HttpRequest({ method: 'GET', url: 'http://localhost/api/health' }),
      new InvocationContext(),
    );
    expect(response.status).toBe(200);
    expect(response.jsonBody).toMatchObject({ status: 'ok' });
  });
});
