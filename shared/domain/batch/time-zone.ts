/**
 * Resolves the time zone of a maintenance window to an IANA name luxon can use.
 *
 * Azure maintenance configurations name zones the Windows way (`Pacific Standard Time`,
 * `W. Europe Standard Time`, `UTC`; https://learn.microsoft.com/rest/api/maintenance/maintenance-configurations/create-or-update,
 * https://learn.microsoft.com/cli/azure/maintenance/configuration). We accept those (case-insensitively,
 * through CLDR's table) and, our choice, IANA names too (`Europe/Paris`), validated by luxon against the
 * runtime's time zone database. Pure.
 */
import { IANAZone } from 'luxon';

import { windowsTimeZones } from './windows-time-zones';

export type TimeZoneResolution = { ok: true; iana: string } | { ok: false; message: string };

/** Windows ids by their lower-case spelling: Azure compares zone names case-insensitively. */
const windowsByLowerCase: ReadonlyMap<string, string> = new Map(
  Object.entries(windowsTimeZones).map(([windows, iana]) => [windows.toLowerCase(), iana]),
);

const advice = 'Use an IANA name such as Europe/Paris or a Windows name such as W. Europe Standard Time.';

export function resolveTimeZone(name: string): TimeZoneResolution {
  const trimmed = name.trim();
  if (trimmed === '') return { ok: false, message: `The time zone is empty. ${advice}` };
  const windows = windowsByLowerCase.get(trimmed.toLowerCase());
  if (windows !== undefined) return { ok: true, iana: windows };
  // IANA names are checked with the runtime's Intl data (what luxon will compute with), not a list of ours.
  if (IANAZone.isValidZone(trimmed)) return { ok: true, iana: trimmed };
  return { ok: false, message: `'${trimmed}' is not a time zone. ${advice}` };
}
