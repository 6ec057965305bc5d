/** Entra ID access tokens, checked in code (the Functions host's authentication is not relied on). */

/** The caller a verified token names. */
export interface Principal {
  /** `oid`: the immutable object id of the user or service principal; the key for grants. */
  objectId: string;
  /** For people to read: `upn` / `preferred_username` for users, the client app id for apps. */
  name: string;
  /** App roles from the `roles` claim. */
  roles: string[];
  tenantId?: string;
  /** `app` for app-only (client credential) tokens. */
  kind: 'user' | 'app';
}

export type TokenVerification =
  | { ok: true; principal: Principal }
  /** `transient`: the token could not be checked now (the signing keys could not be fetched). */
  | { ok: false; reason: string; transient?: boolean };

export interface TokenVerifier {
  verify(token: string): Promise<TokenVerification>;
}
