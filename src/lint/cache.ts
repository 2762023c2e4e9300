// The persistent lint cache (`seam lint --cache`): each file's findings, stored with a key made of
// everything they can depend on, so that a re-lint checks only the files whose key changed and reports
// exactly what checking every file would. The key is
// - the engine's: Seam's version and a digest of its rules and engine sources, the rules' settings and
//   options (overrides too), the digest of each plugin file, the configuration, the reference date,
//   the content root and working directory;
// - the file's own bytes;
// - the digest of every part of the content the file's findings can read (src/lint/affected.ts: its
//   project, the projects it names and that name it, everything outside projects/).
// It also keeps what does not depend on the settings, under a key of Seam's version and sources and
// Mermaid's version alone (the "input key"), so that a warm run neither parses nor validates an
// unchanged file's frontmatter nor loads Mermaid for an unchanged diagram:
// - each content file's parse and record (its YAML data, what its schema made of it and the problems
//   found reading it: src/model/graph.ts `FileInput`), keyed by the digest of its text; the YAML is
//   parsed again only when a finding in that file needs a position in it, so positions stay exact;
// - the analysis of each Mermaid diagram (whether it parses, what an architecture diagram draws), by
//   its source text, for the files whose diagrams a run prepared.
// - which project ids each content file's text names (for the dependency digests), by the digest of its
//   text and of the set of project ids.
// A cache file that does not parse, has the wrong shape, or was written under another engine key is
// ignored with a one-line notice (never trusted) and rewritten, atomically, after the run (its inputs
// are kept when only the settings differ). An input entry that does not decode is not used.
// A read-only cache (the site build's: `LintCacheOptions.readOnly`) is read the same way but never
// written, so builds of other content from the same repository cannot fight over it or clobber the
// CLI's: what does not match is checked afresh and forgotten.
// The site build's safety check (unsafe MDX, secrets) never reads a cache: the engine takes a cache
// only from `seam lint` and the site's lint state (read-only; .dependency-cruiser.mjs keeps the safety
// check from importing this module), and refuses one for a run that ignores disable comments, which is
// that check.
// Its Mermaid checks (src/site) are the site's own and read no cache either.
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import writeFileAtomic from 'write-file-atomic';
import type { FileInput, GraphInputs } from '../model/graph.ts';
import { analyseDiagram, mermaidVersion, rememberAnalyses } from '../model/mermaid.ts';
import type { DiagramAnalysis } from '../model/mermaid.ts';
import { diagramsOf } from '../rule-kit/diagrams.ts';
import { compareFindings } from '../rule-kit/finding.ts';
import type { Finding } from '../rule-kit/finding.ts';
import { fileDependencies, preparedView } from './affected.ts';
import { checkFiles, prepareRules, selectFiles } from './engine.ts';
import type { LintOptions } from './engine.ts';
import { seamVersion } from './version.ts';

/** Bumped when the cache file's or the inputs file's layout changes. */
const FORMAT = 2;

/** The default cache file, ESLint-style, under the repository's `node_modules/.cache/`. */
const DEFAULT_CACHE_FILE = 'node_modules/.cache/seam/lint-cache.json';
const CACHE_FILE_NAME = 'lint-cache.json';

interface CacheFile {
  format: number;
  engine: string;
  files: Record<string, { key: string; findings: Finding[] }>;
}

/**
 * The inputs file beside the cache file (`<cache file>.inputs`): the line `INPUTS_MAGIC`, the length of
 * the header (4 bytes, big-endian), the header (V8-serialised) and the blob of every stored read, one
 * after the other, as they are (one buffer reads and writes much faster than many, and a blob outside
 * the header is neither copied nor walked when the file is read). V8's serialisation keeps any YAML
 * data exactly (-0, infinities, shared aliases).
 */
