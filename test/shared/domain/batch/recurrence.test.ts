import { describe, expect, it } from 'vitest';

import {
  dayNumberOf,
  parseRecurrence,
  type Recurrence,
  recurrenceDays,
  withStartDefaults,
} from '../../../../shared/domain/batch/recurrence';

const parsed = (text: string): Recurrence => {
  const result = parseRecurrence(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

const messageOf = (text: string): string => {
  const result = parseRecurrence(text);
  if (result.ok) throw new Error(`'${text}' parsed`);
  return result.message;
};

describe('parseRecurrence', () => {
  it.each<[string, Recurrence]>([
    ['Day', { unit: 'day', every: 1 }],
    ['3Days', { unit: 'day', every: 3 }],
    ['Week', { unit: 'week', every: 1, weekdays: [] }],
    ['3Weeks', { unit: 'week', every: 3, weekdays: [] }],
    ['Week Saturday,Sunday', { unit: 'week', every: 1, weekdays: [6, 7] }],
    ['Month', { unit: 'month', every: 1, days: [] }],
    ['2Months', { unit: 'month', every: 2, days: [] }],
    ['Month day23,day24', { unit: 'month', every: 1, days: [23, 24] }],
    ['Month Second Sunday', { unit: 'month', every: 1, nth: 2, weekday: 7, offsetDays: 0 }],
    ['Month Last Sunday', { unit: 'month', every: 1, nth: -1, weekday: 7, offsetDays: 0 }],
    ['Month Fourth Monday', { unit: 'month', every: 1, nth: 4, weekday: 1, offsetDays: 0 }],
    ['Month Last Sunday Offset-3', { unit: 'month', every: 1, nth: -1, weekday: 7, offsetDays: -3 }],
    ['Month Third Sunday Offset6', { unit: 'month', every: 1, nth: 3, weekday: 7, offsetDays: 6 }],
  ])("When recurEvery is Azure's example '%s', then it parses", (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it.each<[string, Recurrence]>([
    ['day', { unit: 'day', every: 1 }],
    ['1Days', { unit: 'day', every: 1 }],
    ['3 days', { unit: 'day', every: 3 }],
    ['WEEK sat,SUN', { unit: 'week', every: 1, weekdays: [6, 7] }],
    ['2weeks Friday, Monday, friday', { unit: 'week', every: 2, weekdays: [1, 5] }],
    ['Weeks Saturday Sunday', { unit: 'week', every: 1, weekdays: [6, 7] }],
    ['  month   DAY24,day23  ', { unit: 'month', every: 1, days: [23, 24] }],
    ['month last sun offset-3', { unit: 'month', every: 1, nth: -1, weekday: 7, offsetDays: -3 }],
    ['Months First Monday Offset +2', { unit: 'month', every: 1, nth: 1, weekday: 1, offsetDays: 2 }],
  ])("When recurEvery is '%s' (case, plurals, abbreviations, spacing), then it parses", (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it.each([
    ['Fortnight', "'Fortnight' is not a recurrence. Use [n]Day(s) (Day, 3Days)"],
    ['', "'' is not a recurrence."],
    ['Weekly', "'Weekly' is not a recurrence."],
    ['0Days', 'the interval must be a whole number of at least 1, as in 3Days'],
    ['Day Monday', 'a daily recurrence takes nothing after the interval, as in Day or 3Days'],
    ['Week Saturday,Funday', "'Funday' is not a weekday. List Monday … Sunday (or Mon … Sun)"],
    ['Month day32', "'day32' is not a day of the month. List day1 … day31"],
    ['Month day0', "'day0' is not a day of the month."],
    ['Month 23,24', 'after Month give days of the month (Month day23,day24) or a week of the month'],
    ['Month Last', 'after Month give days of the month'],
    ['Month Fifth Sunday', "'Fifth' is not a week of the month. Use First, Second, Third, Fourth or Last"],
    ['Month Last Funday', "'Funday' is not a weekday. Use Monday … Sunday"],
    ['Month Last Sunday Offset7', 'the offset must be between -6 and 6 days, as in Month Second Sunday'],
    ['Month Last Sunday Offset-7', 'the offset must be between -6 and 6 days'],
    ['Month Last Sunday Later', 'after Month give days of the month'],
  ])(
    "When recurEvery is '%s', then it is refused with a message showing the accepted form",
    (text, message) => {
      expect(messageOf(text)).toContain(message);
    },
  );
});

describe('withStartDefaults', () => {
  const monday = dayNumberOf({ year: 2026, month: 11, day: 2 });

  it('When a weekly recurrence lists no weekday, then it recurs on the weekday of the start', () => {
    expect(withStartDefaults(parsed('2Weeks'), monday)).toEqual({ unit: 'week', every: 2, weekdays: [1] });
  });

  it('When a monthly recurrence lists no day, then it recurs on the day of month of the start', () => {
    expect(withStartDefaults(parsed('Month'), monday)).toEqual({ unit: 'month', every: 1, days: [2] });
  });

  it('When the recurrence lists its days, then it is kept', () => {
    expect(withStartDefaults(parsed('Week Sunday'), monday)).toEqual(parsed('Week Sunday'));
  });
});

describe('recurrenceDays', () => {
  const day = (year: number, month: number, dayOfMonth: number) =>
    dayNumberOf({ year, month, day: dayOfMonth });
  const firstDays = (recurrence: Recurrence, start: number, from: number, count: number): number[] => {
    const days: number[] = [];
    for (const d of recurrenceDays(recurrence, start, from)) {
      days.push(d);
      if (days.length === count) break;
    }
    return days;
  };

  it('When asked from a date a century after the start, then 3Days answers by arithmetic on the start date', () => {
    const start = day(2026, 1, 1);
    const [first] = firstDays(parsed('3Days'), start, day(2126, 1, 1), 1);
    expect((first! - start) % 3).toBe(0);
    expect(first! - day(2126, 1, 1)).toBeLessThan(3);
  });

  it('When a monthly recurrence can never fall (12Months day31 from April), then the days end', () => {
    expect(firstDays(parsed('12Months day31'), day(2026, 4, 1), day(2026, 4, 1), 1)).toEqual([]);
  });

  it('When Month day29 recurs every 12 months from February, then it falls on leap years only', () => {
    expect(firstDays(parsed('12Months day29'), day(2027, 2, 1), day(2027, 2, 1), 2)).toEqual([
      day(2028, 2, 29),
      day(2032, 2, 29),
    ]);
  });

  it('When an offset moves the first Monday into the previous month, then the days stay in order', () => {
    // The first Mondays of June, July and August 2026 are the 1st, 6th and 3rd: six days earlier is the
    // 26 May, 30 June and 28 July. May's own (4 May, offset to 28 April) falls before the start.
    expect(firstDays(parsed('Month First Monday Offset-6'), day(2026, 5, 1), day(2026, 5, 1), 3)).toEqual([
      day(2026, 5, 26),
      day(2026, 6, 30),
      day(2026, 7, 28),
    ]);
  });
});
