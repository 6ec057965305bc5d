import { describe, expect, it } from 'vitest';

import {
  type MaintenanceWindow,
  type MaintenanceWindowInput,
  maintenanceWindowInputSchema,
  occurrencesBetween,
  parseMaintenanceWindow,
  windowAt,
} from '../../../../shared/domain/batch/maintenance-window';

const windowOf = (input: MaintenanceWindowInput): MaintenanceWindow => {
  const result = parseMaintenanceWindow(input);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.value;
};

const at = (iso: string) => new Date(iso);

/** The ISO instants of the occurrence starts open in [from, to). */
const startsBetween = (window: MaintenanceWindow, from: string, to: string, limit?: number): string[] =>
  occurrencesBetween(window, at(from), at(to), limit).map((occurrence) => occurrence.start.toISOString());

const isoOf = (state: ReturnType<typeof windowAt>) =>
  state.open
    ? {
        open: true,
        occurrenceStart: state.occurrenceStart.toISOString(),
        closesAt: state.closesAt.toISOString(),
      }
    : { open: false, nextOpening: state.nextOpening?.toISOString() };

describe('parseMaintenanceWindow', () => {
  it('When the input is valid, then the window is plain JSON-able data with the zone resolved', () => {
    const window = windowOf({
      start: '2026-12-12T22:00',
      durationMinutes: 120,
      timeZone: 'Pacific Standard Time',
      recurEvery: 'Week',
      expires: '2027-12-12T22:00',
    });
    expect(window).toEqual({
      timeZone: 'America/Los_Angeles',
      localStart: { year: 2026, month: 12, day: 12, hour: 22, minute: 0, second: 0, millisecond: 0 },
      startsAt: '2026-12-13T06:00:00.000Z',
      durationMinutes: 120,
      recurrence: { unit: 'week', every: 1, weekdays: [6] },
      expiresAt: '2027-12-13T06:00:00.000Z',
    });
    expect(JSON.parse(JSON.stringify(window))).toEqual(window);
  });

  it('When no zone is given, then the window is in UTC', () => {
    expect(windowOf({ start: '2026-12-12T22:00', durationMinutes: 60 }).startsAt).toBe(
      '2026-12-12T22:00:00.000Z',
    );
  });

  it("When start is written Azure's way (a space instead of T), then it is read the same", () => {
    const window = windowOf({ start: '2026-12-12 22:00', durationMinutes: 60, timeZone: 'Europe/Paris' });
    expect(window.startsAt).toBe('2026-12-12T21:00:00.000Z');
  });

  it('When start carries an offset, then it fixes the instant and later occurrences keep its local time of day', () => {
    const window = windowOf({
      start: '2026-12-12T21:00Z',
      durationMinutes: 60,
      timeZone: 'Europe/Paris',
      recurEvery: 'Day',
    });
    expect(window.localStart).toMatchObject({ day: 12, hour: 22, minute: 0 });
    expect(startsBetween(window, '2026-12-12T00:00Z', '2026-12-14T00:00Z')).toEqual([
      '2026-12-12T21:00:00.000Z',
      '2026-12-13T21:00:00.000Z',
    ]);
  });

  it('When a Cen. Australia Standard Time window starts at 22:00 in December, then it starts at 11:30 UTC (ACDT)', () => {
    const window = windowOf({
      start: '2026-12-12T22:00',
      durationMinutes: 60,
      timeZone: 'Cen. Australia Standard Time',
    });
    expect(window.timeZone).toBe('Australia/Adelaide');
    expect(window.startsAt).toBe('2026-12-12T11:30:00.000Z');
  });

  it('When everything is wrong, then every problem is reported, each naming its field', () => {
    const result = parseMaintenanceWindow({
      start: 'tomorrow',
      durationMinutes: 0,
      timeZone: 'Foo',
      recurEvery: 'Fortnight',
      expires: '2026-13-01T00:00',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      "timeZone: 'Foo' is not a time zone. Use an IANA name such as Europe/Paris or a Windows name such as W. Europe Standard Time.",
      expect.stringContaining("recurEvery: 'Fortnight' is not a recurrence. Use [n]Day(s) (Day, 3Days)"),
      'durationMinutes: 0 is not a duration: give whole minutes from 1 to 10080 (7 days), e.g. 120.',
      expect.stringContaining(
        "start: 'tomorrow' is not a date and time. Write an ISO 8601 date-time such as 2026-12-12T22:00",
      ),
      expect.stringContaining("expires: '2026-13-01T00:00' is not a date and time ("),
    ]);
  });

  it.each([1.5, -5, 10081])('When durationMinutes is %s, then it is refused', (durationMinutes) => {
    const result = parseMaintenanceWindow({ start: '2026-12-12T22:00', durationMinutes });
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/^durationMinutes: /)] });
  });

  it('When durationMinutes is 7 days, then it is accepted', () => {
    expect(parseMaintenanceWindow({ start: '2026-12-12T22:00', durationMinutes: 10080 }).ok).toBe(true);
  });

  it('When expires is not after start, then it is refused', () => {
    const result = parseMaintenanceWindow({
      start: '2026-12-12T22:00',
      durationMinutes: 60,
      recurEvery: 'Day',
      expires: '2026-12-12T22:00',
    });
    expect(result).toEqual({
      ok: false,
      problems: ["expires: '2026-12-12T22:00' is not after start '2026-12-12T22:00'."],
    });
  });

  it('When the recurrence can never fall after start (12Months day31 from April), then it is refused', () => {
    const result = parseMaintenanceWindow({
      start: '2026-04-01T22:00',
      durationMinutes: 60,
      recurEvery: '12Months day31',
    });
    expect(result).toEqual({
      ok: false,
      problems: ["recurEvery: '12Months day31' never falls on a day from start '2026-04-01T22:00' on."],
    });
  });

  it('When no occurrence starts before expires, then it is refused', () => {
    const result = parseMaintenanceWindow({
      start: '2026-11-02T22:00',
      durationMinutes: 60,
      recurEvery: 'Week Sunday',
      expires: '2026-11-05T00:00',
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]).toContain("falls on no day from start '2026-11-02T22:00' before expires");
  });
});

