// A standard's coverage map, as data: `standards/<id>.coverage.yaml` beside the catalogue
// `standards/<id>.yaml` says, for every criterion, how the organisation evidences it — by which project
// record types (and sections) from which phase, once for all projects through which of its policies,
// or not at all, with the reason it does not apply. It also says which sections an `evidence:` claim
// may name for which criteria. Coverage, evidence claims, `seam coverage` and the site all read it;
// nothing else maps criteria to records. A map is checked against the catalogue, the record types and
// the policies when the graph loads; its problems are values with file, line and column (code
// `coverage-map`), reported by the `coverage` rule.
import picomatch from 'picomatch';
import { z } from 'zod';
import type { ContentRecord, Criterion, RecordGraph } from './graph.ts';
import type { Problem } from './problem.ts';
import { PHASES, recordTypeByName, recordTypes, type Phase, type RecordType } from './record-types.ts';
import { criterionLabel, itemKeys, resolveCriterion } from './criterion-ids.ts';
import { quote } from './safe-text.ts';
import { criterionId, groupId, id, name } from './schemas.ts';
import type { SourceFile } from './source.ts';
import { zodIssueMessage } from './zod-messages.ts';

/** Where coverage maps live: beside their catalogue, named after it. */
export const COVERAGE_MAP_PATTERN = 'standards/*.coverage.{yaml,yml}';
const isMapFile = picomatch(COVERAGE_MAP_PATTERN);

/** Whether a content-relative file is a coverage map. */
export const isCoverageMapFile = (file: string): boolean => isMapFile(file);

/** The problem code of everything wrong with a coverage map (the `coverage` rule reports it). */
export const COVERAGE_MAP_CODE = 'coverage-map';

const criteriaList = z.array(criterionId).min(1).describe('Criterion ids of this map\'s own catalogue (unqualified ids here are its ids, whatever the primary standard); a parent (K25) stands for all its sub-items.');
const projectTypes = recordTypes.filter((t) => t.inProject).map((t) => t.name) as [string, ...string[]];
const claimTypes = recordTypes.filter((t) => t.name !== 'standards').map((t) => t.name) as [string, ...string[]];

export const coverageMapSchema = z.strictObject({
  standard: id.describe('The id of the catalogue this map is for: its file name without `.yaml` (`eskitp5045`).'),
  records: z
    .array(
      z.strictObject({
        type: z.enum(projectTypes).describe('A project record type whose clean record evidences the criteria.'),
        section: name.optional().describe('The heading of the record that holds the evidence: one of the sections the record type requires.'),
        from: z.enum(PHASES).optional().describe('The first phase in which a project must have this evidence; defaults to the phase from which the record type is required.'),
        criteria: criteriaList,
      }),
    )
    .default([])
    .describe('Criteria each project evidences through its own records.'),
  policies: z
    .array(
      z.strictObject({
        policy: id.describe('The id of a policy in content/policies/ that lists these criteria in its `criteria:`.'),
        section: name.optional().describe('The heading of the policy that holds the evidence.'),
        criteria: criteriaList,
      }),
    )
    .default([])
    .describe('Criteria the organisation evidences once, through its policies, for every project.'),
  notApplicable: z
    .array(
      z
        .strictObject({
          criteria: criteriaList.optional(),
          groups: z.array(groupId).min(1).optional().describe('Groups (families) of the catalogue none of whose criteria applies, nested groups included: one reason for all of them.'),
          reason: z.string().trim().min(20, { error: 'say why in a sentence (at least 20 characters)' }).describe('Why no record evidences these criteria.'),
        })
        .refine((entry) => entry.criteria !== undefined || entry.groups !== undefined, { error: 'name the "criteria" or the "groups" that do not apply' }),
    )
    .default([])
    .describe('Criteria, or whole groups of them, no record can evidence, each with the reason.'),
  claims: z
    .array(
      z.strictObject({
        type: z.enum(claimTypes).describe('The record type whose section may be claimed.'),
        section: name.describe('The heading an `evidence:` claim may name.'),
        criteria: criteriaList,
      }),
    )
    .default([])
    .describe('Sections an `evidence:` claim may name, and the criteria each may evidence beyond the map above.'),
});
export type CoverageMapData = z.output<typeof coverageMapSchema>;

/** A coverage map file as loaded: `data` is undefined when it failed its schema. */
export interface CoverageMapFile {
  file: string;
  source: SourceFile;
  data?: CoverageMapData;
}

