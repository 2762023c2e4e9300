// Offsets to lines and columns: the one conversion every located problem goes through.
import { describe, expect, it } from 'vitest';
import { lineStarts, positionsIn } from '../../src/model/position.ts';

describe('positionsIn', () => {
  it('counts lines and columns from 1', () => {
    const at = positionsIn('title: A\nowner: B\n');
    expect(at(0)).toEqual({ line: 1, column: 1 });
    expect(at(7)).toEqual({ line: 1, column: 8 });
    expect(at(9)).toEqual({ line: 2, column: 1 });
    expect(at(16)).toEqual({ line: 2, column: 8 });
  });

  it('places the offset of a line feed at the end of its line, and the end of the text after the last line feed', () => {
    const at = positionsIn('a\nb\n');
    expect(at(1)).toEqual({ line: 1, column: 2 });
    expect(at(4)).toEqual({ line: 3, column: 1 });
  });

  it('ends lines at LF by default: CRLF ends one, a lone CR does not', () => {
    const at = positionsIn('a\r\nb\rc\nd');
    expect(at(3)).toEqual({ line: 2, column: 1 });
    expect(at(5)).toEqual({ line: 2, column: 3 });
    expect(at(7)).toEqual({ line: 3, column: 1 });
  });

  it("ends lines at CRLF, CR or LF when asked to read like Mermaid", () => {
    const at = positionsIn('a\r\nb\rc\nd', 'any');
    expect(at(3)).toEqual({ line: 2, column: 1 });
    expect(at(5)).toEqual({ line: 3, column: 1 });
    expect(at(7)).toEqual({ line: 4, column: 1 });
  });

  it('counts columns in UTF-16 code units, as offsets do', () => {
    const text = 'name: 🦀 café\nnext';
    const at = positionsIn(text);
    expect(at(text.indexOf('café'))).toEqual({ line: 1, column: 10 });
    expect(at(text.indexOf('next'))).toEqual({ line: 2, column: 1 });
  });

  it('answers for an empty text, and for offsets outside the text', () => {
    expect(positionsIn('')(0)).toEqual({ line: 1, column: 1 });
    expect(positionsIn('ab\ncd')(-5)).toEqual({ line: 1, column: 1 });
    expect(positionsIn('ab\ncd')(99)).toEqual({ line: 2, column: 97 });
  });
});

describe('lineStarts', () => {
  it('lists where each line starts, from an offset when given one', () => {
    expect(lineStarts('ab\ncd\n\nef')).toEqual([0, 3, 6, 7]);
    expect(lineStarts('ab\ncd\nef', 4)).toEqual([4, 6]);
  });
});