describe('maintenanceWindowInputSchema', () => {
  it('When the input is valid, then it passes', () => {
    const input = {
      start: '2026-12-12T22:00',
      durationMinutes: 60,
      timeZone: 'UTC',
      recurEvery: 'Month Last Sunday',
    };
    expect(maintenanceWindowInputSchema.parse(input)).toEqual(input);
  });

  it('When the zone and recurrence are bad, then each is an issue on its field with a clear message', () => {
    const result = maintenanceWindowInputSchema.safeParse({
      start: '2026-12-12T22:00',
      durationMinutes: 60,
      timeZone: 'Foo',
      recurEvery: 'Month Fifth Sunday',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ['timeZone'], message: expect.stringContaining("'Foo' is not a time zone.") },
      { path: ['recurEvery'], message: expect.stringContaining("'Fifth' is not a week of the month.") },
    ]);
  });

  it('When start is not a date-time, then the issue is on start', () => {
    const result = maintenanceWindowInputSchema.safeParse({ start: '12/12/2026 10pm', durationMinutes: 60 });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['start'],
        message: expect.stringContaining('is not a date and time'),
      }),
    ]);
  });

  it('When a field has the wrong type, then zod reports it', () => {
    const result = maintenanceWindowInputSchema.safeParse({
      start: '2026-12-12T22:00',
      durationMinutes: '02:00',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['durationMinutes']);
  });
});

