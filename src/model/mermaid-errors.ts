// Mermaid's errors, explained: its grammars (Jison, Langium, Chevrotain) and databases each fail in a
// different shape and count lines in preprocessed text. This turns any of them into one sentence a
// person can act on, at a position in the diagram's own source. Pure functions; no Mermaid here.
import type { Position } from './problem.ts';
import { frontMatter, normalise, parsedText, positions, type Traced } from './mermaid-source.ts';
import { lineStarts } from './position.ts';

/** Where an error points, as Mermaid says it. Lines and columns are 1-based. */
type Where =
  /**
   * In the text Mermaid's parser saw (see `parsedText`). No column means "the line"; `near` is text to
   * find on the line; `token` is the offending token, which Jison may place a little later than it says.
   */
  | { line: number; column?: number; near?: string; token?: string }
  /** Agentflow's own errors count lines in the source after its front matter. */
  | { sourceLine: number; column: number }
  | { end: true }
  /** gitGraph's errors name the offending statement only. */
  | { statement: string }
  /** js-yaml's 0-based position within the front matter's YAML. */
  | { yaml: { line: number; column: number } };

/** What a Mermaid error says: where, and either what the grammar wanted or Mermaid's own sentence. */
interface Reading {
  where?: Where;
  found?: string;
  /** How many characters a lexer skipped at `where`; they say more than the first one it names. */
  skipped?: number;
  expected?: string[];
  detail?: string;
  unknownType?: boolean;
}

interface MermaidError {
  name?: string;
  message?: string;
  /** Jison's parse-error details, a shape several databases copy for their own errors. */
  hash?: {
    text?: unknown;
    token?: string | number | null;
    line?: number;
    loc?: { first_line: number; first_column: number };
    expected?: string[];
  };
  /** Langium's parse result, on a `MermaidParseError`. */
  result?: { lexerErrors: { message: string }[]; parserErrors: { message: string }[] };
  /** js-yaml's position, and the YAML it read, on a `YAMLException`. */
  mark?: { line: number; column: number; buffer?: string };
  reason?: string;
}

export interface Failure extends Position {
  message: string;
}

/** Explains why Mermaid rejected `source` (of `type`, when Mermaid could tell). */
export function explainFailure(error: unknown, source: string, type: string | undefined): Failure {
  const reading = readError(error, type, source);
  const parsed = parsedText(source, type);
  const offset = sourceOffset(reading.where ?? { line: 1, column: 1 }, source, parsed);
  if (reading.skipped) reading.found = source.slice(offset, offset + reading.skipped);
  let message: string;
  if (reading.unknownType) {
    const word = /^\S*/.exec(parsed.text)?.[0];
    message = word
      ? `Unknown diagram type ${quote(word)}: the first line must name one, such as "flowchart LR" or "sequenceDiagram".`
      : 'The diagram is empty: its first line must name a diagram type, such as "flowchart LR".';
  } else {
    message = reading.detail === undefined ? syntaxMessage(reading) : sentence(reading.detail);
  }
  return { message, ...positions(source)(offset) };
}

function readError(error: unknown, type: string | undefined, source: string): Reading {
  if (typeof error !== 'object' || error === null) return { detail: String(error) };
  const { name, message = '', hash, result, mark, reason } = error as MermaidError;
  if (name === 'UnknownDiagramError') return { unknownType: true };
  if (hash) return readJisonError(hash, message, type);
  if (name === 'YAMLException' && mark) return readYamlError(mark, reason ?? message, source);
  if (result) {
    // Langium lists lexer errors before parser errors, and so does its message, whose positions the
    // tree view rewrites to the lines the author wrote when it redraws box-drawing input.
    const first = result.lexerErrors[0] ?? result.parserErrors[0];
    return { ...readChevrotainMessage(first?.message ?? ''), where: whereInMessage(message) };
  }
  // Parsers without structured errors (use case, tree view, railroad…) put the position in the prose.
  const where = whereInMessage(message);
  const prose = firstLine(message).replace(/^(?:Line \d+: |Error \w+ \w+ diagram: )/, '').replace(/ at line \d+, column \d+.*$/, '');
  const grammar = readChevrotainMessage(prose);
  return grammar.expected || grammar.skipped ? { ...grammar, where } : { detail: prose, where };
}