/** Parses a map file's YAML against the schema; schema problems are located at the offending value. */
export function loadCoverageMap(source: SourceFile, problems: Problem[]): CoverageMapFile {
  const map: CoverageMapFile = { file: source.file, source };
  problems.push(...source.problems);
  if (source.problems.length || source.data === undefined) return map;
  const parsed = coverageMapSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const keyProblem = issue.code === 'unrecognized_keys';
      const path = keyProblem ? [...issue.path, issue.keys[0]] : issue.path;
      problems.push({ file: source.file, ...source.locate(path as PropertyKey[], { key: keyProblem }), code: COVERAGE_MAP_CODE, message: `Coverage map: ${zodIssueMessage(issue, source.data, coverageMapSchema)}` });
    }
    return map;
  }
  map.data = parsed.data;
  return map;
}

// ── What the map says about each criterion ─────────────────────────────────────────────────────────

export interface RecordSource {
  type: RecordType;
  section?: string;
  /** The first phase that needs the evidence; undefined: never required (the record evidences it when present). */
  from?: Phase;
}

export interface PolicySource {
  policy: string;
  section?: string;
}

/** How one criterion is evidenced, from its standard's map. */
export interface CriterionMapping {
  records: RecordSource[];
  policies: PolicySource[];
  /** Why it does not apply, when the map says so. */
  notApplicable?: string;
  /** Sections an `evidence:` claim may name for it: `type` → headings. */
  claimable: { type: string; section: string }[];
  /** The map file that says so; undefined when the criterion's standard has no map. */
  file?: string;
}

/** Whether the mapping accounts for the criterion: a required record, a policy, or a reason it does not apply. */
export const accounted = (m: CriterionMapping | undefined): boolean => !!m && (m.records.some((r) => r.from) || m.policies.length > 0 || m.notApplicable !== undefined);

/**
 * Every criterion's mapping, from the graph's maps (a parent listed in a map stands for its sub-items).
 * Entries naming what does not exist are left out (they are problems of the map).
 */
export function criterionMappings(graph: RecordGraph): Map<string, CriterionMapping> {
  const out = new Map<string, CriterionMapping>();
  for (const criterion of graph.criteria.values()) {
    const map = graph.coverageMaps.find((m) => m.data?.standard === criterion.standard);
    out.set(criterion.key, { records: [], policies: [], claimable: [], file: map?.file });
  }
  for (const map of graph.coverageMaps) {
    const data = map.data;
    if (!data) continue;
    // A map's ids are its own catalogue's; one naming another catalogue's criterion is a problem of the map.
    const expand = (ids: string[]) => ids.flatMap((ref) => {
      const c = mapCriterion(graph, data.standard, ref);
      return c ? [c.key, ...itemKeys(c)] : [];
    });
    for (const entry of data.records) {
      const type = recordTypeByName.get(entry.type)!;
      for (const c of expand(entry.criteria)) {
        const m = out.get(c)!;
        m.records.push({ type, section: entry.section, from: entry.from ?? type.requiredFrom });
        if (entry.section) m.claimable.push({ type: entry.type, section: entry.section });
      }
    }
    for (const entry of data.policies) {
      for (const c of expand(entry.criteria)) {
        out.get(c)!.policies.push({ policy: entry.policy, section: entry.section });
        if (entry.section) out.get(c)!.claimable.push({ type: 'policies', section: entry.section });
      }
    }
    for (const entry of data.notApplicable) for (const c of notApplicableKeys(graph, data.standard, entry)) out.get(c)!.notApplicable ??= entry.reason;
    for (const entry of data.claims) for (const c of expand(entry.criteria)) out.get(c)!.claimable.push({ type: entry.type, section: entry.section });
  }
  return out;
}

/** The criterion a coverage map's id means: its own catalogue's, unless it names another (which the map may not). */
function mapCriterion(graph: RecordGraph, standard: string, ref: string): Criterion | undefined {
  const resolved = resolveCriterion(graph, ref, standard);
  const criterion = resolved.ok ? graph.criteria.get(resolved.key) : undefined;
  return criterion?.standard === standard ? criterion : undefined;
}

/** The groups of a catalogue a `groups` entry names, with the groups nested in them. */
function groupsWithin(graph: RecordGraph, standard: string, groups: string[]): Set<string> {
  const catalogue = graph.standards.find((s) => s.id === standard)?.data;
  const out = new Set(groups);
  // Parents are listed before their children (the graph checks it), so one pass finds every descendant.
  for (const g of catalogue?.groups ?? []) if (g.parent !== undefined && out.has(g.parent)) out.add(g.id);
  return out;
}