describe('windowAt', () => {
  describe('a one-off window (no recurEvery)', () => {
    const window = windowOf({ start: '2026-12-12T22:00', durationMinutes: 120 });

    it('When now is before start, then it is closed and opens at start', () => {
      expect(isoOf(windowAt(window, at('2026-12-01T00:00Z')))).toEqual({
        open: false,
        nextOpening: '2026-12-12T22:00:00.000Z',
      });
    });

    it('When now is inside it, then it is open until start plus the duration', () => {
      expect(isoOf(windowAt(window, at('2026-12-12T23:59Z')))).toEqual({
        open: true,
        occurrenceStart: '2026-12-12T22:00:00.000Z',
        closesAt: '2026-12-13T00:00:00.000Z',
      });
    });

    it('When now is exactly its end, then it is closed for good', () => {
      expect(windowAt(window, at('2026-12-13T00:00Z'))).toEqual({ open: false });
    });

    it('When now is long after, then it is closed with no next opening', () => {
      expect(windowAt(window, at('2030-01-01T00:00Z'))).toEqual({ open: false });
    });
  });

  it('When a recurring window has not started yet, then it is closed and opens at start', () => {
    const window = windowOf({
      start: '2026-11-07T22:00',
      durationMinutes: 60,
      recurEvery: 'Week Saturday,Sunday',
    });
    expect(isoOf(windowAt(window, at('2026-10-01T00:00Z')))).toEqual({
      open: false,
      nextOpening: '2026-11-07T22:00:00.000Z',
    });
  });

  it('When the start date is not a recurrence day, then the first opening is the first recurrence day after it', () => {
    const window = windowOf({ start: '2026-11-02T22:00', durationMinutes: 60, recurEvery: 'Week Saturday' });
    expect(isoOf(windowAt(window, at('2026-11-02T22:30Z')))).toEqual({
      open: false,
      nextOpening: '2026-11-07T22:00:00.000Z',
    });
  });

  describe('an expiring daily window', () => {
    const window = windowOf({
      start: '2026-11-01T22:00',
      durationMinutes: 60,
      recurEvery: 'Day',
      expires: '2026-11-05T22:00',
    });

    it('When now is after the last occurrence before expiry, then it is closed with no next opening', () => {
      expect(windowAt(window, at('2026-11-04T23:30Z'))).toEqual({ open: false });
      expect(windowAt(window, at('2027-06-01T00:00Z'))).toEqual({ open: false });
    });

    it('When an occurrence would start exactly at expires, then it does not', () => {
      expect(startsBetween(window, '2026-11-01T00:00Z', '2026-12-01T00:00Z')).toEqual([
        '2026-11-01T22:00:00.000Z',
        '2026-11-02T22:00:00.000Z',
        '2026-11-03T22:00:00.000Z',
        '2026-11-04T22:00:00.000Z',
      ]);
    });

    it('When the last occurrence is open, then it runs to its end even past expires', () => {
      const late = windowOf({
        start: '2026-11-01T22:00',
        durationMinutes: 120,
        recurEvery: 'Day',
        expires: '2026-11-04T23:00',
      });
      expect(isoOf(windowAt(late, at('2026-11-04T23:30Z')))).toEqual({
        open: true,
        occurrenceStart: '2026-11-04T22:00:00.000Z',
        closesAt: '2026-11-05T00:00:00.000Z',
      });
    });
  });

  describe('Week Saturday,Sunday at 22:00 for 2 hours', () => {
    const window = windowOf({
      start: '2026-11-07T22:00',
      durationMinutes: 120,
      recurEvery: 'Week Saturday,Sunday',
    });

    it('When now is Saturday 23:30, then it is open until midnight', () => {
      expect(isoOf(windowAt(window, at('2026-11-14T23:30Z')))).toEqual({
        open: true,
        occurrenceStart: '2026-11-14T22:00:00.000Z',
        closesAt: '2026-11-15T00:00:00.000Z',
      });
    });

    it('When now is Monday, then it is closed until Saturday 22:00', () => {
      expect(isoOf(windowAt(window, at('2026-11-16T10:00Z')))).toEqual({
        open: false,
        nextOpening: '2026-11-21T22:00:00.000Z',
      });
    });

    it('When now is Sunday 21:00, then it opens at 22:00 the same day', () => {
      expect(isoOf(windowAt(window, at('2026-11-15T21:00Z')))).toEqual({
        open: false,
        nextOpening: '2026-11-15T22:00:00.000Z',
      });
    });
  });

  it('When the duration crosses midnight, then the window is still open at 01:00 the next day', () => {
    const window = windowOf({
      start: '2026-11-01T23:00',
      durationMinutes: 180,
      recurEvery: 'Day',
      timeZone: 'Europe/Paris',
    });
    // 23:00 CET is 22:00Z; 01:00 CET the next day is 00:00Z.
    expect(isoOf(windowAt(window, at('2026-11-03T00:00Z')))).toEqual({
      open: true,
      occurrenceStart: '2026-11-02T22:00:00.000Z',
      closesAt: '2026-11-03T01:00:00.000Z',
    });
  });

  it('When the duration is longer than the period, then the window is open until the latest-ending open occurrence ends', () => {
    const window = windowOf({ start: '2026-11-01T00:00', durationMinutes: 36 * 60, recurEvery: 'Day' });
    expect(isoOf(windowAt(window, at('2026-11-02T10:00Z')))).toEqual({
      open: true,
      occurrenceStart: '2026-11-02T00:00:00.000Z',
      closesAt: '2026-11-03T12:00:00.000Z',
    });
  });

  it('When now is a century after start, then a daily window answers without walking the days', () => {
    const window = windowOf({ start: '2026-01-01T10:00', durationMinutes: 60, recurEvery: '3Days' });
    const state = windowAt(window, at('2126-01-01T00:00Z'));
    expect(state.open).toBe(false);
    if (state.open) return;
    const daysFromStart = (state.nextOpening!.getTime() - at('2026-01-01T10:00Z').getTime()) / 86_400_000;
    expect(daysFromStart % 3).toBe(0);
    expect(state.nextOpening!.getTime() - at('2126-01-01T00:00Z').getTime()).toBeLessThan(3 * 86_400_000);
  });
});

