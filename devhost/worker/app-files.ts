/**
 * Resolves the app's file glob (package.json `main`, e.g. `dist/functions/*.js` or
 * `dist/src/{index.js,functions/*.js}`) the way the Node worker does: `*`, `**`, `?` and `{a,b}`.
 * Node 20 has no fs.glob, and the patterns are simple enough for a small matcher.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export function resolveAppFiles(cwd: string, pattern: string): string[] {
  const files = new Set<string>();
  for (const expanded of expandBraces(pattern.replace(/\\/g, '/'))) {
    const segments = expanded.split('/');
    const firstWild = segments.findIndex((segment) => /[*?]/.test(segment));
    if (firstWild === -1) {
      const path = resolve(cwd, expanded);
      if (isFile(path)) files.add(path);
      continue;
    }
    const base = resolve(cwd, segments.slice(0, firstWild).join('/') || '.');
    const matcher = globToRegExp(segments.slice(firstWild).join('/'));
    for (const file of walk(base)) {
      if (matcher.test(relative(base, file).split(sep).join('/'))) files.add(file);
    }
  }
  return [...files].sort();
}

function expandBraces(pattern: string): string[] {
  const match = /\{([^{}]*)\}/.exec(pattern);
  if (!match) return [pattern];
  const [whole, inner = ''] = match;
  const before = pattern.slice(0, match.index);
  const after = pattern.slice(match.index + whole.length);
  return inner.split(',').flatMap((option) => expandBraces(`${before}${option}${after}`));
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index] as string;
    if (char === '*' && glob[index + 1] === '*') {
      // `**/` matches zero or more directories.
      source += glob[index + 2] === '/' ? '(?:.*/)?' : '.*';
      index += glob[index + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function* walk(directory: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
