// A Mermaid diagram's source as text: what Mermaid's parsers actually see (so their positions can be
// traced back to what the author wrote), and where nodes and edges are written (Mermaid's databases
// say what a diagram contains but not where). Pure functions over strings; no Mermaid here.
import { positionsIn } from './position.ts';
import type { Position } from './problem.ts';

// --- What the parser sees -------------------------------------------------------------------------------------

/** Text derived from a diagram's source, with the source offset of each character (plus one past the end). */
export interface Traced {
  text: string;
  from: number[];
}

/**
 * Diagrams whose parser reads the comments too (their databases set `preserveCommentsWhenParsing`), so
 * Mermaid hands them the text before comment lines are dropped.
 */
const KEEPS_COMMENTS = new Set(['agentflow', 'eventmodeling']);

/**
 * The text Mermaid hands a diagram's parser for `source`, traced back to the source. Mirrors mermaid's
 * `preprocessDiagram` and `Diagram.fromText`: line endings normalised, front matter and directives cut,
 * comment lines and leading blank lines dropped, `#entity;` codes encoded. Parsers report positions in
 * this text, which is often several lines shorter than what the author wrote.
 */
export function parsedText(source: string, type: string | undefined): Traced {
  let t = normalise(source);
  t = slice(t, frontMatter(t.text)?.end ?? 0);
  t = rewrite(t, DIRECTIVE, () => '');
  if (!(type && KEEPS_COMMENTS.has(type))) t = rewrite(rewrite(t, /^\s*%%(?!\{)[^\n]+\n?/gm, () => ''), /^\s+/g, () => '');
  t = rewrite(t, /(?:style|classDef).*:\S*#.*;/g, (m) => m.slice(0, -1));
  t = rewrite(t, /#\w+;/g, (m) => `ﬂ°${/^#\+?\d+;$/.test(m) ? '°' : ''}${m.slice(1, -1)}¶ß`);
  return { text: `${t.text}\n`, from: [...t.from, t.from.at(-1) ?? 0] };
}

/** `%%{init: …}%%` and friends, as Mermaid matches them (an unterminated one runs to the end). */
const DIRECTIVE = /%%\{\s*(?:\w+\s*:|\w+)\s*(?:\w+|(?:(?!\}%%).|\r?\n)*)?\s*(?:\}%%)?/gi;

/** The source with Mermaid's line endings. (Mermaid also swaps `="…"` for `='…'` in HTML tags, which moves nothing.) */
export function normalise(source: string): Traced {
  return rewrite({ text: source, from: Array.from({ length: source.length + 1 }, (_, i) => i) }, /\r\n?/g, () => '\n');
}

/** Replaces every match of a global `pattern`, keeping track of where each character came from. */
function rewrite(t: Traced, pattern: RegExp, replace: (match: string) => string): Traced {
  let text = '';
  const from: number[] = [];
  let kept = 0;
  const keep = (end: number) => {
    text += t.text.slice(kept, end);
    for (let i = kept; i < end; i++) from.push(t.from[i]);
  };
  for (const match of t.text.matchAll(pattern)) {
    keep(match.index);
    const replacement = replace(match[0]);
    const last = Math.max(match[0].length - 1, 0);
    for (let k = 0; k < replacement.length; k++) from.push(t.from[match.index + Math.min(k, last)]);
    text += replacement;
    kept = match.index + match[0].length;
  }
  keep(t.text.length);
  from.push(t.from[t.text.length]);
  return { text, from };
}

function slice(t: Traced, start: number): Traced {
  return { text: t.text.slice(start), from: t.from.slice(start) };
}

/**
 * The front matter Mermaid cuts from a normalised diagram: where it ends and where its YAML starts.
 * Mirrors mermaid's `matchFrontMatter`: a `---` line (optionally indented), YAML, the first `---` line
 * with the same indentation, and any blank lines after that.
 */
export function frontMatter(text: string): { end: number; body: number } | undefined {
  const open = /^[^\S\n]*---/.exec(text);
  if (!open) return undefined;
  const fence = `\n${open[0]}`;
  /** The line breaks in the run of whitespace starting at `i`. */
  const breaksFrom = (i: number) => {
    const breaks: number[] = [];
    for (; i < text.length && /\s/.test(text[i]); i++) if (text[i] === '\n') breaks.push(i);
    return breaks;
  };
  const closingEnd = (i: number) => (text.startsWith(fence, i) ? (breaksFrom(i + fence.length).at(-1) ?? -1) : -1);
  const opening = breaksFrom(open[0].length);
  if (opening.length === 0) return undefined;
  let lastClosing = -1;
  for (let i = text.indexOf('\n', opening[0] + 1); i !== -1; i = text.indexOf('\n', i + 1)) if (closingEnd(i) !== -1) lastClosing = i;
  if (lastClosing === -1) return undefined;
  const body = opening.filter((b) => b < lastClosing).at(-1)! + 1;
  for (let i = text.indexOf('\n', body); i !== -1 && i <= lastClosing; i = text.indexOf('\n', i + 1)) {
    const end = closingEnd(i);
    if (end !== -1) return { end: end + 1, body };
  }
  return undefined;
}

/** The source offset where a diagram's front matter ends (0 without one). */
export function frontMatterEnd(source: string): number {
  // Tracing offsets through `normalise` costs more than the rest of a read: skip it when there is none.
  if (!FRONT_MATTER_START.test(source)) return 0;
  const t = normalise(source);
  return t.from[frontMatter(t.text)?.end ?? 0];
}

const FRONT_MATTER_START = /^[^\S\n]*---/;

// --- Where things are written ------------------------------------------------------------------------------

/** An edge as written: its ends' ids and where its source id stands in the statement. */
export interface WrittenEdge extends Position {
  from: string;
  to: string;
}

/** Where a diagram's ids first appear and where its edges are drawn, in source order. */
export interface Written {
  nodes: Map<string, Position>;
  edges: WrittenEdge[];
  /** Ids named only by statements that draw nothing (`style x …`, `class x …`). */
  named?: Set<string>;
}

/**
 * The source with everything that is not diagram code blanked out (front matter, directives, comment
 * lines, quoted strings), keeping every offset: positions found in it are source positions.
 */
export function codeOnly(source: string, { strings = false } = {}): string {
  const blank = (text: string) => text.replace(/[^\r\n]/g, ' ');
  const end = frontMatterEnd(source);
  let code = blank(source.slice(0, end)) + source.slice(end);
  code = code.replace(DIRECTIVE, blank).replace(/^[^\S\r\n]*%%.*$/gm, blank);
  return strings ? code.replace(/"[^"\r\n]*"/g, blank) : code;
}

/** Source offsets to 1-based positions in a diagram: CRLF, CR and LF all end a line, as for Mermaid. */
export const positions = (source: string): ((offset: number) => Position) => positionsIn(source, 'any');

/** Flowchart lines that declare no nodes, by their first word. */
const FLOWCHART_KEYWORDS = /^(?:graph|flowchart|flowchart-elk|swimlane-beta|subgraph|end|classDef|class|style|linkStyle|click|direction|accTitle|accDescr)$/;
/** A whole link (`-->`, `---`, `-.->`, `==>`, `--x`, `<-->`, `~~~`…), as flowchart's lexer reads one. */
const LINK = /[xo<]?(?:-{2,}[-xo>]|={2,}[=xo>]|-?\.+-[xo>]?|~{3,})/y;
/** The first half of a link with text in the middle (`-- text -->`, `== text ==>`, `-. text .->`). */
const LINK_START = /[xo<]?(?:--|==|-\.)/y;
const LINK_END = /-{2,}[-xo>]|={2,}[=xo>]|\.+-[xo>]?/g;
const CLOSER: Record<string, string> = { '[': ']', '(': ')', '{': '}' };

interface Token {
  kind: 'id' | 'link';
  text: string;
  offset: number;
}

/**
 * Where a flowchart's node ids first appear and where its edges are drawn. A small lexer in the spirit of
 * flowchart's own: labels (in brackets, quotes and pipes, and between the halves of a link), classes,
 * metadata and edge ids are skipped; statements end at a line break or `;`; the ids between links form
 * the groups `a & b --> c` joins. Keyword statements (`classDef`, `class`, `style`, `click`,
 * `linkStyle`, `subgraph`, `end`, `direction`…) draw nothing. Edges past the first `maxEdges + 1` are
 * not listed (one `a & b & … --> c & d & …` statement can draw the square of its length).
 */
export function writtenFlowchart(source: string, { maxEdges = Infinity } = {}): Written {
  const code = codeOnly(source);
  const at = positions(source);
  const written: Written = { nodes: new Map(), edges: [], named: new Set() };
  let statement: Token[] = [];
  const finish = () => {
    if (statement[0]?.kind === 'id' && FLOWCHART_KEYWORDS.test(statement[0].text)) {
      for (const token of statement.slice(1)) if (token.kind === 'id') written.named?.add(token.text);
    } else if (statement.length > 0) {
      record(statement, written, at, maxEdges);
    }
    statement = [];
  };
  let i = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === '\n' || c === '\r' || c === ';') {
      finish();
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      i = skipPast(code, '"', i + 1);
    } else if (c in CLOSER || (c === '@' && code[i + 1] === '{')) {
      i = skipBracket(code, c === '@' ? i + 1 : i);
    } else if (c === '|') {
      i = skipPast(code, '|', i + 1);
    } else if (c === '>') {
      i = skipPast(code, ']', i + 1); // an asymmetric shape: id>label]
    } else if (code.startsWith(':::', i)) {
      i = (/^:::[\w-]*/.exec(code.slice(i, i + 200))?.[0].length ?? 3) + i;
    } else if (matchAt(LINK, code, i)) {
      const link = matchAt(LINK, code, i)!;
      statement.push({ kind: 'link', text: link, offset: i });
      i += link.length;
    } else if (matchAt(LINK_START, code, i)) {
      LINK_END.lastIndex = i + matchAt(LINK_START, code, i)!.length;
      const end = LINK_END.exec(code);
      const next = end ? end.index + end[0].length : code.length;
      statement.push({ kind: 'link', text: code.slice(i, next), offset: i });
      i = next;
    } else if (isIdStart(c)) {
      let j = i + 1;
      while (j < code.length && (isIdPart(code[j]) || (code[j] === '-' && !/[-.>]/.test(code[j + 1] ?? '')))) j++;
      // `e1@-->` names the edge, not a node.
      if (code[j] === '@' && code[j + 1] !== '{') j++;
      else statement.push({ kind: 'id', text: code.slice(i, j), offset: i });
      i = j;
    } else {
      i++;
    }
  }
  finish();
  return written;
}

