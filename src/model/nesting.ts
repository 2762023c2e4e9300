// A bound on how deeply a Markdown body nests lists and block quotes. The Markdown parser's work and
// stack grow with nesting, so a few kilobytes of `> > > …` or `- - - …` could stall or crash a lint run
// or a site build. Real records nest a handful of levels; a body nested deeper than MAX_NESTING is
// refused (not checked, not rendered) with the place where it goes too deep. The scan reads each line's
// leading container markers once: linear in the text.

/** The deepest nesting of lists and block quotes a body may have. */
export const MAX_NESTING = 32;

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
export function nestingMessage(depth: number): string {
  return `The text nests lists or quotes ${depth} levels deep; Seam reads at most ${MAX_NESTING}, so this body was refused, not checked. Flatten the structure.`;
}
