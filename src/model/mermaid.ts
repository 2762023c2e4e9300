// Mermaid diagrams as the linter reads them: whether a diagram parses (and if not, where and why, in
// words a person can act on), and which systems and connections an architecture diagram draws. It
// uses the real `mermaid` parser in Node: parse only, never render, never the network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MAX_DIAGRAM_CHARS, MAX_DIAGRAM_EDGES } from './bounds.ts';
import { openWindow } from './browser-window.ts';
import { explainFailure } from './mermaid-errors.ts';
import { connectionPastLimit, writtenArchitecture, writtenC4, writtenFlowchart, type Written, type WrittenEdge } from './mermaid-source.ts';
import type { Position } from './problem.ts';

/** The outcome of parsing one diagram. Positions are 1-based and relative to the diagram's source. */
export type DiagramParse =
  | {
      ok: true;
      /** Mermaid's id for the diagram type: `flowchart-v2` (also for `graph`), `sequence`, `c4`, `architecture`… */
      type: string;
    }
  /** `refused`: longer than MAX_DIAGRAM_CHARS, so neither parsed nor read any further (its message says so). */
  | { ok: false; message: string; line: number; column: number; refused?: true };

/** Parses one diagram with Mermaid. A diagram Mermaid rejects is a value with a position, not an exception. */
export async function parseDiagram(source: string): Promise<DiagramParse> {
  return (await analyseDiagram(source)).parse;
}

/** A diagram's parse and, for an architecture diagram that parsed, what it draws. */
export interface DiagramAnalysis {
  parse: DiagramParse;
  /** Set when the diagram parsed and is of a type `extractArchitecture` reads. */
  architecture?: Architecture;
}

// Analyses per diagram source: Mermaid's parser is the costliest step of a lint run (its flowchart
// database copies the whole configuration for every node), so each distinct source is parsed once —
// and once only, for both its parse and its architecture. Bounded, oldest first out.
const analyses = new Map<string, Promise<DiagramAnalysis>>();
const MAX_ANALYSES = 20_000;

/**
 * Parses one diagram once: whether it parses (as `parseDiagram`) and, for an architecture diagram, its
 * nodes and edges (as `extractArchitecture`), from a single run of Mermaid's parser. The same source
 * is analysed once per process, however many files hold it.
 */
export function analyseDiagram(source: string): Promise<DiagramAnalysis> {
  const known = analyses.get(source);
  if (known) return known;
  const analysis = analyse(source);
  if (analyses.size >= MAX_ANALYSES) analyses.delete(analyses.keys().next().value!);
  analyses.set(source, analysis);
  return analysis;
}

/**
 * Analyses made earlier by this Mermaid under this Seam (the lint cache's, src/lint/cache.ts), by source
 * text: `analyseDiagram` returns them as made, without loading Mermaid. A source already analysed in
 * this process keeps its own analysis.
 */
export function rememberAnalyses(known: Iterable<readonly [string, DiagramAnalysis]>): void {
  for (const [source, analysis] of known) {
    if (analyses.has(source)) continue;
    if (analyses.size >= MAX_ANALYSES) analyses.delete(analyses.keys().next().value!);
    analyses.set(source, Promise.resolve(analysis));
  }
}

/** The installed Mermaid's version, read from its package.json (Mermaid itself is not loaded). */
export function mermaidVersion(): string {
  return (installedVersion ??= (JSON.parse(readFileSync(MERMAID_PACKAGE, 'utf8')) as { version: string }).version);
}
let installedVersion: string | undefined;

function analyse(source: string): Promise<DiagramAnalysis> {
  if (source.length > MAX_DIAGRAM_CHARS) {
    return Promise.resolve({ parse: { ok: false, refused: true, line: 1, column: 1, message: `the diagram is ${source.length} characters long; Seam and the site read at most ${MAX_DIAGRAM_CHARS}, so it was refused, not checked. Split it into smaller diagrams` } });
  }
  return withMermaid(async (mermaid): Promise<DiagramAnalysis> => {
    const type = detectType(mermaid, source);
    const past = connectionPastLimit(source, type, MAX_DIAGRAM_EDGES);
    if (past) return { parse: { ok: false, line: past.line, column: past.column, message: tooManyConnections } };
    let diagram: { type: string; db?: unknown };
    try {
      diagram = await loadDiagram(mermaid, source, { database: (t) => ARCHITECTURE_TYPES.test(t) });
    } catch (error) {
      return { parse: { ok: false, ...explainFailure(error, source, type) } };
    }
    const parse: DiagramParse = { ok: true, type: diagram.type };
    return ARCHITECTURE_TYPES.test(diagram.type) ? { parse, architecture: readDatabase(diagram, source) } : { parse };
  });
}

