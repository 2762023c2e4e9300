// Interfaces of the systems catalogue as one shape, and the machine-readable specification an
// interface's contract may reference. A system lists an interface as the other end's id or as an object
// with an id, a protocol and a contract; rules and the site read them through `systemInterfaces`. A
// contract's `spec:` is an OpenAPI file inside the content folder: it is read with the same bounds as
// content (size, encoding, YAML depth, no links followed), every `$ref` must point inside the file (an
// external one, above all a web address, is refused and never fetched), and it is validated with
// @readme/openapi-parser with its resolver switched off for files and the network.
import type { ParserOptions } from '@readme/openapi-parser';
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, posix, resolve, sep } from 'node:path';
import { graphUpdateOf } from './graph.ts';
import type { RecordGraph } from './graph.ts';
import { recordTypeOf } from './identity.ts';
import type { InterfaceContract, System } from './schemas.ts';
import { parseSource, readSource } from './source.ts';

export interface SystemInterface {
  /** The interface's id: as written, else the other end's id. */
  id: string;
  /** The providing system: the record that lists the interface. */
  provider: string;
  /** The system at the other end. */
  system: string;
  protocol?: string;
  description?: string;
  contract?: InterfaceContract;
  /** Its index in the provider's `interfaces`, for locating findings. */
  index: number;
}

/** The interfaces a system declares, in order, each with its id. */
export function systemInterfaces(provider: string, data: Pick<System, 'interfaces'>): SystemInterface[] {
  return data.interfaces.map((i, index) =>
    typeof i === 'string'
      ? { id: i, provider, system: i, index }
      : { id: i.id ?? i.system, provider, system: i.system, protocol: i.protocol, description: i.description, contract: i.contract, index },
  );
}

/** Every interface the catalogue declares between `a` and `b`, from either end. */
export function interfacesBetween(graph: RecordGraph, a: string, b: string): SystemInterface[] {
  const of = (from: string, to: string) => {
    const data = graph.systems.get(from)?.data;
    return data ? systemInterfaces(from, data).filter((i) => i.system === to) : [];
  };
  return [...of(a, b), ...of(b, a)];
}

/** The data classes that make an interface's data personal. */
export const PERSONAL_DATA = new Set(['personal', 'special-category']);

// ── Specifications ───────────────────────────────────────────────────────────────────────────────

export interface SpecOperation {
  method: string;
  path: string;
  summary?: string;
}

export interface SpecResult {
  /** Content-relative path of the spec file. */
  file: string;
  /** Why the spec is not usable, one message each; empty when it is valid. */
  problems: string[];
  title?: string;
  version?: string;
  operations: SpecOperation[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * The content-relative path a `spec:` of the record `recordFile` names, or why it names none: the path
 * is relative to the record and must stay inside the content folder.
 */
export function specFile(recordFile: string, spec: string): { file: string } | { problem: string } {
  const file = posix.normalize(posix.join(posix.dirname(recordFile), spec));
  if (file.startsWith('../') || file === '..' || posix.isAbsolute(spec)) return { problem: 'points outside the content folder; keep the specification beside the record, for example in specs/' };
  return { file };
}

/** Each `$ref` in `value` that does not point inside the same document (`#/…`), with the JSON path where it stands. */
function externalRefs(value: unknown, path: string[] = [], out: { ref: string; at: string }[] = []): { ref: string; at: string }[] {
  if (Array.isArray(value)) value.forEach((v, i) => externalRefs(v, [...path, String(i)], out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      // The place as a JSON pointer (RFC 6901): `~` and `/` in a key are escaped.
      if (key === '$ref' && typeof v === 'string' && !v.startsWith('#')) out.push({ ref: v, at: `/${path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` });
      else externalRefs(v, [...path, key], out);
    }
  }
  return out;
}

/** Options that keep the parser to the document it is given: no files, no network. */
const OFFLINE: ParserOptions = { resolve: { external: false, file: false }, timeoutMs: 5000 };

/**
 * Reads and validates the OpenAPI file `file` (content-relative) under `root`, and lists its
 * operations. Never fetches anything: a `$ref` outside the document is a problem, not a download.
 */
export async function loadSpec(root: string, file: string): Promise<SpecResult> {
  const result: SpecResult = { file, problems: [], operations: [] };
  // JSON is YAML: a .json spec is parsed by the same bounded YAML reader as content.
  try {
    lstatSync(resolve(root, file));
  } catch {
    result.problems.push('does not exist in the content folder: correct the path (relative to this record) or add the file');
    return result;
  }
  // A linked folder on the way could lead out of the content folder: the file's folder, links
  // resolved, must still be inside it (the file itself, if a link, is refused by readSource).
  const base = realpathSync(root);
  const folder = realpathSync(dirname(resolve(root, file)));
  if (folder !== base && !folder.startsWith(`${base}${sep}`)) {
    result.problems.push('lies in a linked folder that leads outside the content folder; Seam does not follow links: move the file into the content folder');
    return result;
  }
  const read = readSource(resolve(root, file), file);
  const source = /\.json$/i.test(file) && !read.problems.length ? parseSource(read.text, file.replace(/\.json$/i, '.yaml')) : read;
  if (source.problems.length) {
    result.problems.push(...source.problems.map((p) => `cannot be read: ${p.message} (line ${p.line})`));
    return result;
  }
  const api = source.data;
  if (!api || typeof api !== 'object' || Array.isArray(api)) {
    result.problems.push('is not an OpenAPI document (expected a mapping with "openapi", "info" and "paths")');
    return result;
  }
  const doc = api as Record<string, unknown>;
  for (const { ref, at } of externalRefs(doc)) result.problems.push(`has a $ref to ${JSON.stringify(ref.slice(0, 80))} at ${at}, outside the file; Seam reads one local file and fetches nothing: copy what it refers to under "components" and point at it with "#/components/…"`);
  if (result.problems.length) return result;
  const info = doc.info as { title?: unknown; version?: unknown } | undefined;
  if (typeof info?.title === 'string') result.title = info.title;
  if (typeof info?.version === 'string' || typeof info?.version === 'number') result.version = String(info.version);
  result.problems.push(...(await validationProblems(source.text, doc)));
  const paths = doc.paths && typeof doc.paths === 'object' ? (doc.paths as Record<string, unknown>) : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!item || typeof item !== 'object') continue;
    for (const method of METHODS) {
      const op = (item as Record<string, unknown>)[method] as { summary?: unknown } | undefined;
      if (!op || typeof op !== 'object') continue;
      result.operations.push({ method: method.toUpperCase(), path, ...(typeof op.summary === 'string' ? { summary: op.summary } : {}) });
    }
  }
  return result;
}

