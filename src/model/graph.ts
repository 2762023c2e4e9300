// The record graph: a content root read into typed records, grouped by collection and project, with
// every id reference resolved. Problems (broken YAML, schema errors, dangling or duplicate ids) are
// collected as values with file, line and column; loading never throws on bad content.
import { resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { checkCoverageMaps, COVERAGE_MAP_CODE, isCoverageMapFile, loadCoverageMap, type CoverageMapFile } from './coverage-map.ts';
import { primaryStandardOf, qualify, resolveCriterion } from './criterion-ids.ts';
import { mention, say, suggest, type Mention, type Message } from './message.ts';
import type { Problem } from './problem.ts';
import { evaluationName, projectFile, recordId, recordTypeOf } from './identity.ts';
import { projectPath } from './project-state.ts';
import { referenceFieldsOf, type Target } from './references.ts';
import { recordTypes, recordTypeByName } from './record-types.ts';
import type { RecordData, RecordTypeName } from './record-data.ts';
import type { RecordType } from './record-types.ts';
import type * as S from './schemas.ts';
import { quote } from './safe-text.ts';
import { listContentFiles } from './content-files.ts';
import { OverlayMap, type Lazy } from './overlay.ts';
import { parsedPart, parseSource, readSource, restoreSource } from './source.ts';
import type { ParsedSource } from './source.ts';
import { KEBAB_CASE, kebab } from './text.ts';
import type { SourceFile } from './source.ts';
import { authorIssues, zodIssueMessage } from './zod-messages.ts';

export type Classification = 'public' | 'internal' | 'confidential';

export interface ContentRecord<T = unknown> {
  /** The record type's name (= Astro collection), e.g. `status`. */
  type: string;
  /** Unique within its type, and the site's id for its page: see `recordId` in identity.ts (`crm`, `alpha/status/2026-06-12`, `handbook/glossary`). */
  id: string;
  project?: string;
  /** Relative to the content root, forward slashes. */
  file: string;
  /** Absolute path. */
  path: string;
  source: SourceFile;
  /** The validated frontmatter; undefined when it failed its schema. */
  data?: T;
  classification: Classification;
  title: string;
}

/** A record of one of the types `T`: its `type` says which, and narrows `data` to that type's schema. */
export type TypedRecord<T extends RecordTypeName = RecordTypeName> = { [K in T]: ContentRecord<RecordData[K]> & { type: K } }[T];

export interface Criterion {
  /** Its id within its catalogue (`P5`, `ac-2`). */
  id: string;
  /** Its qualified id, the graph's key for it: `eskitp5045:P5` (src/model/criterion-ids.ts). */
  key: string;
  /** Absent for standards without the performance/knowledge distinction (OSCAL catalogs). */
  kind?: 'performance' | 'knowledge';
  group: string;
  text: string;
  /** The parent criterion's id (within the catalogue), for sub-items. */
  parent?: string;
  /** Sub-item ids (within the catalogue), for criteria that have them. */
  items: string[];
  /** The id of the catalogue it comes from. */
  standard: string;
}

export interface Project {
  id: string;
  charter?: ContentRecord<S.Charter>;
  stakeholders?: ContentRecord<S.StakeholderRegister>;
  plan?: ContentRecord<S.Plan>;
  /** Oldest first. */
  status: ContentRecord<S.StatusReport>[];
  evaluations: ContentRecord<S.Evaluation>[];
  changes: ContentRecord<S.ChangeRequest>[];
  signoff?: ContentRecord<S.Signoff>;
  lessons?: ContentRecord<S.Lessons>;
  /** The engagement log, oldest first. */
  engagement: ContentRecord<S.Engagement>[];
  records: ContentRecord[];
}

export interface RecordGraph {
  root: string;
  /** Every record, sorted by file. */
  records: ContentRecord[];
  /** Files under the root that were read (records and unplaced Markdown), sorted. */
  files: string[];
  problems: Problem[];
  byType: ReadonlyMap<string, ContentRecord[]>;
  byFile: ReadonlyMap<string, ContentRecord>;
  standards: ContentRecord<S.Standard>[];
  /** Every criterion of every catalogue, keyed by its qualified id (`eskitp5045:P5`); resolve references with src/model/criterion-ids.ts. */
  criteria: ReadonlyMap<string, Criterion>;
  /** What an unqualified criterion id means: the configured primary standard, else the only catalogue; undefined when neither decides. */
  primaryStandard?: string;
  /** `standards.primary` as configured (a graph rebuilt for an audience decides again from it). */
  configuredPrimary?: string;
  /** The catalogues' coverage maps (`standards/<id>.coverage.yaml`): how each criterion is evidenced. */
  coverageMaps: CoverageMapFile[];
  organisations: ReadonlyMap<string, ContentRecord<S.Organisation>>;
  systems: ReadonlyMap<string, ContentRecord<S.System>>;
  providers: ReadonlyMap<string, ContentRecord<S.Provider>>;
  policies: ReadonlyMap<string, ContentRecord<S.Policy>>;
  docs: ReadonlyMap<string, ContentRecord<S.Doc>>;
  projects: ReadonlyMap<string, Project>;
}

/** A graph while `assembleGraph` fills it: its maps are its own. */
type Building = RecordGraph & {
  byType: Map<string, ContentRecord[]>; byFile: Map<string, ContentRecord>; criteria: Map<string, Criterion>; projects: Map<string, Project>;
  organisations: Map<string, ContentRecord<S.Organisation>>; systems: Map<string, ContentRecord<S.System>>; providers: Map<string, ContentRecord<S.Provider>>;
  policies: Map<string, ContentRecord<S.Policy>>; docs: Map<string, ContentRecord<S.Doc>>;
};

/** What reading one content file gave: its parse and, for a record, what its schema made of it. */
export interface FileInput {
  parsed: ParsedSource;
  record?: RecordOutcome;
}

/** A record's part that depends on its file alone (its path and text): validated data and the problems found reading it. */
interface RecordOutcome {
  data?: unknown;
  classification: Classification;
  title: string;
  problems: Problem[];
}

/**
 * A store of what reading files gave before (the lint cache, src/lint/cache.ts): a file whose text
 * the store knows is not parsed or validated again (its YAML is re-parsed only if a position in it is
 * asked for), and what a file read afresh gives is told to the store.
 */
export interface GraphInputs {
  /** What reading `file` gave when its text was exactly `text`, if known. */
  get(file: string, text: string): FileInput | undefined;
  /** What reading `file`, whose text is `text`, gives (read afresh this time). */
  set(file: string, text: string, input: FileInput): void;
}

/** What the graph needs from the config, and the store of earlier reads when there is one. */
export interface GraphOptions {
  /** `standards.primary` from seam.config.yaml. */
  primaryStandard?: string;
  /** What reading unchanged files gave before (the lint cache). */
  inputs?: GraphInputs;
}

/** The graph options a config gives. */
export const graphOptions = (config: { standards?: { primary?: string } }): GraphOptions => ({ primaryStandard: config.standards?.primary });

/** Reads every content file under `root` into a record graph (with `options.inputs`, reusing what it knows of unchanged files). */
export async function loadGraph(root: string, options: GraphOptions = {}): Promise<RecordGraph> {
  const absRoot = resolve(root);
  if (!existsSync(absRoot) || !statSync(absRoot).isDirectory()) {
    return emptyGraph(absRoot, [{ file: root, line: 1, column: 1, code: 'content-root', message: `The content folder "${root}" does not exist. Point Seam at one with --content DIR, SEAM_CONTENT or "content:" in seam.config.yaml.` }]);
  }
  // Links and unreadable folders are listed with their problem, never followed or skipped silently.
  const tree = new Map<string, string>();
  const entries = listContentFiles(absRoot, tree);
  const memo = options.inputs && inputMemo(options.inputs);
  const graph = buildGraph(absRoot, entries.map(({ file, refused }) => (refused ? { file, refused, read: () => parseSource('', file) } : { file, read: () => readSource(resolve(absRoot, file), file, memo?.parse) })), options, memo);
  trees.set(graph, tree);
  return graph;
}

/** Every entry under the root of a graph `loadGraph` read, as the same walk listed it (`listContentFiles`' `tree`). */
const trees = new WeakMap<RecordGraph, ReadonlyMap<string, string>>();

/**
 * Every entry under the content root when `loadGraph` read `graph` (see `listContentFiles`' `tree`),
 * so that what needs the whole tree does not walk it again; undefined for a graph made otherwise.
 */
export function contentTree(graph: RecordGraph): ReadonlyMap<string, string> | undefined {
  return trees.get(graph);
}

interface InputMemo {
  parse(text: string, file: string): SourceFile;
  /** What the store knew of a source `parse` restored. */
  known(source: SourceFile): FileInput | undefined;
  /** Tells the store what a source `parse` read afresh gave (sources `parse` did not make are never stored). */
  remember(source: SourceFile, record?: RecordOutcome): void;
}

function inputMemo(inputs: GraphInputs): InputMemo {
  const restored = new WeakMap<SourceFile, FileInput>();
  const fresh = new WeakSet<SourceFile>();
  return {
    parse(text, file) {
      const known = inputs.get(file, text);
      if (!known) {
        const source = parseSource(text, file);
        fresh.add(source);
        return source;
      }
      const source = restoreSource(text, file, known.parsed);
      restored.set(source, known);
      return source;
    },
    known: (source) => restored.get(source),
    remember(source, record) {
      if (fresh.has(source)) inputs.set(source.file, source.text, { parsed: parsedPart(source), ...(record ? { record } : {}) });
    },
  };
}

/** One file to build a graph from: its path, how to read it, and why it was refused, when it was (then it is never read). */
export interface GraphInput {
  file: string;
  read: () => SourceFile;
  refused?: Problem;
}

/**
 * Builds the graph from already-listed files; exposed so tests and the language server can feed text.
 * An input with `refused` (a link, an unreadable folder) is listed with that problem and never read.
 */
export function buildGraph(absRoot: string, inputs: GraphInput[], options: GraphOptions = {}, memo?: InputMemo): RecordGraph {
  return assembleGraph(absRoot, inputs.map((input) => filePart(absRoot, input, memo)), options.primaryStandard);
}

/** What one file contributes to a graph on its own, whatever the other files say: read once, reused by `updateGraph`. */
interface FilePart {
  file: string;
  record?: ContentRecord;
  coverageMap?: CoverageMapFile;
  /** Its read, schema and naming problems (or why it was refused), in the order a build reports them. */
  problems: Problem[];
}

function filePart(absRoot: string, { file, read, refused }: GraphInput, memo?: InputMemo): FilePart {
  if (refused) return { file, problems: [refused] };
  const problems: Problem[] = [];
  if (isCoverageMapFile(file)) {
    const source = read();
    memo?.remember(source);
    return { file, coverageMap: loadCoverageMap(source, problems), problems };
  }
  const type = recordTypeOf(file);
  if (!type) {
    if (/\.mdx?$/.test(file)) {
      problems.push({ file, line: 1, column: 1, code: 'unknown-location', message: `${quote(file)} is not where any record type lives, so Seam cannot check it. Move it: ${recordTypes.filter((t) => t.name !== 'standards').map((t) => t.pattern).join(', ')}.` });
    }
    return { file, problems };
  }
  const source = read();
  problems.push(...source.problems);
  // A record the input cache restored comes back with the data, title and problems it had.
  const known = memo?.known(source)?.record;
  if (known) return { file, record: restoreRecord(absRoot, file, type, source, known, problems), problems };
  const own: Problem[] = [];
  const record = toRecord(absRoot, file, type, source, own);
  problems.push(...own);
  memo?.remember(source, { ...(record.data !== undefined ? { data: record.data } : {}), classification: record.classification, title: record.title, problems: own });
  return { file, record, problems };
}

/**
 * What `updateGraph` needs of a graph besides the graph: its files' parts, each record's reference
 * problems with the projects it names, and the coverage maps' problems (the graph-wide checks).
 */
interface GraphState {
  parts: FilePart[];
  references: ReadonlyMap<ContentRecord, ResolvedReferences>;
  coverage: Problem[];
  /** The problems indexing found (duplicate ids, catalogue problems). */
  indexed: Problem[];
  /** What indexing saw of ids: every record's `type:id`, those more than one file has, and the projects holding such a file. */
  ids: IdState;
  /** For a graph `updateGraph` made by changing files (none added or removed): the graph it updated, and those files. */
  from?: { base: WeakRef<RecordGraph>; changed: readonly string[] };
  /** The records that name each project (made on first need): an edit in a project can change their reference problems. */
  namers?: Map<string, ContentRecord[]>;
  /** The records that name a project no graph of this state holds (made on first need). */
  danglingNamers?: ContentRecord[];
}
interface IdState {
  keys: ReadonlySet<string>;
  duplicated: ReadonlySet<string>;
  duplicatedIn: ReadonlySet<string>;
}
interface ResolvedReferences {
  problems: Problem[];
  /** The projects the record names (a lesson applied, a catalogue update): its references read their records. */
  projects: string[];
}
const states = new WeakMap<RecordGraph, GraphState>();

/** What an update keeps of the previous graph's graph-wide steps, asked once the new graph is indexed. */
interface Reuse {
  /** Whether the references and coverage may be kept at all (not when a project appeared or went: a reference to one lists them all). */
  possible(graph: RecordGraph): boolean;
  /** A record's reference problems, when they cannot have changed. */
  references(record: ContentRecord, graph: RecordGraph): ResolvedReferences | undefined;
  /** The coverage maps' problems, when they cannot have changed. */
  coverage?: Problem[];
  /** A project none of whose files changed: it holds the same records, so it is the same. */
  project(id: string): Project | undefined;
  /** When the update only replaced records (see `patchIndex`): the graph it updates, the records replaced, and its index problems. */
  patch?: { base: RecordGraph; replaced: ReadonlyMap<ContentRecord, ContentRecord>; indexed: Problem[]; ids: IdState };
  from?: GraphState['from'];
}

/**
 * The graph of these parts: the files' own problems in file order, then those of the graph-wide steps
 * (indexing, references, coverage maps), as one build reports them. `reuse` says, for an update, which
 * records' reference problems and whether the coverage problems are still those of the previous graph.
 */
function assembleGraph(absRoot: string, parts: FilePart[], primary: string | undefined, reuse?: Reuse): RecordGraph {
  const graph = emptyGraph(absRoot, []) as Building;
  graph.configuredPrimary = primary;
  const { problems } = graph;
  for (const part of parts) {
    graph.files.push(part.file);
    for (const problem of part.problems) problems.push(problem);
    if (part.coverageMap) graph.coverageMaps.push(part.coverageMap);
    if (part.record) graph.records.push(part.record);
  }
  graph.records.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const indexedFrom = problems.length;
  const ids = reuse?.patch ? patchIndex(graph, reuse.patch.base, reuse.patch.replaced, reuse.patch.indexed, reuse.patch.ids) : index(graph, reuse?.project);
  const indexed = problems.slice(indexedFrom);
  decidePrimary(graph);
  if (reuse && !reuse.possible(graph)) reuse = undefined;
  const references = new Map<ContentRecord, ResolvedReferences>();
  const idsOf = projectIdMemo(graph);
  for (const record of graph.records) {
    const resolved = reuse?.references(record, graph) ?? resolveRecord(graph, record, idsOf);
    references.set(record, resolved);
    for (const problem of resolved.problems) problems.push(problem);
  }
  const coverage = reuse?.coverage ?? checkCoverageMaps(graph);
  problems.push(...coverage);
  graph.problems.sort(byPosition);
  states.set(graph, { parts, references, coverage, indexed, ids, ...(reuse?.from ? { from: reuse.from } : {}) });
  return graph;
}

/** A file added or changed (as `buildGraph` takes it), or removed. */
export type GraphChange = GraphInput | { file: string; removed: true };

/**
 * The graph `graph` becomes when these files are added, changed or removed, without reading or checking
 * the other files again: it equals `buildGraph` of the same files (in the same order: sorted, as
 * `loadGraph` lists them), and shares the unchanged files' records with `graph`, which is left as it was.
 *
 * What an edit can change elsewhere is computed again: the edited projects, and the reference problems
 * of their records and of those that name them (a lesson applied). Usually the new graph is an overlay
 * of the one it updates (see `overlayGraph`): its indexes answer from the changed records first, so an
 * editor's keystroke costs the edited file and its project, not the workspace. When an overlay cannot
 * tell (a catalogue or coverage map edited, a shared record added or removed, a project appearing or
 * going, an id two files share), the indexes and graph-wide steps are made again, still without reading
 * a file. `undefined` for a graph not built here (`buildGraph`, `loadGraph`).
 */
export function updateGraph(graph: RecordGraph, changes: readonly GraphChange[]): RecordGraph | undefined {
  const overlay = overlays.get(graph);
  const state = overlay?.state ?? states.get(graph);
  if (!state) return undefined;
  // Each changed file's part, read once; for an overlay, its changes and these, over the graph it overlays.
  const updates: FileUpdate[] = [];
  const changed = new Map(overlay?.changed);
  let listing = false;
  for (const change of changes) {
    const present = (overlay?.changed.has(change.file) ? overlay.changed.get(change.file) : partAt(state.parts, change.file)) !== undefined;
    if (present !== !('removed' in change)) listing = true;
    const part = 'removed' in change ? undefined : filePart(graph.root, change);
    updates.push({ file: change.file, ...(part ? { part } : {}) });
    changed.set(change.file, part);
  }
  const from = listing ? undefined : { base: new WeakRef(graph), changed: changes.map((c) => c.file) };
  return overlayGraph(overlay?.base ?? graph, state, changed, from) ?? rebuildGraph(graph, overlay ? materialise(overlay) : state, updates, from);
}

/** A file's part after an update, or none: it was removed. */
interface FileUpdate {
  file: string;
  part?: FilePart;
}

/** The graph `updateGraph` makes when an overlay cannot answer (see `overlayGraph`): indexes and graph-wide steps made again, still without reading a file. */
function rebuildGraph(graph: RecordGraph, state: GraphState, updates: readonly FileUpdate[], from: GraphState['from']): RecordGraph {
  const parts = [...state.parts];
  const edited = new Set<string>();
  let global = false;
  // Whether only records were replaced by records (or other files by other files), each file once, no
  // catalogue or coverage map among them: then the indexes are patched, not made again.
  let patchable = true;
  const replaced = new Map<ContentRecord, ContentRecord>();
  const seen = new Set<string>();
  for (const { file, part: after } of updates) {
    const segments = file.split('/');
    if (segments[0] === 'projects' && segments.length > 2) edited.add(segments[1]!);
    else global = true;
    const at = sortedIndex(parts, file);
    const present = parts[at]?.file === file;
    const before = present ? parts[at] : undefined;
    if (!after) {
      if (present) parts.splice(at, 1);
    } else parts.splice(at, present ? 1 : 0, after);
    if (!before || !after || seen.has(file) || before.coverageMap || after.coverageMap || !before.record !== !after.record || before.record?.type === 'standards') patchable = false;
    else if (before.record) replaced.set(before.record, after.record!);
    seen.add(file);
  }
  const before = [...graph.projects.keys()].sort().join('\0');
  return assembleGraph(graph.root, parts, graph.configuredPrimary, {
    possible: (next) => !global && [...next.projects.keys()].sort().join('\0') === before,
    references(record, next) {
      const resolved = state.references.get(record);
      if (!resolved || edited.has(record.project ?? '\0')) return undefined;
      // A project it names was edited, or does not exist (its problem lists every project, by a file of each).
      if (resolved.projects.some((p) => edited.has(p) || !next.projects.has(p))) return undefined;
      return resolved;
    },
    coverage: state.coverage,
    project: (id) => (edited.has(id) ? undefined : graph.projects.get(id)),
    ...(patchable ? { patch: { base: graph, replaced, indexed: state.indexed, ids: state.ids } } : {}),
    ...(from ? { from } : {}),
  });
}

/**
 * For a graph `updateGraph` made by changing files, none added or removed: the graph it updated (while
 * that is still in memory) and the changed files, so that what is derived from a graph (the link index)
 * can be derived from the previous graph's in the same way.
 */
export function graphUpdateOf(graph: RecordGraph): { base: RecordGraph; changed: readonly string[] } | undefined {
  const from = overlays.get(graph)?.from ?? states.get(graph)?.from;
  const base = from?.base.deref();
  return base && from ? { base, changed: from.changed } : undefined;
}

// ── Overlays ───────────────────────────────────────────────────────────────────────────────────────

/**
 * A graph `updateGraph` made as an overlay of a graph `assembleGraph` made (its base): every index
 * answers from the changed files' records first, then from the base's, and the problem list is
 * assembled when asked for. Making one costs the changed files and their projects, never the rest.
 */
interface OverlayState {
  base: RecordGraph;
  state: GraphState;
  /** Each changed file's part now, relative to the base; undefined: removed. */
  changed: ReadonlyMap<string, FilePart | undefined>;
  /** The reference problems resolved again (the changed records, their projects' and those naming them); the rest are the base's. */
  references: ReadonlyMap<ContentRecord, ResolvedReferences>;
  /** The coverage maps' problems (checked again when a policy changed). */
  coverage: Problem[];
  /** A file's problems, when they may differ from the base's. */
  problemsOf(file: string): Problem[] | undefined;
  from?: GraphState['from'];
}
const overlays = new WeakMap<RecordGraph, OverlayState>();

/** Beyond this many changed files an update assembles a graph of its own, which the next updates overlay. */
const MAX_OVERLAY = 64;

const idKey = (record: ContentRecord) => `${record.type}:${record.id}`;
const byPosition = (a: Problem, b: Problem) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;

/**
 * The base with these files changed, as an overlay, when an overlay can tell what they change: no
 * catalogue or coverage map among them (the graph-wide checks read those), a shared record (a system,
 * an organisation, a policy) only edited in place (other records name it by its id, which its path
 * gives; the coverage maps, which read policies, are checked again), no id two files share before or
 * after, and no project appearing or going (a reference to an unknown project lists them all).
 * Otherwise undefined.
 */
function overlayGraph(base: RecordGraph, state: GraphState, changed: ReadonlyMap<string, FilePart | undefined>, from: GraphState['from']): RecordGraph | undefined {
  if (changed.size > MAX_OVERLAY) return undefined;
  const { ids } = state;
  const edited = new Set<string>();
  const addedKeys = new Set<string>();
  const swaps: { file: string; before?: ContentRecord; after?: ContentRecord }[] = [];
  const touched: string[] = [];
  let listing = false;
  for (const [file, part] of changed) {
    const prior = partAt(state.parts, file);
    if (!prior && !part) continue;
    touched.push(file);
    if (!prior || !part) listing = true;
    if (prior?.coverageMap || part?.coverageMap) return undefined;
    const before = prior?.record;
    const after = part?.record;
    if (before?.type === 'standards' || after?.type === 'standards') return undefined;
    const segments = file.split('/');
    if (segments[0] === 'projects' && segments.length > 2) edited.add(segments[1]!);
    else if ((before || after) && (!before || !after)) return undefined;
    if ((before && ids.duplicated.has(idKey(before))) || (after && ids.duplicated.has(idKey(after)))) return undefined;
    if (after && !before) {
      if (ids.keys.has(idKey(after)) || addedKeys.has(idKey(after))) return undefined;
      addedKeys.add(idKey(after));
    }
    if (before || after) swaps.push({ file, ...(before ? { before } : {}), ...(after ? { after } : {}) });
  }

  // The edited projects, made again from their records (a project holds a few dozen).
  const projectChanges = new Map<string, Lazy<Project> | undefined>();
  for (const id of edited) {
    if (ids.duplicatedIn.has(id)) return undefined;
    const was = base.projects.get(id);
    const records = (was?.records ?? []).filter((r) => !changed.has(r.file));
    for (const { after } of swaps) if (after && after.project === id) records.push(after);
    if (!was !== !records.length) return undefined;
    if (!was) continue;
    records.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const project = newProject(id);
    for (const record of records) addToProject(project, record);
    sortProject(project);
    projectChanges.set(id, () => project);
  }

  // The indexes: the changed records over the base's.
  const byFile = new Map<string, Lazy<ContentRecord> | undefined>();
  const byId = new Map<string, Map<string, Lazy<ContentRecord> | undefined>>();
  const counts = new Map<string, number>();
  for (const { file, before, after } of swaps) {
    byFile.set(file, after && (() => after));
    for (const [record, step] of [[before, -1], [after, 1]] as const) if (record) counts.set(record.type, (counts.get(record.type) ?? base.byType.get(record.type)?.length ?? 0) + step);
    const record = (after ?? before)!;
    if (BY_ID.has(record.type)) {
      let map = byId.get(record.type);
      if (!map) byId.set(record.type, (map = new Map()));
      map.set(record.id, after && (() => after));
    }
  }
  const typeChanges = new Map<string, Lazy<ContentRecord[]> | undefined>();
  for (const [type, count] of counts) {
    typeChanges.set(type, count ? () => {
      const list = (base.byType.get(type) ?? []).filter((r) => !changed.has(r.file));
      for (const { after } of swaps) if (after?.type === type) list.push(after);
      return list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    } : undefined);
  }
  const byIdOf = <T>(type: (typeof BY_ID_TYPES)[number], map: ReadonlyMap<string, ContentRecord<T>>) => {
    const changes = byId.get(type);
    return changes ? new OverlayMap(map, changes as Map<string, Lazy<ContentRecord<T>> | undefined>, (_id, r) => r.file) : map;
  };
  const graph = {
    root: base.root, standards: base.standards, criteria: base.criteria, coverageMaps: base.coverageMaps,
    primaryStandard: base.primaryStandard, configuredPrimary: base.configuredPrimary,
    byFile: byFile.size ? new OverlayMap(base.byFile, byFile, (file) => file) : base.byFile,
    byType: typeChanges.size ? new OverlayMap(base.byType, typeChanges, (_type, list) => list[0]!.file) : base.byType,
    organisations: byIdOf('organisations', base.organisations), systems: byIdOf('systems', base.systems), providers: byIdOf('providers', base.providers),
    policies: byIdOf('policies', base.policies), docs: byIdOf('docs', base.docs),
    projects: projectChanges.size ? new OverlayMap(base.projects, projectChanges, (_id, p) => p.records[0]!.file) : base.projects,
  } as Omit<RecordGraph, 'records' | 'files' | 'problems'> as RecordGraph;
  lazily(graph, 'records', () => mergeByFile(base.records, changed, (part) => (part.record ? [part.record] : [])));
  if (listing) lazily(graph, 'files', () => mergeByFile(base.files.map((file) => ({ file })), changed, (part) => [part]).map((p) => p.file));
  else graph.files = base.files;

  // Reference problems again for the changed records, their projects' records and the records naming those projects.
  const again = new Set<ContentRecord>();
  const namers = namersOf(state);
  for (const id of edited) {
    for (const record of graph.projects.get(id)?.records ?? []) again.add(record);
    for (const record of namers.get(id) ?? []) if (!changed.has(record.file)) again.add(record);
  }
  // A reference to a project that does not exist lists every project, each at a file of its own (its
  // charter, else its first record), which an edited project can change: those references are resolved again too.
  // (An overlay has its base's projects: a project appearing or going is a rebuild, so they are listed once per base.)
  if (edited.size) for (const record of state.danglingNamers ??= [...namers].filter(([id]) => !graph.projects.has(id)).flatMap(([, records]) => records)) if (!changed.has(record.file)) again.add(record);
  for (const { after } of swaps) if (after) again.add(after);
  const references = new Map<ContentRecord, ResolvedReferences>();
  const idsOf = projectIdMemo(graph);
  for (const record of again) references.set(record, resolveRecord(graph, record, idsOf));

  // Problems: a file's own, those indexing and the coverage maps found there (the base's), and its record's reference problems.
  // A policy edited in place: the coverage maps, which read policies, are checked again (they are a few files, whatever the number of records).
  const coverage = swaps.some((s) => s.after?.type === 'policies') ? checkCoverageMaps(graph) : state.coverage;
  const affected = new Set([...touched, ...[...again].map((r) => r.file)]);
  if (coverage !== state.coverage) for (const p of [...state.coverage, ...coverage]) affected.add(p.file);
  const made = new Map<string, Problem[]>();
  const oldCoverage = new Set(state.coverage);
  const problemsOf = (file: string): Problem[] | undefined => {
    if (!affected.has(file)) return undefined;
    let list = made.get(file);
    if (list) return list;
    const prior = partAt(state.parts, file);
    const part = changed.has(file) ? changed.get(file) : prior;
    const old = new Set([...(prior?.problems ?? []), ...(prior?.record ? state.references.get(prior.record)?.problems ?? [] : [])]);
    const rest = problemsIn(base, file).filter((p) => !old.has(p));
    const record = part?.record;
    const own = record ? (references.get(record) ?? state.references.get(record))?.problems ?? [] : [];
    const mapped = coverage === state.coverage ? rest.filter((p) => oldCoverage.has(p)) : coverage.filter((p) => p.file === file);
    list = [...(part?.problems ?? []), ...rest.filter((p) => !oldCoverage.has(p)), ...own, ...mapped].sort(byPosition);
    made.set(file, list);
    return list;
  };
  lazily(graph, 'problems', () => [...base.problems.filter((p) => !affected.has(p.file)), ...[...affected].flatMap((file) => problemsOf(file)!)].sort(byPosition));
  overlays.set(graph, { base, state, changed, references, coverage, problemsOf, ...(from ? { from } : {}) });
  return graph;
}

/** A field made on first read (and then kept), as an own enumerable property, so that spreading the graph copies it. */
function lazily<K extends 'records' | 'files' | 'problems'>(graph: RecordGraph, key: K, make: () => RecordGraph[K]) {
  Object.defineProperty(graph, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = make();
      Object.defineProperty(graph, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
    set(value: RecordGraph[K]) {
      Object.defineProperty(graph, key, { value, enumerable: true, configurable: true, writable: true });
    },
  });
}

/** `list` (sorted by file) with the changed files' items in place of theirs, in file order. */
function mergeByFile<T extends { file: string }>(list: readonly T[], changed: ReadonlyMap<string, FilePart | undefined>, itemsOf: (part: FilePart) => T[]): T[] {
  const added = [...changed].flatMap(([, part]) => (part ? itemsOf(part) : [])).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const out: T[] = [];
  let next = 0;
  for (const item of list) {
    while (next < added.length && added[next]!.file < item.file) out.push(added[next++]!);
    if (!changed.has(item.file)) out.push(item);
  }
  while (next < added.length) out.push(added[next++]!);
  return out;
}

/** The records that name each project, from the references resolved when the graph was assembled. */
function namersOf(state: GraphState): Map<string, ContentRecord[]> {
  if (!state.namers) {
    state.namers = new Map();
    for (const [record, { projects }] of state.references) {
      for (const id of new Set(projects)) {
        const list = state.namers.get(id);
        if (list) list.push(record);
        else state.namers.set(id, [record]);
      }
    }
  }
  return state.namers;
}

/** An overlay's graph as `assembleGraph` would have kept it: for an update the overlay cannot answer. */
function materialise(overlay: OverlayState): GraphState {
  const { state, changed } = overlay;
  const keys = new Set(state.ids.keys);
  for (const [file, part] of changed) {
    const before = partAt(state.parts, file)?.record;
    if (before) keys.delete(idKey(before));
    if (part?.record) keys.add(idKey(part.record));
  }
  return {
    parts: mergeByFile(state.parts, changed, (part) => [part]),
    references: new Map([...state.references, ...overlay.references]),
    coverage: overlay.coverage,
    indexed: state.indexed,
    ids: { ...state.ids, keys },
  };
}

/** The part of `file` in parts sorted by file, if it has one. */
function partAt(parts: readonly FilePart[], file: string): FilePart | undefined {
  const part = parts[sortedIndex(parts, file)];
  return part?.file === file ? part : undefined;
}

/** Whether `file` is one of the graph's files (`graph.files`), asked without listing them. */
export function hasFile(graph: RecordGraph, file: string): boolean {
  const overlay = overlays.get(graph);
  if (overlay?.changed.has(file)) return overlay.changed.get(file) !== undefined;
  const state = overlay?.state ?? states.get(graph);
  return state ? partAt(state.parts, file) !== undefined : graph.files.includes(file);
}

const problemIndexes = new WeakMap<readonly Problem[], { length: number; byFile: Map<string, Problem[]> }>();

/**
 * The graph's problems in `file`, in the order `graph.problems` lists them: what a rule reports of
 * them. For an overlay, without assembling the problem list of every file.
 */
export function problemsIn(graph: RecordGraph, file: string): readonly Problem[] {
  const overlay = overlays.get(graph);
  if (overlay) return overlay.problemsOf(file) ?? problemsIn(overlay.base, file);
  const { problems } = graph;
  let index = problemIndexes.get(problems);
  if (index?.length !== problems.length) {
    index = { length: problems.length, byFile: new Map() };
    for (const problem of problems) {
      const list = index.byFile.get(problem.file);
      if (list) list.push(problem);
      else index.byFile.set(problem.file, [problem]);
    }
    problemIndexes.set(problems, index);
  }
  return index.byFile.get(file) ?? [];
}

/** Where `file` is, or belongs, in parts sorted by file. */
function sortedIndex(parts: readonly FilePart[], file: string): number {
  let low = 0;
  let high = parts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (parts[mid]!.file < file) low = mid + 1;
    else high = mid;
  }
  return low;
}