/** YAML fails in the front matter or in a node's `@{ … }` metadata, which js-yaml reads as its own text. */
function readYamlError(mark: NonNullable<MermaidError['mark']>, reason: string, source: string): Reading {
  const t = normalise(source);
  const fm = frontMatter(t.text);
  const yaml = (text: string) => text.replace(/\s+/g, ' ').trim();
  if (fm && yaml(t.text.slice(fm.body, fm.end)).startsWith(yaml(mark.buffer ?? ''))) {
    return { detail: `The front matter is not valid YAML: ${reason}`, where: { yaml: mark } };
  }
  // Metadata is read wrapped in braces (`{` + inline text + `}`) or as it stands; find the line js-yaml
  // stopped at, or the last written line before it.
  const lines = (mark.buffer ?? '').split('\n').slice(0, mark.line + 1).map((l) => l.trim());
  const statement = lines.filter((l) => l && l !== '{' && l !== '}').at(-1);
  return { detail: `The metadata in @{ … } is not valid YAML: ${reason}`, where: statement ? { statement } : undefined };
}

function readJisonError(hash: NonNullable<MermaidError['hash']>, message: string, type: string | undefined): Reading {
  const { loc, token, line, expected = [] } = hash;
  const text = String(hash.text ?? '');
  if (message.startsWith('Lexical error')) {
    // No token, only Jison's excerpt: up to 20 characters before the caret, the rest after it.
    const [, excerpt = '', caret = ''] = message.split('\n');
    const near = excerpt.slice(Math.max(caret.length - 1, 0));
    const found = /^\S+/.exec(near)?.[0] ?? near;
    return { found, where: line === undefined ? undefined : { line: line + 1, near: found } };
  }
  if (!message.startsWith('Parse error') && !expected.some((e) => /^'.+'$/.test(e))) {
    // Not the grammar: a database's own error dressed in Jison's shape.
    if (loc) {
      const column = loc.first_column + 1;
      const where = type === 'agentflow' ? { sourceLine: loc.first_line, column } : { line: loc.first_line, column };
      return { detail: firstLine(message), where };
    }
    return { detail: firstLine(message), where: text ? { statement: text } : undefined };
  }
  const tokens = expected.map((e) => e.replace(/^'(.*)'$/, '$1'));
  // Without text, the token's name is all there is: 1 is Jison's number for the end of input.
  const kind = text ? undefined : describeToken(String(token ?? 'EOF'))?.[1];
  if (token === 1 || /EOF/.test(String(token)) || kind === 'the end of the diagram') return { where: { end: true }, expected: tokens };
  const found = text.trim() || (text || kind === 'a line break' ? '\n' : String(token));
  const where = loc ? { line: loc.first_line, column: loc.first_column + 1, token: found === '\n' ? undefined : found } : undefined;
  return { found, expected: tokens, where };
}

