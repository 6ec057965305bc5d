/**
 * The portal's built files, read from the folder `npm run build` writes them to (`dist/portal`, found next to
 * the compiled function files, so the same code finds it on the dev host and in the Azure package).
 *
 * Hazard: the file name comes from the URL. Only names listed in the folder are served — the listing is the
 * allow-list — so `..`, encoded slashes or dot-files can never reach another file of the app.
 *
 * Files whose name carries a content hash never change under that name: read once, kept in memory. The page
 * (`index.html`) is read on every request, and the listing again on a miss (at most once a second), so a
 * portal rebuilt under a running dev host is served at once.
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

import type { PortalAsset, PortalAssets } from '../../ports/portal-assets.port';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** esbuild's `[name]-[hash]` names (eight upper-case base32 characters), and their maps and licence files. */
const hashedName = /-[A-Z0-9]{8}\.(js|css)(\.map|\.LEGAL\.txt)?$/;
const relistAfterMs = 1000;

export class PortalAssetFolder implements PortalAssets {
  readonly #folder: string;
  #names = new Set<string>();
  #listedAt = Number.NEGATIVE_INFINITY;
  readonly #cache = new Map<string, PortalAsset>();

  constructor(folder: string) {
    this.#folder = folder;
  }

  async get(name: string): Promise<PortalAsset | undefined> {
    const cached = this.#cache.get(name);
    if (cached) return cached;
    const contentType = contentTypes[extname(name).toLowerCase()];
    if (contentType === undefined || !(await this.#listed(name))) return undefined;
    let body: Buffer;
    try {
      body = await readFile(join(this.#folder, name));
    } catch {
      return undefined;
    }
    const asset: PortalAsset = { body, contentType, immutable: hashedName.test(name) };
    if (asset.immutable) this.#cache.set(name, asset);
    return asset;
  }

  async #listed(name: string): Promise<boolean> {
    if (this.#names.has(name)) return true;
    if (Date.now() - this.#listedAt < relistAfterMs) return false;
    this.#listedAt = Date.now();
    try {
      const entries = await readdir(this.#folder, { withFileTypes: true });
      this.#names = new Set(
        entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name),
      );
    } catch {
      this.#names = new Set();
    }
    return this.#names.has(name);
  }
}
