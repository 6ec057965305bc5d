/**
 * The repository stands on its own: every source a comment or a doc cites can be followed from here.
 * - A source id is a capital C, D or H and one or two digits as a whole word (`D1`, `H5`, `C2`), the form
 *   the code cites them in (`(D1, D9)`, `sources: ['H5', 'D3']`); each one has a row in docs/sources.md
 *   whose URL is public (https, on a known public host). `H5 #13` / `D3 #13` name a row of its numbered
 *   message texts.
 * - Nothing points outside the repository: no relative path that climbs out of it or names a file that
 *   is not in it, no section sign (`§`) except after a public spec's name (`RFC 9110 §15`, `CloudEvents
 *   1.0 §3.1.1`), no design or style document, reference or kit that lives elsewhere.
 * Every text file is read, except build output and installed packages. This file spells the patterns it
 * forbids, so it leaves itself out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const sourcesDoc = 'docs/sources.md';
const self = relative(root, __filename).split('\\').join('/');

const skippedFolders = new Set(['node_modules', 'dist', 'test-results', '.git', '.data', 'coverage', '.tmp']);
const binaryExtensions = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.ico',
  '.webp',
  '.woff',
  '.woff2',
  '.zip',
]);
const publicHosts = new Set([
  'learn.microsoft.com',
  'github.com',
  'azure.microsoft.com',
  'techcommunity.microsoft.com',
  'docs.github.com',
]);

/** A cited source id: C, D or H and one or two digits, as a whole word. */
const sourceId = /\b([CDH]\d{1,2})\b/g;
/** A numbered message of the errors page: `H5 #13`, `D3 #19`. */
const messageNumber = /\b(?:H5|D3) #(\d+)\b/g;

interface Violation {
  file: string;
  line: number;
  text: string;
  why: string;
}

function repositoryFiles(folder = ''): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return skippedFolders.has(entry.name) ? [] : repositoryFiles(path);
    return entry.isFile() && !binaryExtensions.has(extname(entry.name).toLowerCase()) ? [path] : [];
  });
}

const files = repositoryFiles().filter((file) => file !== self);
const texts = new Map(files.map((file) => [file, readFileSync(join(root, file), 'utf8')]));

interface SourceRow {
  id: string;
  url: string;
}

/** The rows of every table in docs/sources.md whose first cell is a source id, with their first URL. */
function sourceRows(doc: string): SourceRow[] {
  return doc.split('\n').flatMap((line) => {
    const cells = line.split('|').map((cell) => cell.trim());
    const id = cells[1] ?? '';
    if (!/^[CDH]\d{1,2}$/.test(id)) return [];
    return [{ id, url: /https?:\/\/[^\s)|>]+/.exec(line)?.[0] ?? '' }];
  });
}

/** The numbers of the numbered message texts in docs/sources.md. */
function messageNumbers(doc: string): Set<number> {
  const section = doc.slice(doc.indexOf('## Azure message texts, numbered'));
  const numbers = section
    .split('\n')
    .map((line) => /^\|\s*(\d+)\s*\|/.exec(line)?.[1])
    .filter((n): n is string => n !== undefined);
  return new Set(numbers.map(Number));
}

function eachLine(check: (file: string, line: string) => string[]): Violation[] {
  return [...texts].flatMap(([file, text]) =>
    text
      .split('\n')
      .flatMap((line, index) =>
        check(file, line).map((why) => ({ file, line: index + 1, text: line.trim(), why })),
      ),
  );
}

const show = (violations: Violation[]) =>
  violations.map((v) => `${v.file}:${v.line}: ${v.why} — ${v.text.slice(0, 160)}`);

/** A relative path to a `shared` folder must land on something in the repository. */
function outsidePaths(file: string, line: string): string[] {
  return [...line.matchAll(/(?:\.\.\/)+shared(?:\/[\w.@-]+)*/g)].flatMap(([path]) => {
    const target = resolve(root, dirname(file), path);
    const inside = relative(root, target);
    if (inside.startsWith('..') || isAbsolute(inside)) return [`${path} leaves the repository`];
    const exists = [target, `${target}.ts`, `${target}.js`].some((candidate) => existsSync(candidate));
    return exists ? [] : [`${path} is not in the repository`];
  });
}