function emptyGraph(root: string, problems: Problem[]): Building {
  return {
    root, records: [], files: [], problems, byType: new Map(), byFile: new Map(), standards: [], criteria: new Map(), coverageMaps: [],
    organisations: new Map(), systems: new Map(), providers: new Map(), policies: new Map(), docs: new Map(), projects: new Map(),
  };
}

function toRecord(absRoot: string, file: string, type: RecordType, source: SourceFile, problems: Problem[]): ContentRecord {
  const parts = file.split('/');
  const stem = parts.at(-1)!.replace(/\.[^.]+$/, '');
  const project = type.inProject ? parts[1] : undefined;
  const id = recordId(file);
  const raw = source.data as Record<string, unknown> | undefined;
  const record: ContentRecord = {
    type: type.name, id, project, file, path: resolve(absRoot, file), source,
    classification: (raw?.classification as Classification) ?? (type.name === 'docs' || type.name === 'standards' ? 'public' : 'internal'),
    title: typeof raw?.title === 'string' ? raw.title : stem,
  };
  if (project !== undefined && !KEBAB_CASE.test(project)) {
    problems.push({ file, line: 1, column: 1, code: 'naming', message: `The project folder ${quote(project)} is not a kebab-case id. Rename it, for example to "${kebab(project)}".` });
  }
  if (!type.inProject && type.name !== 'docs' && !KEBAB_CASE.test(stem)) {
    problems.push({ file, line: 1, column: 1, code: 'naming', message: `The file name ${quote(stem)} is the record's id and must be kebab-case. Rename it, for example to "${kebab(stem)}".` });
  }
  if (!source.hasFrontmatter && !source.problems.length) {
    problems.push({ file, line: 1, column: 1, code: 'schema', message: `The ${type.label} has no frontmatter. Start the file with a "---" line, the fields (at least "title:"), and another "---" line.` });
    return record;
  }
  if (source.problems.length || raw === undefined) return record;
  const parsed = (type.schema as z.ZodType).safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const issue of authorIssues(parsed.error.issues)) {
      const keyProblem = issue.code === 'unrecognized_keys';
      const path = keyProblem ? [...issue.path, issue.keys[0]] : issue.path;
      const at = source.locate(path as PropertyKey[], { key: keyProblem });
      problems.push({ file, ...at, code: 'schema', message: zodIssueMessage(issue, raw, type.schema) });
    }
    return record;
  }
  record.data = parsed.data;
  record.classification = (parsed.data as { classification?: Classification }).classification ?? record.classification;
  checkNaming(record, problems);
  return record;
}

