// Reads one content file safely and splits it into YAML frontmatter and body, keeping offsets so
// every later problem can point at a line and column in the original file. Bad input (invalid UTF-8,
// oversized files, broken YAML, a file it may not read, a link it does not follow) becomes a Problem,
// never an exception.
import { lstatSync, readFileSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { Document, isMap, isPair, isScalar, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import { MAX_FILE_BYTES, MAX_FRONTMATTER_CHARS, MAX_YAML_DEPTH, MAX_YAML_ENTRIES } from './bounds.ts';
import { positionsIn } from './position.ts';
import type { Position, Problem } from './problem.ts';

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

/**
 * One decoder for every file (a warm lint reads 16,000 at 1,000 projects): a decode without `stream`
 * starts afresh each time, after an error too, so nothing carries over from one file to the next.
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads and decodes one content file; `parse` turns its text into a SourceFile (`parseSource`, or a
 * cache's `restoreSource` for text it has parsed before).
 */
export function readSource(absPath: string, file: string, parse: (text: string, file: string) => SourceFile = parseSource): SourceFile {
  let stat: Stats;
  try {
    stat = lstatSync(absPath);
  } catch (error) {
    return emptySource(file, '', [unreadableProblem(file, error)]);
  }
  // A link is never followed (it could lead out of the content folder), and anything but a regular file
  // (a named pipe would block the read forever) is never opened.
  if (stat.isSymbolicLink()) return emptySource(file, '', [symlinkProblem(file)]);
  if (!stat.isFile()) return emptySource(file, '', [notAFileProblem(file, stat.isDirectory())]);
  const size = stat.size;
  if (size > MAX_FILE_BYTES) {
    return emptySource(file, '', [{ file, line: 1, column: 1, code: 'file-too-large', message: `The file is ${(size / 1048576).toFixed(1)} MiB; Seam reads content files up to ${MAX_FILE_BYTES / 1048576} MiB. Split it into smaller records or move data out of the content folder.` }]);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(absPath);
  } catch (error) {
    return emptySource(file, '', [unreadableProblem(file, error)]);
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, at));
    return emptySource(file, '', [{ file, ...positionsIn(before)(before.length), code: 'encoding', message: `The file is not valid UTF-8 (byte 0x${bytes[at]?.toString(16).padStart(2, '0')} at offset ${at}). Save it as UTF-8.` }]);
  }
  return parse(text, file);
}

/** What `parseSource` makes of a text besides the YAML document: plain data a cache can keep (src/lint/cache.ts). */
export interface ParsedSource {
  data: unknown;
  problems: Problem[];
  yamlOffset: number;
  bodyOffset: number;
  hasFrontmatter: boolean;
}

/** The plain part of a parsed source (everything but the YAML document and the functions). */
export function parsedPart(source: SourceFile): ParsedSource {
  const { data, problems, yamlOffset, bodyOffset, hasFrontmatter } = source;
  return { data, problems, yamlOffset, bodyOffset, hasFrontmatter };
}

/**
 * The SourceFile `parseSource(text, file)` makes, from its plain part kept earlier for this exact
 * text: the frontmatter is not parsed again unless something asks where a field is (`locate`) or for
 * the YAML document (`yaml`, which fixes edit) — then it is parsed once, so positions are exact. The
 * data is read from `parsed` when first asked for.
 */
export function restoreSource(text: string, file: string, parsed: ParsedSource): SourceFile {
  let full: SourceFile | undefined;
  let positions: ((offset: number) => Position) | undefined;
  const reparsed = () => (full ??= parseSource(text, file));
  let data: { value: unknown } | undefined;
  return {
    file,
    text,
    // The kept data may be decoded only now (src/lint/cache.ts): what does not decode is parsed again.
    get data() {
      if (!data) {
        try {
          data = { value: parsed.data };
        } catch {
          data = { value: reparsed().data };
        }
      }
      return data.value;
    },
    get yaml() {
      return reparsed().yaml;
    },
    yamlOffset: parsed.yamlOffset,
    bodyOffset: parsed.bodyOffset,
    body: text.slice(parsed.bodyOffset),
    hasFrontmatter: parsed.hasFrontmatter,
    problems: parsed.problems,
    positionAt: (offset) => (positions ??= positionsIn(text))(offset),
    locate: (path, options) => reparsed().locate(path, options),
  };
}

/** A content file Seam may not read (permission denied, gone, an I/O error): what happened and what to do. */
function unreadableProblem(file: string, error: unknown): Problem {
  const code = (error as NodeJS.ErrnoException)?.code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'it was removed while Seam was reading' : (code ?? 'an unknown error');
  return { file, line: 1, column: 1, code: 'unreadable', message: `Seam cannot read this file (${why}), so it was not checked. Make it readable (for example chmod a+r), or move it out of the content folder.` };
}

