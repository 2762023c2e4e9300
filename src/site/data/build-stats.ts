// How many times the site build ran each graph-wide step (reading every record, linting, indexing the
// records pages look up): a build must run each a fixed number of times, however many pages it renders,
// or a page's cost grows with the number of other records and the build with their square. Counted
// always (a counter costs nothing); written as JSON to the file SEAM_BUILD_STATS names when the build
// process exits, so a test can check the counts without timing anything (tests/e2e/build-linearity.test.ts).
import { writeFileSync } from 'node:fs';

/**
 * Whether this process is a site build (`astro build`), where graph-wide data is computed once: by the
 * command, not only by Vite's PROD flag, which a caller's NODE_ENV (a test runner's `test`) turns off,
 * and with it the once-per-build memos, so every page recomputed them (500 collection reads a build).
 */
export const IS_BUILD: boolean = import.meta.env?.PROD === true || process.argv.includes('build');

const counts: Record<string, number> = {};
let reporting = false;

/** Counts one run of a graph-wide step of the site build. */
export function countBuildStep(step: string): void {
  counts[step] = (counts[step] ?? 0) + 1;
  const file = process.env.SEAM_BUILD_STATS;
  if (file && !reporting) {
    reporting = true;
    process.on('exit', () => writeFileSync(file, `${JSON.stringify(counts, null, 2)}\n`));
  }
}
