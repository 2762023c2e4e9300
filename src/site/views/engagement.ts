// The engagement log as the project page shows it: each stakeholder's last contact against their
// cadence, and the entries newest first. Last contact and "overdue" come from the model, so the page
// says what the `engagement` rule checks.
import { CADENCE_DAYS, daysOverdue, entriesBy, lastContact } from '../../model/engagement.ts';
import type * as S from '../../model/schemas.ts';

interface Entry {
  id: string;
  data: S.Engagement;
}

export interface LastContactRow {
  id: string;
  name: string;
  role: string;
  organisation: string;
  cadence?: string;
  /** The latest entry naming them, by today. */
  last?: { id: string; date: string; title: string; channel: string };
  /** Days past their cadence (positive: overdue); undefined for a milestone cadence or none. */
  overdue?: number;
}

/** One row per stakeholder in the register, in register order. */
export function lastContacts(register: S.StakeholderRegister | undefined, entries: readonly Entry[], start: string, today: string): LastContactRow[] {
  return (register?.stakeholders ?? []).map((person) => {
    const last = lastContact(entries, person.id, today);
    const cadence = person.comms?.cadence;
    return {
      id: person.id,
      name: person.name,
      role: person.role,
      organisation: person.organisation,
      cadence: cadence && (cadence === 'milestone' ? 'at each milestone' : `${cadence} (${CADENCE_DAYS[cadence]} days)`),
      last: last && { id: last.id, date: last.data.date, title: last.data.title, channel: last.data.channel },
      overdue: cadence && daysOverdue(cadence, last?.data.date, start, today),
    };
  });
}

/** The entries that have happened by today, newest first: the engagement timeline. */
export function timeline<T extends Entry>(entries: readonly T[], today: string): T[] {
  return entriesBy(entries, today).reverse();
}