/** A content-named entry that is not a regular file (a folder, a named pipe, a socket, a device). */
export function notAFileProblem(file: string, folder = false): Problem {
  return { file, line: 1, column: 1, code: 'unreadable', message: `This is ${folder ? 'a folder' : 'not a regular file (a named pipe, socket or device)'}, so Seam did not read it. Replace it with a regular file, or delete it.` };
}

/** A symbolic link in the content folder, which Seam reports instead of following. */
export function symlinkProblem(file: string): Problem {
  return { file, line: 1, column: 1, code: 'symlink', message: 'This is a symbolic link; Seam does not follow links (one could lead out of the content folder), so what it points to was not checked. Replace the link with the file or folder itself, or delete it.' };
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
  if (yamlText !== undefined && !isYamlFile && yamlText.length > MAX_FRONTMATTER_CHARS) {
    // Refused before the YAML parser (and the Markdown parser, which reads the block too) sees it: at the
    // first character past the bound.
    problems.push({ file, ...positionAt(yamlOffset + MAX_FRONTMATTER_CHARS), code: 'file-too-large', message: frontmatterTooLong(yamlText.length) });
  } else if (yamlText !== undefined) {
    // Flow collections nested thousands deep ("[[[[…") cost the YAML parser hundreds of MiB before any
    // depth check could run on its result: a linear scan refuses them first.
    const brackets = flowDepth(yamlText);
    if (brackets.depth > MAX_YAML_DEPTH) {
      // Counted as the parsed check counts: a top-level mapping or list is a level of its own.
      const depth = brackets.depth + (/^\s*[[{]/.test(yamlText) ? 0 : 1);
      problems.push({ file, ...positionAt(yamlOffset + brackets.offset), code: 'yaml', message: `The YAML is nested ${depth} levels deep; Seam accepts at most ${MAX_YAML_DEPTH}. Flatten the structure.` });
    } else {
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
    }
  } else if (!isYamlFile && /^---/.test(text)) {
    problems.push({ file, line: 1, column: 1, code: 'yaml', message: 'The frontmatter is not closed: add a line with only `---` after the last field.' });
  }

  const nodeRange = (node: unknown): [number, number] | undefined => (node as { range?: [number, number, number] } | undefined)?.range?.slice(0, 2) as [number, number] | undefined;
  // Each mapping's keys are indexed the first time a path walks through it, so a file with many
  // findings costs one lookup per path segment, not a scan of the mapping per finding.
  const keyIndex = new WeakMap<object, Map<string, Pair>>();
  const pairAt = (map: { items: Pair[] }, key: string): Pair | undefined => {
    let byKey = keyIndex.get(map);
    if (!byKey) {
      byKey = new Map();
      for (const p of map.items) if (isScalar(p.key) && !byKey.has(String(p.key.value))) byKey.set(String(p.key.value), p);
      keyIndex.set(map, byKey);
    }
    return byKey.get(key);
  };
  const locate: SourceFile['locate'] = (path, options = {}) => {
    // Walk down as far as the path exists; report the deepest node found (or its key).
    let node: unknown = doc?.contents;
    let keyNode: unknown;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = pairAt(node as { items: Pair[] }, String(segment));
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

/** The finding for a frontmatter longer than MAX_FRONTMATTER_CHARS. */
function frontmatterTooLong(length: number): string {
  return `The frontmatter is ${length.toLocaleString('en')} characters long; Seam reads at most ${MAX_FRONTMATTER_CHARS.toLocaleString('en')} (a record's frontmatter is a few thousand), so the file was refused, not checked. Move the data into smaller records.`;
}

/**
 * Whether the file was never read or was refused as a whole (too large, its frontmatter too long,
 * unreadable, a link, not UTF-8): a problem says why, and nothing in it — frontmatter or body — is
 * parsed or checked.
 */
export function refusedWhole(source: SourceFile): boolean {
  return source.problems.some((p) => REFUSING.has(p.code));
}

const REFUSING = new Set(['encoding', 'file-too-large', 'unreadable', 'symlink']);

function emptySource(file: string, text: string, problems: Problem[]): SourceFile {
  const source = parseSource(text, file);
  source.problems.push(...problems);
  return source;
}

function tidyYamlMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
}

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

/**
 * The deepest nesting of flow brackets (`[` and `{`) in YAML text, and where it first crosses the bound,
 * skipping quoted strings and comments (one pass). A bracket inside a plain or block scalar counts too,
 * so only text with more than MAX_YAML_DEPTH unclosed brackets in a row could be refused wrongly.
 */
function flowDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let best = { depth: 0, offset: 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      // A quoted string: skip to its closing quote ("" escapes with a backslash, '' by doubling).
      for (i++; i < text.length && text[i] !== c; i++) if (c === '"' && text[i] === '\\') i++;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === '[' || c === '{') {
      // The place reported is where the bound is first crossed, as for nested bodies.
      if (++depth > best.depth) best = { depth, offset: depth <= MAX_YAML_DEPTH + 1 ? i : best.offset };
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return best;
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
