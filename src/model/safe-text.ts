// Text from content made safe to put in a message: content arrives from other organisations, and a
// message reaches terminals, CI logs, Markdown summaries and the site. A control character, an escape
// sequence or a bidi override is shown as a visible `\uXXXX` escape, never passed on and never silently
// dropped — so a message cannot clear a terminal, reorder its own text, or claim a value the file does
// not hold.

/** Characters that must not reach output raw: C0, DEL, C1, bidi controls, invisible zero-width marks, lone surrogates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Line breaks and other whitespace controls: a message is one line, so these become spaces. */
const BREAKS = /\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escapeChar = (c: string) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * A whole message as one line of plain text: line breaks become spaces and every other unsafe
 * character a visible `\uXXXX`. The engine applies it to every finding, so no rule can forget.
 */
export function plainText(text: string): string {
  return text.replace(BREAKS, ' ').replace(UNSAFE, escapeChar);
}

/** Default longest quoted value, in characters as a reader counts them (grapheme clusters). */
const QUOTE_MAX = 80;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A value from content, quoted for a message: `"value"`, with `"` and unsafe characters escaped as in
 * JSON (a backslash stays as written, so a Windows path reads as it is), and cut at `max` characters
 * with an ellipsis — never inside an escape, a surrogate pair or a character built of several code points.
 */
export function quote(value: string, max = QUOTE_MAX): string {
  const parts: { text: string; width: number }[] = [];
  let shown = 0;
  for (const { segment } of graphemes.segment(value)) {
    const text = segment.replaceAll('"', '\\"').replace(UNSAFE, escapeChar);
    // An escape is as wide as it reads; a character is one, however many code points make it.
    const width = text === segment ? 1 : [...text].length;
    parts.push({ text, width });
    shown += width;
    if (shown > max) {
      while (parts.length && shown > max - 1) shown -= parts.pop()!.width;
      return `"${parts.map((p) => p.text).join('')}…"`;
    }
  }
  return `"${parts.map((p) => p.text).join('')}"`;
}