/** Reads a Chevrotain (or Langium) error message: what was expected and what was found instead. */
function readChevrotainMessage(message: string): Pick<Reading, 'found' | 'skipped' | 'expected'> {
  const lexer = /unexpected character: ->([^]+?)<-(?:.*skipped (\d+) characters)?/.exec(message);
  if (lexer) return { found: lexer[1], skipped: Number(lexer[2] ?? 0) };
  const found = /but found:? (?:--> )?(['`])([^]*?)\1/.exec(message)?.[2] ?? /but found: ([^]*?)$/.exec(message)?.[1];
  const single = /Expecting token of type (?:'([^']+)'|--> (\S+) <--)/.exec(message);
  if (single) return { found, expected: [single[1] ?? single[2]] };
  const sequences = /Token sequences:+\s*([^]*?)\s*but found/.exec(message)?.[1];
  if (sequences) return { found, expected: [...sequences.matchAll(/(?:\d+\. |<)\[([^\],]+)/g)].map((m) => m[1]) };
  if (/expecting EOF/.test(message)) return { found, expected: ['EOF'] };
  return found === undefined ? {} : { found };
}

function whereInMessage(message: string): Where | undefined {
  const match = /\bline (\d+|\?)(?:, column (\d+|\?))?/i.exec(message);
  if (!match) return undefined;
  if (match[1] === '?') return { end: true };
  return { line: Number(match[1]), column: match[2] === undefined || match[2] === '?' ? undefined : Number(match[2]) };
}

// --- Saying it in words ------------------------------------------------------------------------------------

function syntaxMessage({ found, expected = [] }: Reading): string {
  const what = found === undefined || found === '' ? 'end of diagram' : /^\s+$/.test(found) ? 'end of line' : quote(found);
  const wanted = summarise(expected);
  return `Unexpected ${what}${wanted ? `; expected ${wanted}` : ''}.`;
}

type Kind = 'thing' | 'keyword' | 'punctuation' | 'layout';

/** Token names that say nothing to an author: layout, comments, and alternatives nobody reaches for. */
const NOISE =
  /^(?:SPACE|WS|WHITESPACE|HWS|INDENT|SPACELIST|SPACELINE|INVALID|COMMENT|EOF_IN_STRUCT|open_directive|TESTSTR|DOWN|DEFAULT|TAGSTART|LINK_ID|\(\))$|acc_?(?:title|descr)|direction_/i;

/** Token names that do not spell what the author types. */
const SPELLING: Record<string, [Kind, string]> = {
  SEMI: ['punctuation', ';'], COLON: ['punctuation', ':'], COMMA: ['punctuation', ','], AMP: ['punctuation', '&'],
  PIPE: ['punctuation', '|'], MINUS: ['punctuation', '-'], MULT: ['punctuation', '*'], BRKT: ['punctuation', '#'],
  SQE: ['punctuation', ']'], PE: ['punctuation', ')'], PS: ['punctuation', '('], DIAMOND_STOP: ['punctuation', '}'],
  STRUCT_STOP: ['punctuation', '}'], RBRACE: ['punctuation', '}'], LBRACE: ['punctuation', '{'],
  STYLE_SEPARATOR: ['punctuation', ':::'], CLASS_SEPARATOR: ['punctuation', ':::'],
  STYLE: ['keyword', 'style'], LINKSTYLE: ['keyword', 'linkStyle'], CLASSDEF: ['keyword', 'classDef'],
  CLASS: ['keyword', 'class'], CLICK: ['keyword', 'click'], SUBGRAPH: ['keyword', 'subgraph'], END: ['keyword', 'end'],
  taskData: ['thing', '":" and the task\'s details'], MEMBER: ['thing', 'a member'], ARROW_DIRECTION: ['thing', 'a side (L, R, T or B)'],
};

/** Parts of token names (split at `_`) that say what kind of thing the token is. */
const PARTS: [RegExp, string][] = [
  [/^(?:ID|IDENTIFIER|NAME|NODE|ALPHA|ACTOR|ENTITY|WORD|UNICODE)$/, 'a name'],
  [/^(?:LINK|ARROW|ARROWHEAD|EDGE|CROSS|POINT|RELATIONSHIP|FORWARD|BACKWARD|DEPENDENCY|GENERALIZATION|MARKERLESS)$/, 'an arrow'],
  [/^(?:NUM|NUMBER|INT|INTEGER|FLOAT|DIGIT|DECIMAL)$/, 'a number'],
  [/^(?:STR|STRING\d*|QSTR|TEXT|LABEL|DESCR|DESCRIPTION|MD|MARKDOWN|TITLE)$/, 'text'],
];

/** A token name in an author's words, or undefined for noise. */
function describeToken(name: string): [Kind, string] | undefined {
  if (NOISE.test(name)) return undefined;
  if (/^(?:EOF|\$end)$/.test(name)) return ['layout', 'the end of the diagram'];
  if (/^(?:NEWLINE|NL|EOL|LINE_?BREAK)(?:_\w+)?$/i.test(name)) return ['layout', 'a line break'];
  const spelt = SPELLING[name];
  if (spelt) return [spelt[0], spelt[0] === 'thing' ? spelt[1] : quote(spelt[1])];
  if (/^[^\w\s]+$/.test(name)) return ['punctuation', quote(name)];
  if (/^[a-z][\w-]*$/.test(name)) return ['keyword', quote(name)];
  const parts = name.split('_');
  for (const [part, words] of PARTS) if (parts.some((p) => part.test(p))) return ['thing', words];
  if (/(?:END|STOP)$/.test(name)) return ['punctuation', 'a closing bracket'];
  return ['keyword', quote(name.toLowerCase().replace(/_/g, ' '))];
}

/** Summarises a parser's expected tokens, which run to forty for C4, into a few words. */
function summarise(tokens: string[]): string {
  const groups = new Map<Kind, string[]>([['thing', []], ['keyword', []], ['punctuation', []], ['layout', []]]);
  // C4's grammar names one token per macro; an author needs to hear that a macro goes here.
  if (tokens.includes('PERSON') && tokens.includes('REL')) {
    tokens = tokens.filter((t) => !/^(?:PERSON|SYSTEM|CONTAINER|COMPONENT|NODE|REL|BIREL|UPDATE|\w*BOUNDARY)/.test(t));
    groups.get('thing')?.push('an element or relationship such as Person(…) or Rel(…)');
  }
  for (const token of tokens) {
    const described = describeToken(token);
    const group = described && groups.get(described[0]);
    if (described && group && !group.includes(described[1])) group.push(described[1]);
  }
  const keywords = groups.get('keyword') ?? [];
  const punctuation = groups.get('punctuation') ?? [];
  const layout = groups.get('layout') ?? [];
  const things = (groups.get('thing') ?? []).sort((a, b) => thingOrder(a) - thingOrder(b));
  const parts = [
    ...things,
    ...(keywords.length > 3 ? [`a keyword such as ${keywords[0]} or ${keywords[1]}`] : keywords),
    ...(punctuation.length > 3 ? punctuation.filter((p) => p === 'a closing bracket') : punctuation),
    // A line break is the useful half of "a line break or the end of the diagram".
    ...(layout.includes('a line break') ? ['a line break'] : layout),
  ];
  // "Expected the end of the diagram" only restates that the line is not a statement.
  if (parts.length === 1 && parts[0] === 'the end of the diagram') return '';
  if (parts.length <= 2) return parts.join(' or ');
  return `${parts.slice(0, -1).join(', ')}, or ${parts.at(-1)}`;
}

/** Names first: "expected a name or a number" reads better than the grammar's order. */
function thingOrder(words: string): number {
  const order = PARTS.findIndex(([, w]) => w === words);
  return order === -1 ? PARTS.length : order;
}

function quote(text: string): string {
  const clipped = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return `'${clipped.replace(/\n/g, '\\n')}'`;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0].trim();
}

