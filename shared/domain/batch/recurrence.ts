/**
 * Parses a maintenance window's `recurEvery`, in the syntax of Azure maintenance configurations
 * (`properties.maintenanceWindow.recurEvery`;
 * https://learn.microsoft.com/rest/api/maintenance/maintenance-configurations/create-or-update,
 * https://learn.microsoft.com/cli/azure/maintenance/configuration):
 *
 *   daily    [n]Day(s)                                     Day, 3Days
 *   weekly   [n]Week(s) [weekday,...]                      Week, 3Weeks, Week Saturday,Sunday
 *   monthly  [n]Month(s) [dayN,...]                        Month, 2Months, Month day23,day24
 *            [n]Month(s) First|Second|Third|Fourth|Last Weekday [Offset±d]
 *                                                          Month Last Sunday Offset-3, Month Third Sunday Offset6
 *
 * Parsed case-insensitively. Our choices where Azure's documentation is silent or strict: weekdays may also
 * be written as three-letter abbreviations (Sat), list items may also be separated by spaces, a space
 * between the number and the unit is tolerated (`3 Days`), the offset may be written `Offset+2`, and
 * duplicates in a list are dropped. An empty weekday or day list (`Week`, `Month`) means "the weekday or
 * day of month of the window's start" (see withStartDefaults).
 *
 * recurrenceDays lists the calendar days a recurrence falls on, by arithmetic for days and weeks and month
 * by month for months, so that a question about a date years away never walks day by day. Days are plain
 * day numbers (days since 1970-01-01 in the proleptic Gregorian calendar): a wall-clock date without a zone.
 * Pure.
 */
import { DateTime } from 'luxon';

/** A weekday as luxon numbers it: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Which weekday of the month: the first … fourth, or the last (-1). */
export type WeekOfMonth = 1 | 2 | 3 | 4 | -1;

export type Recurrence =
  /** Every `every` days, counted from the start date. */
  | { unit: 'day'; every: number }
  /** On `weekdays` of every `every`-th week (Monday-based weeks counted from the start's week). */
  | { unit: 'week'; every: number; weekdays: Weekday[] }
  /** On `days` of every `every`-th month (counted from the start's month); days a month lacks are skipped. */
  | { unit: 'month'; every: number; days: number[] }
  /** On the `nth` `weekday` of every `every`-th month, moved by `offsetDays` (-6 … 6). */
  | { unit: 'month'; every: number; nth: WeekOfMonth; weekday: Weekday; offsetDays: number };

export type RecurrenceParse = { ok: true; value: Recurrence } | { ok: false; message: string };

export const acceptedRecurrenceForms =
  'Use [n]Day(s) (Day, 3Days), [n]Week(s) [weekdays] (Week, 2Weeks, Week Saturday,Sunday), ' +
  '[n]Month(s) [dayN,...] (Month, 2Months, Month day23,day24) or ' +
  '[n]Month(s) First|Second|Third|Fourth|Last Weekday [Offset±d] (Month Second Sunday, Month Last Sunday Offset-3).';

const weekdayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const weeksOfMonth: Readonly<Record<string, WeekOfMonth>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  last: -1,
};
const maxOffsetDays = 6;

const fail = (message: string): RecurrenceParse => ({ ok: false, message });

/** `Sunday` or `Sun` (any case) → 7; undefined for anything else. */
function weekdayOf(text: string): Weekday | undefined {
  const lower = text.toLowerCase();
  const index = weekdayNames.findIndex((name) => name === lower || name.slice(0, 3) === lower);
  return index < 0 ? undefined : ((index + 1) as Weekday);
}

/** A comma-separated list; our choice: spaces also separate items. */
const listItems = (text: string): string[] => text.split(/[\s,]+/).filter((item) => item !== '');

const sortedUnique = <T extends number>(values: T[]): T[] => [...new Set(values)].sort((a, b) => a - b);