/** The keys of the criteria (sub-items included) a `notApplicable` entry covers, by id and by group. */
function notApplicableKeys(graph: RecordGraph, standard: string, entry: CoverageMapData['notApplicable'][number]): string[] {
  const byId = (entry.criteria ?? []).flatMap((ref) => {
    const c = mapCriterion(graph, standard, ref);
    return c ? [c.key, ...itemKeys(c)] : [];
  });
  const groups = groupsWithin(graph, standard, entry.groups ?? []);
  const byGroup = entry.groups ? [...graph.criteria.values()].filter((c) => c.standard === standard && groups.has(c.group)).map((c) => c.key) : [];
  return [...new Set([...byId, ...byGroup])];
}

/**
 * The criteria the coverage map says a record type evidences (sub-items included), in catalogue order,
 * as a reader writes them: the primary standard's by their id, any other's qualified.
 */
export function criteriaOfType(type: string, graph: RecordGraph, mappings = criterionMappings(graph)): string[] {
  return [...mappings].filter(([, m]) => m.records.some((r) => r.type.name === type)).map(([key]) => criterionLabel(graph.criteria.get(key)!, graph.primaryStandard));
}

/** Whether a criterion is accounted for, a parent also when every one of its sub-items is. */
export function isAccounted(criterion: Criterion, mappings: Map<string, CriterionMapping>): boolean {
  return accounted(mappings.get(criterion.key)) || (criterion.items.length > 0 && itemKeys(criterion).every((i) => accounted(mappings.get(i))));
}

// ── Checking a map against the catalogue, the record types and the policies ────────────────────────