function sentence(text: string): string {
  const s = firstLine(text).replace(/^(?:Error: |Parsing failed: )/, '');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}`.replace(/([^.!?])$/, '$1.');
}

/** The offset in `source` that `where` points at. */
function sourceOffset(where: Where, source: string, parsed: Traced): number {
  if ('yaml' in where) {
    // The YAML lines are the source lines after the opening fence, less the fence's indentation.
    const t = normalise(source);
    const body = frontMatter(t.text)?.body ?? 0;
    const indent = /^[^\S\n]*/.exec(t.text)?.[0].length ?? 0;
    const lineStart = lineStarts(t.text, body)[where.yaml.line] ?? body;
    return t.from[Math.min(lineStart + indent + where.yaml.column, t.text.length)];
  }
  if ('sourceLine' in where) {
    const t = normalise(source);
    const hidden = t.text.slice(0, frontMatter(t.text)?.end ?? 0).split('\n').length - 1;
    return sourceOffset({ line: where.sourceLine - hidden, column: where.column }, source, parsed);
  }
  const starts = lineStarts(parsed.text);
  if ('statement' in where) return parsed.from[Math.max(parsed.text.indexOf(where.statement), 0)];
  if ('end' in where || where.line > starts.length - 1) {
    // Just after the last character the author wrote.
    const last = parsed.text.trimEnd().length - 1;
    return last < 0 ? 0 : parsed.from[last] + 1;
  }
  const start = starts[Math.max(where.line, 1) - 1];
  const lineText = parsed.text.slice(start, parsed.text.indexOf('\n', start));
  const near = where.near === undefined ? -1 : lineText.indexOf(where.near);
  const column = where.column ?? (near === -1 ? /^\s*/.exec(lineText)![0].length + 1 : near + 1);
  const offset = start + Math.min(column - 1, lineText.length);
  return parsed.from[where.token ? tokenStart(parsed.text, offset, where.token) : offset];
}

/**
 * Where the offending token starts. Jison's position is where the previous match ended (so the token
 * follows after whitespace, line breaks included) and, in some grammars, where an earlier one did.
 */
function tokenStart(text: string, from: number, token: string): number {
  let next = from;
  while (next < text.length - 1 && /\s/.test(text[next])) next++;
  if (text.startsWith(token, next)) return next;
  const limit = lineStarts(text, from)[3] ?? text.length;
  const found = text.indexOf(token, from);
  return found !== -1 && found < limit ? found : next;
}

