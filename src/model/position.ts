// Offsets into a text as 1-based lines and columns: the one conversion every located problem and
// finding goes through. Columns count UTF-16 code units, as offsets do (and as editors and SARIF expect).
import type { Position } from './problem.ts';

/**
 * What ends a line. `lf`: a line feed, so CRLF ends a line and a lone CR does not — as the YAML parser
 * counts lines, and what content files hold. `any`: CRLF, CR or LF, as Mermaid's lexer reads a diagram.
 */
export type LineEnds = 'lf' | 'any';

/** The offsets at which lines start in `text`, the first at `from` (lines end at LF). */
export function lineStarts(text: string, from = 0): number[] {
  const starts = [from];
  for (let i = text.indexOf('\n', from); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Turns 0-based offsets into `text` into 1-based positions, by binary search over the line starts
 * (computed once: ask it for as many offsets as you like). An offset past the end counts on from the
 * last line; a negative one is the first line's start.
 */
export function positionsIn(text: string, lineEnds: LineEnds = 'lf'): (offset: number) => Position {
  const starts = lineEnds === 'lf' ? lineStarts(text) : [0, ...[...text.matchAll(/\r\n?|\n/g)].map((m) => m.index + m[0].length)];
  return (offset) => {
    const at = Math.max(0, offset);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - starts[low] + 1 };
  };
}
