/**
 * Signing in, when the API wants a bearer token (`GET /portal/config.json` says so): Entra ID through MSAL
 * for the browser, authorization code with PKCE, by redirect. MSAL is loaded only then (a separate bundle
 * chunk), so the page with auth off downloads none of it.
 *
 * Tokens are kept in sessionStorage (MSAL's cache), gone when the tab closes; a silent renewal that needs the
 * user again (consent, expired session) falls back to a redirect.
 */
import type { TokenSource } from '../api/client';

export interface SignIn {
  clientId: string;
  authority: string;
  scopes: string[];
}

export interface Auth extends TokenSource {
  /** Who is signed in, for the header; undefined with auth off. */
  user(): string | undefined;
  signOut(): Promise<void>;
}

export const noAuth: Auth = {
  token: () => Promise.resolve(undefined),
  user: () => undefined,
  signOut: () => Promise.resolve(),
};

/**
 * Completes a sign-in redirect if this load is one, or starts one if nobody is signed in (the returned
 * promise then never settles: the page is navigating to Entra ID).
 */
export async function signIn(settings: SignIn): Promise<Auth> {
  const msal = await import('@azure/msal-browser');
  const client = await msal.createStandardPublicClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      redirectUri: `${window.location.origin}/`,
    },
    cache: { cacheLocation: msal.BrowserCacheLocation.SessionStorage },
  });
  const redirected = await client.handleRedirectPromise();
  const account = redirected?.account ?? client.getAllAccounts()[0];
  if (!account) {
    await client.loginRedirect({ scopes: settings.scopes });
    return new Promise<Auth>(() => undefined);
  }
  client.setActiveAccount(account);
  return {
    async token() {
      try {
        const result = await client.acquireTokenSilent({ scopes: settings.scopes, account });
        return result.accessToken;
      } catch (error) {
        if (error instanceof msal.InteractionRequiredAuthError) {
          await client.acquireTokenRedirect({ scopes: settings.scopes, account });
          return new Promise<string>(() => undefined);
        }
        throw error;
      }
    },
    user: () => account.username || account.name,
    signOut: () => client.logoutRedirect({ account, postLogoutRedirectUri: `${window.location.origin}/` }),
  };
}