function record(statement: Token[], written: Written, at: (offset: number) => Position, maxEdges: number): void {
  const groups: Token[][] = [[]];
  for (const token of statement) {
    if (token.kind === 'link') groups.push([]);
    else {
      groups.at(-1)!.push(token);
      if (!written.nodes.has(token.text)) written.nodes.set(token.text, at(token.offset));
    }
  }
  for (let g = 0; g + 1 < groups.length; g++) {
    for (const from of groups[g]) {
      for (const to of groups[g + 1]) {
        if (written.edges.length > maxEdges) return;
        written.edges.push({ from: from.text, to: to.text, ...at(from.offset) });
      }
    }
  }
}

/** Flowchart ids: letters, digits and `!#$%&'*+.`?\_/` or any non-ASCII character (hyphens are handled apart). */
function isIdPart(c: string): boolean {
  return /[\w!#$%&'*+.`?\\/]/.test(c) || c > '\u007f';
}

function isIdStart(c: string): boolean {
  return c !== '&' && isIdPart(c);
}

function matchAt(pattern: RegExp, text: string, i: number): string | undefined {
  pattern.lastIndex = i;
  return pattern.exec(text)?.[0];
}

/** The offset after the next `char` from `i` on (or the end of the text). */
function skipPast(text: string, char: string, i: number): number {
  const found = text.indexOf(char, i);
  return found === -1 ? text.length : found + 1;
}

/** The offset after the bracket closing the one at `i`; quoted text inside does not count. */
function skipBracket(text: string, i: number): number {
  const open = text[i];
  const close = CLOSER[open];
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    if (text[j] === '"') j = skipPast(text, '"', j + 1) - 1;
    else if (text[j] === open) depth++;
    else if (text[j] === close && --depth === 0) return j + 1;
  }
  return text.length;
}