describe('daylight saving time', () => {
  it('When a Pacific Standard Time window at 22:00 spans the US change to DST, then its UTC instant moves an hour earlier', () => {
    const window = windowOf({
      start: '2026-03-06T22:00',
      durationMinutes: 60,
      timeZone: 'Pacific Standard Time',
      recurEvery: 'Day',
    });
    // Clocks spring forward on Sunday 2026-03-08: 22:00 PST is 06:00Z, 22:00 PDT is 05:00Z.
    expect(startsBetween(window, '2026-03-06T00:00Z', '2026-03-10T12:00Z')).toEqual([
      '2026-03-07T06:00:00.000Z',
      '2026-03-08T06:00:00.000Z',
      '2026-03-09T05:00:00.000Z',
      '2026-03-10T05:00:00.000Z',
    ]);
    expect(isoOf(windowAt(window, at('2026-03-09T05:30Z')))).toEqual({
      open: true,
      occurrenceStart: '2026-03-09T05:00:00.000Z',
      closesAt: '2026-03-09T06:00:00.000Z',
    });
  });

  it('When a W. Europe Standard Time window at 22:00 spans 2026-03-29, then it moves from 21:00Z to 20:00Z', () => {
    const window = windowOf({
      start: '2026-03-28T22:00',
      durationMinutes: 60,
      timeZone: 'W. Europe Standard Time',
      recurEvery: 'Day',
    });
    expect(startsBetween(window, '2026-03-28T00:00Z', '2026-03-30T00:00Z')).toEqual([
      '2026-03-28T21:00:00.000Z',
      '2026-03-29T20:00:00.000Z',
    ]);
  });

  it('When a W. Europe Standard Time window starts at 02:30 on 2026-03-29 (skipped by the clocks), then it starts at 03:30 CEST that day and at 02:30 after', () => {
    const window = windowOf({
      start: '2026-03-29T02:30',
      durationMinutes: 60,
      timeZone: 'W. Europe Standard Time',
      recurEvery: 'Day',
    });
    expect(window.startsAt).toBe('2026-03-29T01:30:00.000Z');
    expect(startsBetween(window, '2026-03-28T00:00Z', '2026-03-31T00:00Z')).toEqual([
      '2026-03-29T01:30:00.000Z',
      '2026-03-30T00:30:00.000Z',
    ]);
  });

  it('When an occurrence spans the change to DST, then it lasts its duration in elapsed time', () => {
    const window = windowOf({
      start: '2026-03-29T01:00',
      durationMinutes: 180,
      timeZone: 'W. Europe Standard Time',
    });
    // 01:00 CET is 00:00Z; three hours later is 03:00Z, 05:00 CEST on the wall clock.
    expect(isoOf(windowAt(window, at('2026-03-29T02:59Z')))).toEqual({
      open: true,
      occurrenceStart: '2026-03-29T00:00:00.000Z',
      closesAt: '2026-03-29T03:00:00.000Z',
    });
  });
});

