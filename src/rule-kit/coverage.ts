// Criteria coverage per project: for every criterion of the catalogues and every project, its state and
// the reason for it — evidenced by the project's records (which pass their error-level rules), evidenced
// once for every project by a policy, failing, missing, not required yet in the project's phase, not
// applicable, or accounted for nowhere. What evidences what, and from which phase, is data: the
// catalogue's coverage map (src/model/coverage-map.ts). An `evidence:` claim counts only on a section the
// map lets it name, when that section holds real prose without placeholders.
import type { ContentRecord, Criterion, Project, RecordGraph } from '../model/graph.ts';
import { accounted, criterionMappings, type CriterionMapping, type RecordSource } from '../model/coverage-map.ts';
import { findCriterion, itemKeys, qualify } from '../model/criterion-ids.ts';
import { appliesLessons } from '../model/project-state.ts';
import { PHASES, requiredRecordTypes } from '../model/record-types.ts';
import type { Phase, RecordType } from '../model/record-types.ts';
import type * as S from '../model/schemas.ts';
import type { Finding } from './finding.ts';
import { parseSourceBody } from './parse.ts';
import { PLACEHOLDER, sameHeading, sections } from './sections.ts';

export type CellState = 'evidenced' | 'policy' | 'failing' | 'missing' | 'not-required' | 'not-applicable' | 'unaccounted';

/** Every state, in the order the figures and legends list them. */
export const CELL_STATES: readonly CellState[] = ['evidenced', 'policy', 'failing', 'missing', 'not-required', 'not-applicable', 'unaccounted'];

export interface Evidence {
  /** Content-relative file. */
  file: string;
  type: string;
  /** `type`: the map says the record type evidences it; `claim`: an `evidence:` entry in the record; `policy`: the map's policy. */
  via: 'type' | 'claim' | 'policy';
  section?: string;
  /** Whether the record has error findings. */
  failing: boolean;
}

export interface Cell {
  criterion: string;
  project: string;
  state: CellState;
  /** Why the cell is in its state, in one sentence. */
  reason: string;
  evidence: Evidence[];
  /** For missing and not-required cells: the record types that would evidence the criterion. */
  expected: string[];
}

export interface CoverageProject {
  id: string;
  title: string;
  phase?: Phase;
  /** Criteria evidenced, by the project's records or by policy. */
  evidenced: number;
  /** Criteria that count: every criterion but those not required yet and those not applicable. */
  required: number;
  /** How many cells are in each state. */
  counts: Record<CellState, number>;
}

export interface Coverage {
  criteria: Criterion[];
  /** mappings[criterionIndex]: what the coverage map says evidences the criterion. */
  mappings: CriterionMapping[];
  projects: CoverageProject[];
  /** cells[criterionIndex][projectIndex] */
  cells: Cell[][];
}

/** Minimum words of prose a section needs for an `evidence:` claim to count. */
export const CLAIM_MIN_WORDS = 12;

/** Text that says the section is not written yet: the shared placeholders, and a few stock phrases. */
const CLAIM_PLACEHOLDER = new RegExp(`${PLACEHOLDER.source}|\\b(to follow|to be confirmed|to be written|coming soon|n/a)\\b`, 'i');

export type ClaimCheck =
  | { ok: true }
  | { ok: false; reason: 'not-mapped'; sections: string[] }
  | { ok: false; reason: 'no-section' }
  | { ok: false; reason: 'placeholder'; text: string }
  | { ok: false; reason: 'no-prose'; words: number };

/**
 * Whether a record's claim that its `section` evidences `criterion` counts: the map lets that section of
 * the record's type evidence the criterion, and the section exists, holds `minWords` of prose and no
 * placeholder. Decided within the record.
 */
export function checkClaim(record: ContentRecord, criterion: string, section: string, mapping: CriterionMapping | undefined, minWords = CLAIM_MIN_WORDS): ClaimCheck {
  const allowed = (mapping?.claimable ?? []).filter((c) => c.type === record.type).map((c) => c.section);
  if (!allowed.some((s) => sameHeading(s, section))) return { ok: false, reason: 'not-mapped', sections: [...new Set(allowed)] };
  const parsed = parseSourceBody(record.source);
  if (!parsed.ok) return { ok: false, reason: 'no-section' };
  const found = sections(parsed.tree).find((s) => sameHeading(s.title, section));
  if (!found) return { ok: false, reason: 'no-section' };
  const text = found.content.map((n) => record.source.text.slice(n.position?.start.offset ?? 0, n.position?.end.offset ?? 0)).join(' ');
  const placeholder = CLAIM_PLACEHOLDER.exec(text);
  if (placeholder) return { ok: false, reason: 'placeholder', text: placeholder[0] };
  return found.words >= minWords ? { ok: true } : { ok: false, reason: 'no-prose', words: found.words };
}

