// The frontmatter edits fixes are built from: the file offsets of a scalar value, and a block list as
// whole lines that can be reordered. Anything they cannot edit safely is undefined: no fix is offered.
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/lint/engine.ts';
import { parseSource } from '../../src/model/source.ts';
import { blockSequenceItems, scalarRange } from '../../src/rule-kit/yaml-edit.ts';

const record = (...frontmatter: string[]) => parseSource(['---', ...frontmatter, '---', '', '## Scope', '', 'Text.', ''].join('\n'), 'projects/alpha/plan.mdx');

describe('scalarRange', () => {
  it('gives the file offsets of a value in frontmatter, past the opening ---', () => {
    const source = record('title: Plan', 'budget:', '  total: 1200', '  lines:', '    - amount: 400');
    const [start, end] = scalarRange(source, ['budget', 'total'])!;
    expect(source.text.slice(start, end)).toBe('1200');
    const [itemStart, itemEnd] = scalarRange(source, ['budget', 'lines', 0, 'amount'])!;
    expect(source.text.slice(itemStart, itemEnd)).toBe('400');
  });

  it('covers a quoted value with its quotes, so replacing the range keeps the YAML valid', () => {
    const source = record('version: "1.0"');
    const [start, end] = scalarRange(source, ['version'])!;
    expect(source.text.slice(start, end)).toBe('"1.0"');
  });

  it('is undefined for a missing path, a map or list, and a file without frontmatter', () => {
    const source = record('title: Plan', 'budget:', '  total: 1200');
    expect(scalarRange(source, ['budget', 'contingency'])).toBeUndefined();
    expect(scalarRange(source, ['budget'])).toBeUndefined();
    expect(scalarRange(parseSource('# Notes\n', 'docs/notes.md'), ['title'])).toBeUndefined();
  });
});

describe('blockSequenceItems', () => {
  it('gives a block list as whole lines, nested fields included, that reorder by joining', () => {
    const source = record('title: Plan', 'milestones:', '  - id: build', '    due: 2026-09-01', '  - id: design', '    due: 2026-06-01', 'total: 3');
    const list = blockSequenceItems(source, ['milestones'])!;
    expect(list.items).toEqual(['  - id: build\n    due: 2026-09-01\n', '  - id: design\n    due: 2026-06-01\n']);
    const reordered = applyFixes(source.text, [{ start: list.start, end: list.end, text: [list.items[1], list.items[0]].join('') }]);
    expect(reordered).toBe(record('title: Plan', 'milestones:', '  - id: design', '    due: 2026-06-01', '  - id: build', '    due: 2026-09-01', 'total: 3').text);
  });

  it('handles a list at the end of the frontmatter and a comment after the last item', () => {
    const source = record('sponsors:', '- ana', '- ben  # interim');
    expect(blockSequenceItems(source, ['sponsors'])!.items).toEqual(['- ana\n', '- ben  # interim\n']);
  });

  it('is undefined for a flow list, an empty list, a scalar, a missing path, and items sharing a line', () => {
    const source = record('sponsors: [ana, ben]', 'none: []', 'title: Plan', 'nested:', '  - - a', '    - b');
    expect(blockSequenceItems(source, ['sponsors'])).toBeUndefined();
    expect(blockSequenceItems(source, ['none'])).toBeUndefined();
    expect(blockSequenceItems(source, ['title'])).toBeUndefined();
    expect(blockSequenceItems(source, ['missing'])).toBeUndefined();
    expect(blockSequenceItems(source, ['nested', 0])).toBeUndefined();
  });
});
