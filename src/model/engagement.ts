// What the engagement log says about a project: when each stakeholder was last engaged, how often each
// must be, and which organisations an entry engaged. The `engagement` rule and the project page both
// ask here, so the page's "last contact" and "overdue" are what the rule checks.
import { daysBetween } from './today.ts';
import type * as S from './schemas.ts';

type Cadence = NonNullable<S.StakeholderRegister['stakeholders'][number]['comms']>['cadence'];

/** An engagement entry as the linter's graph and the site both hold it: its validated frontmatter, if any. */
interface Entry {
  data?: S.Engagement;
}

// `daily` means every working day: three calendar days cover a weekend between two contacts.
/** The most days a cadence allows between contacts; `milestone` is not a number of days. */
export const CADENCE_DAYS: Record<Exclude<Cadence, 'milestone'>, number> = { daily: 3, weekly: 7, fortnightly: 14, monthly: 31, quarterly: 92 };

/** The entries that have happened by `today` and whose frontmatter is valid, in the order given (oldest first). */
export function entriesBy<T extends Entry>(entries: readonly T[], today: string): (T & { data: S.Engagement })[] {
  return entries.filter((e): e is T & { data: S.Engagement } => e.data !== undefined && e.data.date <= today);
}

/** The latest entry that names the stakeholder `id` in its audience, by `today`. */
export function lastContact<T extends Entry>(entries: readonly T[], id: string, today: string): (T & { data: S.Engagement }) | undefined {
  return entriesBy(entries, today).filter((e) => e.data.audience.stakeholders.includes(id)).at(-1);
}

/**
 * Days past a stakeholder's cadence on `today`: positive when they are overdue, counted from their last
 * contact or, never engaged, from `start`; undefined for the `milestone` cadence (not a number of days).
 */
export function daysOverdue(cadence: Cadence, last: string | undefined, start: string, today: string): number | undefined {
  if (cadence === 'milestone') return undefined;
  return daysBetween(last ?? start, today) - CADENCE_DAYS[cadence];
}

/**
 * The organisations an entry engaged: those it names, and those of the stakeholders it names (from the
 * project's register).
 */
export function organisationsEngaged(entry: S.Engagement, register: S.StakeholderRegister | undefined): Set<string> {
  const out = new Set(entry.audience.organisations);
  for (const id of entry.audience.stakeholders) {
    const person = register?.stakeholders.find((s) => s.id === id);
    if (person) out.add(person.organisation);
  }
  return out;
}