interface InputsFile {
  format: number;
  /** The input key its entries were written under. */
  key: string;
  /**
   * Per content file: the digest of its text, and where in `blob` what reading it gave is — from `start`
   * to `mid` the `FileInput` without its YAML data, from `mid` to `end` that data, each V8-serialised.
   * A warm run needs the data of few files (the validated record is in the first part), so it is
   * decoded only when asked for.
   */
  sources: [file: string, digest: string, start: number, mid: number, end: number, named?: string][];
  /**
   * The digest of the project ids (`projectsKey`) the entries' `named` were read against: each is the
   * project ids the file's text names (src/lint/affected.ts `fileDependencies`), joined with `/` (which no
   * folder name holds), so that a warm run need not read every text for them. An entry's `named` counts
   * only while the project ids are the same; one that is not a string is ignored.
   */
  projects?: string;
  /** The serialised inputs, one after the other. */
  blob: Uint8Array;
  /** Per content file: its diagrams' analyses, by source text. */
  diagrams: [file: string, [string, DiagramAnalysis][]][];
}

const INPUTS_MAGIC_PREFIX = 'seam lint inputs ';
const INPUTS_MAGIC = Buffer.from(`${INPUTS_MAGIC_PREFIX}${FORMAT}\n`);

/**
 * One file's stored read: the digest of its text, its `FileInput` without the YAML data, and that data
 * (each V8-serialised); and, when known, the project ids its text names, read against the project ids
 * whose digest is `named.projects`.
 */
interface StoredInput {
  digest: string;
  head: Uint8Array;
  data: Uint8Array;
  named?: { projects: string; list: string };
}

export interface CacheStats {
  /** Files whose findings came from the cache. */
  reused: number;
  /** Files checked. */
  checked: number;
}

/**
 * Where the cache lives for `--cache-location PATH`: a folder (an existing one, or a path ending in a
 * slash) holds `lint-cache.json`; anything else is the file itself. Relative to `cwd`.
 */
