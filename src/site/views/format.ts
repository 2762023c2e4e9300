// How numbers, money and dates read on the site: British English, whole pounds unless pence matter,
// dates as "20 Nov 2026". Pure and locale-fixed, so a build looks the same on every machine. Money in
// full and counts of things read as in findings: formatMoney (src/model/money.ts), plural (src/model/text.ts).
import { formatMoney } from '../../model/money.ts';

/** A short amount for tight spaces: `£3.4m`, `£214k`, `£950`. */
export function formatMoneyShort(amount: number, currency: string): string {
  let format = shortFormats.get(currency);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat('en-GB', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    } catch {
      format = null;
    }
    shortFormats.set(currency, format);
  }
  return format ? format.format(amount) : formatMoney(amount, currency);
}

/** One short formatter per currency (`null` for a code Intl refuses), made once: making one costs far more than using it. */
const shortFormats = new Map<string, Intl.NumberFormat | null>();

/** A fraction as a whole percentage: 0.564 → `56%`. */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2026-11-20` → `20 Nov 2026`; `2014-03` → `Mar 2014`. Anything else is returned as written. */
export function formatDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dateFormat.format(new Date(`${value}T00:00:00Z`));
  if (/^\d{4}-\d{2}$/.test(value)) return monthFormat.format(new Date(`${value}-01T00:00:00Z`));
  return value;
}

/** A count of days as people say it: `1 day`, `12 days`, `3 months`, `4 years`. */
export function formatDays(days: number): string {
  const n = Math.abs(days);
  if (n >= 730) return `${Math.floor(n / 365)} years`;
  if (n >= 60) return `${Math.floor(n / 30)} months`;
  return n === 1 ? '1 day' : `${n} days`;
}