/** The record `toRecord` made of this file's text before, from what it kept (`RecordOutcome`). */
function restoreRecord(absRoot: string, file: string, type: RecordType, source: SourceFile, known: RecordOutcome, problems: Problem[]): ContentRecord {
  const record: ContentRecord = {
    type: type.name, id: recordId(file), project: type.inProject ? file.split('/')[1] : undefined, file, path: resolve(absRoot, file), source,
    classification: known.classification, title: known.title,
  };
  if (known.data !== undefined) record.data = known.data;
  problems.push(...known.problems);
  return record;
}

/** File names that carry facts must agree with the frontmatter. */
function checkNaming(record: ContentRecord, problems: Problem[]) {
  const stem = record.file.split('/').at(-1)!.replace(/\.[^.]+$/, '');
  if (record.type === 'status') {
    const date = (record.data as S.StatusReport).date;
    if (stem !== date) problems.push({ file: record.file, ...record.source.locate(['date']), code: 'naming', message: `A status report is named after its date: rename the file to "${date}.mdx" or correct "date" (${date}).` });
  }
  if (record.type === 'evaluations') {
    const e = record.data as S.Evaluation;
    const expected = evaluationName(e.provider, e.period);
    if (stem !== expected) problems.push({ file: record.file, ...record.source.locate(['period']), code: 'naming', message: `An evaluation is named <provider>-<period>: rename the file to "${expected}.mdx" or correct "provider"/"period".` });
  }
  if (record.type === 'engagement') {
    const date = (record.data as S.Engagement).date;
    if (!stem.startsWith(`${date}-`) || !KEBAB_CASE.test(stem)) problems.push({ file: record.file, ...record.source.locate(['date']), code: 'naming', message: `An engagement entry is named <date>-<topic>: rename the file to "${date}-${kebab(stem.replace(/^\d{4}-\d{2}-\d{2}-?/, '')) || 'topic'}.mdx" or correct "date" (${date}).` });
  }
}

