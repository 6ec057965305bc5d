/**
 * Maintenance windows: when a batch may run, modelled on Azure maintenance configurations
 * (`properties.maintenanceWindow`: startDateTime, expirationDateTime, duration, timeZone, recurEvery;
 * https://learn.microsoft.com/rest/api/maintenance/maintenance-configurations/create-or-update,
 * https://learn.microsoft.com/cli/azure/maintenance/configuration).
 *
 * Our JSON contract: `{ start, durationMinutes, timeZone?, recurEvery?, expires? }`. `start` and `expires`
 * are ISO 8601 date-times: without an offset they are wall-clock times in `timeZone` (Azure's way); with an
 * offset or Z they fix the instant. Our choices where Azure is silent:
 * - Azure's `YYYY-MM-DD hh:mm` (a space instead of the T) is accepted too; the zone defaults to UTC;
 *   `durationMinutes` is a whole number from 1 to 10080 (7 days).
 * - Every occurrence starts at the wall-clock time of day of `start` in the zone, so its UTC instant moves
 *   with daylight saving time. A time the clocks skip (spring forward) moves forward as luxon moves it
 *   (02:30 on a day that jumps from 02:00 to 03:00 is 03:30); a time the clocks repeat is the one luxon
 *   picks. An occurrence lasts `durationMinutes` of elapsed time, whatever the clocks do meanwhile.
 * - `Week` without days recurs on the weekday of `start`; `nWeeks` counts Monday-based weeks from the week
 *   of `start`. `Month` without days recurs on the day of month of `start`, skipping months that lack it
 *   (the 31st); `nMonths` counts from the month of `start`. `nDays` counts from the date of `start`.
 * - No occurrence starts before `start` (the start date counts only if the recurrence falls on it), and
 *   none at or after `expires` (one already open runs to its end). Without `recurEvery` the window occurs
 *   once, at `start`. A window with no occurrence at all (`12Months day31` from April, or none before
 *   `expires`) is refused rather than accepted as never open.
 * - Occurrences may overlap (a duration longer than the period): the window is open while any occurrence
 *   is; `occurrenceStart` and `closesAt` are those of the open occurrence that ends last.
 *
 * The window is plain data (JSON-able); luxon does the zone arithmetic inside the functions. Pure: the
 * current time is an argument.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';

import {
  calendarDateOf,
  dayNumberOf,
  parseRecurrence,
  type Recurrence,
  recurrenceDays,
  withStartDefaults,
} from './recurrence';
import { resolveTimeZone } from './time-zone';

export const maxDurationMinutes = 7 * 24 * 60;

const inputShape = z.object({
  /** ISO 8601 date-time; wall-clock in timeZone without an offset (2026-12-12T22:00). */
  start: z.string(),
  durationMinutes: z.number(),
  /** IANA or Windows zone name; UTC when absent. */
  timeZone: z.string().optional(),
  /** Azure's recurEvery syntax (Day, 2Weeks, Month Last Sunday Offset-3); absent: once. */
  recurEvery: z.string().optional(),
  /** ISO 8601 date-time like start; no occurrence starts at or after it. Absent: never. */
  expires: z.string().optional(),
});

export type MaintenanceWindowInput = z.infer<typeof inputShape>;

/** The input JSON, with the window's own checks (zone, recurrence, dates, duration) as issues on their fields. */
export const maintenanceWindowInputSchema = inputShape.superRefine((input, context) => {
  for (const { field, message } of analyse(input).problems) {
    context.addIssue({ code: 'custom', path: [field], message });
  }
});

/** A wall-clock date and time, no zone. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export interface MaintenanceWindow {
  /** The IANA zone the wall-clock times are in. */
  timeZone: string;
  /** `start` on the wall clock of timeZone; every occurrence starts at its time of day. */
  localStart: LocalDateTime;
  /** The instant of `start` (ISO, UTC): no occurrence starts before it. */
  startsAt: string;
  durationMinutes: number;
  /** Absent: the window occurs once. Weekday and day lists are filled in from `start`. */
  recurrence?: Recurrence;
  /** The instant of `expires` (ISO, UTC): no occurrence starts at or after it. Absent: never. */
  expiresAt?: string;
}

