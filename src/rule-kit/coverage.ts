// Criteria coverage per project: for every criterion of the catalogues and every project, whether a
// record evidences it (and passes its error-level rules), fails, is missing, or is not required yet
// in the project's phase. Which record type evidences what, and which phase needs which record, is
// data in src/model/record-types.ts; evidence claims count only when their section holds prose.
import type { ContentRecord, Criterion, Project, RecordGraph } from '../model/graph.ts';
import { appliesLessons } from '../model/project-state.ts';
import { recordTypes, requiredRecordTypes } from '../model/record-types.ts';
import type { Phase, RecordType } from '../model/record-types.ts';
import type * as S from '../model/schemas.ts';
import type { Finding } from './finding.ts';
import { parseSourceBody } from './parse.ts';
import { sameHeading, sections } from './sections.ts';

export type CellState = 'evidenced' | 'failing' | 'missing' | 'not-required';

export interface Evidence {
  /** Content-relative file. */
  file: string;
  type: string;
  /** `type`: the record type evidences the criterion; `claim`: an `evidence:` entry in the record. */
  via: 'type' | 'claim';
  section?: string;
  /** Whether the record has error findings. */
  failing: boolean;
}

export interface Cell {
  criterion: string;
  project: string;
  state: CellState;
  evidence: Evidence[];
  /** For missing cells: the record types that would evidence the criterion. */
  expected: string[];
}

export interface CoverageProject {
  id: string;
  title: string;
  phase?: Phase;
  evidenced: number;
  required: number;
}

export interface Coverage {
  criteria: Criterion[];
  projects: CoverageProject[];
  /** cells[criterionIndex][projectIndex] */
  cells: Cell[][];
}

/** The criteria a record type evidences, expanded: a parent covers its sub-items. */
export function criteriaOfType(type: RecordType, graph: RecordGraph): Set<string> {
  const out = new Set<string>();
  for (const id of type.evidences) {
    out.add(id);
    for (const item of graph.criteria.get(id)?.items ?? []) out.add(item);
  }
  return out;
}

/** Minimum words of prose a section needs for an `evidence:` claim to count. */
export const CLAIM_MIN_WORDS = 12;

export type ClaimCheck = { ok: true } | { ok: false; reason: 'no-section' | 'no-prose'; words?: number };

/** Whether a record's `evidence[i]` claim is backed by a heading with real prose. */
export function checkClaim(record: ContentRecord, section: string, minWords = CLAIM_MIN_WORDS): ClaimCheck {
  const parsed = parseSourceBody(record.source);
  if (!parsed.ok) return { ok: false, reason: 'no-section' };
  const found = sections(parsed.tree).find((s) => sameHeading(s.title, section));
  if (!found) return { ok: false, reason: 'no-section' };
  return found.words >= minWords ? { ok: true } : { ok: false, reason: 'no-prose', words: found.words };
}

// ── Issue 13 (lessons applied): evidence a record's type stands for but its content does not give ──
// Kept to this one function until the coverage map becomes data. A charter evidences P6 (apply
// lessons learned) only when it cites lessons or says why none applies: an empty `lessonsApplied` is
// not evidence. A charter that fails its schema is left alone: it counts as failing, not missing.
function withheld(record: ContentRecord, criterion: string): boolean {
  return criterion === 'P6' && record.type === 'charter' && record.data !== undefined && !appliesLessons(record.data as S.Charter);
}

function projectRecords(graph: RecordGraph, project: Project): ContentRecord[] {
  // A project's own records, plus the policies its charter says it follows.
  const policies = (project.charter?.data?.policies ?? []).map((id) => graph.policies.get(id)).filter((r): r is ContentRecord<S.Policy> => !!r);
  return [...project.records, ...policies];
}

export function computeCoverage(graph: RecordGraph, findings: Finding[], display: (contentFile: string) => string = (f) => f): Coverage {
  // A record fails when it has errors of its own; project-level findings parked on the charter do not count.
  const failingFiles = new Set(findings.filter((f) => f.severity === 'error' && f.scope !== 'project').map((f) => f.file));
  const criteria = [...graph.criteria.values()];
  const projects = [...graph.projects.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const typeCriteria = new Map(recordTypes.map((t) => [t.name, criteriaOfType(t, graph)]));

  const summary: CoverageProject[] = [];
  const columns = projects.map((project) => {
    const phase = project.charter?.data?.phase;
    const required = new Set<string>();
    const engagesProviders = (project.charter?.data?.providers.length ?? 0) > 0;
    const requiredTypes = phase ? requiredRecordTypes(phase).filter((t) => t.name !== 'evaluations' || engagesProviders) : [];
    for (const t of requiredTypes) for (const c of typeCriteria.get(t.name)!) required.add(c);
    const evidence = new Map<string, Evidence[]>();
    const add = (criterion: string, e: Evidence) => evidence.set(criterion, [...(evidence.get(criterion) ?? []), e]);
    for (const record of projectRecords(graph, project)) {
      const failing = failingFiles.has(display(record.file)) || !record.data;
      for (const c of typeCriteria.get(record.type) ?? []) {
        if (withheld(record, c)) continue;
        add(c, { file: record.file, type: record.type, via: 'type', failing });
      }
      for (const claim of (record.data as { evidence?: { criterion: string; section: string }[] } | undefined)?.evidence ?? []) {
        if (!checkClaim(record, claim.section).ok) continue;
        for (const c of [claim.criterion, ...(graph.criteria.get(claim.criterion)?.items ?? [])]) add(c, { file: record.file, type: record.type, via: 'claim', section: claim.section, failing });
      }
    }
    return { project, phase, required, evidence };
  });

  const cells = criteria.map((criterion) =>
    columns.map(({ project, required, evidence }): Cell => {
      let found = evidence.get(criterion.id) ?? [];
      // A parent criterion is evidenced when every one of its sub-items is.
      if (!found.length && criterion.items.length && criterion.items.every((i) => evidence.get(i)?.some((e) => !e.failing))) {
        found = criterion.items.flatMap((i) => evidence.get(i)!.filter((e) => !e.failing));
      }
      const expected = recordTypes.filter((t) => typeCriteria.get(t.name)!.has(criterion.id)).map((t) => t.name);
      const state: CellState = found.some((e) => !e.failing) ? 'evidenced' : found.length ? 'failing' : required.has(criterion.id) ? 'missing' : 'not-required';
      return { criterion: criterion.id, project: project.id, state, evidence: found, expected };
    }),
  );

  columns.forEach(({ project, phase }, j) => {
    const column = cells.map((row) => row[j]);
    summary.push({
      id: project.id,
      title: project.charter?.title ?? project.id,
      phase,
      evidenced: column.filter((c) => c.state === 'evidenced').length,
      required: column.filter((c) => c.state !== 'not-required').length,
    });
  });
  return { criteria, projects: summary, cells };
}

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