/** Indexes the graph's records; `kept` gives a project none of whose files changed since the graph it was updated from. */
function index(graph: Building, kept?: (project: string) => Project | undefined): IdState {
  const seen = new Map<string, ContentRecord>();
  const duplicated = new Set<string>();
  const duplicatedIn = new Set<string>();
  const made = new Set<Project>();
  for (const record of graph.records) {
    const key = `${record.type}:${record.id}`;
    const first = seen.get(key);
    if (first) {
      duplicated.add(key);
      for (const r of [first, record]) if (r.project !== undefined) duplicatedIn.add(r.project);
      graph.problems.push({ file: record.file, line: 1, column: 1, code: 'duplicate-id', ...say`Duplicate ${recordTypeByName.get(record.type)!.label} id ${quote(record.id)}: ${mention(first.file, first.file)} already uses it. Rename one of the files.` });
      continue;
    }
    seen.set(key, record);
    graph.byFile.set(record.file, record);
    const list = graph.byType.get(record.type) ?? [];
    list.push(record);
    graph.byType.set(record.type, list);
    // Records that failed their schema are still indexed (with `data` undefined), so ids that point
    // at them resolve and one broken file yields one error, not a cascade.
    const maps = {
      organisations: graph.organisations, systems: graph.systems, providers: graph.providers, policies: graph.policies, docs: graph.docs,
    };
    const map = (maps as Record<string, Map<string, ContentRecord>>)[record.type];
    if (map) map.set(record.id, record);
    if (record.type === 'standards' && record.data) indexStandard(graph, record as ContentRecord<S.Standard>);
    if (record.project) {
      const same = kept?.(record.project);
      if (same) {
        graph.projects.set(record.project, same);
        continue;
      }
      let project = graph.projects.get(record.project);
      if (!project) made.add((project = newProject(record.project)));
      graph.projects.set(record.project, project);
      addToProject(project, record);
    }
  }
  for (const project of made) sortProject(project);
  return { keys: new Set(seen.keys()), duplicated, duplicatedIn };
}

