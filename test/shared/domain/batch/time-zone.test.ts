import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';

import { resolveTimeZone } from '../../../../shared/domain/batch/time-zone';
import { windowsTimeZones } from '../../../../shared/domain/batch/windows-time-zones';

interface MapZone {
  _other: string;
  _type: string;
  _territory: string;
}

const cldr = JSON.parse(
  readFileSync(
    join(__dirname, '..', '..', '..', '..', 'node_modules', 'cldr-core', 'supplemental', 'windowsZones.json'),
    'utf8',
  ),
) as { supplemental: { windowsZones: { mapTimezones: { mapZone: MapZone }[] } } };

describe('resolveTimeZone', () => {
  it.each([
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['Cen. Australia Standard Time', 'Australia/Adelaide'],
    ['UTC', 'Etc/UTC'],
    ['pacific standard time', 'America/Los_Angeles'],
    ['  W. EUROPE STANDARD TIME ', 'Europe/Berlin'],
  ])("When the zone is the Windows name '%s', then it resolves to %s", (name, iana) => {
    expect(resolveTimeZone(name)).toEqual({ ok: true, iana });
  });

  it.each(['Europe/Paris', 'America/New_York', 'Australia/Adelaide', 'Etc/UTC', 'Etc/GMT+3', 'europe/paris'])(
    "When the zone is the IANA name '%s', then it is used as it is",
    (name) => {
      expect(resolveTimeZone(name)).toEqual({ ok: true, iana: name });
    },
  );

  it('When the zone is neither, then the message says what to use', () => {
    expect(resolveTimeZone('Foo')).toEqual({
      ok: false,
      message:
        "'Foo' is not a time zone. Use an IANA name such as Europe/Paris or a Windows name such as W. Europe Standard Time.",
    });
  });

  it.each(['', '   ', 'Pacific Time', 'Europe/Atlantis', 'local'])(
    "When the zone is '%s', then it is refused",
    (name) => {
      const result = resolveTimeZone(name);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain('Use an IANA name such as Europe/Paris');
    },
  );
});

describe('the generated Windows zone table', () => {
  it("When compared with cldr-core's windowsZones.json, then it holds exactly the territory 001 defaults", () => {
    const expected = Object.fromEntries(
      cldr.supplemental.windowsZones.mapTimezones
        .map(({ mapZone }) => mapZone)
        .filter((zone) => zone._territory === '001')
        .map((zone) => [zone._other, zone._type.split(' ')[0]]),
    );
    expect(windowsTimeZones).toEqual(expected);
    expect(Object.keys(windowsTimeZones).length).toBeGreaterThan(100);
  });

  it('When listed, then its ids are sorted so that regeneration gives a stable diff', () => {
    const ids = Object.keys(windowsTimeZones);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("When luxon checks every IANA zone of the table, then each is valid in this runtime's time zone data", () => {
    const invalid = Object.values(windowsTimeZones).filter((iana) => !IANAZone.isValidZone(iana));
    expect(invalid).toEqual([]);
  });
});