export function cacheFile(cwd: string, location: string | undefined, repoRoot: string): string {
  if (location === undefined) return resolve(repoRoot, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  if (/[\\/]$/.test(location) || isFolder(path)) return join(path, CACHE_FILE_NAME);
  return path;
}

function isFolder(path: string): boolean {
  try {
    return readdirSync(path) !== undefined;
  } catch {
    return false;
  }
}

export interface LintCacheOptions {
  /** Read the cache, never write it or its inputs file (the site build: see the module comment). */
  readOnly?: boolean;
  /**
   * Seam's own folder (its package.json, src/ and rules/), whose version and sources are part of the
   * key: by default the one this module is in. The site build runs this module bundled elsewhere, and
   * names the folder it is built from.
   */
  seamFolder?: string;
}

/** The lint cache of one run: its checker for the engine, and the graph inputs it knows. */
export interface LintCache {
  /** For `LintOptions.checker`. */
  checker: NonNullable<LintOptions['checker']>;
  /** For `LintOptions.graphInputs`. */
  graphInputs: GraphInputs;
}

/**
 * The cache at `file` for one run (`LintOptions.checker` and `LintOptions.graphInputs`), read once, when
 * first needed. `notice` receives the one-line reason a cache file was ignored.
 */
export function lintCache(file: string, notice: (line: string) => void, stats?: CacheStats, { readOnly = false, seamFolder }: LintCacheOptions = {}): LintCache {
  const sidecar = inputsFileOf(file);
  // What a notice says happens next: a read-only cache is not rewritten.
  const rewriting = readOnly ? '' : ' and rewriting it';
  let loaded: CacheFile | undefined | null = null;
  const load = () => (loaded === null ? (loaded = readCache(file, notice, rewriting)) : loaded);
  let loadedInputs: { sources: Map<string, StoredInput>; diagrams: Map<string, [string, DiagramAnalysis][]> } | undefined | null = null;
  /** The stored inputs written under this input key (nothing from another Seam or Mermaid). */
  const storedInputs = () => {
    if (loadedInputs !== null) return loadedInputs;
    const read = readInputs(sidecar, notice, rewriting);
    const projects = typeof read?.projects === 'string' ? read.projects : undefined;
    loadedInputs = read && read.key === inputKey(seamFolder)
      ? {
        sources: new Map(read.sources.map(([f, digest, start, mid, end, named]) => [f, {
          digest, head: read.blob.subarray(start, mid), data: read.blob.subarray(mid, end),
          ...(projects !== undefined && typeof named === 'string' ? { named: { projects, list: named } } : {}),
        }])),
        diagrams: new Map(read.diagrams),
      }
      : undefined;
    return loadedInputs;
  };
  // What this run read of each file: kept from the cache, or read afresh (then serialised for the next run).
  const sources = new Map<string, StoredInput>();
  let sourcesChanged = false;
  // Whether a kept entry learnt which projects its text names (the inputs file is then written again).
  let namedChanged = false;
  // The digest of each text this run read, for the dependency digests (each file is hashed once).
  const digests = new Map<string, { text: string; digest: string }>();
  const digestOf = (f: string, text: string) => {
    const digest = sha(text);
    digests.set(f, { text, digest });
    return digest;
  };

  const graphInputs: GraphInputs = {
    get(f, text) {
      const entry = storedInputs()?.sources.get(f);
      if (!entry || entry.digest !== digestOf(f, text)) return undefined;
      // An entry whose YAML data does not decode is not kept: the next run reads the file afresh and stores it again.
      const input = decodeInput(entry, () => {
        if (sources.get(f) === entry) {
          sources.delete(f);
          sourcesChanged = true;
        }
      });
      if (input && !readOnly) sources.set(f, entry);
      return input;
    },
    set(f, text, input) {
      if (readOnly) return;
      // Serialised now, as read: a rule that later changed the data in place could not change what is kept.
      const { parsed: { data, ...parsed }, ...rest } = input;
      sources.set(f, { digest: digests.get(f)?.text === text ? digests.get(f)!.digest : digestOf(f, text), head: serialize({ ...rest, parsed }), data: serialize(data) });
      sourcesChanged = true;
    },
  };

  const checker: LintCache['checker'] = async (graph, options) => {
    if (options.ignoreDirectives) throw new Error('The lint cache is never used by a check that ignores disable comments (the site build\'s safety check).');
    const engine = engineKey(options, seamFolder);
    const read = load();
    const inputs = storedInputs();
    const foreign = read !== undefined && (read.format !== FORMAT || read.engine !== engine);
    if (foreign) notice(`seam: ignoring the lint cache ${file}: it was written by another Seam version or with other settings (rules, configuration, content folder or date); checking every file${rewriting}.`);
    const stored = foreign ? undefined : read;
    const textDigest = (f: string, text: string) => (digests.get(f)?.text === text ? digests.get(f)!.digest : undefined);
    // The project ids each text names, kept by its digest while the project ids are the same.
    let projectsKey: string | undefined;
    const namedIn = (f: string, text: string, find: (text: string) => Set<string>, projects: readonly string[]) => {
      projectsKey ??= sha(projects.join('/'));
      const digest = textDigest(f, text);
      const entry = digest === undefined ? undefined : (sources.get(f) ?? inputs?.sources.get(f));
      if (!entry || entry.digest !== digest) return find(text);
      if (entry.named?.projects === projectsKey) return new Set(entry.named.list ? entry.named.list.split('/') : []);
      const found = find(text);
      if (!readOnly && sources.get(f) === entry) {
        entry.named = { projects: projectsKey, list: [...found].join('/') };
        namedChanged = true;
      }
      return found;
    };
    const deps = fileDependencies(graph, { settings: options.settings, ignore: [file, sidecar], textDigest, namedIn });
    const engineUnits = new Map<string, string>();
    const keyOf = (f: string) => {
      const parts = [engine, f, deps.hashOf(f)];
      for (const unit of deps.unitsOf(f)) {
        let digest = engineUnits.get(unit);
        if (digest === undefined) engineUnits.set(unit, (digest = deps.digestOf(unit)));
        parts.push(`${unit}=${digest}`);
      }
      return sha(parts.join('\n'));
    };

    const selected = selectFiles(graph, options);
    const keys = new Map(selected.map((f) => [f, keyOf(f)]));
    const findingsOf = new Map<string, Finding[]>();
    const misses: string[] = [];
    for (const f of selected) {
      const entry = stored && Object.hasOwn(stored.files, f) ? stored.files[f] : undefined;
      if (entry && entry.key === keys.get(f)) findingsOf.set(f, entry.findings);
      else misses.push(f);
    }
    const present = new Set(graph.files);
    const diagrams = new Map<string, [string, DiagramAnalysis][]>();
    for (const [f, list] of inputs?.diagrams ?? []) if (present.has(f)) diagrams.set(f, list);
    let diagramsChanged = false;
    if (misses.length) {
      // Diagrams analysed by an earlier run under the same Mermaid are taken as they were: Mermaid is
      // loaded only for a diagram whose text it has not seen.
      rememberAnalyses([...diagrams.values()].flat());
      const view = preparedView(graph, misses);
      await prepareRules(view, options);
      const display = new Map(misses.map((f) => [relative(options.cwd, resolve(options.root, f)).split(sep).join('/'), f]));
      for (const f of misses) findingsOf.set(f, []);
      for (const finding of checkFiles(graph, options, misses)) {
        const f = display.get(finding.file);
        if (f === undefined) throw new Error(`A finding for ${finding.file}, which was not checked.`);
        findingsOf.get(f)!.push(finding);
      }
      // The analyses of the diagrams this run prepared (each analysed once this process: no new parse).
      for (const record of readOnly ? [] : view.records) {
        const list: [string, DiagramAnalysis][] = [];
        for (const diagram of diagramsOf(graph, record.file)) list.push([diagram.node.value, await analyseDiagram(diagram.node.value)]);
        if (JSON.stringify(list) !== JSON.stringify(diagrams.get(record.file) ?? [])) diagramsChanged = true;
        diagrams.set(record.file, list);
      }
    }
    if (stats) {
      stats.reused += selected.length - misses.length;
      stats.checked += misses.length;
    }
    const findings = () => selected.flatMap((f) => findingsOf.get(f)!).sort(compareFindings);
    if (readOnly) return findings();

    // Entries of files this run did not select stay while the file exists: a later run may select them.
    const files: CacheFile['files'] = Object.create(null) as CacheFile['files'];
    let dropped = false;
    for (const [f, entry] of Object.entries(stored?.files ?? {})) {
      if (present.has(f) && !keys.has(f)) files[f] = entry;
      else if (!present.has(f)) dropped = true;
    }
    for (const f of selected) files[f] = { key: keys.get(f)!, findings: findingsOf.get(f)! };
    if (!stored || misses.length || dropped) {
      try {
        await writeCache(file, { format: FORMAT, engine, files });
      } catch (error) {
        notice(`seam: could not write the lint cache ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the findings are right, but the next run checks every file again.`);
      }
    }
    const inputsDropped = [...inputs?.sources.keys() ?? []].some((f) => !sources.has(f)) || [...inputs?.diagrams.keys() ?? []].some((f) => !present.has(f));
    if (!inputs || sourcesChanged || inputsDropped || diagramsChanged || namedChanged) {
      const entries = [...sources].sort(([a], [b]) => (a < b ? -1 : 1));
      let offset = 0;
      const header: Omit<InputsFile, 'blob'> = {
        format: FORMAT, key: inputKey(seamFolder),
        sources: entries.map(([f, { digest, head, data, named }]) => {
          const start = offset;
          const mid = (offset += head.length);
          const end = (offset += data.length);
          return named !== undefined && named.projects === projectsKey ? [f, digest, start, mid, end, named.list] : [f, digest, start, mid, end];
        }),
        ...(projectsKey !== undefined ? { projects: projectsKey } : {}),
        // A file without diagrams is left out: a missing list reads as an empty one (most files have none).
        diagrams: [...diagrams].filter(([, list]) => list.length).sort(([a], [b]) => (a < b ? -1 : 1)),
      };
      try {
        mkdirSync(dirname(sidecar), { recursive: true });
        writeAtomically(sidecar, encodeInputs(header, adjoined(entries.flatMap(([, { head, data }]) => [head, data]))));
      } catch (error) {
        notice(`seam: could not write the lint cache's inputs ${sidecar} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the findings are right, but the next run reads every file afresh.`);
      }
    }
    return findings();
  };
  return { checker, graphInputs };
}

/** The cache's checker alone (the engine then reads every file afresh): see `lintCache`. */
export function cachedChecker(file: string, notice: (line: string) => void, stats?: CacheStats): NonNullable<LintOptions['checker']> {
  return lintCache(file, notice, stats).checker;
}

/** Where the inputs of the cache file `file` are kept. */
function inputsFileOf(file: string): string {
  return `${file}.inputs`;
}

/**
 * The same bytes in fewer pieces: pieces that follow each other in one buffer (the entries kept from the
 * file read, in the same order) become one view, so an unchanged file is copied in a few large pieces,
 * not one per entry.
 */
function adjoined(pieces: Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (last && last.buffer === piece.buffer && last.byteOffset + last.length === piece.byteOffset) out[out.length - 1] = new Uint8Array(last.buffer, last.byteOffset, last.length + piece.length);
    else out.push(piece);
  }
  return out;
}