const tooManyConnections = `the diagram draws more than ${MAX_DIAGRAM_EDGES} connections, and this is the first past that; Seam reads at most ${MAX_DIAGRAM_EDGES} (as many edges as Mermaid draws in a flowchart), so it was refused, not checked. Split it into smaller diagrams`;

/** Every diagram type the installed Mermaid can parse, by the ids `parseDiagram` reports. */
export function diagramTypes(): Promise<string[]> {
  // `error` and `---` are Mermaid's own placeholders, not diagrams anyone writes.
  return withMermaid(async (mermaid) =>
    mermaid.getRegisteredDiagramsMetadata().map((d) => d.id).filter((id) => id !== 'error' && id !== '---'),
  );
}

/**
 * Maps a position inside a fenced ```mermaid block's content to the position in the Markdown/MDX file.
 * `blockStartLine`/`blockStartColumn` are where the opening fence starts (mdast's `position.start`): the
 * content begins on the next line, and each content line carries the fence's indentation, which CommonMark
 * strips (a content line indented less than its fence comes out that many columns too far right).
 */
export function mapToFile(diagramPos: Position, blockStartLine: number, blockStartColumn: number): Position {
  return { line: blockStartLine + diagramPos.line, column: diagramPos.column + blockStartColumn - 1 };
}

// --- Architecture -------------------------------------------------------------------------------------------

/** A node an architecture diagram draws. Positions are where its id is first written. */
export interface DiagramNode extends Position {
  id: string;
  label?: string;
  /** What Mermaid calls it: a flowchart shape (`square`, `cylinder`…), a C4 element type, `service`, `junction`. */
  kind?: string;
  /** Flowchart classes (`:::name`, `class id name`) or C4 `$tags`. */
  classes: string[];
  /** Whether the node stands for a system; see `isSystemNode`. */
  system: boolean;
}

/** An edge an architecture diagram draws, positioned where its source id is written in the statement. */
export interface DiagramEdge extends Position {
  from: string;
  to: string;
  label?: string;
}

