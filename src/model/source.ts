// Reads one content file safely and splits it into YAML frontmatter and body, keeping offsets so
// every later problem can point at a line and column in the original file. Bad input (invalid UTF-8,
// oversized files, broken YAML) becomes a Problem, never an exception.
import { readFileSync, statSync } from 'node:fs';
import { Document, isMap, isPair, isScalar, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import { positionsIn } from './position.ts';
import type { Position, Problem } from './problem.ts';

/** Files above this size are refused: content is prose and small tables, not data dumps. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** YAML nested deeper than this is refused before validation (no record needs more than ~6). */
export const MAX_YAML_DEPTH = 32;

export interface SourceFile {
  /** Relative to the content root, forward slashes. */
  file: string;
  text: string;
  /** Parsed YAML (frontmatter, or the whole file for .yaml), or undefined if broken/absent. */
  data: unknown;
  yaml?: Document;
  /** Offset in `text` where the YAML starts. */
  yamlOffset: number;
  /** Offset in `text` where the body starts (text.length for YAML files). */
  bodyOffset: number;
  body: string;
  hasFrontmatter: boolean;
  problems: Problem[];
  /** 1-based line/column for an offset into `text`. */
  positionAt(offset: number): Position;
  /** Position of the YAML node at `path` (the key for a missing child when `key` is set). */
  locate(path: readonly PropertyKey[], options?: { key?: boolean }): Position & { endLine: number; endColumn: number };
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

export function readSource(absPath: string, file: string): SourceFile {
  const size = statSync(absPath).size;
  if (size > MAX_FILE_BYTES) {
    return emptySource(file, '', [{ file, line: 1, column: 1, code: 'file-too-large', message: `The file is ${(size / 1048576).toFixed(1)} MiB; Seam reads content files up to ${MAX_FILE_BYTES / 1048576} MiB. Split it into smaller records or move data out of the content folder.` }]);
  }
  const bytes = readFileSync(absPath);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, at));
    return emptySource(file, '', [{ file, ...positionsIn(before)(before.length), code: 'encoding', message: `The file is not valid UTF-8 (byte 0x${bytes[at]?.toString(16).padStart(2, '0')} at offset ${at}). Save it as UTF-8.` }]);
  }
  return parseSource(text, file);
}

