/**
 * Identity and roles on every surface, end to end on a dev host with AUTH_REQUIRED=true and a local issuer
 * (real RSA keys, a JWKS over HTTP): the authorisation matrix of roles × actions × surfaces, each refusal in
 * the surface's own error shape, per-subscription grants managed by an Admin, the audit naming the token's
 * principal (never a header), health anonymous, and the Classic SDK client with a bearer token.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Action, allows, type AppRole, appRoles } from '../../shared/domain/auth/permissions';
import { asmClients, type SubscriptionCredentials } from '../support/asm-clients';
import { useDevHost } from '../support/e2e-host';
import { LocalIssuer } from '../support/local-issuer';
import type { MigrationApi } from '../support/migration-api';

let issuer: LocalIssuer;
beforeAll(async () => {
  issuer = await new LocalIssuer().start();
});
afterAll(async () => {
  await issuer.stop();
});

const e2e = useDevHost(() => ({
  env: {
    AUTH_REQUIRED: 'true',
    AUTH_ISSUER: issuer.issuer,
    AUTH_AUDIENCE: issuer.audience,
    AUTH_JWKS_URI: issuer.jwksUri,
    AUTH_DEFAULT_SUBSCRIPTIONS: '',
  },
}));

/** One principal per role, and the admin that grants them the test's subscription. */
const principals = Object.fromEntries(appRoles.map((role) => [role, randomUUID()])) as Record<
  AppRole,
  string
>;
const tokenFor = (role: AppRole) =>
  issuer.token({
    oid: principals[role],
    roles: [role],
    upn: `${role.split('.')[1]!.toLowerCase()}@contoso.com`,
  });

let api: MigrationApi;
let subscriptionId: string;

