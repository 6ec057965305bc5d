/**
 * Golden files: committed JSON a test compares its output with. They change only on purpose: with
 * UPDATE_GOLDEN=1 the test writes what it computed instead of comparing (then review the git diff).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

import { jsonDifferences } from './json-differences';

export const updatingGoldenFiles = process.env.UPDATE_GOLDEN === '1';

/** How many differences to print before summarising the rest. */
const shownDifferences = 40;

/**
 * Compares `actual` (plain JSON data) with the golden file, or writes the file when updating. Returns the
 * differences as readable lines: none means equal.
 */
export function compareWithGolden(file: string, actual: unknown, regenerate: string): string[] {
  const data = JSON.parse(JSON.stringify(actual)) as Parameters<typeof jsonDifferences>[1];
  if (updatingGoldenFiles) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
    return [];
  }
  const shown = relative(process.cwd(), file);
  if (!existsSync(file)) return [`${shown} does not exist; create it with: ${regenerate}`];
  const expected = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof jsonDifferences>[0];
  const differences = jsonDifferences(expected, data);
  if (differences.length === 0) return [];
  return [
    `${shown} differs from the translation (${differences.length} difference(s)); if the change is intended, regenerate with: ${regenerate}`,
    ...differences.slice(0, shownDifferences),
    ...(differences.length > shownDifferences ? [`… and ${differences.length - shownDifferences} more`] : []),
  ];
}