describe('occurrencesBetween for each recurrence form', () => {
  const starts = (recurEvery: string, start: string, from: string, to: string) =>
    startsBetween(windowOf({ start, durationMinutes: 60, recurEvery }), from, to);

  it('When recurEvery is 3Days, then it falls every third day from the start date', () => {
    expect(starts('3Days', '2026-11-01T09:00', '2026-11-01T00:00Z', '2026-11-10T00:00Z')).toEqual([
      '2026-11-01T09:00:00.000Z',
      '2026-11-04T09:00:00.000Z',
      '2026-11-07T09:00:00.000Z',
    ]);
  });

  it('When recurEvery is 3Days and now is between occurrences, then the window is closed until the next', () => {
    const window = windowOf({ start: '2026-11-01T09:00', durationMinutes: 60, recurEvery: '3Days' });
    expect(isoOf(windowAt(window, at('2026-11-02T09:30Z')))).toEqual({
      open: false,
      nextOpening: '2026-11-04T09:00:00.000Z',
    });
    expect(windowAt(window, at('2026-11-04T09:30Z')).open).toBe(true);
  });

  it('When recurEvery is Week, then it falls on the weekday of start', () => {
    expect(starts('Week', '2026-11-04T09:00', '2026-11-01T00:00Z', '2026-11-20T00:00Z')).toEqual([
      '2026-11-04T09:00:00.000Z',
      '2026-11-11T09:00:00.000Z',
      '2026-11-18T09:00:00.000Z',
    ]);
  });

  it('When recurEvery is 2Weeks, then it falls every other week from the week of start', () => {
    expect(starts('2Weeks', '2026-11-02T09:00', '2026-11-01T00:00Z', '2026-12-01T00:00Z')).toEqual([
      '2026-11-02T09:00:00.000Z',
      '2026-11-16T09:00:00.000Z',
      '2026-11-30T09:00:00.000Z',
    ]);
  });

  it('When recurEvery is 2Weeks Friday and start is a Monday, then weeks count from the week of start', () => {
    expect(starts('2Weeks Friday', '2026-11-02T09:00', '2026-11-01T00:00Z', '2026-12-01T00:00Z')).toEqual([
      '2026-11-06T09:00:00.000Z',
      '2026-11-20T09:00:00.000Z',
    ]);
  });

  it('When recurEvery is 3Weeks Saturday,Sunday, then it falls on both days of every third week', () => {
    expect(
      starts('3Weeks Saturday,Sunday', '2026-11-07T22:00', '2026-11-01T00:00Z', '2026-12-01T00:00Z'),
    ).toEqual([
      '2026-11-07T22:00:00.000Z',
      '2026-11-08T22:00:00.000Z',
      '2026-11-28T22:00:00.000Z',
      '2026-11-29T22:00:00.000Z',
    ]);
  });

  it('When recurEvery is Month and start is the 31st, then months without a 31st are skipped', () => {
    expect(starts('Month', '2026-01-31T09:00', '2026-01-01T00:00Z', '2026-06-01T00:00Z')).toEqual([
      '2026-01-31T09:00:00.000Z',
      '2026-03-31T09:00:00.000Z',
      '2026-05-31T09:00:00.000Z',
    ]);
  });

  it('When recurEvery is 2Months, then it falls every other month on the day of start', () => {
    expect(starts('2Months', '2026-11-15T09:00', '2026-11-01T00:00Z', '2027-04-01T00:00Z')).toEqual([
      '2026-11-15T09:00:00.000Z',
      '2027-01-15T09:00:00.000Z',
      '2027-03-15T09:00:00.000Z',
    ]);
  });

  it('When recurEvery is Month day23,day24, then it falls on both days of each month', () => {
    expect(starts('Month day23,day24', '2026-11-01T09:00', '2026-11-01T00:00Z', '2027-01-01T00:00Z')).toEqual(
      [
        '2026-11-23T09:00:00.000Z',
        '2026-11-24T09:00:00.000Z',
        '2026-12-23T09:00:00.000Z',
        '2026-12-24T09:00:00.000Z',
      ],
    );
  });

  it('When recurEvery is Month Last Sunday, then it falls on 29 November and 27 December 2026', () => {
    expect(starts('Month Last Sunday', '2026-11-01T22:00', '2026-11-01T00:00Z', '2027-01-01T00:00Z')).toEqual(
      ['2026-11-29T22:00:00.000Z', '2026-12-27T22:00:00.000Z'],
    );
  });

  it('When recurEvery is Month Last Sunday Offset-3, then it falls three days before the last Sunday', () => {
    expect(
      starts('Month Last Sunday Offset-3', '2026-11-01T22:00', '2026-11-01T00:00Z', '2027-01-01T00:00Z'),
    ).toEqual(['2026-11-26T22:00:00.000Z', '2026-12-24T22:00:00.000Z']);
  });

  it('When recurEvery is Month Second Sunday, then it falls on 8 November and 13 December 2026', () => {
    expect(
      starts('Month Second Sunday', '2026-11-01T22:00', '2026-11-01T00:00Z', '2027-01-01T00:00Z'),
    ).toEqual(['2026-11-08T22:00:00.000Z', '2026-12-13T22:00:00.000Z']);
  });

  it('When recurEvery is Month Fourth Monday, then it falls on 23 November 2026', () => {
    expect(
      starts('Month Fourth Monday', '2026-11-01T22:00', '2026-11-01T00:00Z', '2026-12-01T00:00Z'),
    ).toEqual(['2026-11-23T22:00:00.000Z']);
  });

  it('When recurEvery is Month Third Sunday Offset6, then it falls six days after the third Sunday', () => {
    expect(
      starts('Month Third Sunday Offset6', '2026-11-01T22:00', '2026-11-01T00:00Z', '2026-12-01T00:00Z'),
    ).toEqual(['2026-11-21T22:00:00.000Z']);
  });

  it('When the month-day window is open, then windowAt says so for the last Sunday', () => {
    const window = windowOf({
      start: '2026-11-01T22:00',
      durationMinutes: 240,
      recurEvery: 'Month Last Sunday',
    });
    expect(isoOf(windowAt(window, at('2026-11-30T01:00Z')))).toEqual({
      open: true,
      occurrenceStart: '2026-11-29T22:00:00.000Z',
      closesAt: '2026-11-30T02:00:00.000Z',
    });
    expect(isoOf(windowAt(window, at('2026-11-30T02:00Z')))).toEqual({
      open: false,
      nextOpening: '2026-12-27T22:00:00.000Z',
    });
  });

  it('When an occurrence is already open at from, then it is included', () => {
    const window = windowOf({ start: '2026-11-01T22:00', durationMinutes: 120, recurEvery: 'Day' });
    expect(startsBetween(window, '2026-11-02T23:00Z', '2026-11-04T00:00Z')).toEqual([
      '2026-11-02T22:00:00.000Z',
      '2026-11-03T22:00:00.000Z',
    ]);
  });

  it('When a limit is given, then at most that many occurrences are listed', () => {
    const window = windowOf({ start: '2026-11-01T22:00', durationMinutes: 60, recurEvery: 'Day' });
    expect(startsBetween(window, '2026-11-01T00:00Z', '2030-01-01T00:00Z', 3)).toHaveLength(3);
    expect(occurrencesBetween(window, at('2026-11-01T00:00Z'), at('2030-01-01T00:00Z'))).toHaveLength(100);
    expect(occurrencesBetween(window, at('2026-11-01T00:00Z'), at('2030-01-01T00:00Z'), 0)).toEqual([]);
  });

  it('When each occurrence is listed, then it ends durationMinutes after it starts', () => {
    const window = windowOf({ start: '2026-11-01T22:00', durationMinutes: 90, recurEvery: 'Day' });
    const [first] = occurrencesBetween(window, at('2026-11-01T00:00Z'), at('2026-11-02T00:00Z'));
    expect(first).toEqual({ start: at('2026-11-01T22:00Z'), end: at('2026-11-01T23:30Z') });
  });
});