const newProject = (id: string): Project => ({ id, status: [], evaluations: [], changes: [], engagement: [], records: [] });

function addToProject(project: Project, record: ContentRecord) {
  project.records.push(record);
  const slot = record.type as keyof Project;
  if (slot === 'status' || slot === 'evaluations' || slot === 'changes' || slot === 'engagement') (project[slot] as ContentRecord[]).push(record);
  else (project as unknown as Record<string, ContentRecord>)[slot === 'charter' ? 'charter' : slot] = record;
}

function sortProject(project: Project) {
  // Oldest first by date; a report whose frontmatter failed sorts by its file name (named after its date).
  const dateOf = (r: ContentRecord<S.StatusReport>) => r.data?.date ?? r.file.split('/').at(-1)!.replace(/\.mdx$/, '');
  project.status.sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0));
  // The engagement log by date, then file; an entry whose frontmatter failed sorts by its file name (which starts with its date).
  const entryKey = (r: ContentRecord<S.Engagement>) => `${r.data?.date ?? r.file.split('/').at(-1)!.slice(0, 10)} ${r.file}`;
  project.engagement.sort((a, b) => (entryKey(a) < entryKey(b) ? -1 : entryKey(a) > entryKey(b) ? 1 : 0));
}

/** The record types the graph also indexes by id, each in the field of its name. */
const BY_ID_TYPES = ['organisations', 'systems', 'providers', 'policies', 'docs'] as const;
const BY_ID = new Set<string>(BY_ID_TYPES);

