import { describe, expect, it } from 'vitest';

import { parseNcrontab } from '../../devhost/timer/ncrontab';
import { parseTimerSchedule } from '../../devhost/timer/timer-schedule';

const at = (iso: string) => new Date(iso);
const next = (expression: string, after: string) => parseNcrontab(expression).next(at(after))?.toISOString();

/** The first `count` occurrences after `after`. */
function occurrences(expression: string, after: string, count: number): string[] {
  const schedule = parseNcrontab(expression);
  const result: string[] = [];
  let cursor = at(after);
  for (let index = 0; index < count; index++) {
    const found = schedule.next(cursor);
    if (!found) break;
    result.push(found.toISOString());
    cursor = found;
  }
  return result;
}

describe('NCRONTAB parser', () => {
  it('When the schedule is every 5 minutes, then occurrences fall on minutes divisible by 5 at second 0', () => {
    expect(occurrences('0 */5 * * * *', '2026-03-01T10:02:30Z', 3)).toEqual([
      '2026-03-01T10:05:00.000Z',
      '2026-03-01T10:10:00.000Z',
      '2026-03-01T10:15:00.000Z',
    ]);
  });

  it('When an occurrence is exactly now, then the next one is strictly later', () => {
    expect(next('0 0 * * * *', '2026-03-01T10:00:00Z')).toBe('2026-03-01T11:00:00.000Z');
  });

  it('When the fields use lists and ranges, then each value is included', () => {
    expect(occurrences('5,10 0 9-10 * * *', '2026-03-01T00:00:00Z', 5)).toEqual([
      '2026-03-01T09:00:05.000Z',
      '2026-03-01T09:00:10.000Z',
      '2026-03-01T10:00:05.000Z',
      '2026-03-01T10:00:10.000Z',
      '2026-03-02T09:00:05.000Z',
    ]);
  });

  it('When a range has a step, then the step counts from the start of the range', () => {
    expect(occurrences('0 10-30/10 8 * * *', '2026-03-01T00:00:00Z', 4)).toEqual([
      '2026-03-01T08:10:00.000Z',
      '2026-03-01T08:20:00.000Z',
      '2026-03-01T08:30:00.000Z',
      '2026-03-02T08:10:00.000Z',
    ]);
  });

  it('When a value has a step (a/n), then it runs from that value to the end of the field', () => {
    expect(occurrences('50/5 0 0 * * *', '2026-03-01T00:00:00Z', 3)).toEqual([
      '2026-03-01T00:00:50.000Z',
      '2026-03-01T00:00:55.000Z',
      '2026-03-02T00:00:50.000Z',
    ]);
  });

  it('When days and months are given by name, then they match as numbers would (weekdays only, in March)', () => {
    // 2026-03-06 is a Friday.
    expect(occurrences('0 30 9 * MAR MON-FRI', '2026-03-06T12:00:00Z', 2)).toEqual([
      '2026-03-09T09:30:00.000Z',
      '2026-03-10T09:30:00.000Z',
    ]);
    expect(next('0 0 0 * * sun', '2026-03-06T12:00:00Z')).toBe(next('0 0 0 * * 0', '2026-03-06T12:00:00Z'));
    expect(next('0 0 0 * * 7', '2026-03-06T12:00:00Z')).toBe('2026-03-08T00:00:00.000Z');
  });

  it('When day-of-month and day-of-week are both restricted, then both must match (NCrontab semantics)', () => {
    // Fridays the 13th in 2026: February, March and November.
    expect(occurrences('0 0 0 13 * FRI', '2026-01-01T00:00:00Z', 3)).toEqual([
      '2026-02-13T00:00:00.000Z',
      '2026-03-13T00:00:00.000Z',
      '2026-11-13T00:00:00.000Z',
    ]);
  });

  it('When the day exists only in some months, then short months are skipped', () => {
    expect(occurrences('0 0 12 31 * *', '2026-01-31T13:00:00Z', 2)).toEqual([
      '2026-03-31T12:00:00.000Z',
      '2026-05-31T12:00:00.000Z',
    ]);
    expect(next('0 0 0 29 FEB *', '2026-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('When the search crosses the end of a year, then it continues in January', () => {
    expect(next('0 0 0 1 1 *', '2026-06-15T00:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
  });

  it.each([
    ['0 */5 * * *', /6-field/],
    ['60 * * * * *', /second field/],
    ['0 0 24 * * *', /hour field/],
    ['0 0 0 0 * *', /day field/],
    ['0 0 0 * 13 *', /month field/],
    ['0 0 0 * * FUNDAY', /day-of-week field/],
    ['0 0 0 * * */0', /step/],
    ['0 30-10 * * * *', /reversed/],
  ])('When the expression is %s, then it is rejected with a reason', (expression, reason) => {
    expect(() => parseNcrontab(expression)).toThrow(reason);
  });

  it('When a schedule is a TimeSpan (hh:mm:ss), then it repeats at that interval', () => {
    expect(parseTimerSchedule('00:00:30').next(at('2026-03-01T00:00:00Z'))?.toISOString()).toBe(
      '2026-03-01T00:00:30.000Z',
    );
  });
});
