// Where a project stands, as several rules need it: whether it must be reporting status now, and which
// status report is its latest. One definition, so `schedule`, `issues`, `budget` and `status-cadence`
// agree on what "the latest report" means.
import type { ContentRecord, Project } from './graph.ts';
import type { Phase } from './record-types.ts';
import type * as S from './schemas.ts';

/** Phases in which an active project reports status regularly. */
export const REPORTING_PHASES: readonly Phase[] = ['execution', 'handover'];

/** Whether the charter says the project is active in a phase that reports status. */
export function isReporting(charter: S.Charter | undefined): boolean {
  return charter?.status === 'active' && REPORTING_PHASES.includes(charter.phase);
}

/**
 * The project's latest status report: the most recent one dated on or before `today`. A report dated
 * in the future is an error of its own (`status-cadence`) and never counts as the latest; nor does one
 * whose frontmatter fails its schema (a report still being written), whose date cannot be trusted.
 */
export function latestStatus(project: Project | undefined, today: string): ContentRecord<S.StatusReport> | undefined {
  return project?.status.filter((r) => r.data !== undefined && r.data.date <= today).at(-1);
}

/** A project record's path inside its project folder, without extension, e.g. `status/2026-06-12`. */
export function projectPath(record: ContentRecord): string {
  return record.file.split('/').slice(2).join('/').replace(/\.[^.]+$/, '');
}

/**
 * Whether a charter gives evidence of applying lessons (P6): it cites lessons from other projects, or
 * says why none applies. An empty `lessonsApplied` alone is not evidence. The `lessons` rule and
 * coverage both decide by this.
 */
export function appliesLessons(charter: S.Charter): boolean {
  return charter.lessonsApplied.length > 0 || !!charter.lessonsNotApplicable?.trim();
}
