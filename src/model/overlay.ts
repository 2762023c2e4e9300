// A read-only map over another: it answers from a few changed entries first, then from the map it
// overlays, so that a graph updated for one file (an editor's keystroke) shares every other entry of
// the graph it was updated from instead of copying them (src/model/graph.ts `updateGraph`).

/** An entry's new value, made on first need; `undefined` in place of one: the key is gone. */
export type Lazy<V> = () => V;

/**
 * `base` with `changes` laid over it: a key in `changes` has the value its function gives (made once,
 * on first need), or none when it maps to `undefined`; any other key is `base`'s. Iteration follows
 * `base`'s order, with a replaced key where it was (when it ranks as before) and an added key where a
 * map built afresh in `rank` order would have it: `base` must iterate in ascending `rank` (each map
 * here is built in file order, and `rank` gives an entry's first file). Asking costs the number of
 * changes, never the base's size; iterating costs the base's size, as a map's does.
 */
export class OverlayMap<K, V> implements ReadonlyMap<K, V> {
  readonly size: number;
  /** How many overlays lie under this one. */
  readonly depth: number;
  readonly #base: ReadonlyMap<K, V>;
  readonly #changes: ReadonlyMap<K, Lazy<V> | undefined>;
  readonly #made = new Map<K, V>();
  readonly #rank: (key: K, value: V) => string;

  constructor(base: ReadonlyMap<K, V>, changes: ReadonlyMap<K, Lazy<V> | undefined>, rank: (key: K, value: V) => string) {
    this.#base = base;
    this.#changes = changes;
    this.#rank = rank;
    this.depth = base instanceof OverlayMap ? base.depth + 1 : 0;
    let size = base.size;
    for (const [key, value] of changes) {
      if (base.has(key) && value === undefined) size--;
      else if (!base.has(key) && value !== undefined) size++;
    }
    this.size = size;
  }

  get(key: K): V | undefined {
    if (!this.#changes.has(key)) return this.#base.get(key);
    const make = this.#changes.get(key);
    if (make === undefined) return undefined;
    if (!this.#made.has(key)) this.#made.set(key, make());
    return this.#made.get(key);
  }

  has(key: K): boolean {
    return this.#changes.has(key) ? this.#changes.get(key) !== undefined : this.#base.has(key);
  }

  *entries(): MapIterator<[K, V]> {
    // The added keys, and those whose new value ranks elsewhere (a list whose first file changed), in
    // rank order, each placed before the first base entry that ranks after it.
    const kept = new Set<K>();
    const placed: { key: K; rank: string }[] = [];
    for (const [key, make] of this.#changes) {
      if (make === undefined) continue;
      const rank = this.#rank(key, this.get(key)!);
      if (this.#base.has(key) && rank === this.#rank(key, this.#base.get(key)!)) kept.add(key);
      else placed.push({ key, rank });
    }
    placed.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
    let next = 0;
    for (const [key, value] of this.#base) {
      if (next < placed.length) {
        const rank = this.#rank(key, value);
        while (next < placed.length && placed[next]!.rank < rank) {
          const { key: k } = placed[next++]!;
          yield [k, this.get(k)!];
        }
      }
      if (!this.#changes.has(key)) yield [key, value];
      else if (kept.has(key)) yield [key, this.get(key)!];
    }
    while (next < placed.length) {
      const { key } = placed[next++]!;
      yield [key, this.get(key)!];
    }
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(visit: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) visit.call(thisArg, value, key, this);
  }

  get [Symbol.toStringTag](): string {
    return 'OverlayMap';
  }
}