// Evidence the map gives a record type but the record's content does not: a charter evidences P6
// (apply lessons learned) only when it cites lessons or says why none applies; an empty
// `lessonsApplied` is not evidence. A charter that fails its schema is left alone: it counts as
// failing, not missing.
const APPLY_LESSONS = qualify('eskitp5045', 'P6');
function withheld(record: ContentRecord, criterion: string): boolean {
  return criterion === APPLY_LESSONS && record.type === 'charter' && record.data !== undefined && !appliesLessons(record.data as S.Charter);
}

const label = (type: RecordType, section?: string) => (section ? `${type.label} ("${section}")` : type.label);
const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);
/** `a` or `an`, by the first letter of what follows (record type labels start with a plain word). */
const article = (words: string) => (/^[aeiou]/i.test(words) ? 'an' : 'a');

/** The phase from which a project needs a record source, or undefined when it never does (its providers decide for evaluations). */
function neededFrom(source: RecordSource, project: Project): Phase | undefined {
  if (source.type.name === 'evaluations' && !(project.charter?.data?.providers.length ?? 0)) return undefined;
  return source.from;
}

export function computeCoverage(graph: RecordGraph, findings: Finding[], display: (contentFile: string) => string = (f) => f): Coverage {
  // A record fails when it has errors of its own; project-level findings parked on the charter do not count.
  const failingFiles = new Set(findings.filter((f) => f.severity === 'error' && f.scope !== 'project').map((f) => f.file));
  const failing = (record: ContentRecord) => failingFiles.has(display(record.file)) || !record.data;
  const criteria = [...graph.criteria.values()];
  const byId = criterionMappings(graph);
  const mappings = criteria.map((c) => byId.get(c.key)!);
  const projects = [...graph.projects.values()].sort((a, b) => (a.id < b.id ? -1 : 1));

  const columns = projects.map((project) => {
    const phase = project.charter?.data?.phase;
    const evidence = new Map<string, Evidence[]>();
    const add = (criterion: string, e: Evidence) => evidence.set(criterion, [...(evidence.get(criterion) ?? []), e]);
    for (const record of project.records) {
      for (const [id, m] of byId) {
        if (withheld(record, id)) continue;
        for (const source of m.records.filter((r) => r.type.name === record.type)) add(id, { file: record.file, type: record.type, via: 'type', ...(source.section ? { section: source.section } : {}), failing: failing(record) });
      }
    }
    // Claims: the project's own records, and the policies its charter says it follows.
    const followed = (project.charter?.data?.policies ?? []).flatMap((id) => {
      const policy: ContentRecord | undefined = graph.policies.get(id);
      return policy ? [policy] : [];
    });
    for (const record of [...project.records, ...followed]) {
      for (const claim of (record.data as { evidence?: { criterion: string; section: string }[] } | undefined)?.evidence ?? []) {
        const claimed = findCriterion(graph, claim.criterion);
        if (!claimed || !checkClaim(record, claim.criterion, claim.section, byId.get(claimed.key)).ok) continue;
        for (const c of [claimed.key, ...itemKeys(claimed)]) add(c, { file: record.file, type: record.type, via: 'claim', section: claim.section, failing: failing(record) });
      }
    }
    return { project, phase, evidence };
  });

  const leafCell = (criterion: Criterion, mapping: CriterionMapping, { project, phase, evidence }: (typeof columns)[number]): Cell => {
    const base = { criterion: criterion.id, project: project.id };
    const found = evidence.get(criterion.key) ?? [];
    const passing = found.filter((e) => !e.failing);
    const files = (es: Evidence[]) => [...new Set(es.map((e) => display(e.file)))].join(', ');
    if (passing.length) return { ...base, state: 'evidenced', evidence: found, expected: [], reason: `Evidenced by ${files(passing)}.` };
    if (found.length) return { ...base, state: 'failing', evidence: found, expected: [], reason: `The evidence (${files(found)}) fails its error-level checks.` };
    const policies = mapping.policies.flatMap((p) => {
      const record: ContentRecord | undefined = graph.policies.get(p.policy);
      return record ? [{ ...p, record }] : [];
    });
    const policyEvidence = policies.map((p): Evidence => ({ file: p.record.file, type: 'policies', via: 'policy', ...(p.section ? { section: p.section } : {}), failing: failing(p.record) }));
    const cleanPolicy = policies.find((p) => !failing(p.record));
    if (cleanPolicy) return { ...base, state: 'policy', evidence: policyEvidence, expected: [], reason: `Evidenced by policy: ${cleanPolicy.record.title} (${cleanPolicy.policy}${cleanPolicy.section ? `, "${cleanPolicy.section}"` : ''}), for every project.` };
    if (policies.length) return { ...base, state: 'failing', evidence: policyEvidence, expected: [], reason: `The policy that evidences it (${files(policyEvidence)}) fails its error-level checks.` };
    if (mapping.notApplicable !== undefined) return { ...base, state: 'not-applicable', evidence: [], expected: [], reason: mapping.notApplicable };
    const sources = mapping.records.map((r) => ({ r, from: neededFrom(r, project) })).filter((s) => s.from);
    if (!accounted(mapping)) {
      return { ...base, state: 'unaccounted', evidence: [], expected: [], reason: mapping.file ? `${mapping.file} does not say what evidences it.` : `Its standard "${criterion.standard}" has no coverage map.` };
    }
    const expected = [...new Set(mapping.records.map((r) => r.type.name))];
    const due = phase ? sources.filter((s) => PHASES.indexOf(s.from!) <= PHASES.indexOf(phase)) : [];
    if (due.length) return { ...base, state: 'missing', evidence: [], expected, reason: `The ${phase} phase needs it from a ${list(due.map((s) => label(s.r.type, s.r.section)))}, which the project does not have.` };
    if (sources.length) {
      const first = [...sources].sort((a, b) => PHASES.indexOf(a.from!) - PHASES.indexOf(b.from!))[0]!;
      return { ...base, state: 'not-required', evidence: [], expected, reason: `Required from the ${first.from} phase: ${((needed) => `${article(needed)} ${needed}`)(list(sources.filter((s) => s.from === first.from).map((s) => label(s.r.type, s.r.section))))}.` };
    }
    const why = mapping.records.some((r) => r.type.name === 'evaluations') ? 'the project engages no external provider' : 'no record is required to evidence it';
    return { ...base, state: 'not-required', evidence: [], expected, reason: `Evidenced by a ${list(mapping.records.map((r) => label(r.type, r.section)))} when there is one; ${why}.` };
  };

  const cells = criteria.map((criterion, i) => columns.map((column) => {
    const own = leafCell(criterion, mappings[i]!, column);
    if (!criterion.items.length || own.state !== 'unaccounted') return own;
    // A parent the map does not name takes its state from its sub-items.
    const items = itemKeys(criterion).map((key) => leafCell(graph.criteria.get(key)!, byId.get(key)!, column));
    const worst = (['failing', 'missing', 'unaccounted', 'not-required'] as const).find((s) => items.some((c) => c.state === s));
    const evidence = items.flatMap((c) => c.evidence.filter((e) => !e.failing || worst === 'failing'));
    const state: CellState = worst ?? (items.some((c) => c.state === 'evidenced') ? 'evidenced' : items.some((c) => c.state === 'policy') ? 'policy' : 'not-applicable');
    const summary = CELL_ORDER_WORDS.map(([s, words]) => [words, items.filter((c) => c.state === s).map((c) => c.criterion)] as const).filter(([, ids]) => ids.length).map(([words, ids]) => `${ids.join(', ')} ${words}`);
    return { criterion: criterion.id, project: column.project.id, state, evidence, expected: [...new Set(items.flatMap((c) => c.expected))], reason: `From its sub-items: ${summary.join('; ')}.` };
  }));

  const heads = columns.map(({ project, phase }) => ({ id: project.id, title: project.charter?.title ?? project.id, phase }));
  return { criteria, mappings, projects: summarise(heads, cells), cells };
}