/**
 * Where a C4 diagram's elements are first written (`System(alias, …)`, boundaries included) and where
 * its relationships are (`Rel(from, to, …)`, `BiRel`, `Rel_U`…, `RelIndex(n, from, to, …)`).
 * `Update…` calls restyle what exists and draw nothing.
 */
export function writtenC4(source: string): Written {
  const code = codeOnly(source, { strings: true });
  const at = positions(source);
  const written: Written = { nodes: new Map(), edges: [] };
  for (const call of code.matchAll(/\b([A-Za-z]\w*)\s*\(([^()]*)/g)) {
    const [, macro, args] = call;
    if (macro.startsWith('Update')) continue;
    const start = call.index + call[0].length - args.length;
    const list = [...args.matchAll(/[^,\s][^,]*/g)].map((a) => ({ text: a[0].trim(), offset: start + a.index }));
    const [from, to] = macro === 'RelIndex' ? list.slice(1) : list;
    if (/^(?:Bi)?Rel(?:_\w+|Index)?$/.test(macro)) {
      if (from && to) written.edges.push({ from: from.text, to: to.text, ...at(from.offset) });
    } else if (from && !written.nodes.has(from.text)) {
      written.nodes.set(from.text, at(from.offset));
    }
  }
  return written;
}

const ARCHITECTURE_ID = String.raw`\w(?:[-\w]*\w)?`;
const ARCHITECTURE_NODE = new RegExp(String.raw`^([^\S\r\n]*(?:service|junction)\s+)(${ARCHITECTURE_ID})`, 'gm');
const ARCHITECTURE_EDGE = new RegExp(
  String.raw`^([^\S\r\n]*)(${ARCHITECTURE_ID})(?:\{group\})?\s*:\s*[LRTB]\s*<?\s*(?:--|-\s*\[[^\]\r\n]*\]\s*-)\s*>?\s*[LRTB]\s*:\s*(${ARCHITECTURE_ID})`,
  'gm',
);

/** Where an architecture-beta diagram's services and junctions are declared and its edges drawn. */
export function writtenArchitecture(source: string): Written {
  const code = codeOnly(source);
  const at = positions(source);
  const written: Written = { nodes: new Map(), edges: [] };
  for (const m of code.matchAll(ARCHITECTURE_NODE)) if (!written.nodes.has(m[2])) written.nodes.set(m[2], at(m.index + m[1].length));
  for (const m of code.matchAll(ARCHITECTURE_EDGE)) written.edges.push({ from: m[2], to: m[3], ...at(m.index + m[1].length) });
  return written;
}

// --- How many connections ----------------------------------------------------------------------------------

/**
 * Statements that connect two things in diagrams read one statement at a time (a class relation, a state
 * transition, an ER relationship, a block or requirement link): any arrow-like run outside strings.
 */
const CONNECTION = /[-.=]{2,}|->|<-/;
const CONNECTION_TYPES = new Set(['classDiagram', 'stateDiagram', 'er', 'block', 'requirement']);

/**
 * Where a diagram of Mermaid type `type` draws its connection number `limit + 1`, when it draws more
 * than `limit`: flowchart edges (each pair an `a & b --> c & d` statement joins counts, as Mermaid counts
 * them), C4 relationships, architecture edges, and the statements that connect things in class, state,
 * ER, block and requirement diagrams. Other types draw no connections. The position is where the
 * connection's first end is written. Linear in the source's length.
 */
export function connectionPastLimit(source: string, type: string | undefined, limit: number): Position | undefined {
  if (type === undefined) return undefined;
  if (/^(?:flowchart|swimlane)/.test(type)) return writtenFlowchart(source, { maxEdges: limit }).edges[limit];
  if (type === 'c4') return writtenC4(source).edges[limit];
  if (type === 'architecture') return writtenArchitecture(source).edges[limit];
  if (!CONNECTION_TYPES.has(type)) return undefined;
  const code = codeOnly(source, { strings: true });
  let count = 0;
  for (const statement of code.matchAll(/[^\n\r;]+/g)) {
    if (CONNECTION.test(statement[0]) && ++count > limit) return positions(source)(statement.index + /^\s*/.exec(statement[0])![0].length);
  }
  return undefined;
}
