// A source restored from what the lint cache kept (src/model/source.ts `restoreSource`) is the source a
// fresh parse gives; its YAML data is read from the cache when first asked for, and a file whose kept
// data cannot be read is parsed again rather than trusted or failed.
import { describe, expect, it } from 'vitest';
import { parsedPart, parseSource, restoreSource } from '../../src/model/source.ts';

const TEXT = '---\ntitle: Ledger\nowner: harbour-mutual\n---\n\n## Purpose\n\nBooks.\n';

describe('restoreSource', () => {
  it('reads the kept data once, when first asked for', () => {
    const fresh = parseSource(TEXT, 'systems/ledger.mdx');
    let reads = 0;
    const kept = { ...parsedPart(fresh) };
    Object.defineProperty(kept, 'data', { get: () => (reads++, fresh.data) });
    const restored = restoreSource(TEXT, 'systems/ledger.mdx', kept);
    expect(reads).toBe(0);
    expect(restored.data).toEqual({ title: 'Ledger', owner: 'harbour-mutual' });
    expect(restored.data).toBe(restored.data);
    expect(reads).toBe(1);
  });

  it('parses the text again when the kept data does not decode', () => {
    const fresh = parseSource(TEXT, 'systems/ledger.mdx');
    const kept = { ...parsedPart(fresh) };
    Object.defineProperty(kept, 'data', { get: () => { throw new Error('Unable to deserialize cloned data.'); } });
    const restored = restoreSource(TEXT, 'systems/ledger.mdx', kept);
    expect(restored.data).toEqual(fresh.data);
    expect(restored.locate(['owner'])).toEqual(fresh.locate(['owner']));
  });
});
