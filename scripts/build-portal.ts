/**
 * Builds the portal into dist/portal (part of `npm run build`, after `tsc -p portal/tsconfig.json` has
 * type-checked it): esbuild bundles portal/src/main.ts (MSAL split into its own chunk, loaded only when
 * sign-in is on) and portal/portal.css, minified, with content-hashed names and source maps; then
 * portal/index.html is written with those names. The functions serve dist/portal (functions/portal-*.http.ts).
 *
 *   node dist/scripts/build-portal.js
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

import { build } from 'esbuild';

const root = resolve(__dirname, '../..');
const source = join(root, 'portal');
const out = join(root, 'dist/portal');

async function main(): Promise<void> {
  // Only this folder: the rest of dist/ may be in use (a dev host, tests).
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: { main: join(source, 'src/main.ts'), portal: join(source, 'portal.css') },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    minify: true,
    sourcemap: true,
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const entry = (name: string, extension: string) => {
    const found = outputs.find(([file, meta]) => meta.entryPoint?.endsWith(name) && file.endsWith(extension));
    if (!found) throw new Error(`esbuild wrote no ${extension} file for ${name}.`);
    return basename(found[0]);
  };
  const html = readFileSync(join(source, 'index.html'), 'utf8')
    .replace('/portal/main.js', `/portal/${entry('src/main.ts', '.js')}`)
    .replace('/portal/portal.css', `/portal/${entry('portal.css', '.css')}`);
  writeFileSync(join(out, 'index.html'), html);
  const sizes = outputs
    .filter(([file]) => !file.endsWith('.map'))
    .map(([file, meta]) => `${basename(file)} ${(meta.bytes / 1024).toFixed(1)} KiB`);
  console.log(`Portal built in ${out}: index.html, ${sizes.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