/**
 * Indexes `graph` as `index` would, from the indexes of `base`, when each record in `replaced` takes the
 * place of one of `base`'s at the same file (an edit, not an addition, removal or catalogue change):
 * ids come from paths, so the same records are first of their ids, and only the replaced ones and their
 * projects change. Copying the indexes is far cheaper than indexing every record again.
 */
function patchIndex(graph: Building, base: RecordGraph, replaced: ReadonlyMap<ContentRecord, ContentRecord>, indexProblems: readonly Problem[], ids: IdState): IdState {
  graph.byFile = new Map(base.byFile);
  graph.byType = new Map(base.byType);
  const maps: Record<string, Map<string, ContentRecord>> = {};
  const lists = new Set<string>();
  const projects = new Set<string>();
  for (const [before, after] of replaced) {
    if (graph.byFile.get(before.file) !== before) continue; // a duplicate id: indexed nowhere
    graph.byFile.set(after.file, after);
    if (!lists.has(after.type)) {
      lists.add(after.type);
      graph.byType.set(after.type, [...graph.byType.get(after.type)!]);
    }
    const list = graph.byType.get(after.type)!;
    list[list.indexOf(before)] = after;
    if (BY_ID.has(after.type)) (maps[after.type] ??= new Map(base[after.type as (typeof BY_ID_TYPES)[number]] as ReadonlyMap<string, ContentRecord>)).set(after.id, after);
    if (after.project) projects.add(after.project);
  }
  for (const type of BY_ID_TYPES) graph[type] = (maps[type] ?? new Map(base[type] as ReadonlyMap<string, ContentRecord>)) as never;
  graph.standards = [...base.standards];
  graph.criteria = new Map(base.criteria);
  graph.projects = new Map(base.projects);
  for (const id of projects) {
    const project = newProject(id);
    for (const record of base.projects.get(id)!.records) addToProject(project, replaced.get(record) ?? record);
    sortProject(project);
    graph.projects.set(id, project);
  }
  graph.problems.push(...indexProblems);
  return ids;
}

