/**
 * Reads the demo's data files (XML and JSON under shared/demo/). The compiler copies none of them to
 * dist/, so code running from dist/shared/demo/ (npm start, a deployed app) looks in the project's
 * shared/demo/ instead; .funcignore keeps non-.ts files, so a deployed package has them too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A file every copy of the demo data has, to find the folder by. */
const markerPath = 'estate/netcfg.xml';

const candidates = [__dirname, resolve(__dirname, '..', '..', '..', 'shared', 'demo')];

let found: string | undefined;

/** The folder that holds samples/, sample-context/ and estate/. */
export function demoDataDirectory(): string {
  found ??= candidates.find((directory) => existsSync(join(directory, markerPath)));
  if (found === undefined)
    throw new Error(
      `The demo data files were not found (looked for ${markerPath} in ${candidates.join(', ')}).`,
    );
  return found;
}

/** The text of a demo file, by its path relative to shared/demo. */
export function readDemoFile(relativePath: string): string {
  return readFileSync(join(demoDataDirectory(), ...relativePath.split('/')), 'utf8');
}