export function parseRecurrence(text: string): RecurrenceParse {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const head = /^(\d+)? ?(day|week|month)s?(?: (.*))?$/i.exec(trimmed);
  if (!head) {
    return fail(`'${trimmed}' is not a recurrence. ${acceptedRecurrenceForms}`);
  }
  const [, count, unitText = '', rest = ''] = head;
  const every = count === undefined ? 1 : Number(count);
  if (!Number.isSafeInteger(every) || every < 1) {
    return fail(`'${trimmed}': the interval must be a whole number of at least 1, as in 3Days or 2Weeks.`);
  }
  const unit = unitText.toLowerCase();
  if (unit === 'day') {
    return rest === ''
      ? { ok: true, value: { unit: 'day', every } }
      : fail(`'${trimmed}': a daily recurrence takes nothing after the interval, as in Day or 3Days.`);
  }
  if (unit === 'week') return parseWeekly(trimmed, every, rest);
  return parseMonthly(trimmed, every, rest);
}

function parseWeekly(trimmed: string, every: number, rest: string): RecurrenceParse {
  const weekdays: Weekday[] = [];
  for (const item of listItems(rest)) {
    const weekday = weekdayOf(item);
    if (weekday === undefined) {
      return fail(
        `'${trimmed}': '${item}' is not a weekday. List Monday … Sunday (or Mon … Sun) separated by ` +
          'commas, as in Week Saturday,Sunday.',
      );
    }
    weekdays.push(weekday);
  }
  return { ok: true, value: { unit: 'week', every, weekdays: sortedUnique(weekdays) } };
}

function parseMonthly(trimmed: string, every: number, rest: string): RecurrenceParse {
  if (rest === '') return { ok: true, value: { unit: 'month', every, days: [] } };
  if (/^day/i.test(rest)) return parseDaysOfMonth(trimmed, every, rest);

  const weekdayForm = /^(\S+) (\S+)(?: offset ?([+-]?\d+))?$/i.exec(rest);
  const usage = 'as in Month Second Sunday or Month Last Sunday Offset-3';
  if (!weekdayForm) {
    return fail(
      `'${trimmed}': after Month give days of the month (Month day23,day24) or a week of the month, a ` +
        `weekday and an optional offset (Month Last Sunday Offset-3). ${acceptedRecurrenceForms}`,
    );
  }
  const [, weekText = '', weekdayText = '', offsetText] = weekdayForm;
  const nth = weeksOfMonth[weekText.toLowerCase()];
  if (nth === undefined) {
    return fail(
      `'${trimmed}': '${weekText}' is not a week of the month. Use First, Second, Third, Fourth or Last, ${usage}.`,
    );
  }
  const weekday = weekdayOf(weekdayText);
  if (weekday === undefined) {
    return fail(
      `'${trimmed}': '${weekdayText}' is not a weekday. Use Monday … Sunday (or Mon … Sun), ${usage}.`,
    );
  }
  const offsetDays = offsetText === undefined ? 0 : Number(offsetText);
  if (Math.abs(offsetDays) > maxOffsetDays) {
    return fail(`'${trimmed}': the offset must be between -6 and 6 days, ${usage}.`);
  }
  return { ok: true, value: { unit: 'month', every, nth, weekday, offsetDays } };
}

function parseDaysOfMonth(trimmed: string, every: number, rest: string): RecurrenceParse {
  const days: number[] = [];
  for (const item of listItems(rest)) {
    const match = /^day(\d{1,2})$/i.exec(item);
    const day = match ? Number(match[1]) : 0;
    if (day < 1 || day > 31) {
      return fail(
        `'${trimmed}': '${item}' is not a day of the month. List day1 … day31 separated by commas, ` +
          'as in Month day23,day24.',
      );
    }
    days.push(day);
  }
  return { ok: true, value: { unit: 'month', every, days: sortedUnique(days) } };
}

/** A wall-clock calendar date (no zone). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const msPerDay = 86_400_000;

/** The day number (days since 1970-01-01) of a calendar date. */
export const dayNumberOf = ({ year, month, day }: CalendarDate): number =>
  Math.round(DateTime.utc(year, month, day).toMillis() / msPerDay);

