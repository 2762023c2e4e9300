// What points at each criterion of the standard: the policies that address it, the records that
// evidence it (by their type, or by a claimed section that holds prose) and the rules that protect it.
// Evidence comes from the engine's coverage, so a backlink means what the coverage matrix means.
import type { Coverage } from '../../rule-kit/coverage.ts';
import type { CriterionMapping } from '../../model/coverage-map.ts';
import { qualify } from '../../model/criterion-ids.ts';
import { recordTypeByName, recordTypes } from '../../model/record-types.ts';
import type { PageOf } from './coverage-matrix.ts';
import { evidenceLink } from './coverage-matrix.ts';

export interface Backlink {
  href: string;
  title: string;
  /** The record type's label: `policy`, `status report` … */
  kind: string;
  /** The project the record belongs to (policies belong to none). */
  project?: string;
  /** `addresses`: a policy lists the criterion; `evidences`: the record's type evidences it; `claims`: a section does. */
  via: 'addresses' | 'evidences' | 'claims';
  /** Whether the record fails its error-level checks (its evidence does not count until fixed). */
  failing: boolean;
}

const TYPE_ORDER = new Map(recordTypes.map((t, i) => [t.name, i]));

/**
 * Backlinks per criterion key (`eskitp5045:P5`): `policies` are the published policies with the criteria
 * they list, as keys (resolve a policy's references first: src/model/criterion-ids.ts),
 * `pageOf` finds a published record's page and `projectOf` the project a content file belongs to.
 */
export function criterionBacklinks(
  coverage: Coverage,
  policies: { id: string; href: string; title: string; criteria: string[] }[],
  pageOf: PageOf,
  projectOf: (contentFile: string) => string | undefined,
): Map<string, Backlink[]> {
  const out = new Map<string, Backlink[]>();
  coverage.criteria.forEach((criterion, i) => {
    const links: Backlink[] = [];
    const seen = new Set<string>();
    const add = (link: Backlink) => {
      if (seen.has(link.href)) return;
      seen.add(link.href);
      links.push(link);
    };
    for (const p of policies) {
      if (p.criteria.includes(criterion.key) || (criterion.parent && p.criteria.includes(qualify(criterion.standard, criterion.parent)))) {
        add({ href: p.href, title: p.title, kind: 'policy', via: 'addresses', failing: false });
      }
    }
    const evidence = (coverage.cells[i] ?? []).flatMap((cell) => cell.evidence);
    const sorted = [...evidence].sort(
      (a, b) => (projectOf(a.file) ?? '').localeCompare(projectOf(b.file) ?? '') || (TYPE_ORDER.get(a.type) ?? 0) - (TYPE_ORDER.get(b.type) ?? 0) || a.file.localeCompare(b.file),
    );
    for (const e of sorted) {
      const link = evidenceLink([e], pageOf);
      if (!link) continue;
      add({
        href: link.href,
        title: link.title,
        kind: recordTypeByName.get(e.type)?.label ?? e.type,
        project: projectOf(e.file),
        via: e.via === 'claim' ? 'claims' : e.type === 'policies' ? 'addresses' : 'evidences',
        failing: e.failing,
      });
    }
    out.set(criterion.key, links);
  });
  return out;
}

/**
 * The rules protecting each criterion (a rule protecting K3 protects K3.1 too), by criterion key; a
 * rule's criteria are keys, as the rule catalogue describes them.
 */
export function rulesByCriterion(rules: { id: string; criteria: string[] }[], criteria: { key: string; standard: string; parent?: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of criteria) {
    const parent = c.parent === undefined ? undefined : qualify(c.standard, c.parent);
    const ids = rules.filter((r) => r.criteria.includes(c.key) || (parent !== undefined && r.criteria.includes(parent))).map((r) => r.id);
    out.set(c.key, ids);
  }
  return out;
}

export interface ProjectEvidence {
  project: string;
  /** One entry per record type; several records of a type link to the latest with a count. */
  records: { kind: string; href: string; title: string; count: number; failing: boolean; via: Backlink['via'] }[];
}

/** Backlinks grouped for reading: the policies, then each project's evidence by record type. */
export function groupBacklinks(links: Backlink[]): { policies: Backlink[]; projects: ProjectEvidence[] } {
  const policies = links.filter((l) => l.project === undefined);
  const projects = new Map<string, Map<string, ProjectEvidence['records'][number]>>();
  for (const l of links) {
    if (l.project === undefined) continue;
    const kinds = projects.get(l.project) ?? new Map();
    projects.set(l.project, kinds);
    const key = `${l.kind}|${l.via}`;
    const seen = kinds.get(key);
    // Links arrive oldest first within a type (file order), so the last one is the latest record.
    if (seen) kinds.set(key, { ...seen, href: l.href, title: l.title, count: seen.count + 1, failing: seen.failing || l.failing });
    else kinds.set(key, { kind: l.kind, href: l.href, title: l.title, count: 1, failing: l.failing, via: l.via });
  }
  return { policies, projects: [...projects].map(([project, kinds]) => ({ project, records: [...kinds.values()] })) };
}

/**
 * A criterion's backlinks as the standard page shows them: the policies, and the records of every project
 * except those `elsewhere` (the projects the coverage matrix shows on its further pages), so the page does
 * not grow with the organisation; `more` counts the projects left out that have evidence here.
 */
export function backlinksShown(links: Backlink[], elsewhere: ReadonlySet<string>): { links: Backlink[]; more: number } {
  const shown: Backlink[] = [];
  const left = new Set<string>();
  for (const l of links) {
    if (l.project !== undefined && elsewhere.has(l.project)) left.add(l.project);
    else shown.push(l);
  }
  return { links: shown, more: left.size };
}

/** What the coverage map says evidences a criterion, in words for its entry on the standard page. */
export interface HowEvidenced {
  /** `a status report ("Progress"), from execution` … */
  records: string[];
  /** The policies that evidence it for every project. */
  policies: { id: string; section?: string }[];
  notApplicable?: string;
  /** True when the map does not account for it (its sub-items may be). */
  unmapped: boolean;
}

export function howEvidenced(mapping: CriterionMapping | undefined): HowEvidenced {
  if (!mapping) return { records: [], policies: [], unmapped: true };
  const records = [...new Set(mapping.records.map((r) => `${r.type.label}${r.section ? ` (“${r.section}”)` : ''}${r.from ? `, from ${r.from}` : ', when there is one'}`))];
  return {
    records,
    policies: mapping.policies.map((p) => ({ id: p.policy, ...(p.section ? { section: p.section } : {}) })),
    ...(mapping.notApplicable !== undefined ? { notApplicable: mapping.notApplicable } : {}),
    unmapped: !records.length && !mapping.policies.length && mapping.notApplicable === undefined,
  };
}
