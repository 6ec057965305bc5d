/** A timer trigger's `schedule`: an NCRONTAB expression, or a `hh:mm:ss` interval (App Service plans). */
import { CronSchedule, parseNcrontab } from './ncrontab';

export function parseTimerSchedule(text: string): CronSchedule {
  const interval = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!interval) return parseNcrontab(text);
  const [, hours = '0', minutes = '0', seconds = '0'] = interval;
  const periodMs = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
  if (periodMs <= 0) throw new Error(`The timer interval '${text}' must be positive.`);
  return { expression: text, next: (after) => new Date(after.getTime() + periodMs) };
}