export function calendarDateOf(dayNumber: number): CalendarDate {
  const { year, month, day } = DateTime.fromMillis(dayNumber * msPerDay, { zone: 'utc' });
  return { year, month, day };
}

/** 1970-01-01 was a Thursday (4). */
export const weekdayOfDay = (dayNumber: number): Weekday =>
  (((((dayNumber + 3) % 7) + 7) % 7) + 1) as Weekday;

/** Fills the lists Azure leaves to the start: `Week` recurs on the start's weekday, `Month` on its day. */
export function withStartDefaults(recurrence: Recurrence, startDay: number): Recurrence {
  if (recurrence.unit === 'week' && recurrence.weekdays.length === 0) {
    return { ...recurrence, weekdays: [weekdayOfDay(startDay)] };
  }
  if (recurrence.unit === 'month' && 'days' in recurrence && recurrence.days.length === 0) {
    return { ...recurrence, days: [calendarDateOf(startDay).day] };
  }
  return recurrence;
}

/**
 * The Gregorian calendar repeats every 400 years: a monthly recurrence that finds no day in this many
 * consecutive steps (`12Months day31` from April) never will.
 */
const monthsInCalendarCycle = 4800;

/**
 * The days `recurrence` falls on, ascending, not before `from` nor before `startDay` (the series' anchor:
 * intervals count from its day, week or month). Endless, except for a monthly recurrence that can no longer
 * fall (see monthsInCalendarCycle) or an empty weekday or day list (fill those with withStartDefaults).
 */
export function* recurrenceDays(recurrence: Recurrence, startDay: number, from: number): Generator<number> {
  const first = Math.max(from, startDay);
  const { every } = recurrence;
  if (recurrence.unit === 'day') {
    for (let k = Math.ceil((first - startDay) / every); ; k++) yield startDay + k * every;
  }
  if (recurrence.unit === 'week') {
    if (recurrence.weekdays.length === 0) return;
    // Weeks start on Monday (ISO) and are counted from the start's week.
    const startMonday = startDay - (weekdayOfDay(startDay) - 1);
    for (let week = Math.ceil(Math.floor((first - startMonday) / 7) / every) * every; ; week += every) {
      for (const weekday of recurrence.weekdays) {
        const day = startMonday + week * 7 + weekday - 1;
        if (day >= first) yield day;
      }
    }
  }
  const monthIndexOf = ({ year, month }: CalendarDate) => year * 12 + month - 1;
  const startMonth = monthIndexOf(calendarDateOf(startDay));
  // An offset can move a month's day up to 6 days into the next month: begin with the month a week earlier.
  const earliest = monthIndexOf(calendarDateOf(first - maxOffsetDays - 1)) - startMonth;
  let emptySteps = 0;
  for (let step = Math.ceil(Math.max(0, earliest) / every) * every; ; step += every) {
    const monthIndex = startMonth + step;
    const days = daysInMonthOf(recurrence, Math.floor(monthIndex / 12), (monthIndex % 12) + 1);
    emptySteps = days.length === 0 ? emptySteps + 1 : 0;
    if (emptySteps >= monthsInCalendarCycle) return;
    for (const day of days) if (day >= first) yield day;
  }
}

/** The days (ascending day numbers) a monthly recurrence falls on for one month. */
function daysInMonthOf(
  recurrence: Extract<Recurrence, { unit: 'month' }>,
  year: number,
  month: number,
): number[] {
  const firstOfMonth = dayNumberOf({ year, month, day: 1 });
  const length = DateTime.utc(year, month, 1).daysInMonth ?? 31;
  if ('days' in recurrence) {
    return recurrence.days.filter((day) => day <= length).map((day) => firstOfMonth + day - 1);
  }
  const { nth, weekday, offsetDays } = recurrence;
  let day: number;
  if (nth === -1) {
    const lastOfMonth = firstOfMonth + length - 1;
    day = lastOfMonth - ((weekdayOfDay(lastOfMonth) - weekday + 7) % 7);
  } else {
    day = firstOfMonth + ((weekday - weekdayOfDay(firstOfMonth) + 7) % 7) + (nth - 1) * 7;
  }
  return [day + offsetDays];
}