/** The bytes of an inputs file (see `InputsFile`) in pieces: its header, then the blob's pieces as they are. */
function encodeInputs(header: Omit<InputsFile, 'blob'>, blob: Uint8Array[]): Uint8Array[] {
  const head = serialize({ ...header, blobLength: blob.reduce((sum, piece) => sum + piece.length, 0) });
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length);
  return [INPUTS_MAGIC, length, head, ...blob];
}

/**
 * Writes `pieces` to `file` whole or not at all — to a temporary file beside it, flushed, then renamed
 * over it, as write-file-atomic does — without first joining them into one buffer: the inputs file runs
 * to tens of MB (47 MB at 1,000 projects), and filling a fresh buffer that size cost half a second of a
 * warm run, more than writing it.
 */
function writeAtomically(file: string, pieces: readonly Uint8Array[]): void {
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx');
    for (const piece of pieces) {
      for (let at = 0; at < piece.length;) at += writeSync(fd, piece, at);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The inputs file at `file` when it is one Seam wrote in this format; otherwise undefined, with a notice when it is corrupt. */
function readInputs(file: string, notice: (line: string) => void, rewriting: string): InputsFile | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    bytes = Buffer.alloc(0);
  }
  // Another format's file (or the V8-serialised layout before format 2, which starts with V8's version tag 0xff) is another Seam's: not used, no notice.
  if ((bytes.subarray(0, INPUTS_MAGIC_PREFIX.length).toString('latin1') === INPUTS_MAGIC_PREFIX && !bytes.subarray(0, INPUTS_MAGIC.length).equals(INPUTS_MAGIC)) || bytes[0] === 0xff) return undefined;
  let value: unknown;
  try {
    const length = bytes.readUInt32BE(INPUTS_MAGIC.length);
    const start = INPUTS_MAGIC.length + 4;
    if (!bytes.subarray(0, INPUTS_MAGIC.length).equals(INPUTS_MAGIC) || start + length > bytes.length) throw new Error('truncated');
    const header = deserialize(bytes.subarray(start, start + length)) as unknown;
    const blob = bytes.subarray(start + length);
    value = isObject(header) && header.blobLength === blob.length ? { ...header, blob } : undefined;
  } catch {
    value = undefined;
  }
  if (!isInputsFile(value)) {
    notice(`seam: ignoring the lint cache's inputs ${file}: it is corrupt or truncated; reading every file afresh${rewriting}.`);
    return undefined;
  }
  return value;
}

