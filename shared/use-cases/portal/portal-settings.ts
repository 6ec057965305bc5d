/**
 * What the portal page needs to know before its first API call (`GET /portal/config.json`): the default
 * subscription, whether the API wants a bearer token, and if so how to sign in with Entra ID (MSAL,
 * authorization code with PKCE): the portal's own app registration (`PORTAL_CLIENT_ID`), the tenant's
 * authority, and the API scope to ask a token for (`api://<AUTH_CLIENT_ID>/.default`, the permissions the
 * portal's registration was granted on the API's). Holds no secret: a single-page app is a public client.
 */
import type { Config } from '../../config';

/** Entra ID's sign-in host (public cloud). */
export const entraAuthorityHost = 'https://login.microsoftonline.com';

export interface PortalSettings {
  defaultSubscriptionId: string;
  authRequired: boolean;
  /** Present when the API wants a token and the portal's sign-in is configured. */
  signIn?: { clientId: string; authority: string; scopes: string[] };
  /** Why the portal cannot sign in although the API wants a token (a setting is missing). */
  signInProblem?: string;
}

export function portalSettings(
  config: Pick<Config, 'defaultSubscriptionId' | 'authRequired' | 'portal'>,
): PortalSettings {
  const base = { defaultSubscriptionId: config.defaultSubscriptionId, authRequired: config.authRequired };
  if (!config.authRequired) return base;
  const { clientId, tenantId, apiClientId } = config.portal;
  const missing = [
    ...(clientId ? [] : ['PORTAL_CLIENT_ID']),
    ...(tenantId ? [] : ['AUTH_TENANT_ID']),
    ...(apiClientId ? [] : ['AUTH_CLIENT_ID']),
  ];
  if (!clientId || !tenantId || !apiClientId) {
    return {
      ...base,
      signInProblem: `The API requires a bearer token, but the portal cannot sign in: set ${missing.join(', ')} (see the README, "The portal").`,
    };
  }
  return {
    ...base,
    signIn: {
      clientId,
      authority: `${entraAuthorityHost}/${encodeURIComponent(tenantId)}`,
      scopes: [`${apiClientId.startsWith('api://') ? apiClientId : `api://${apiClientId}`}/.default`],
    },
  };
}