export interface Architecture {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** Id prefixes that mark a node as not a system: people, external parties, groupings. */
const NON_SYSTEM_PREFIXES = ['actor-', 'ext-', 'group-'];

/**
 * Whether a node stands for a system (one the handbook should describe). By convention it does not when
 * its id starts with `actor-`, `ext-` or `group-`, or it has the class `nonSystem` (`:::nonSystem`,
 * `class x nonSystem`, or C4's `$tags="nonSystem"`). C4 says it outright for people (`Person…`) and
 * external elements (`…_Ext`), and an architecture junction only joins edges.
 */
export function isSystemNode(node: { id: string; kind?: string; classes?: readonly string[] }): boolean {
  if (NON_SYSTEM_PREFIXES.some((prefix) => node.id.startsWith(prefix))) return false;
  if (node.classes?.includes('nonSystem')) return false;
  return !/^(?:person|external_|junction$)/.test(node.kind ?? '');
}

/** Diagram types `extractArchitecture` reads, by Mermaid id and by the keywords authors write. */
const ARCHITECTURE_TYPES = /^(?:flowchart(?:-v2|-elk)?|graph|swimlane(?:-beta)?|c4|C4\w+|architecture(?:-beta)?)$/;

/**
 * The nodes and edges an architecture diagram draws: a flowchart (or `graph`, `flowchart-elk`, swimlanes),
 * a C4 diagram, or an architecture-beta diagram. What is drawn comes from Mermaid's own database; where
 * it is written comes from reading the source. Subgraphs, C4 boundaries and architecture groups are
 * groupings, not nodes; `classDef`/`class`/`style`/`click`/`linkStyle` lines declare no nodes. A diagram
 * of another type, or one Mermaid rejects, draws nothing here (`parseDiagram` reports the rejection).
 */
export async function extractArchitecture(source: string, type: string): Promise<Architecture> {
  if (!ARCHITECTURE_TYPES.test(type)) return { nodes: [], edges: [] };
  return withMermaid(async (mermaid) => {
    let diagram: { type: string; db?: unknown };
    try {
      diagram = await loadDiagram(mermaid, source);
    } catch {
      return { nodes: [], edges: [] };
    }
    return readDatabase(diagram, source);
  });
}

/** What a diagram Mermaid has just parsed draws, read from its database (before the next parse resets it). */
function readDatabase(diagram: { type: string; db?: unknown }, source: string): Architecture {
  const db = diagram.db;
  if (diagram.type === 'c4') return readC4(db as C4Database, source);
  if (diagram.type === 'architecture') return readArchitecture(db as ArchitectureDatabase, source);
  if (/^(?:flowchart|swimlane)/.test(diagram.type)) return readFlowchart(db as FlowDatabase, source);
  return { nodes: [], edges: [] };
}

/** The parts of Mermaid's flowchart database read here. */
interface FlowDatabase {
  getVertices(): Map<string, { id: string; text?: string; type?: string; classes: string[] }>;
  getEdges(): { start: string; end: string; text?: string }[];
  getSubGraphs(): { id: string }[];
}

function readFlowchart(db: FlowDatabase, source: string): Architecture {
  const written = writtenFlowchart(source);
  const groups = new Set(db.getSubGraphs().map((s) => s.id));
  const nodes: DiagramNode[] = [];
  for (const vertex of db.getVertices().values()) {
    // Mermaid also makes a vertex of a subgraph an edge points at, and of an id that is only styled.
    const at = written.nodes.get(vertex.id);
    if (groups.has(vertex.id) || (!at && written.named?.has(vertex.id))) continue;
    const label = vertex.text === undefined || vertex.text === vertex.id ? undefined : decodeEntities(vertex.text);
    nodes.push(node({ id: vertex.id, label, kind: vertex.type, classes: [...vertex.classes] }, at));
  }
  const edges = placeEdges(db.getEdges().map((e) => ({ from: e.start, to: e.end, label: e.text })), written);
  return { nodes, edges };
}

/** The parts of Mermaid's C4 database read here. */
interface C4Database {
  getC4ShapeArray(): { alias: string; label?: { text?: string }; typeC4Shape?: { text?: string }; tags?: unknown }[];
  getRels(): { from: string; to: string; label?: { text?: string } }[];
}

function readC4(db: C4Database, source: string): Architecture {
  const written = writtenC4(source);
  const nodes = db.getC4ShapeArray().map((shape) => {
    const classes = typeof shape.tags === 'string' ? shape.tags.split(/[+,\s]+/).filter(Boolean) : [];
    const fields = { id: shape.alias, label: shape.label?.text || undefined, kind: shape.typeC4Shape?.text, classes };
    return node(fields, written.nodes.get(shape.alias));
  });
  const edges = placeEdges(db.getRels().map((rel) => ({ from: rel.from, to: rel.to, label: rel.label?.text })), written);
  return { nodes, edges };
}

/** The parts of Mermaid's architecture database read here. */
interface ArchitectureDatabase {
  getServices(): { id: string; title?: string }[];
  getJunctions(): { id: string }[];
  getEdges(): { lhsId: string; rhsId: string; title?: string }[];
}

function readArchitecture(db: ArchitectureDatabase, source: string): Architecture {
  const written = writtenArchitecture(source);
  const nodes = [
    ...db.getServices().map((s) => node({ id: s.id, label: s.title, kind: 'service', classes: [] }, written.nodes.get(s.id))),
    ...db.getJunctions().map((j) => node({ id: j.id, kind: 'junction', classes: [] }, written.nodes.get(j.id))),
  ].sort((a, b) => a.line - b.line || a.column - b.column);
  const edges = placeEdges(db.getEdges().map((e) => ({ from: e.lhsId, to: e.rhsId, label: e.title })), written);
  return { nodes, edges };
}

function node(fields: Omit<DiagramNode, 'line' | 'column' | 'system'>, at: Position | undefined): DiagramNode {
  const n = { ...fields, ...(at ?? { line: 1, column: 1 }) };
  if (n.label === undefined) delete n.label;
  if (n.kind === undefined) delete n.kind;
  return { ...n, system: isSystemNode(n) };
}

/**
 * Places the edges of Mermaid's database: each at the first written edge between the same ids not yet
 * claimed (databases list edges in source order; C4 merges repeats), else where its source id is.
 * One pass over each list, whatever the number of edges.
 */
function placeEdges(edges: { from: string; to: string; label?: string }[], written: Written): DiagramEdge[] {
  // Per pair of ids, its written edges last first, so `pop` claims the first unclaimed one.
  const unclaimed = new Map<string, WrittenEdge[]>();
  for (const e of written.edges.toReversed()) {
    const key = JSON.stringify([e.from, e.to]);
    const list = unclaimed.get(key);
    if (list) list.push(e);
    else unclaimed.set(key, [e]);
  }
  return edges.map(({ from, to, label }) => {
    const at = unclaimed.get(JSON.stringify([from, to]))?.pop() ?? written.nodes.get(from) ?? { line: 1, column: 1 };
    return { from, to, ...(label ? { label: decodeEntities(label) } : {}), line: at.line, column: at.column };
  });
}

/** Undoes Mermaid's entity encoding (`#quot;` is stored as `ﬂ°quot¶ß`) and the HTML entities themselves. */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (match, name: string) => named[name] ?? match)
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&(\w+);/g, (match, name: string) => named[name] ?? match);
}