function isInputsFile(value: unknown): value is InputsFile {
  if (!isObject(value) || value.format !== FORMAT || typeof value.key !== 'string' || !Array.isArray(value.sources) || !(value.blob instanceof Uint8Array) || !Array.isArray(value.diagrams)) return false;
  const size = value.blob.length;
  if (!value.sources.every((e) => Array.isArray(e) && (e.length === 5 || e.length === 6) && typeof e[0] === 'string' && typeof e[1] === 'string' && Number.isInteger(e[2]) && Number.isInteger(e[3]) && Number.isInteger(e[4]) && e[2] >= 0 && e[2] <= e[3] && e[3] <= e[4] && e[4] <= size)) return false;
  return value.diagrams.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && Array.isArray(e[1])
    && e[1].every((pair: unknown) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && isAnalysis(pair[1])));
}

/**
 * A stored `FileInput`, or undefined when the entry does not decode to one (never trusted). Its YAML
 * data is decoded when first read; data that does not decode throws there, and the source then parses
 * its text again (src/model/source.ts `restoreSource`).
 */
function decodeInput({ head, data }: StoredInput, broken: () => void): FileInput | undefined {
  let value: unknown;
  try {
    value = deserialize(head);
  } catch {
    return undefined;
  }
  if (!isFileInput(value)) return undefined;
  let decoded: { value: unknown } | undefined;
  Object.defineProperty(value.parsed, 'data', {
    enumerable: true,
    get: () => {
      try {
        return (decoded ??= { value: deserialize(data) }).value;
      } catch (error) {
        broken();
        throw error;
      }
    },
  });
  return value;
}

