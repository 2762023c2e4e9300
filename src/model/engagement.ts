// What the engagement log says about a project: when each stakeholder was last engaged, how often each
// must be, and which organisations were engaged between two dates. The `engagement` rule and the
// project page both ask here, so the page's "last contact" is the date the rule checks.
import type { ContentRecord, Project } from './graph.ts';
import type * as S from './schemas.ts';

type Cadence = NonNullable<S.StakeholderRegister['stakeholders'][number]['comms']>['cadence'];

/** The most days a cadence allows between contacts; `milestone` is not a number of days. */
// `daily` means every working day: three calendar days cover a weekend between two contacts.
export const CADENCE_DAYS: Record<Exclude<Cadence, 'milestone'>, number> = { daily: 3, weekly: 7, fortnightly: 14, monthly: 31, quarterly: 92 };

/** The project's engagement entries that have happened by `today` and whose frontmatter is valid, oldest first. */
export function entriesBy(project: Project | undefined, today: string): ContentRecord<S.Engagement>[] {
  return (project?.engagement ?? []).filter((e) => e.data !== undefined && e.data.date <= today);
}

/** The latest entry that names the stakeholder `id` in its audience, by `today`. */
export function lastContact(project: Project | undefined, id: string, today: string): ContentRecord<S.Engagement> | undefined {
  return entriesBy(project, today).filter((e) => e.data!.audience.stakeholders.includes(id)).at(-1);
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
