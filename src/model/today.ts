// The one place "today" comes from. Every rule that compares dates asks this module, so results are
// reproducible: `--today` beats `SEAM_TODAY` beats `today:` in seam.config.yaml beats the clock.
import { isoDate } from './schemas.ts';

export interface TodaySources {
  flag?: string;
  env?: string;
  config?: string;
  clock?: () => Date;
}

export type TodayResult = { ok: true; today: string; source: 'flag' | 'env' | 'config' | 'clock' } | { ok: false; message: string };

export function resolveToday({ flag, env = process.env.SEAM_TODAY, config, clock }: TodaySources = {}): TodayResult {
  for (const [value, source] of [[flag, 'flag'], [env, 'env'], [config, 'config']] as const) {
    if (value === undefined || value === '') continue;
    if (!isoDate.safeParse(value).success) {
      const where = source === 'flag' ? '--today' : source === 'env' ? 'SEAM_TODAY' : '"today" in seam.config.yaml';
      return { ok: false, message: `${where} must be a date written as YYYY-MM-DD (got "${value}").` };
    }
    return { ok: true, today: value, source };
  }
  return { ok: true, today: clockToday(clock), source: 'clock' };
}

/** The clock's date, YYYY-MM-DD (UTC): what "today" is when nothing sets it. */
export function clockToday(clock: () => Date = () => new Date()): string {
  return clock().toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The last day a `YYYY-MM` or `YYYY-MM-DD` value covers (a month means its last day). */
export function endOf(monthOrDate: string): string {
  if (monthOrDate.length === 10) return monthOrDate;
  const [y, m] = monthOrDate.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