// Validation problems by the spec's text: validating compiles the OpenAPI schema each time (hundreds of
// milliseconds), and an editor loads the specs again for every keystroke's graph. Bounded, oldest out.
const validated = new Map<string, Promise<string[]>>();
const MAX_VALIDATED = 64;

/** What validating the OpenAPI document `doc`, read from `text`, finds wrong: the same for the same text. */
function validationProblems(text: string, doc: Record<string, unknown>): Promise<string[]> {
  let problems = validated.get(text);
  if (!problems) {
    problems = (async () => {
      try {
        // The parser dereferences in place: it gets a copy, the operations are read from the original.
        // The validator (ajv and its schemas) is loaded when a specification is first read, not at start-up.
        const { validate } = await import('@readme/openapi-parser');
        const outcome = await validate(structuredClone(doc) as never, OFFLINE);
        return outcome.valid ? [] : outcome.errors.map((error) => `is not valid OpenAPI: ${error.message.split('\n')[0]!.trim()}`);
      } catch (error) {
        return [`is not valid OpenAPI: ${String((error as Error).message ?? error).split('\n')[0]}`];
      }
    })();
    validated.set(text, problems);
    for (const key of validated.keys()) {
      if (validated.size <= MAX_VALIDATED) break;
      validated.delete(key);
    }
  }
  return problems;
}

// Kept per catalogue of systems, which a graph shares with the views of it that a run prepares a part
// of (the lint cache, --changed: src/lint/affected.ts `preparedView`), so that checking with the whole
// graph finds what preparing the view loaded.
const byCatalogue = new WeakMap<RecordGraph['systems'], Map<string, SpecResult>>();

/** Loads the spec of every contract in the catalogue entries among the graph's records (each file once). */
export async function prepareSpecs(graph: RecordGraph): Promise<void> {
  // A graph updated from another (an editor's keystroke) has the other's specs, unless a system or a
  // spec file was among the changed files.
  const update = graphUpdateOf(graph);
  const before = update && byCatalogue.get(update.base.systems);
  if (before && update.changed.every((file) => !before.has(file) && recordTypeOf(file)?.name !== 'systems')) {
    byCatalogue.set(graph.systems, before);
    return;
  }
  const specs = new Map<string, SpecResult>();
  const records = new Set(graph.records);
  for (const record of graph.systems.values()) {
    if (!record.data || !records.has(record)) continue;
    for (const i of systemInterfaces(record.id, record.data)) {
      if (!i.contract?.spec) continue;
      const where = specFile(record.file, i.contract.spec);
      if ('file' in where && !specs.has(where.file)) specs.set(where.file, await loadSpec(graph.root, where.file));
    }
  }
  byCatalogue.set(graph.systems, specs);
}

/** The loaded spec `file` (content-relative), after `prepareSpecs`. */
export function specOf(graph: RecordGraph, file: string): SpecResult | undefined {
  return byCatalogue.get(graph.systems)?.get(file);
}
