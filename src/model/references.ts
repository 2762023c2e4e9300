// Which frontmatter fields hold ids of other records, and what each names: the one table of references.
// The record graph resolves them (and the `references` rule reports those that dangle), the
// `classification` rule checks what they reveal, `seam new` offers their known ids, and the site links
// them, mapping a target to its page (src/site/views/routes.ts).
import type { RecordTypeName } from './record-data.ts';

/** What an id field refers to, in the authors' words. Project-scoped targets resolve within the record's own project. */
export type Target = 'organisation' | 'system' | 'provider' | 'policy' | 'criterion' | 'stakeholder' | 'workstream' | 'milestone' | 'budget-line' | 'regulation' | 'lesson' | 'project' | 'project-record';

/**
 * Every id reference, as data: a path into the frontmatter (`*` = each list item, `@key` = each
 * mapping key) and what it refers to, per record type (`*`: every record type). Adding a reference
 * field is one line here.
 */
const referenceFields: Record<string, [string, Target][]> = {
  '*': [['evidence.*.criterion', 'criterion']],
  systems: [
    ['owner', 'organisation'], ['interfaces.*', 'system'], ['interfaces.*.system', 'system'], ['interfaces.*.contract.owner', 'organisation'],
    ['interfaces.*.contract.standard', 'policy'], ['catalogueUpdates.*.project', 'project'],
  ],
  providers: [['organisation', 'organisation']],
  policies: [['supersedes', 'policy'], ['criteria.*', 'criterion']],
  charter: [
    ['sponsors.*', 'stakeholder'], ['organisations.*', 'organisation'], ['systems.*', 'system'], ['providers.*.provider', 'provider'],
    ['policies.*', 'policy'], ['regulations.*.regulator', 'organisation'], ['lessonsApplied.*.project', 'project'], ['lessonsApplied.*.lesson', 'lesson'],
  ],
  stakeholders: [['stakeholders.*.organisation', 'organisation'], ['stakeholders.*.raci.@key', 'workstream']],
  plan: [['milestones.*.workstream', 'workstream'], ['milestones.*.owner', 'stakeholder'], ['milestones.*.dependsOn.*', 'milestone'], ['milestones.*.receivedBy', 'organisation'], ['milestones.*.systems.*', 'system']],
  status: [
    ['milestonesAtRisk.*', 'milestone'], ['compliance.*.regulation', 'regulation'], ['issues.*.owner', 'stakeholder'],
    ['issues.*.budgetLine', 'budget-line'], ['issues.*.milestone', 'milestone'],
    ['architecture.deviations.*.owner', 'stakeholder'], ['security.*.owner', 'stakeholder'],
  ],
  evaluations: [['provider', 'provider'], ['evaluator', 'stakeholder'], ['actions.*.owner', 'stakeholder']],
  changes: [['requestedBy', 'stakeholder'], ['approver', 'stakeholder'], ['impact.budgetLine', 'budget-line'], ['impact.milestones.*', 'milestone']],
  signoff: [['signoffs.*.by', 'stakeholder'], ['signoffs.*.record', 'project-record'], ['signoffs.*.milestone', 'milestone']],
  engagement: [['audience.stakeholders.*', 'stakeholder'], ['audience.organisations.*', 'organisation'], ['followUps.*.owner', 'stakeholder']],
};

/** The reference fields of a record of type `type`: those every record has, then its type's own. */
export function referenceFieldsOf(type: string): [string, Target][] {
  return [...(referenceFields['*'] ?? []), ...(referenceFields[type] ?? [])];
}

/**
 * A reference field as the site's facts name it: dotted, without list markers (`providers.*.provider`
 * → `providers.provider`); `undefined` for a mapping's keys (`raci.@key`), which are not values.
 */
export function factPath(pattern: string): string | undefined {
  const segments = pattern.split('.');
  return segments.includes('@key') ? undefined : segments.filter((s) => s !== '*').join('.');
}

/** The record type whose records a target names, for the targets that are whole records (a project: its charter). */
export const targetRecordTypes: Partial<Record<Target, RecordTypeName>> = {
  organisation: 'organisations', system: 'systems', provider: 'providers', policy: 'policies', project: 'charter',
};