function isFileInput(value: unknown): value is FileInput {
  if (!isObject(value) || !isObject(value.parsed)) return false;
  const { parsed, record } = value;
  const problems = (list: unknown) => Array.isArray(list) && list.every((p) => isObject(p) && typeof p.file === 'string' && Number.isInteger(p.line) && Number.isInteger(p.column) && typeof p.code === 'string' && typeof p.message === 'string');
  if (!problems(parsed.problems) || !Number.isInteger(parsed.yamlOffset) || !Number.isInteger(parsed.bodyOffset) || typeof parsed.hasFrontmatter !== 'boolean') return false;
  return record === undefined || (isObject(record) && typeof record.classification === 'string' && typeof record.title === 'string' && problems(record.problems));
}

/** The cache file at `file` when it is one Seam wrote; otherwise undefined, with a notice unless there is none. */
function readCache(file: string, notice: (line: string) => void, rewriting: string): CacheFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    notice(`seam: ignoring the lint cache ${file}: it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); checking every file.`);
    return undefined;
  }
  let parsed: unknown;
  try {
    // A reviver costs a call for every value of every finding: it is passed only when a tagged number can be there.
    parsed = JSON.parse(text, text.includes(NUMBER_TAG) ? revive : undefined);
  } catch {
    parsed = undefined;
  }
  if (!isCacheFile(parsed)) {
    notice(`seam: ignoring the lint cache ${file}: it is corrupt or truncated; checking every file${rewriting}.`);
    return undefined;
  }
  return parsed;
}

function isCacheFile(value: unknown): value is CacheFile {
  if (!isObject(value) || typeof value.format !== 'number' || typeof value.engine !== 'string' || !isObject(value.files)) return false;
  return Object.values(value.files).every((entry) => isObject(entry) && typeof entry.key === 'string' && Array.isArray(entry.findings) && entry.findings.every(isFinding));
}

/** The shape of a stored `DiagramAnalysis` (src/model/mermaid.ts). */
function isAnalysis(value: unknown): value is DiagramAnalysis {
  if (!isObject(value) || !isObject(value.parse)) return false;
  const { parse, architecture } = value;
  const at = (v: Record<string, unknown>) => Number.isInteger(v.line) && Number.isInteger(v.column);
  const parsed = parse.ok === true ? typeof parse.type === 'string' : parse.ok === false && typeof parse.message === 'string' && at(parse);
  if (!parsed) return false;
  if (architecture === undefined) return true;
  return isObject(architecture) && Array.isArray(architecture.nodes) && Array.isArray(architecture.edges)
    && architecture.nodes.every((n) => isObject(n) && typeof n.id === 'string' && Array.isArray(n.classes) && typeof n.system === 'boolean' && at(n))
    && architecture.edges.every((e) => isObject(e) && typeof e.from === 'string' && typeof e.to === 'string' && at(e));
}

