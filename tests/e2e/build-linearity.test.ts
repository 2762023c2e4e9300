// The site build is linear in the number of records: every step that reads or indexes the whole record
// graph (the collections, the lint run, the project and backlink indexes, the published findings) runs
// once per build, however many pages use it. A page that recomputed one would make each page cost grow
// with the number of other records, and the build with their square (issue 15: 37 ms a page at 100
// projects, 149 ms at 300). The shared e2e build counts its steps (src/site/data/build-stats.ts); this
// checks the counts, so the guard needs no timing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordTypes } from '../../src/model/record-types.ts';
import { sharedSite } from './harness.ts';

const pages = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? pages(join(dir, e.name)) : e.name.endsWith('.html') ? 1 : 0), 0);

describe('site build linearity', () => {
  it('runs every graph-wide step once per build, not once per page', () => {
    const { outDir, buildStats } = sharedSite();
    const counts = JSON.parse(readFileSync(buildStats, 'utf8')) as Record<string, number>;
    // Enough pages that a step run per page (or per project) could not pass as "once".
    expect(pages(outDir)).toBeGreaterThan(50);
    const steps = ['site-lint', 'published', 'site-index', 'reference-lookup', 'published-findings', 'coverage-views', 'trace-views', 'handbook-pages', ...recordTypes.map((t) => `collection:${t.name}`)];
    // Every step is counted (the instrumentation is alive), and each ran exactly once.
    expect(Object.keys(counts).sort()).toEqual([...steps].sort());
    expect(counts).toEqual(Object.fromEntries(steps.map((s) => [s, 1])));
  });
});