/** The primary standard's coverage (the headline figures of a project), or all of it when no standard is primary. */
export function primaryCoverage(graph: RecordGraph, coverage: Coverage): Coverage {
  return graph.primaryStandard === undefined ? coverage : coverageOfStandard(coverage, graph.primaryStandard);
}

/** Each project's figures from its column of cells. */
function summarise(heads: Pick<CoverageProject, 'id' | 'title' | 'phase'>[], cells: Cell[][]): CoverageProject[] {
  return heads.map((head, j): CoverageProject => {
    const column = cells.map((row) => row[j]!);
    const counts = Object.fromEntries(CELL_STATES.map((s) => [s, column.filter((c) => c.state === s).length])) as Record<CellState, number>;
    return { ...head, evidenced: counts.evidenced + counts.policy, required: column.length - counts['not-required'] - counts['not-applicable'], counts };
  });
}

/**
 * The coverage of one standard: its criteria only, and each project's figures for them. Figures are
 * per standard (a project's 80% of ESKITP5045 and its 5% of another standard never add up).
 */
export function coverageOfStandard(coverage: Coverage, standard: string): Coverage {
  const rows = coverage.criteria.flatMap((c, i) => (c.standard === standard ? [i] : []));
  const cells = rows.map((i) => coverage.cells[i]!);
  return { criteria: rows.map((i) => coverage.criteria[i]!), mappings: rows.map((i) => coverage.mappings[i]!), projects: summarise(coverage.projects, cells), cells };
}

const CELL_ORDER_WORDS: [CellState, string][] = [
  ['evidenced', 'evidenced'], ['policy', 'evidenced by policy'], ['failing', 'failing'], ['missing', 'missing'],
  ['not-required', 'not required yet'], ['not-applicable', 'not applicable'], ['unaccounted', 'accounted for nowhere'],
];

/** Record types a project in `phase` needs but does not have. */
export function missingRecordTypes(project: Project): RecordType[] {
  const phase = project.charter?.data?.phase;
  if (!phase) return [];
  const engagesProviders = (project.charter?.data?.providers.length ?? 0) > 0;
  return requiredRecordTypes(phase).filter((t) => {
    if (t.name === 'evaluations') return engagesProviders && project.evaluations.length === 0;
    if (t.name === 'status') return project.status.length === 0;
    return !project.records.some((r) => r.type === t.name);
  });
}