/** Parses already-decoded text: `.yaml`/`.yml` whole-file YAML, otherwise optional frontmatter. */
export function parseSource(text: string, file: string): SourceFile {
  const isYamlFile = /\.ya?ml$/i.test(file);
  const positionAt = positionsIn(text);

  let yamlText: string | undefined;
  let yamlOffset = 0;
  let bodyOffset = 0;
  if (isYamlFile) {
    yamlText = text;
    bodyOffset = text.length;
  } else {
    const m = FRONTMATTER.exec(text);
    if (m && m.index === 0) {
      yamlText = m[1];
      yamlOffset = m[0].indexOf(m[1]);
      if (m[1] === '') yamlOffset = m[0].indexOf('\n') + 1;
      bodyOffset = m[0].length;
    }
  }

  const problems: Problem[] = [];
  let doc: Document | undefined;
  let data: unknown;
  if (yamlText !== undefined) {
    // The YAML library's own duplicate-key check compares every key with every other (quadratic in a
    // map's size): keys are checked here instead, once each, and a map is bounded in size.
    doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
    for (const error of [...doc.errors, ...doc.warnings]) {
      const at = positionAt(yamlOffset + error.pos[0]);
      problems.push({ file, ...at, code: 'yaml', message: `Broken YAML: ${tidyYamlMessage(error.message)}` });
    }
    const keyProblem = doc.errors.length ? undefined : duplicateOrExcessKeys(doc.contents as YamlNode | null);
    if (keyProblem) problems.push({ file, ...positionAt(yamlOffset + keyProblem.offset), code: 'yaml', message: keyProblem.message });
    if (!doc.errors.length && !keyProblem) {
      const depth = maxDepth(doc.contents as YamlNode | null);
      if (depth.depth > MAX_YAML_DEPTH) {
        problems.push({ file, ...positionAt(yamlOffset + (depth.offset ?? 0)), code: 'yaml', message: `The YAML is nested ${depth.depth} levels deep; Seam accepts at most ${MAX_YAML_DEPTH}. Flatten the structure.` });
      } else {
        try {
          data = doc.toJS({ maxAliasCount: 100 });
        } catch (error) {
          problems.push({ file, ...positionAt(yamlOffset), code: 'yaml', message: `Broken YAML: ${(error as Error).message.split('\n')[0]}` });
        }
      }
    }
  } else if (!isYamlFile && /^---/.test(text)) {
    problems.push({ file, line: 1, column: 1, code: 'yaml', message: 'The frontmatter is not closed: add a line with only `---` after the last field.' });
  }

  const nodeRange = (node: unknown): [number, number] | undefined => (node as { range?: [number, number, number] } | undefined)?.range?.slice(0, 2) as [number, number] | undefined;
  const locate: SourceFile['locate'] = (path, options = {}) => {
    // Walk down as far as the path exists; report the deepest node found (or its key).
    let node: unknown = doc?.contents;
    let keyNode: unknown;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
        const item = (node as { items: unknown[] }).items[Number(segment)];
        if (item === undefined) break;
        keyNode = item;
        node = isPair(item) ? item.value : item;
      } else break;
    }
    const range = (options.key && keyNode ? nodeRange(keyNode) : undefined) ?? nodeRange(node) ?? nodeRange(keyNode) ?? [0, 0];
    const start = positionAt(yamlOffset + range[0]);
    const end = positionAt(yamlOffset + Math.max(range[0], range[1]));
    return { ...start, endLine: end.line, endColumn: end.column };
  };

  return {
    file,
    text,
    data,
    yaml: doc,
    yamlOffset,
    bodyOffset,
    body: text.slice(bodyOffset),
    hasFrontmatter: yamlText !== undefined,
    problems,
    positionAt,
    locate,
  };
}

function emptySource(file: string, text: string, problems: Problem[]): SourceFile {
  const source = parseSource(text, file);
  source.problems.push(...problems);
  return source;
}

function tidyYamlMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
}

/** The most entries one YAML mapping or list may have: far above any record, far below a stall. */
export const MAX_YAML_ENTRIES = 10_000;

/** The first duplicate key, or the first mapping or list with too many entries (iterative, linear). */
function duplicateOrExcessKeys(root: YamlNode | null): { offset: number; message: string } | undefined {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object' || !('items' in node)) continue;
    const items = (node as { items: unknown[]; range?: number[] }).items;
    if (items.length > MAX_YAML_ENTRIES) {
      return { offset: (node as { range?: number[] }).range?.[0] ?? 0, message: `This ${isMap(node) ? 'mapping' : 'list'} has ${items.length} entries; Seam reads at most ${MAX_YAML_ENTRIES}, so the file was refused, not checked. Split the data into smaller records.` };
    }
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(pair.key);
        if (seen.has(key)) return { offset: (pair.key as { range?: number[] } | null)?.range?.[0] ?? 0, message: 'Broken YAML: Map keys must be unique' };
        seen.add(key);
      }
    }
    for (const item of items) stack.push(isPair(item) ? item.value : item);
  }
  return undefined;
}

function maxDepth(root: YamlNode | null): { depth: number; offset?: number } {
  // Iterative, so hostile nesting cannot overflow the stack.
  let best = { depth: 0, offset: undefined as number | undefined };
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!node || typeof node !== 'object' || !('items' in node)) continue;
    if (depth > best.depth) best = { depth, offset: (node as { range?: number[] }).range?.[0] };
    if (depth > MAX_YAML_DEPTH + 1) return best;
    for (const item of (node as { items: unknown[] }).items) stack.push([isPair(item) ? item.value : item, depth + 1]);
  }
  return best;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return 0;
}