async function call(
  method: string,
  path: string,
  token?: string,
  body?: string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${e2e.host.baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

beforeAll(async () => {
  api = await e2e.freshEstate();
  subscriptionId = api.subscriptionId;
  const admin = await tokenFor('Migration.Admin');
  for (const role of appRoles) {
    const granted = await call('PUT', `/api/admin/grants/${principals[role]}/${subscriptionId}`, admin);
    expect(granted.status).toBe(200);
  }
});

interface Row {
  surface: 'json' | 'serviceManagement' | 'arm';
  action: Action;
  method: string;
  path: () => string;
  body?: string;
  headers?: Record<string, string>;
}

const sub = () => subscriptionId;
const q = () => `subscriptionId=${subscriptionId}`;
const json = { 'content-type': 'application/json' };
const xml = { 'content-type': 'application/xml', 'x-ms-version': '2017-01-01' };
const matrix: Row[] = [
  { surface: 'json', action: 'read', method: 'GET', path: () => `/api/migrations?${q()}` },
  {
    surface: 'json',
    action: 'validate',
    method: 'POST',
    path: () => `/api/migrations/virtualNetworks/nope/validate?${q()}`,
  },
  {
    surface: 'json',
    action: 'prepare',
    method: 'POST',
    path: () => `/api/migrations/virtualNetworks/nope/prepare?${q()}`,
  },
  {
    surface: 'json',
    action: 'abort',
    method: 'POST',
    path: () => `/api/migrations/virtualNetworks/nope/abort?${q()}`,
  },
  {
    surface: 'json',
    action: 'commit',
    method: 'POST',
    path: () => `/api/migrations/virtualNetworks/nope/commit?${q()}`,
  },
  {
    surface: 'json',
    action: 'import',
    method: 'POST',
    path: () => `/api/inventory/import?${q()}`,
    body: '<NotXml',
    headers: xml,
  },
  {
    surface: 'json',
    action: 'batch',
    method: 'POST',
    path: () => `/api/batches?${q()}`,
    body: JSON.stringify({
      name: 'b',
      scopes: [{ kind: 'vnet', name: 'nope' }],
      phases: ['validate'],
      window: { start: '2030-01-01T00:00', durationMinutes: 60 },
    }),
    headers: json,
  },
  {
    surface: 'json',
    action: 'batchCommit',
    method: 'POST',
    path: () => `/api/batches?${q()}`,
    body: JSON.stringify({
      name: 'b',
      scopes: [{ kind: 'vnet', name: 'nope' }],
      phases: ['prepare', 'commit'],
      autoCommit: true,
      window: { start: '2030-01-01T00:00', durationMinutes: 60 },
    }),
    headers: json,
  },
  {
    surface: 'json',
    action: 'forceRelease',
    method: 'POST',
    path: () => `/api/admin/migrations/virtualNetworks/nope/release?${q()}`,
    body: '{"reason":"test"}',
    headers: json,
  },
  {
    surface: 'json',
    action: 'faults',
    method: 'POST',
    path: () => `/api/admin/faults?${q()}`,
    body: '{}',
    headers: json,
  },
  { surface: 'json', action: 'grants', method: 'GET', path: () => '/api/admin/grants' },
  {
    surface: 'json',
    action: 'migrationProfile',
    method: 'GET',
    path: () => `/api/subscriptions/${sub()}/migration-profile`,
  },
  {
    surface: 'json',
    action: 'migrationProfile',
    method: 'PUT',
    path: () => `/api/subscriptions/${sub()}/migration-profile`,
    body: '{"profile":"ga"}',
    headers: json,
  },
  {
    surface: 'serviceManagement',
    action: 'read',
    method: 'GET',
    path: () => `/${sub()}/services/networking/reservedips`,
    headers: xml,
  },
  {
    surface: 'serviceManagement',
    action: 'validate',
    method: 'POST',
    path: () => `/${sub()}/services/networking/reservedips/nope/migration?comp=validate`,
    headers: xml,
    body: '',
  },
  {
    surface: 'serviceManagement',
    action: 'prepare',
    method: 'POST',
    path: () => `/${sub()}/services/networking/reservedips/nope/migration?comp=prepare`,
    headers: xml,
    body: '',
  },
  {
    surface: 'serviceManagement',
    action: 'commit',
    method: 'POST',
    path: () => `/${sub()}/services/networking/reservedips/nope/migration?comp=commit`,
    headers: xml,
    body: '',
  },
  {
    surface: 'serviceManagement',
    action: 'import',
    method: 'POST',
    path: () => `/${sub()}/services/hostedservices`,
    headers: xml,
    body: '<NotXml',
  },
  {
    surface: 'serviceManagement',
    action: 'import',
    method: 'DELETE',
    path: () => `/${sub()}/services/networking/reservedips/nope`,
    headers: xml,
  },
  {
    surface: 'serviceManagement',
    action: 'import',
    method: 'POST',
    path: () => `/${sub()}/services/networking/virtualnetwork/nope/subnets/nope/networksecuritygroups`,
    headers: xml,
    body: '<NotXml',
  },
  {
    surface: 'serviceManagement',
    action: 'import',
    method: 'PUT',
    path: () => `/${sub()}/services/storageservices/nope`,
    headers: xml,
    body: '<NotXml',
  },
  {
    surface: 'arm',
    action: 'read',
    method: 'GET',
    path: () => `/subscriptions/${sub()}/resourceGroups?api-version=2016-09-01`,
  },
  {
    surface: 'arm',
    action: 'read',
    method: 'GET',
    path: () => `/subscriptions/${sub()}/resources?api-version=2021-04-01`,
  },
  {
    surface: 'arm',
    action: 'read',
    method: 'GET',
    path: () =>
      `/subscriptions/${sub()}/providers/Microsoft.Network/networkInterfaces?api-version=2024-03-01`,
  },
  {
    surface: 'arm',
    action: 'read',
    method: 'GET',
    path: () =>
      `/subscriptions/${sub()}/resourceGroups/contoso-web-Migrated/providers/Microsoft.Compute/virtualMachines?api-version=2024-03-01`,
  },
  {
    surface: 'arm',
    action: 'register',
    method: 'POST',
    path: () =>
      `/subscriptions/${randomUUID()}/providers/Microsoft.ClassicInfrastructureMigrate/register?api-version=2016-09-01`,
  },
];

/** The error code each surface answers a refusal with. */
function refusalCode(row: Row, status: 401 | 403): string {
  if (row.surface === 'serviceManagement') return status === 401 ? 'AuthenticationFailed' : 'ForbiddenError';
  if (row.surface === 'arm') return status === 401 ? 'AuthenticationFailed' : 'AuthorizationFailed';
  return status === 401 ? 'Unauthorized' : 'Forbidden';
}

function codeIn(row: Row, text: string): string | undefined {
  if (row.surface === 'serviceManagement') return /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
  return (JSON.parse(text) as { error?: { code?: string } }).error?.code;
}

describe('authorisation matrix', () => {
  it.each(
    matrix.map(
      (row) =>
        [`${row.surface} ${row.action} ${row.method} ${row.path.toString().slice(6, 60)}`, row] as const,
    ),
  )(
    'When %s is called with no token, a forged token and each role, then only the roles the table allows get through, and refusals use the surface’s shape',
    async (_name, row) => {
      const anonymous = await call(row.method, row.path(), undefined, row.body, row.headers);
      expect(anonymous.status).toBe(401);
      expect(codeIn(row, anonymous.text)).toBe(refusalCode(row, 401));
      const forged = await call(
        row.method,
        row.path(),
        await issuer.token({ kid: await issuer.unpublishedKey(), roles: ['Migration.Admin'] }),
        row.body,
        row.headers,
      );
      expect(forged.status).toBe(401);
      for (const role of appRoles) {
        const response = await call(row.method, row.path(), await tokenFor(role), row.body, row.headers);
        if (allows([role], row.action)) {
          expect([401, 403], `${role} ${row.action}: ${response.text}`).not.toContain(response.status);
        } else {
          expect(response.status, `${role} ${row.action}`).toBe(403);
          expect(codeIn(row, response.text)).toBe(refusalCode(row, 403));
          expect(response.text).toContain(row.action);
        }
      }
    },
  );
});

describe('identity', () => {
  it('When health is asked without a token, then it answers 200', async () => {
    expect((await call('GET', '/api/health')).status).toBe(200);
  });

  it('When an operator validates with a header naming someone else, then the operation names the token’s principal', async () => {
    const response = await call(
      'POST',
      `/api/migrations/virtualNetworks/Prod-VNet/validate?${q()}`,
      await tokenFor('Migration.Operator'),
      '{}',
      {
        ...json,
        'x-requested-by': 'mallory',
        'x-ms-client-principal-name': 'mallory',
      },
    );
    expect(response.status).toBe(202);
    const { operationId } = JSON.parse(response.text) as { operationId: string };
    const operation = await call('GET', `/api/operations/${operationId}`, await tokenFor('Migration.Reader'));
    expect(JSON.parse(operation.text)).toMatchObject({
      requestedBy: `operator@contoso.com (${principals['Migration.Operator']})`,
    });
  });

  it('When a principal acts in a subscription it was not granted, then 403 says so; after an admin grants it, it may', async () => {
    const other = randomUUID();
    const token = await tokenFor('Migration.Reader');
    const refused = await call('GET', `/api/migrations?subscriptionId=${other}`, token);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('not granted subscription');
    const admin = await tokenFor('Migration.Admin');
    expect(
      (await call('PUT', `/api/admin/grants/${principals['Migration.Reader']}/${other}`, admin)).status,
    ).toBe(200);
    expect((await call('GET', `/api/migrations?subscriptionId=${other}`, token)).status).toBe(200);
    expect(
      (await call('DELETE', `/api/admin/grants/${principals['Migration.Reader']}/${other}`, admin)).status,
    ).toBe(204);
    expect((await call('GET', `/api/migrations?subscriptionId=${other}`, token)).status).toBe(403);
  });

  it('When a reader lists the resources of a subscription it was not granted, then ARM’s 403 AuthorizationFailed; its own subscription lists', async () => {
    const token = await tokenFor('Migration.Reader');
    for (const path of ['/resources', '/providers/Microsoft.Network/networkInterfaces']) {
      const refused = await call(
        'GET',
        `/subscriptions/${randomUUID()}${path}?api-version=2021-04-01`,
        token,
      );
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.text)).toMatchObject({ error: { code: 'AuthorizationFailed' } });
      const own = await call('GET', `/subscriptions/${subscriptionId}${path}?api-version=2021-04-01`, token);
      expect(own.status).toBe(200);
      expect(JSON.parse(own.text)).toEqual({ value: [] });
    }
  });

  it('When the Classic SDK client sends a bearer token (TokenCloudCredentials), then it is served; without one it is refused', async () => {
    const { TokenCloudCredentials } = createRequire(__filename)('azure-common') as {
      TokenCloudCredentials: new (options: {
        subscriptionId: string;
        token: string;
      }) => SubscriptionCredentials;
    };
    const withToken = asmClients(
      e2e.host.baseUrl,
      new TokenCloudCredentials({ subscriptionId, token: await tokenFor('Migration.Operator') }),
    );
    const validated = await withToken.network.reservedIPs.validateMigration('ftp-rip');
    expect(validated.validationMessages).toEqual(expect.any(Array));
    const anonymous = asmClients(e2e.host.baseUrl, {
      subscriptionId,
      signRequest: (_resource, callback) => callback(null),
    });
    await expect(anonymous.network.reservedIPs.validateMigration('ftp-rip')).rejects.toMatchObject({
      statusCode: 401,
    });
  });
});
