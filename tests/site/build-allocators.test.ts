// The allocator settings `npm run build` gives astro (scripts/build-site.ts): checked against the
// allocator they are for, Rolldown's own mimalloc, which prints the options it runs with when asked to
// be verbose. A setting it does not recognise (a misspelt name, an option a newer mimalloc dropped)
// would show its default there.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { allocatorSettings } from '../../scripts/build-site.ts';

const REPO = new URL('../..', import.meta.url);

/** The options Rolldown's mimalloc reports after bundling one tiny module in a process with `env`. */
function mimallocOptions(env: NodeJS.ProcessEnv): Map<string, string> {
  const bundle = `const { rolldown } = await import('rolldown');
const b = await rolldown({ input: 'x', plugins: [{ name: 'x', resolveId: (id) => id, load: () => 'export default 1' }] });
await b.generate({});
await b.close();`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', bundle], { cwd: REPO, encoding: 'utf8', env: { PATH: process.env.PATH, ...env, MIMALLOC_VERBOSE: '1' } });
  expect(r.status, r.stderr).toBe(0);
  return new Map([...`${r.stdout}${r.stderr}`.matchAll(/^option '(\w+)': (\S+)/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('the site build\'s allocator settings', () => {
  it('have Rolldown\'s mimalloc purge at once and commit its arenas only as they are used', () => {
    const options = mimallocOptions(allocatorSettings({}));
    expect(options.get('purge_delay')).toBe('0');
    expect(options.get('arena_eager_commit')).toBe('0');
    // Without them mimalloc waits a second before purging and commits whole arenas up front.
    const defaults = mimallocOptions({});
    expect(defaults.get('purge_delay')).not.toBe('0');
    expect(defaults.get('arena_eager_commit')).not.toBe('0');
  });

  it('leave what the environment already sets', () => {
    const env = allocatorSettings({ MIMALLOC_ARENA_EAGER_COMMIT: '1', MALLOC_ARENA_MAX: '8', OTHER: 'x' });
    expect(env).toMatchObject({ MIMALLOC_ARENA_EAGER_COMMIT: '1', MIMALLOC_PURGE_DELAY: '0', MALLOC_ARENA_MAX: '8', OTHER: 'x' });
  });
});