export type MaintenanceWindowParse =
  { ok: true; value: MaintenanceWindow } | { ok: false; problems: string[] };

export type WindowState =
  | { open: true; occurrenceStart: Date; closesAt: Date }
  /** `nextOpening` is absent when no occurrence starts after `now` (expired, or a one-off that has passed). */
  | { open: false; nextOpening?: Date };

export interface Occurrence {
  start: Date;
  end: Date;
}

export function parseMaintenanceWindow(input: MaintenanceWindowInput): MaintenanceWindowParse {
  const { value, problems } = analyse(input);
  return value
    ? { ok: true, value }
    : { ok: false, problems: problems.map(({ field, message }) => `${field}: ${message}`) };
}

/** Whether the window is open at `now`, and until when; or when it next opens. */
export function windowAt(window: MaintenanceWindow, now: Date): WindowState {
  const nowMs = now.getTime();
  const duration = window.durationMinutes * msPerMinute;
  let open: { start: number; end: number } | undefined;
  // Only occurrences starting within one duration before now can be open; a day's margin covers the
  // wall-clock date of an instant shifting across midnight.
  for (const start of occurrenceStarts(window, localDayOf(nowMs - duration, window.timeZone) - 1)) {
    if (start > nowMs) {
      return open ? openState(open) : { open: false, nextOpening: new Date(start) };
    }
    const end = start + duration;
    if (end > nowMs && (!open || end >= open.end)) open = { start, end };
  }
  return open ? openState(open) : { open: false };
}

/** The occurrences open at some time in [from, to), in order, at most `limit` of them. */
export function occurrencesBetween(
  window: MaintenanceWindow,
  from: Date,
  to: Date,
  limit = 100,
): Occurrence[] {
  const duration = window.durationMinutes * msPerMinute;
  const occurrences: Occurrence[] = [];
  if (limit < 1) return occurrences;
  for (const start of occurrenceStarts(window, localDayOf(from.getTime() - duration, window.timeZone) - 1)) {
    if (start >= to.getTime()) break;
    if (start + duration <= from.getTime()) continue;
    occurrences.push({ start: new Date(start), end: new Date(start + duration) });
    if (occurrences.length >= limit) break;
  }
  return occurrences;
}

const msPerMinute = 60_000;

const openState = ({ start, end }: { start: number; end: number }): WindowState => ({
  open: true,
  occurrenceStart: new Date(start),
  closesAt: new Date(end),
});

/** The wall-clock date of an instant in a zone, as a day number. */
function localDayOf(ms: number, zone: string): number {
  return dayNumberOf(DateTime.fromMillis(ms, { zone }));
}

/**
 * The start instants (epoch ms) of the occurrences on or after local day `fromDay`, in order: each
 * recurrence day at the time of day of `start`, from `start` itself until `expires`.
 */
function* occurrenceStarts(window: MaintenanceWindow, fromDay: number): Generator<number> {
  const startMs = Date.parse(window.startsAt);
  const expiresMs = window.expiresAt === undefined ? Infinity : Date.parse(window.expiresAt);
  const startDay = dayNumberOf(window.localStart);
  const days = window.recurrence
    ? recurrenceDays(window.recurrence, startDay, fromDay)
    : fromDay <= startDay
      ? [startDay]
      : [];
  for (const day of days) {
    // The start's own day uses the start instant: with an offset, start may be the second of two
    // identical wall-clock times (clocks falling back), which re-resolving would not give back.
    const ms = day === startDay ? startMs : wallClockInstant(window, day);
    if (ms >= expiresMs) return;
    if (ms >= startMs) yield ms;
  }
}

/** The instant of `start`'s time of day on local day `day` in the window's zone. */
function wallClockInstant(window: MaintenanceWindow, day: number): number {
  const { hour, minute, second, millisecond } = window.localStart;
  return DateTime.fromObject(
    { ...calendarDateOf(day), hour, minute, second, millisecond },
    { zone: window.timeZone },
  ).toMillis();
}

