// Fixes are data, applied in one place: `applyFixes` applies a file's edits earliest first, and an edit
// that overlaps one already applied waits for the next `--fix` pass (the engine re-lints between passes).
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/lint/engine.ts';

describe('applyFixes', () => {
  it('returns the text unchanged when there is nothing to fix', () => {
    expect(applyFixes('total: 10\n', [])).toBe('total: 10\n');
  });

  it('replaces, inserts and deletes by offsets, whatever order the fixes come in', () => {
    const text = 'total: 10\nitems: [b, a]\n';
    const fixes = [
      { start: 18, end: 22, text: 'a, b' }, // reorder the list
      { start: 7, end: 9, text: '12' }, // correct the total
      { start: 0, end: 0, text: '# fixed\n' }, // insert at the start
      { start: 23, end: 24, text: '' }, // delete the final newline
    ];
    expect(applyFixes(text, fixes)).toBe('# fixed\ntotal: 12\nitems: [a, b]');
  });

  it('applies the earlier of two overlapping fixes and leaves the other for the next pass', () => {
    const text = 'reviewBy: 2024-01-31\n';
    const later = { start: 15, end: 20, text: '12-31' };
    const earlier = { start: 10, end: 17, text: '2025-06' };
    const once = applyFixes(text, [later, earlier]);
    expect(once).toBe('reviewBy: 2025-06-31\n');
  });

  it('keeps two insertions at the same offset in the order given, and an edit that starts where another ends', () => {
    expect(applyFixes('ab', [{ start: 1, end: 1, text: 'X' }, { start: 1, end: 1, text: 'Y' }])).toBe('aXYb');
    expect(applyFixes('abcd', [{ start: 2, end: 4, text: 'D' }, { start: 0, end: 2, text: 'B' }])).toBe('BD');
  });

  it('counts offsets in UTF-16 code units, so text after an emoji or an accent is edited in place', () => {
    const text = 'title: Café 🦀 launch\nowner: Zoë\n';
    const start = text.indexOf('launch');
    const owner = text.indexOf('Zoë');
    expect(applyFixes(text, [{ start: owner, end: owner + 3, text: 'Zoë Brown' }, { start, end: start + 6, text: 'go-live' }])).toBe('title: Café 🦀 go-live\nowner: Zoë Brown\n');
  });
});
