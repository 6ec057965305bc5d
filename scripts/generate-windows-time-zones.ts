/**
 * Writes shared/domain/batch/windows-time-zones.ts, the Windows time zone id → IANA zone table, from Unicode
 * CLDR's `supplemental/windowsZones.json` in the installed cldr-core package. Run after a build:
 * `npm run build && node dist/scripts/generate-windows-time-zones.js` (from anywhere; the project root is
 * found from this file). Azure maintenance configurations name their zones the Windows way
 * (https://learn.microsoft.com/rest/api/maintenance/maintenance-configurations/create-or-update); luxon only
 * knows IANA names, hence the table.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const targetPath = join('shared', 'domain', 'batch', 'windows-time-zones.ts');
const cldrPath = join('node_modules', 'cldr-core');

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

interface MapZone {
  _other: string;
  _type: string;
  _territory: string;
}

interface WindowsZonesJson {
  supplemental: { windowsZones: { mapTimezones: { mapZone: MapZone }[] } };
}

/**
 * Each Windows id's default IANA zone: its territory "001" (world) row. CLDR may list several
 * space-separated IANA ids in `_type`; the first is the canonical one.
 */
function windowsToIana(json: WindowsZonesJson): [string, string][] {
  const table = new Map<string, string>();
  for (const { mapZone } of json.supplemental.windowsZones.mapTimezones) {
    if (mapZone._territory !== '001') continue;
    const iana = mapZone._type.split(' ')[0];
    if (!iana) throw new Error(`CLDR row for '${mapZone._other}' has no IANA zone`);
    table.set(mapZone._other, iana);
  }
  return [...table].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
/** Keys quoted only where needed, as prettier writes them, so the output is already formatted. */
const key = (text: string): string => (/^[A-Za-z_$][\w$]*$/.test(text) ? text : quote(text));

function render(entries: [string, string][], cldrCoreVersion: string): string {
  return [
    '/**',
    ' * GENERATED: do not edit. Regenerate with',
    ' * `npm run build && node dist/scripts/generate-windows-time-zones.js`.',
    ' *',
    ' * Every Windows time zone id (as Azure maintenance configurations name zones) mapped to its default',
    ' * IANA zone (the territory "001" row). Generated from Unicode CLDR `supplemental/windowsZones.json`',
    ` * (cldr-core ${cldrCoreVersion}), the JSON form of`,
    ' * https://github.com/unicode-org/cldr/blob/main/common/supplemental/windowsZones.xml.',
    ' * Copyright © Unicode, Inc.; Unicode License v3, https://www.unicode.org/license.txt.',
    ' */',
    'export const windowsTimeZones: Readonly<Record<string, string>> = {',
    ...entries.map(([windows, iana]) => `  ${key(windows)}: ${quote(iana)},`),
    '};',
    '',
  ].join('\n');
}

const root = projectRoot(__dirname);
const cldrDir = join(root, cldrPath);
const json = JSON.parse(
  readFileSync(join(cldrDir, 'supplemental', 'windowsZones.json'), 'utf8'),
) as WindowsZonesJson;
const { version } = JSON.parse(readFileSync(join(cldrDir, 'package.json'), 'utf8')) as { version: string };
const target = join(root, targetPath);
const entries = windowsToIana(json);
writeFileSync(target, render(entries, version), 'utf8');
console.log(`Wrote ${entries.length} zones to ${target}`);