type Field = keyof MaintenanceWindowInput;
interface Problem {
  field: Field;
  message: string;
}

/** The window, or why not: every problem found, each on its input field. */
function analyse(input: MaintenanceWindowInput): { value?: MaintenanceWindow; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (field: Field, message: string) => problems.push({ field, message });

  const zone = resolveTimeZone(input.timeZone ?? 'UTC');
  if (!zone.ok) problem('timeZone', zone.message);
  // With a bad zone, still check the dates' syntax (in UTC) so that every problem is reported at once.
  const timeZone = zone.ok ? zone.iana : 'UTC';

  const recurrence = input.recurEvery === undefined ? undefined : parseRecurrence(input.recurEvery);
  if (recurrence && !recurrence.ok) problem('recurEvery', recurrence.message);

  const { durationMinutes } = input;
  if (!Number.isInteger(durationMinutes) || durationMinutes < 1 || durationMinutes > maxDurationMinutes) {
    problem(
      'durationMinutes',
      `${durationMinutes} is not a duration: give whole minutes from 1 to ${maxDurationMinutes} (7 days), e.g. 120.`,
    );
  }

  const start = parseDateTime(input.start, timeZone);
  if (!start.ok) problem('start', start.message);
  const expires = input.expires === undefined ? undefined : parseDateTime(input.expires, timeZone);
  if (expires && !expires.ok) problem('expires', expires.message);
  if (start.ok && expires?.ok && expires.instant <= start.instant) {
    problem('expires', `'${input.expires}' is not after start '${input.start}'.`);
  }
  if (problems.length > 0 || !start.ok || (recurrence && !recurrence.ok)) return { problems };

  const window: MaintenanceWindow = {
    timeZone,
    localStart: start.local,
    startsAt: new Date(start.instant).toISOString(),
    durationMinutes,
    ...(recurrence ? { recurrence: withStartDefaults(recurrence.value, dayNumberOf(start.local)) } : {}),
    ...(expires?.ok ? { expiresAt: new Date(expires.instant).toISOString() } : {}),
  };
  if (occurrenceStarts(window, dayNumberOf(start.local)).next().done) {
    problem(
      'recurEvery',
      expires
        ? `'${input.recurEvery ?? ''}' falls on no day from start '${input.start}' before expires '${input.expires}'.`
        : `'${input.recurEvery ?? ''}' never falls on a day from start '${input.start}' on.`,
    );
    return { problems };
  }
  return { value: window, problems };
}

type DateTimeParse = { ok: true; local: LocalDateTime; instant: number } | { ok: false; message: string };

/** An ISO 8601 date-time: wall-clock time in `zone`, or a fixed instant when it carries an offset or Z. */
function parseDateTime(text: string, zone: string): DateTimeParse {
  const iso = text.trim().replace(/^(\d{4}-\d{2}-\d{2}) +(?=\d)/, '$1T');
  const [date, time] = iso.split('T');
  const usage = `Write an ISO 8601 date-time such as 2026-12-12T22:00 (wall-clock time in the window's zone) or 2026-12-12T21:00Z.`;
  if (!date || time === undefined)
    return { ok: false, message: `'${text}' is not a date and time. ${usage}` };
  const hasOffset = /(?:z|[+-]\d{2}(?::?\d{2})?)$/i.test(time);
  // Without an offset read the fields as written (in UTC, where every wall-clock time exists), then place
  // them in the zone; with one, the instant is given and the zone gives its wall-clock fields.
  const parsed = DateTime.fromISO(iso, { zone: hasOffset ? zone : 'utc' });
  if (!parsed.isValid) {
    return {
      ok: false,
      message: `'${text}' is not a date and time (${parsed.invalidExplanation ?? 'invalid'}). ${usage}`,
    };
  }
  const local: LocalDateTime = {
    year: parsed.year,
    month: parsed.month,
    day: parsed.day,
    hour: parsed.hour,
    minute: parsed.minute,
    second: parsed.second,
    millisecond: parsed.millisecond,
  };
  const instant = hasOffset ? parsed.toMillis() : DateTime.fromObject(local, { zone }).toMillis();
  return { ok: true, local, instant };
}
