// The bounds on a Markdown body checked before it is parsed: its length (MAX_BODY_CHARS) and how deeply
// it nests lists and block quotes (MAX_NESTING). The Markdown parser's work and
// stack grow with nesting, so a few kilobytes of `> > > …` or `- - - …` could stall or crash a lint run
// or a site build. Real records nest a handful of levels; a body nested deeper than MAX_NESTING is
// refused (not checked, not rendered) with the place where it goes too deep. The scan reads each line's
// leading container markers once: linear in the text.

import { MAX_BODY_CHARS, MAX_NESTING } from './bounds.ts';

/**
 * Why a body may not be parsed, if it may not: longer than MAX_BODY_CHARS (at the first character past
 * the bound), or nested deeper than MAX_NESTING (where it first goes too deep). `text` is what the parser
 * would read, the body starting at `bodyOffset`; `offset` is into `text`. Linear in the text.
 */
export function refusedBody(text: string, bodyOffset = 0): { offset: number; message: string } | undefined {
  const length = text.length - bodyOffset;
  if (length > MAX_BODY_CHARS) {
    return { offset: bodyOffset + MAX_BODY_CHARS, message: `The body is ${length.toLocaleString('en')} characters long; Seam reads at most ${MAX_BODY_CHARS.toLocaleString('en')} (a record's body is a few thousand), so this body was refused, not checked. Split it into smaller records.` };
  }
  const deep = excessiveNesting(text);
  return deep && { offset: deep.offset, message: nestingMessage(deep.depth) };
}

/** Where a body first nests deeper than MAX_NESTING (offset into `body`, and the line's depth), if it does. */
export function excessiveNesting(body: string): { offset: number; depth: number } | undefined {
  let lineStart = 0;
  for (;;) {
    let i = lineStart;
    let depth = 0;
    let tooDeepAt: number | undefined;
    // Each container marker of the line once: the scan of a line is linear in its length.
    for (let next = nextMarker(body, i); next !== undefined; next = nextMarker(body, i)) {
      i = next;
      if (++depth > MAX_NESTING) tooDeepAt ??= i;
    }
    if (tooDeepAt !== undefined) return { offset: tooDeepAt, depth };
    const newline = body.indexOf('\n', i);
    if (newline < 0) return undefined;
    lineStart = newline + 1;
  }
}

/** The offset after the container marker (`>`, `-`, `*`, `+`, `1.`, `1)`) at `i`, spaces first; `undefined` for none. */
function nextMarker(body: string, i: number): number | undefined {
  while (body[i] === ' ' || body[i] === '\t') i++;
  const c = body[i];
  if (c === '>') return i + 1;
  const spaced = (at: number) => body[at] === ' ' || body[at] === '\t';
  if ((c === '-' || c === '*' || c === '+') && spaced(i + 1)) return i + 2;
  if (c !== undefined && c >= '0' && c <= '9') {
    let j = i;
    while (j - i < 9 && body[j]! >= '0' && body[j]! <= '9') j++;
    if ((body[j] === '.' || body[j] === ')') && spaced(j + 1)) return j + 2;
  }
  return undefined;
}

/** The finding text for a body that nests too deeply. */
function nestingMessage(depth: number): string {
  return `The text nests lists or quotes ${depth} levels deep; Seam reads at most ${MAX_NESTING}, so this body was refused, not checked. Flatten the structure.`;
}
