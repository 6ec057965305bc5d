/**
 * NCRONTAB expressions as the Functions timer trigger reads them: six fields
 * `{second} {minute} {hour} {day} {month} {day-of-week}`, each `*`, a value, a range `a-b`, a list `a,b`, a
 * step `*\/n`, `a-b/n` or `a/n`; month names JAN-DEC and day names SUN-SAT; day-of-week 0-6 with Sunday 0
 * (7 is accepted as Sunday too). Evaluated in UTC.
 *
 * Day-of-month and day-of-week are combined with AND, as NCrontab does (classic cron uses OR when both are
 * restricted).
 */

export interface CronSchedule {
  readonly expression: string;
  /** The first occurrence strictly after `after` (UTC), or undefined if none within ~5 years. */
  next(after: Date): Date | undefined;
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const monthNames = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
] as const;
const dayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

const fields: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: monthNames },
  { name: 'day-of-week', min: 0, max: 7, names: dayNames },
];

export function parseNcrontab(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 6) {
    throw new Error(
      `'${expression}' is not a 6-field NCRONTAB expression ({second} {minute} {hour} {day} {month} {day-of-week}).`,
    );
  }
  const sets = parts.map((part, index) => parseField(part, fields[index] as FieldSpec, expression));
  const [seconds, minutes, hours, days, months, weekdays] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  if (weekdays.has(7)) weekdays.add(0);
  return {
    expression,
    next: (after) => nextOccurrence(after, { seconds, minutes, hours, days, months, weekdays }),
  };
}

function parseField(text: string, spec: FieldSpec, expression: string): Set<number> {
  const values = new Set<number>();
  const fail = (reason: string): never => {
    throw new Error(`Invalid ${spec.name} field '${text}' in NCRONTAB '${expression}': ${reason}.`);
  };
  for (const item of text.split(',')) {
    const [rangeText = '', stepText, extra] = item.split('/');
    if (extra !== undefined) fail('more than one step');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) fail(`step '${stepText ?? ''}' must be a positive integer`);
    let low: number;
    let high: number;
    if (rangeText === '*') {
      low = spec.min;
      high = spec.name === 'day-of-week' ? 6 : spec.max;
    } else if (rangeText.includes('-')) {
      const [from = '', to = ''] = rangeText.split('-');
      low = parseValue(from, spec, fail);
      high = parseValue(to, spec, fail);
      if (high < low) fail(`range ${from}-${to} is reversed`);
    } else {
      low = parseValue(rangeText, spec, fail);
      // `a/n` means from a to the end of the field, every n.
      high = stepText === undefined ? low : spec.name === 'day-of-week' ? 6 : spec.max;
    }
    for (let value = low; value <= high; value += step) values.add(value);
  }
  return values;
}

function parseValue(text: string, spec: FieldSpec, fail: (reason: string) => never): number {
  const byName = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  const value =
    byName >= 0 ? byName + (spec.name === 'month' ? 1 : 0) : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
    fail(`'${text}' is outside ${spec.min}-${spec.max}`);
  }
  return value;
}

interface ScheduleSets {
  seconds: Set<number>;
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
}

const searchLimitMs = 5 * 366 * 24 * 3600 * 1000;

function nextOccurrence(after: Date, sets: ScheduleSets): Date | undefined {
  // Start at the next whole second; walk day by day, then within a matching day hour/minute/second.
  const start = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  const limit = start.getTime() + searchLimitMs;
  let day = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  let first = true;
  while (day <= limit) {
    const date = new Date(day);
    if (
      sets.months.has(date.getUTCMonth() + 1) &&
      sets.days.has(date.getUTCDate()) &&
      sets.weekdays.has(date.getUTCDay())
    ) {
      const from = first ? start : date;
      const found = firstTimeInDay(date, from, sets);
      if (found) return found;
    }
    first = false;
    day += 24 * 3600 * 1000;
  }
  return undefined;
}

function firstTimeInDay(day: Date, from: Date, sets: ScheduleSets): Date | undefined {
  const sameDay = from.getTime() > day.getTime();
  for (let hour = sameDay ? from.getUTCHours() : 0; hour < 24; hour++) {
    if (!sets.hours.has(hour)) continue;
    const hourIsStart = sameDay && hour === from.getUTCHours();
    for (let minute = hourIsStart ? from.getUTCMinutes() : 0; minute < 60; minute++) {
      if (!sets.minutes.has(minute)) continue;
      const minuteIsStart = hourIsStart && minute === from.getUTCMinutes();
      for (let second = minuteIsStart ? from.getUTCSeconds() : 0; second < 60; second++) {
        if (sets.seconds.has(second)) {
          return new Date(
            Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute, second),
          );
        }
      }
    }
  }
  return undefined;
}
