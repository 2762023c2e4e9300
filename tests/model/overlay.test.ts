// OverlayMap: a map laid over another answers as the map built afresh with the same entries would —
// every key, its value, the size, and the order of iteration — without copying the base.
import { describe, expect, it } from 'vitest';
import { OverlayMap } from '../../src/model/overlay.ts';

/** Entries keyed by a file, ranked by it: the base is in rank order, as a graph's maps are. */
const base = new Map([['b.mdx', 'B'], ['d.mdx', 'D'], ['f.mdx', 'F']]);
const byFile = (key: string) => key;
const lazy = (value: string) => () => value;

describe('OverlayMap', () => {
  it('answers from the changes first: replaced, removed and added keys, in the order a fresh map in rank order has them', () => {
    const made: string[] = [];
    const changes = new Map<string, (() => string) | undefined>([
      ['d.mdx', () => (made.push('d'), 'D2')],
      ['b.mdx', undefined],
      ['a.mdx', lazy('A')],
      ['e.mdx', lazy('E')],
      ['z.mdx', lazy('Z')],
      ['gone.mdx', undefined],
    ]);
    const map = new OverlayMap(base, changes, byFile);
    // A value is made once, on first need.
    expect(made).toEqual([]);
    expect(map.get('d.mdx')).toBe('D2');
    expect(map.get('d.mdx')).toBe('D2');
    expect(made).toEqual(['d']);
    expect(map.get('b.mdx')).toBeUndefined();
    expect(map.has('b.mdx')).toBe(false);
    expect(map.has('gone.mdx')).toBe(false);
    expect(map.has('f.mdx')).toBe(true);
    expect(map.get('a.mdx')).toBe('A');
    const fresh = new Map([['a.mdx', 'A'], ['d.mdx', 'D2'], ['e.mdx', 'E'], ['f.mdx', 'F'], ['z.mdx', 'Z']]);
    expect(map.size).toBe(fresh.size);
    expect([...map]).toEqual([...fresh]);
    expect([...map.keys()]).toEqual([...fresh.keys()]);
    expect([...map.values()]).toEqual([...fresh.values()]);
    const visited: string[] = [];
    map.forEach((value, key) => visited.push(`${key}=${value}`));
    expect(visited).toEqual([...fresh].map(([k, v]) => `${k}=${v}`));
    // The base is left as it was.
    expect([...base]).toEqual([['b.mdx', 'B'], ['d.mdx', 'D'], ['f.mdx', 'F']]);
  });

  it('moves a replaced key whose new value ranks elsewhere (a list whose first file changed), and overlays an overlay', () => {
    // Keys are record types, values the first file of each: `d` now starts at a.mdx, before `b`.
    const types = new Map([['b', 'b.mdx'], ['d', 'd.mdx'], ['f', 'f.mdx']]);
    const moved = new OverlayMap(types, new Map([['d', lazy('a.mdx')]]), (_key, first) => first);
    expect([...moved]).toEqual([['d', 'a.mdx'], ['b', 'b.mdx'], ['f', 'f.mdx']]);
    const again = new OverlayMap(moved, new Map([['c', lazy('c.mdx')], ['f', undefined]]), (_key, first) => first);
    expect(again.depth).toBe(1);
    expect([...again]).toEqual([['d', 'a.mdx'], ['b', 'b.mdx'], ['c', 'c.mdx']]);
    expect(again.size).toBe(3);
    expect(new Map(again)).toEqual(new Map([['d', 'a.mdx'], ['b', 'b.mdx'], ['c', 'c.mdx']]));
  });
});