// --- Loading Mermaid --------------------------------------------------------------------------------------------

type Mermaid = (typeof import('mermaid'))['default'];

let loading: Promise<Mermaid> | undefined;
let lastJob: Promise<unknown> = Promise.resolve();

/**
 * Runs `job` with Mermaid loaded, one job at a time: Mermaid keeps its config and several diagram
 * databases (C4, sequence…) in module state, so two parses must never interleave.
 */
function withMermaid<T>(job: (mermaid: Mermaid) => Promise<T>): Promise<T> {
  const result = lastJob.then(() => (loading ??= importMermaid())).then(job);
  lastJob = result.catch(() => undefined);
  return result;
}

/** Mermaid's browser build: every diagram type in one script, as a page loads it with a `<script>` tag. */
const MERMAID_BROWSER_BUILD = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
const MERMAID_PACKAGE = join(dirname(MERMAID_BROWSER_BUILD), '..', 'package.json');

/**
 * Loads Mermaid as a browser does: its browser build runs as a script in a window of its own, whose
 * globals are that window's. Parsers reach for browser globals here and there (a sequence diagram's
 * `box Purple …` checks its colour with `window.CSS` or `new Option()`, `details` looks an element up
 * in `document`, several databases copy their state with `structuredClone`), and DOMPurify binds to
 * `window` when it loads; in the window each finds what it would in a page, and the process's own
 * globals stay untouched, even while a diagram is parsed.
 */
async function importMermaid(): Promise<Mermaid> {
  const page = await openWindow();
  await page.runScript(MERMAID_BROWSER_BUILD);
  const mermaid = page.window.mermaid as Mermaid | undefined;
  if (!mermaid) throw new Error(`${MERMAID_BROWSER_BUILD} did not define window.mermaid`);
  // The window's load event must not go looking for diagrams to draw.
  mermaid.startOnLoad = false;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', logLevel: 'fatal' });
  return mermaid;
}

/** Diagrams that bring their own config: front matter or an `%%{init}%%` directive. */
const CONFIGURED = /^\s*---|%%\{/;

/**
 * Parses `source` into a Mermaid diagram with (unless `database` says no for its type) the database its parser
 * filled. `mermaidAPI.parse` rebuilds the whole config several times per call, which costs more than most
 * parses, so only a diagram that brings its own config goes through it; that config is reset afterwards
 * so it cannot leak into the next diagram.
 */
async function loadDiagram(mermaid: Mermaid, source: string, { database = (_type: string): boolean => true } = {}): Promise<{ type: string; db?: unknown }> {
  if (!CONFIGURED.test(source)) return mermaid.mermaidAPI.getDiagramFromText(source);
  try {
    const { diagramType } = await mermaid.mermaidAPI.parse(source);
    return database(diagramType) ? await mermaid.mermaidAPI.getDiagramFromText(source) : { type: diagramType };
  } finally {
    mermaid.mermaidAPI.reset();
  }
}

function detectType(mermaid: Mermaid, source: string): string | undefined {
  try {
    return mermaid.detectType(source);
  } catch {
    return undefined;
  }
}