function isFinding(value: unknown): boolean {
  return isObject(value) && typeof value.ruleId === 'string' && (value.severity === 'error' || value.severity === 'warning') && typeof value.file === 'string'
    && Number.isInteger(value.line) && Number.isInteger(value.column) && typeof value.message === 'string'
    && (value.parts === undefined || Array.isArray(value.parts)) && (value.fix === undefined || Array.isArray(value.fix));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function writeCache(file: string, cache: CacheFile): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  // A replacer costs a call for every value: it is passed only when a number JSON cannot write is there.
  await writeFileAtomic(file, JSON.stringify(cache, Object.values(cache.files).some(({ findings }) => findings.some(hasOddNumber)) ? keep : undefined));
}

/** Whether a number JSON cannot write (an infinity, NaN) is anywhere in `value`. */
function hasOddNumber(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(hasOddNumber);
  for (const key in value) if (hasOddNumber((value as Record<string, unknown>)[key])) return true;
  return false;
}

// Findings are data, but a suggestion may list "all" candidates (`max: Infinity`), which JSON cannot
// write: such numbers are stored as tagged strings and read back as they were.
const keep = (_: string, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? { $number: String(value) } : value);
/** The key `keep` tags numbers with, as it appears in the JSON text. */
const NUMBER_TAG = '"$number"';
const revive = (_: string, value: unknown) => (isObject(value) && typeof value.$number === 'string' && Object.keys(value).length === 1 ? Number(value.$number) : value);

const sha = (text: string) => createHash('sha256').update(text).digest('base64url');

/** Everything besides the content that findings depend on: see the module comment. */
function engineKey(options: LintOptions, seamFolder: string | undefined): string {
  const settings = options.settings.map(({ rule, severity, options: o, overrides }) => [rule.meta.id, severity, o, overrides ?? []]);
  // A plugin's rules are code outside Seam's sources: its file's digest stands for them.
  const plugins = (options.plugins ?? []).map(({ file, digest }) => [file, digest]);
  return sha(JSON.stringify([FORMAT, ...seamOf(seamFolder), mermaidVersion(), settings, plugins, options.config, options.today, options.root, options.cwd], keep));
}

/** What the cached inputs (each file's parse and record, each diagram's analysis) depend on besides the content. */
function inputKey(seamFolder: string | undefined): string {
  return sha(JSON.stringify([FORMAT, ...seamOf(seamFolder), mermaidVersion()]));
}

/** Seam's version and the digest of its sources: this module's Seam's, or those in `folder` (see `LintCacheOptions.seamFolder`). */
function seamOf(folder: string | undefined): [version: string, sources: string] {
  if (folder === undefined) return [seamVersion(), sourceDigest(fileURLToPath(new URL('../../', import.meta.url)))];
  let version: unknown;
  try {
    version = (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version?: unknown }).version;
  } catch {
    // no Seam there: a key no cache was written under
  }
  return [typeof version === 'string' ? version : '', sourceDigest(folder)];
}

const sourceDigests = new Map<string, string>();

/**
 * A digest of the engine's and the rules' sources (src/model, src/rule-kit, src/lint, rules): a
 * changed rule invalidates the cache even where the version number has not moved (a checkout). The lock
 * file is part of it: the parsers (yaml, micromark, zod) decide what a file's parse and record are.
 */
function sourceDigest(top: string): string {
  const known = sourceDigests.get(top);
  if (known !== undefined) return known;
  const hash = createHash('sha256');
  for (const folder of ['src/model', 'src/rule-kit', 'src/lint', 'rules']) {
    let names: string[];
    try {
      names = (readdirSync(join(top, folder), { recursive: true }) as string[]).filter((n) => /\.(ts|js|json|ya?ml|mdx?)$/.test(n)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        hash.update(`${folder}/${name}\0`).update(readFileSync(join(top, folder, name))).update('\0');
      } catch {
        // a folder named like a file: nothing to hash
      }
    }
  }
  try {
    hash.update('package-lock.json\0').update(readFileSync(join(top, 'package-lock.json'))).update('\0');
  } catch {
    // no lock file (Seam installed as a package): its dependencies' versions are the package's
  }
  const digest = hash.digest('base64url');
  sourceDigests.set(top, digest);
  return digest;
}
