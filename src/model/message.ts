// Messages that name other records. A finding about one record often quotes another: "did you mean
// the system X", "its anchors are …", "signed by Jane Doe (CFO)". The CLI shows every record, but a
// site built for an audience may show a finding on a public page whose message names a confidential
// record. So a message is built from parts: plain text, mentions of other records (a content file and
// the text that names it), and suggestions drawn from a set of records. `renderMessage` writes the text
// for a reader: every mention of a record the reader may not read becomes "a restricted record", and
// suggestions are drawn only from what the reader can read. The CLI renders with every record readable,
// so its text is exactly what the message would have said without parts.
import { distance } from 'fastest-levenshtein';
import { plainText } from './safe-text.ts';

/** A record named in a message. */
export interface Mention {
  /** The record's content file (relative to the content root), which decides who may read it; none for the site's own pages. */
  file?: string;
  /** How the message names it, quotes included: `"crm"`, `projects/alpha/index.mdx`, `#scope`. */
  text: string;
  /** What to say instead to a reader who may not read the record; "a restricted record" by default. */
  restricted?: string;
}

/** A "did you mean" or "known ids" hint, drawn from the candidates a reader can read. */
export interface Suggestion {
  /** What was written, compared with each candidate's `key`. */
  value: string;
  /** Each named by `text` in a list, and by `near` (default: `text`) when it is the nearest. */
  candidates: (Mention & { key: string; near?: string })[];
  /** Around the nearest candidate's text: [' Did you mean "', '"?']; omitted to always list. */
  near?: [string, string];
  /** Around a list of the candidates, when none is near: [' Known: ', '.']; omitted for no list. */
  list?: [string, string];
  /** How many candidates a list shows (then "…"). */
  max?: number;
  /** Said when no candidate is near and no list is shown. */
  none?: string;
}

export type MessagePart = string | { mention: Mention } | { suggest: Suggestion };

/** A message with the parts it was built from; `message` is its text for a reader who may read everything. */
export interface Message {
  message: string;
  parts: MessagePart[];
}

export const RESTRICTED_RECORD = 'a restricted record';

/** Whether a reader may read a content file. */
export type CanRead = (file: string) => boolean;

const everything: CanRead = () => true;

/** Names `file` by `text` in a message. */
export function mention(file: string | undefined, text: string, restricted?: string): MessagePart {
  return { mention: { file, text, ...(restricted !== undefined ? { restricted } : {}) } };
}

/** A hint drawn from `candidates` (each named by `text`, compared by `key`). */
export function suggest(suggestion: Suggestion): MessagePart {
  return { suggest: suggestion };
}

/**
 * Builds a message from a template: `say\`Unknown system "${value}".${suggest(…)}\``. Strings and numbers
 * are text; mentions and suggestions stay parts.
 */
export function say(strings: TemplateStringsArray, ...values: (string | number | MessagePart)[]): Message {
  const parts: MessagePart[] = [];
  const push = (part: MessagePart) => {
    const last = parts.at(-1);
    if (typeof part === 'string' && typeof last === 'string') parts[parts.length - 1] = last + part;
    else if (part !== '') parts.push(part);
  };
  strings.forEach((text, i) => {
    push(text);
    if (i < values.length) {
      const value = values[i]!;
      push(typeof value === 'number' ? String(value) : value);
    }
  });
  return { message: renderMessage(parts), parts };
}

/** The message's text for a reader who may read the files `canRead` accepts (every file by default). */
export function renderMessage(parts: readonly MessagePart[], canRead: CanRead = everything): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if ('mention' in part) out += part.mention.file === undefined || canRead(part.mention.file) ? part.mention.text : (part.mention.restricted ?? RESTRICTED_RECORD);
    else out += renderSuggestion(part.suggest, canRead);
  }
  return out;
}

function renderSuggestion(s: Suggestion, canRead: CanRead): string {
  const readable = s.candidates.filter((c) => c.file === undefined || canRead(c.file));
  const near = s.near && closest(s.value, readable.map((c) => c.key));
  if (s.near && near !== undefined) {
    const found = readable.find((c) => c.key === near)!;
    return `${s.near[0]}${found.near ?? found.text}${s.near[1]}`;
  }
  if (s.list && readable.length) {
    const max = s.max ?? 8;
    return `${s.list[0]}${readable.slice(0, max).map((c) => c.text).join(', ')}${readable.length > max ? ', …' : ''}${s.list[1]}`;
  }
  return s.none ?? '';
}

/** The candidate closest to `value` by edit distance, if reasonably close (the first of equals). */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(value, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** The parts with every text made plain (see safe-text.ts), so each reader's rendering is as safe as the CLI's. */
export function plainParts(parts: readonly MessagePart[]): MessagePart[] {
  const plainMention = <M extends Mention>(m: M): M => ({ ...m, text: plainText(m.text), ...(m.restricted !== undefined ? { restricted: plainText(m.restricted) } : {}) });
  return parts.map((part) => {
    if (typeof part === 'string') return plainText(part);
    if ('mention' in part) return { mention: plainMention(part.mention) };
    const s = part.suggest;
    return { suggest: { ...s, candidates: s.candidates.map((c) => ({ ...plainMention(c), ...(c.near !== undefined ? { near: plainText(c.near) } : {}) })), ...(s.none !== undefined ? { none: plainText(s.none) } : {}) } };
  });
}

/** The files a message mentions (its mentions and its suggestions' candidates). */
export function mentionedFiles(parts: readonly MessagePart[]): string[] {
  const files = new Set<string>();
  for (const part of parts) {
    if (typeof part === 'string') continue;
    const mentions = 'mention' in part ? [part.mention] : part.suggest.candidates;
    for (const m of mentions) if (m.file !== undefined) files.add(m.file);
  }
  return [...files];
}