/** Decides the primary standard once every catalogue is indexed; with none decidable, says why on the first catalogue. */
function decidePrimary(graph: RecordGraph) {
  const { primary, problem } = primaryStandardOf(graph.configuredPrimary, graph.standards.map((s) => s.id));
  graph.primaryStandard = primary;
  if (problem) graph.problems.push({ file: graph.standards[0]!.file, line: 1, column: 1, code: COVERAGE_MAP_CODE, message: problem });
}

function indexStandard(graph: Building, record: ContentRecord<S.Standard>) {
  graph.standards.push(record);
  const { data } = record;
  const groups = new Set<string>();
  data!.groups.forEach((g, i) => {
    if (g.parent !== undefined && !groups.has(g.parent)) graph.problems.push({ file: record.file, ...record.source.locate(['groups', i, 'parent']), code: 'dangling-reference', message: `Group ${quote(g.id)} sits in ${quote(g.parent)}, which no group listed before it defines. List the parent group first.` });
    groups.add(g.id);
  });
  data!.criteria.forEach((c, i) => {
    if (!groups.has(c.group)) graph.problems.push({ file: record.file, ...record.source.locate(['criteria', i, 'group']), code: 'dangling-reference', message: `Criterion ${c.id} names the group ${quote(c.group)}, which "groups" does not define. Defined: ${[...groups].join(', ')}.` });
    const entries: [Criterion, PropertyKey[]][] = [[{ id: c.id, key: qualify(record.id, c.id), kind: c.kind, group: c.group, text: c.text, items: (c.items ?? []).map((s) => s.id), standard: record.id }, ['criteria', i, 'id']]];
    (c.items ?? []).forEach((s, j) => {
      if (!s.id.startsWith(`${c.id}.`)) graph.problems.push({ file: record.file, ...record.source.locate(['criteria', i, 'items', j, 'id']), code: 'naming', message: `Sub-item ${quote(s.id)} sits under ${c.id}, so its id must start with "${c.id}.".` });
      entries.push([{ id: s.id, key: qualify(record.id, s.id), kind: c.kind, group: c.group, text: s.text, parent: c.id, items: [], standard: record.id }, ['criteria', i, 'items', j, 'id']]);
    });
    // The same id may exist in two standards: the key is qualified by the catalogue.
    for (const [criterion, path] of entries) {
      if (graph.criteria.has(criterion.key)) {
        graph.problems.push({ file: record.file, ...record.source.locate(path), code: 'duplicate-id', message: `Duplicate criterion id ${quote(criterion.id)}: the catalogue ${quote(record.id)} already defines it. Criterion ids are unique within their catalogue.` });
      } else graph.criteria.set(criterion.key, criterion);
    }
  });
}

// ── References ─────────────────────────────────────────────────────────────────────────────────────

/** Lists inside one record whose items carry ids that must be unique. */
export const uniqueIdLists: Record<string, string[]> = {
  standards: ['groups'],
  charter: ['workstreams', 'regulations'],
  stakeholders: ['stakeholders'],
  plan: ['milestones'],
  status: ['issues', 'security'],
  lessons: ['lessons'],
};

export interface Reference {
  record: ContentRecord;
  /** Path to the referring value (or key) in the frontmatter. */
  path: PropertyKey[];
  value: string;
  target: Target;
  /** Whether `value` is a mapping key (RACI workstreams). */
  isKey: boolean;
}

/** Every reference a record makes, with the path to it. */
export function referencesOf(record: ContentRecord): Reference[] {
  if (!record.data) return [];
  const out: Reference[] = [];
  for (const [segments, target] of splitFieldsOf(record.type)) {
    walk(record.data, segments, 0, [], (value, path, isKey) => {
      if (typeof value === 'string') out.push({ record, path: [...path], value, target, isKey });
    });
  }
  return out;
}

/** Each type's reference fields with their patterns split into segments, once per type (every record is walked by them). */
const splitFields = new Map<string, [string[], Target][]>();
function splitFieldsOf(type: string): [string[], Target][] {
  let fields = splitFields.get(type);
  if (!fields) splitFields.set(type, (fields = referenceFieldsOf(type).map(([pattern, target]) => [pattern.split('.'), target])));
  return fields;
}

/**
 * Visits what `segments` (from `at`) reach in `value`; `path` is where `value` is, and `visit` is given
 * it as it stands (copy it to keep it): one path is grown and shrunk as the walk goes, not copied at each step.
 */
function walk(value: unknown, segments: readonly string[], at: number, path: PropertyKey[], visit: (v: unknown, path: readonly PropertyKey[], isKey: boolean) => void) {
  if (at === segments.length) return visit(value, path, false);
  const head = segments[at]!;
  if (value === null || typeof value !== 'object') return;
  if (head === '*') {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) continue; // a hole, as forEach skips it
      path.push(i);
      walk(value[i], segments, at + 1, path, visit);
      path.pop();
    }
  } else if (head === '@key') {
    for (const key of Object.keys(value)) {
      path.push(key);
      visit(key, path, true);
      path.pop();
    }
  } else if (!Array.isArray(value) && head in value) {
    path.push(head);
    walk((value as Record<string, unknown>)[head], segments, at + 1, path, visit);
    path.pop();
  }
}

/** The ids a project-scoped target can take, from the project's records. */
export function projectIds(project: Project | undefined, target: Target, graph: RecordGraph): Set<string> {
  const charter = project?.charter?.data;
  switch (target) {
    case 'stakeholder': return new Set(project?.stakeholders?.data?.stakeholders.map((s) => s.id));
    case 'workstream': return new Set(charter?.workstreams.map((w) => w.id));
    case 'milestone': return new Set(project?.plan?.data?.milestones.map((m) => m.id));
    case 'budget-line': return new Set(project?.plan?.data?.budget.map((b) => b.line));
    case 'regulation': return new Set(charter?.regulations.map((r) => r.id));
    case 'project-record': return new Set(project?.records.map(projectPath));
    default: return new Set(graph.projects.keys());
  }
}

