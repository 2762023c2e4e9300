// Reporting periods (`2026-Q2`, `2026-H1`, `2026-05`) as date ranges: what provider evaluations are
// written for. Pure calendar arithmetic on ISO dates, so every rule and page agrees on what a period covers.

export type PeriodKind = 'quarter' | 'half' | 'month';

export interface Period {
  /** As authors write it in an evaluation's `period`: `2026-Q2`, `2026-H1` or `2026-05`. */
  label: string;
  kind: PeriodKind;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
}

const MONTHS: Record<PeriodKind, number> = { quarter: 3, half: 6, month: 1 };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function make(kind: PeriodKind, year: number, index: number): Period {
  const span = MONTHS[kind];
  const first = (index - 1) * span + 1;
  const last = first + span - 1;
  const label = kind === 'quarter' ? `${year}-Q${index}` : kind === 'half' ? `${year}-H${index}` : `${year}-${pad(index)}`;
  return { label, kind, start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

/** The period a label names, or undefined when it is not `YYYY-Qn`, `YYYY-Hn` or `YYYY-MM`. */
export function parsePeriod(label: string): Period | undefined {
  const m = /^(\d{4})-(?:Q([1-4])|H([12])|(0[1-9]|1[0-2]))$/.exec(label);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) return make('quarter', year, Number(m[2]));
  if (m[3]) return make('half', year, Number(m[3]));
  return make('month', year, Number(m[4]));
}

/** The period of `kind` that contains `date` (YYYY-MM-DD). */
export function periodOf(date: string, kind: PeriodKind): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return make(kind, year, Math.floor((month - 1) / MONTHS[kind]) + 1);
}

/** Every period of `kind` that overlaps the dates `from` to `to` (inclusive), in order. */
export function periodsBetween(from: string, to: string, kind: PeriodKind): Period[] {
  const out: Period[] = [];
  if (to < from) return out;
  for (let p = periodOf(from, kind); p.start <= to; p = periodOf(nextDay(p.end), kind)) out.push(p);
  return out;
}

/** Whether two date ranges share at least one day. */
export function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Whether range `inner` lies wholly within range `outer`. */
export function within(inner: { start: string; end: string }, outer: { start: string; end: string }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
