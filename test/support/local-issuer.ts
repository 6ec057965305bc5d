/**
 * A local token issuer for tests: RSA keys made here, a JWKS served over real HTTP on 127.0.0.1, and
 * signed access tokens shaped like Entra ID's v2.0 ones (oid, tid, roles, upn or azp).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { exportJWK, generateKeyPair, type JWK, type KeyLike, SignJWT } from 'jose';

export interface TokenClaims {
  oid?: string;
  roles?: string[];
  upn?: string;
  azp?: string;
  idtyp?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** Seconds from now for `nbf`. */
  notBefore?: number;
  audience?: string;
  issuer?: string;
  /** Sign with this key id (`rotate()` makes a new one). */
  kid?: string;
}

export class LocalIssuer {
  readonly issuer = 'https://login.example.test/tenant-1/v2.0';
  readonly audience = 'api://classic-migration';
  readonly tenantId = 'tenant-1';
  #server: Server | undefined;
  #keys = new Map<string, { privateKey: KeyLike; jwk: JWK }>();
  #published: string[] = [];
  #currentKid = '';
  /** Key-set fetches served (to see rollover refetches). */
  fetches = 0;

  get jwksUri(): string {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('the issuer is not started');
    return `http://127.0.0.1:${address.port}/discovery/v2.0/keys`;
  }

  async start(): Promise<this> {
    await this.rotate();
    this.#server = createServer((_request, response) => {
      this.fetches += 1;
      const keys = this.#published.map((kid) => this.#keys.get(kid)?.jwk);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  /** A new signing key, published beside the old ones (as Entra publishes the next key before using it). */
  async rotate(options: { retireOld?: boolean } = {}): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = `key-${this.#keys.size + 1}`;
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    this.#keys.set(kid, { privateKey, jwk });
    this.#published = options.retireOld ? [kid] : [...this.#published, kid];
    this.#currentKid = kid;
    return kid;
  }

  /** A key that is never published (a forged token). */
  async unpublishedKey(): Promise<string> {
    const current = this.#currentKid;
    const kid = await this.rotate();
    this.#published = this.#published.filter((published) => published !== kid);
    this.#currentKid = current;
    return kid;
  }

  async token(claims: TokenClaims = {}): Promise<string> {
    const kid = claims.kid ?? this.#currentKid;
    const key = this.#keys.get(kid);
    if (!key) throw new Error(`no key ${kid}`);
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {
      oid: claims.oid ?? '11111111-1111-1111-1111-111111111111',
      tid: this.tenantId,
      roles: claims.roles ?? [],
      ver: '2.0',
      ...(claims.upn === undefined ? {} : { upn: claims.upn }),
      ...(claims.azp === undefined ? {} : { azp: claims.azp }),
      ...(claims.idtyp === undefined ? {} : { idtyp: claims.idtyp }),
      ...(claims.notBefore === undefined ? {} : { nbf: now + claims.notBefore }),
    };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(claims.issuer ?? this.issuer)
      .setAudience(claims.audience ?? this.audience)
      .setIssuedAt(now - 5)
      .setExpirationTime(now + (claims.expiresIn ?? 3600))
      .sign(key.privateKey);
  }
}
