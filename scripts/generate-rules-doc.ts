/**
 * Writes docs/validation-rules.md from the rule catalogue. Run after a build:
 * `node dist/scripts/generate-rules-doc.js` (from anywhere; the project root is found from this file).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { renderValidationRulesDoc, validationRulesDocPath } from './validation-rules-doc';

/** The nearest folder above `start` holding package.json: the project root, from src or from dist. */
function projectRoot(start: string): string {
  let dir = resolve(start);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

const target = join(projectRoot(__dirname), validationRulesDocPath);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderValidationRulesDoc(), 'utf8');
console.log(`Wrote ${target}`);