const targetLabel: Record<Target, string> = {
  organisation: 'organisation', system: 'system', provider: 'provider', policy: 'policy', criterion: 'criterion', stakeholder: 'stakeholder',
  workstream: 'workstream', milestone: 'milestone', 'budget-line': 'budget line', regulation: 'regulation', lesson: 'lesson', project: 'project', 'project-record': 'project record',
};
const targetHome: Partial<Record<Target, string>> = {
  organisation: 'content/organisations/', system: 'content/systems/', provider: 'content/providers/', policy: 'content/policies/',
  stakeholder: 'the project\'s stakeholders.mdx', workstream: 'the charter\'s "workstreams"', milestone: 'the plan\'s "milestones"',
  'budget-line': 'the plan\'s "budget"', regulation: 'the charter\'s "regulations"', project: 'content/projects/',
};

/** Whether `value` resolves for `target` in the context of `record`. */
export function resolves(graph: RecordGraph, record: ContentRecord, target: Target, value: string, lessonProject?: string, idsOf: (project: Project | undefined, target: Target) => Set<string> = (p, t) => projectIds(p, t, graph)): boolean {
  switch (target) {
    case 'organisation': return graph.organisations.has(value);
    case 'system': return graph.systems.has(value);
    case 'provider': return graph.providers.has(value);
    case 'policy': return graph.policies.has(value);
    case 'criterion': return resolveCriterion(graph, value).ok;
    case 'lesson': return !!graph.projects.get(lessonProject ?? '')?.lessons?.data?.lessons.some((l) => l.id === value);
    case 'project': return graph.projects.has(value);
    default: return idsOf(graph.projects.get(record.project ?? ''), target).has(value);
  }
}

/**
 * One record's reference problems (dangling ids, duplicate ids in its lists), and the projects it names
 * (whose records its references can resolve against, besides its own project's and the shared ones).
 */
/** The ids a project offers each kind of reference, listed once per graph rather than once per reference. */
function projectIdMemo(graph: RecordGraph): (project: Project | undefined, target: Target) => Set<string> {
  const idSets = new Map<Project | undefined, Map<Target, Set<string>>>();
  return (project, target) => {
    let byTarget = idSets.get(project);
    if (!byTarget) idSets.set(project, (byTarget = new Map()));
    let ids = byTarget.get(target);
    if (!ids) byTarget.set(target, (ids = projectIds(project, target, graph)));
    return ids;
  };
}

function resolveRecord(graph: RecordGraph, record: ContentRecord, idsOf?: (project: Project | undefined, target: Target) => Set<string>): ResolvedReferences {
  const problems: Problem[] = [];
  const projects: string[] = [];
  if (!record.data) return { problems, projects };
  for (const ref of referencesOf(record)) {
    if (ref.target === 'project') projects.push(ref.value);
    let lessonProject: string | undefined;
    if (ref.target === 'lesson') {
      lessonProject = (record.data as S.Charter).lessonsApplied[ref.path[1] as number]?.project;
      if (!graph.projects.has(lessonProject)) continue; // the project reference reports it
    }
    if (resolves(graph, record, ref.target, ref.value, lessonProject, idsOf)) continue;
    const at = record.source.locate(ref.path, { key: ref.isKey });
    const code = ref.target === 'criterion' ? 'unknown-criterion' : 'dangling-reference';
    problems.push({ file: record.file, ...at, code, ...danglingMessage(graph, record, ref, lessonProject) });
  }
  for (const list of uniqueIdLists[record.type] ?? []) {
    const items = (record.data as Record<string, { id?: string; line?: string }[]>)[list] ?? [];
    const firstAt = new Map<string, number>();
    items.forEach((item, i) => {
      const value = item.id;
      if (value === undefined) return;
      const first = firstAt.get(value);
      if (first === undefined) return void firstAt.set(value, i);
      const at = record.source.locate([list, i, 'id']);
      const firstLine = record.source.locate([list, first, 'id']).line;
      problems.push({ file: record.file, ...at, code: 'duplicate-id', message: `Duplicate id ${quote(value)} in "${list}" (first used on line ${firstLine}). Ids in a list must be unique: rename one.` });
    });
  }
  if (record.type === 'plan') {
    const lines = (record.data as S.Plan).budget;
    const firstAt = new Map<string, number>();
    lines.forEach((b, i) => {
      const first = firstAt.get(b.line);
      if (first === undefined) return void firstAt.set(b.line, i);
      problems.push({ file: record.file, ...record.source.locate(['budget', i, 'line']), code: 'duplicate-id', message: `Duplicate budget line ${quote(b.line)} (first used on line ${record.source.locate(['budget', first, 'line']).line}). Merge the two lines or rename one.` });
    });
  }
  return { problems, projects };
}

function danglingMessage(graph: RecordGraph, record: ContentRecord, ref: Reference, lessonProject?: string): Message {
  const label = targetLabel[ref.target];
  if (ref.target === 'criterion') {
    const resolved = resolveCriterion(graph, ref.value);
    return say`${resolved.ok ? '' : resolved.message}`;
  }
  if (ref.target === 'lesson') {
    const lessons = graph.projects.get(lessonProject!)?.lessons;
    const known = lessons?.data?.lessons.map((l) => ({ file: lessons.file, text: l.id, key: l.id })) ?? [];
    // Every lesson is listed, not only a near one: the author is choosing among another project's lessons.
    const none = lessons ? 'That project\'s lessons are not readable here.' : 'That project has no lessons.mdx yet.';
    return say`Unknown lesson ${quote(ref.value)} in project ${quote(lessonProject ?? '')}. ${suggest({ value: ref.value, candidates: known, list: ['Its lessons are: ', '.'], max: Infinity, none })}`;
  }
  const home = targetHome[ref.target];
  const hint = suggest({ value: ref.value, candidates: candidatesFor(graph, record, ref.target), near: [' Did you mean ', '?'], list: [' Known: ', '.'] });
  return say`Unknown ${label} ${quote(ref.value)}${home ? ` (not found in ${home})` : ''}.${hint}`;
}

/** The records a reference of `target` from `record` could have meant, each named by its id. */
function candidatesFor(graph: RecordGraph, record: ContentRecord, target: Target): (Mention & { key: string })[] {
  const of = (map: ReadonlyMap<string, ContentRecord>) => [...map].map(([id, r]) => ({ file: r.file, text: id, key: id, near: quote(id) }));
  switch (target) {
    case 'organisation': return of(graph.organisations);
    case 'system': return of(graph.systems);
    case 'provider': return of(graph.providers);
    case 'policy': return of(graph.policies);
    default: break;
  }
  if (target === 'project') return [...graph.projects.values()].map((p) => ({ file: p.charter?.file ?? p.records[0]?.file ?? projectFile(p.id, 'charter'), text: p.id, key: p.id, near: quote(p.id) }));
  const project = graph.projects.get(record.project ?? '');
  const holder: Partial<Record<Target, ContentRecord | undefined>> = {
    stakeholder: project?.stakeholders, workstream: project?.charter, regulation: project?.charter, milestone: project?.plan, 'budget-line': project?.plan,
  };
  if (target === 'project-record') return (project?.records ?? []).map((r) => ({ file: r.file, text: projectPath(r), key: projectPath(r), near: quote(projectPath(r)) }));
  const file = holder[target]?.file;
  return file ? [...projectIds(project, target, graph)].map((id) => ({ file, text: id, key: id, near: quote(id) })) : [];
}
