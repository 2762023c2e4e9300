// Criteria traceability: for each criterion, the rules that protect it, the records that evidence it
// (policies for every project, each project's records) and the systems those records concern (a project
// record concerns the systems its project's charter names). Nothing here is restated: the rules come from
// their metadata (rulesByCriterion), the records from the engine's coverage (criterionBacklinks, so only
// records this build publishes), the systems from the published charters. The page
// (src/pages/standard/traceability.astro) lets a reader narrow it to one project.
import type { Backlink } from './backlinks.ts';

/** A system a criterion's evidence concerns, with the projects whose records concern it. */
export interface TraceSystem {
  id: string;
  href: string;
  title: string;
  /** Project ids, sorted. */
  projects: string[];
}

export interface TraceRow {
  id: string;
  text: string;
  /** Sub-items (K3.1) name their parent (K3). */
  parent?: string;
  /** Ids of the rules that protect it. */
  rules: string[];
  /** Policies (no project) first, then each project's records, as the standard page lists them. */
  records: Backlink[];
  systems: TraceSystem[];
}

export interface TraceInputs {
  /** `id` as the row shows it; `key` (default `id`) what `backlinks` and `rules` are keyed by. */
  criteria: readonly { id: string; key?: string; text: string; parent?: string }[];
  backlinks: ReadonlyMap<string, Backlink[]>;
  rules: ReadonlyMap<string, string[]>;
  /** The published systems a published project's charter names, with their pages. */
  systemsOf: (project: string) => { id: string; href: string; title: string }[];
}

/** One row per criterion, in catalogue order. */
export function traceRows({ criteria, backlinks, rules, systemsOf }: TraceInputs): TraceRow[] {
  return criteria.map((c) => {
    const key = c.key ?? c.id;
    const records = backlinks.get(key) ?? [];
    const systems = new Map<string, TraceSystem>();
    for (const project of new Set(records.flatMap((r) => (r.project === undefined ? [] : [r.project])))) {
      for (const s of systemsOf(project)) {
        const seen = systems.get(s.id) ?? { ...s, projects: [] };
        if (!seen.projects.includes(project)) seen.projects.push(project);
        systems.set(s.id, seen);
      }
    }
    return {
      id: c.id,
      text: c.text,
      ...(c.parent !== undefined ? { parent: c.parent } : {}),
      rules: rules.get(key) ?? [],
      records,
      systems: [...systems.values()].map((s) => ({ ...s, projects: [...s.projects].sort() })).sort((a, b) => a.title.localeCompare(b.title)),
    };
  });
}