/** Citations of documents that are not in the repository. */
const elsewhere: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /\breference\s*§/, why: 'cites a section of a reference that is not in the repository' },
  { pattern: /\b(?:DESIGN|STYLE)\b/, why: 'cites a design or style document that is not in the repository' },
  {
    pattern: /\b(?:classic-migration|azure-runtime|peers-and-users|surfaces)\.md\b/,
    why: 'names a reference file that is not in the repository',
  },
  {
    pattern: /\bshared\/(?:reference|samples|schemas|hooks)\b/,
    why: 'names a kit folder outside the repository',
  },
  {
    pattern: /\b(?:the|project|schema) kit\b|\bkit(?:'s| copy)\b/,
    why: 'cites a kit that is not in the repository',
  },
  { pattern: /\bpeers\s*§/, why: 'cites a section of a reference that is not in the repository' },
];

/** A section sign is a citation of a section; only a public spec named right before it says which. */
function sectionSigns(line: string): string[] {
  const allowed = /(?:RFC \d+|CloudEvents \d+(?:\.\d+)*) §/g;
  const rest = line.replace(allowed, '');
  return rest.includes('§') ? ['a section sign without a public spec: which document is meant?'] : [];
}

describe(sourcesDoc, () => {
  const doc = readFileSync(join(root, sourcesDoc), 'utf8');
  const rows = sourceRows(doc);

  it('When its tables are read, then every id has one row and a public https URL', () => {
    expect(rows.length).toBeGreaterThan(20);
    const ids = rows.map((row) => row.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const notPublic = rows.filter((row) => {
      try {
        const url = new URL(row.url);
        return url.protocol !== 'https:' || !publicHosts.has(url.hostname);
      } catch {
        return true;
      }
    });
    expect(notPublic.map((row) => `${row.id}: ${row.url || 'no URL'}`)).toEqual([]);
  });

  it('When the repository is read, then every cited source id has a row', () => {
    const known = new Set(rows.map((row) => row.id));
    const unknown = eachLine((_file, line) =>
      [...line.matchAll(sourceId)]
        .map(([, id]) => id!)
        .flatMap((id) => (known.has(id) ? [] : [`${id} has no row`])),
    );
    expect(files.length).toBeGreaterThan(500);
    expect(show(unknown)).toEqual([]);
  });

  it('When a numbered Azure message is cited, then the number is a row of the numbered texts', () => {
    const numbers = messageNumbers(doc);
    expect(numbers.size).toBeGreaterThanOrEqual(19);
    const unknown = eachLine((_file, line) =>
      [...line.matchAll(messageNumber)]
        .map(([, n]) => Number(n))
        .flatMap((n) => (numbers.has(n) ? [] : [`message #${n} is not numbered`])),
    );
    expect(show(unknown)).toEqual([]);
  });
});

describe('citations that leave the repository', () => {
  it('When relative paths to a shared folder are followed, then each lands inside the repository', () => {
    expect(show(eachLine(outsidePaths))).toEqual([]);
  });

  it('When comments and docs are read, then none cites a document kept outside the repository', () => {
    const cited = eachLine((_file, line) =>
      elsewhere.filter(({ pattern }) => pattern.test(line)).map(({ why }) => why),
    );
    expect(show(cited)).toEqual([]);
  });

  it('When comments and docs are read, then every section sign follows the public spec it belongs to', () => {
    expect(show(eachLine((_file, line) => sectionSigns(line)))).toEqual([]);
  });

  it('When the checks meet text that points outside, then they flag it', () => {
    expect(outsidePaths('functions/x.ts', 'see ../shared/reference/classic-migration.md')).toHaveLength(1);
    expect(outsidePaths('README.md', 'see ../shared/STYLE.md')).toHaveLength(1);
    expect(outsidePaths('functions/x.ts', "import { a } from '../shared/config';")).toEqual([]);
    expect(elsewhere.some(({ pattern }) => pattern.test('as the reference §2.3 says'))).toBe(true);
    expect(elsewhere.some(({ pattern }) => pattern.test('the JSON API (DESIGN §4)'))).toBe(true);
    expect(sectionSigns('(§5, C2/C5)')).toHaveLength(1);
    expect(sectionSigns('unique per source (CloudEvents 1.0 §3.1.1)')).toEqual([]);
  });
});
