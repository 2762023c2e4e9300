// Whether a process is a site build, where the graph-wide data is computed once: by the `astro build`
// command as well as Vite's PROD flag, so a build started with another NODE_ENV (a test runner's `test`,
// a developer's `development`) still memoises instead of recomputing the data for every page.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/content.ts';

const module = pathToFileURL(join(REPO, 'src/site/data/build-stats.ts')).href;

/** IS_BUILD as a plain Node process (no Vite, so no PROD flag) with these arguments sees it. */
function isBuild(...args: string[]): string {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(module)}); process.stdout.write(String(m.IS_BUILD));`, ...args], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'test' } });
  expect(run.stderr).toBe('');
  return run.stdout;
}

describe('IS_BUILD', () => {
  it('is true in the `astro build` command, whatever NODE_ENV says', () => {
    expect(isBuild('build')).toBe('true');
    expect(isBuild('build', '--outDir', '/tmp/site')).toBe('true');
  });

  it('is false in any other command (dev, sync, check), where every page reads the content as it is now', () => {
    expect(isBuild('dev')).toBe('false');
    expect(isBuild('sync')).toBe('false');
    expect(isBuild()).toBe('false');
  });
});
