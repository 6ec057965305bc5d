/** The portal's built files (the page, its script and style bundles), as the HTTP functions serve them. */
export interface PortalAsset {
  body: Buffer;
  contentType: string;
  /** The name carries a content hash: the file never changes under that name, so it may be cached for good. */
  immutable: boolean;
}

export interface PortalAssets {
  /** A file of the built portal by its plain name (`index.html`, `main-3KQ2ZC5D.js`); undefined when none. */
  get(name: string): Promise<PortalAsset | undefined>;
}