/** Problems of every map in the graph (and of a catalogue with no map); run once the graph is indexed. */
export function checkCoverageMaps(graph: RecordGraph): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, CoverageMapFile>();
  // A map that failed its schema has its problems already; its catalogue is not also "without a map".
  const broken = new Set(graph.coverageMaps.filter((m) => !m.data).map((m) => m.file.split('/').at(-1)!.replace(/\.coverage\.ya?ml$/, '')));
  for (const map of graph.coverageMaps) {
    if (!map.data) continue;
    const { data, source, file } = map;
    const at = (path: PropertyKey[], message: string) => problems.push({ file, ...source.locate(path), code: COVERAGE_MAP_CODE, message });
    const stem = file.split('/').at(-1)!.replace(/\.coverage\.ya?ml$/, '');
    const catalogue = graph.standards.find((s) => s.id === data.standard);
    if (stem !== data.standard) at(['standard'], `A coverage map is named after its catalogue: rename the file to "${data.standard}.coverage.yaml" or correct "standard".`);
    if (!catalogue) {
      at(['standard'], `Coverage map for ${quote(data.standard)}, but content/standards/ has no such catalogue. Known: ${graph.standards.map((s) => s.id).join(', ') || 'none'}.`);
      continue;
    }
    const first = seen.get(data.standard);
    if (first) {
      at(['standard'], `${first.file} already maps ${quote(data.standard)}. Keep one coverage map per standard.`);
      continue;
    }
    seen.set(data.standard, map);
    const checkCriteria = (path: PropertyKey[], ids: string[]) => ids.forEach((c, i) => {
      const resolved = resolveCriterion(graph, c, data.standard);
      if (!resolved.ok) at([...path, i], resolved.message);
      else if (resolved.standard !== data.standard) at([...path, i], `${c} belongs to the catalogue ${quote(resolved.standard)}, not ${quote(data.standard)}: map it in that catalogue's coverage map.`);
    });
    const known = new Set(catalogue.data?.groups.map((g) => g.id));
    const checkGroups = (path: PropertyKey[], groups: string[]) => groups.forEach((g, i) => {
      if (!known.has(g)) at([...path, i], `No group ${quote(g)} in the catalogue ${quote(data.standard)}. Known: ${[...known].join(', ') || 'none'}.`);
    });
    data.records.forEach((entry, i) => {
      checkCriteria(['records', i, 'criteria'], entry.criteria);
      const type = recordTypeByName.get(entry.type)!;
      if (entry.section && !type.requiredSections.includes(entry.section)) {
        at(['records', i, 'section'], `The ${type.label} does not require the section ${quote(entry.section)}, so a record could lack it. Name one it requires (${type.requiredSections.join(', ')}), or list the section under "claims".`);
      }
    });
    data.policies.forEach((entry, i) => {
      checkCriteria(['policies', i, 'criteria'], entry.criteria);
      const policy = graph.policies.get(entry.policy);
      if (!policy) {
        at(['policies', i, 'policy'], `No policy ${quote(entry.policy)} in content/policies/. Known: ${[...graph.policies.keys()].join(', ') || 'none'}.`);
        return;
      }
      // The policy's ids mean the primary standard unless qualified; the map's, its own. A policy whose own
      // ids do not resolve has those reported where they are (criteria-refs), not again here.
      const resolved = ((policy.data as { criteria?: string[] } | undefined)?.criteria ?? []).map((ref) => resolveCriterion(graph, ref));
      const listed = new Set(resolved.flatMap((r) => (r.ok ? [r.key] : [])));
      entry.criteria.forEach((c, j) => {
        const key = mapCriterion(graph, data.standard, c)?.key;
        if (policy.data && key !== undefined && resolved.every((r) => r.ok) && !listed.has(key)) at(['policies', i, 'criteria', j], `The policy ${quote(entry.policy)} does not list ${c} in its "criteria": add it there if the policy addresses it, or map ${c} elsewhere.`);
      });
      if (entry.section && !hasHeading(policy, entry.section)) at(['policies', i, 'section'], `The policy ${quote(entry.policy)} has no section ${quote(entry.section)}.`);
    });
    data.notApplicable.forEach((entry, i) => {
      checkCriteria(['notApplicable', i, 'criteria'], entry.criteria ?? []);
      checkGroups(['notApplicable', i, 'groups'], entry.groups ?? []);
    });
    data.claims.forEach((entry, i) => checkCriteria(['claims', i, 'criteria'], entry.criteria));
    // A criterion that does not apply cannot also be evidenced.
    const evidenced = new Map([...data.records, ...data.policies].flatMap((e) => e.criteria.flatMap((ref) => {
      const c = mapCriterion(graph, data.standard, ref);
      return c ? [[c.key, c] as const] : [];
    })));
    data.notApplicable.forEach((entry, i) => (entry.criteria ?? []).forEach((c, j) => {
      if (evidenced.has(mapCriterion(graph, data.standard, c)?.key ?? '')) at(['notApplicable', i, 'criteria', j], `${c} is marked not applicable but is also mapped to records or policies. Keep one.`);
    }));
    // A group marked not applicable must not hold a criterion the map evidences.
    data.notApplicable.forEach((entry, i) => {
      if (!entry.groups) return;
      const groups = groupsWithin(graph, data.standard, entry.groups);
      const clash = [...evidenced.values()].filter((c) => groups.has(c.group)).map((c) => c.id);
      if (clash.length) at(['notApplicable', i, 'groups'], `The groups ${entry.groups.join(', ')} are marked not applicable, but ${clash.join(', ')} in them ${clash.length === 1 ? 'is' : 'are'} mapped to records or policies. List the rest of the group's criteria under "criteria" instead.`);
    });
  }
  // Every criterion of every catalogue is accounted for, or the map says which are not.
  const mappings = criterionMappings(graph);
  for (const catalogue of graph.standards) {
    const missing = [...graph.criteria.values()].filter((c) => c.standard === catalogue.id && !isAccounted(c, mappings)).map((c) => c.id);
    if (!missing.length) continue;
    const map = seen.get(catalogue.id);
    if (!map && broken.has(catalogue.id)) continue;
    const message = `${missing.length} criteri${missing.length === 1 ? 'on' : 'a'} of ${quote(catalogue.id)} ${missing.length === 1 ? 'is' : 'are'} accounted for nowhere: ${missing.join(', ')}. Map each to the records (and phase) or policies that evidence it, or list it under "notApplicable" with the reason.`;
    if (map) problems.push({ file: map.file, ...map.source.locate(['standard']), code: COVERAGE_MAP_CODE, message });
    else problems.push({ file: catalogue.file, line: 1, column: 1, code: COVERAGE_MAP_CODE, message: `The catalogue ${quote(catalogue.id)} has no coverage map, so none of its criteria counts: create standards/${catalogue.id}.coverage.yaml that maps each criterion to the records or policies that evidence it, or says why it does not apply.` });
  }
  return problems;
}

function hasHeading(record: ContentRecord, section: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return record.source.body.split('\n').some((line) => /^#{1,6}\s/.test(line) && norm(line.replace(/^#+/, '')) === norm(section));
}
