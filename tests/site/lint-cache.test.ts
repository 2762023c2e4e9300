// The site's lint reads the cache `seam lint --cache` leaves at its default place, and only reads it: a
// CI job that lints and then builds checks each unchanged file once, with the same findings and
// coverage as a build without the cache; the cache files stay byte for byte as the CLI wrote them,
// whether every file hits, some miss after an edit, or the cache was written with other settings or is
// corrupt (then it is not used, and one line says so, truthfully: nothing is rewritten).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSource } from '../../src/model/source.ts';
import { computeSiteLint, type SiteLint } from '../../src/site/data/lint-state.ts';
import { seamProcess } from '../helpers/cli.ts';
import { EXAMPLE_CONTENT, REPO } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * A repository holding a copy of the example content and this repository's seam.config.yaml (its
 * custom rule, its plugin — named by its absolute path, as it imports Seam's sources — overrides and
 * internal audience), so the cache's key covers all of them.
 */
function exampleRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), 'seam-site-cache-'));
  made.push(repo);
  cpSync(EXAMPLE_CONTENT, join(repo, 'content'), { recursive: true });
  const config = readFileSync(join(REPO, 'seam.config.yaml'), 'utf8');
  const plugged = config.replace('- seam-rules/status-summary-length.ts', `- ${join(REPO, 'seam-rules/status-summary-length.ts')}`);
  expect(plugged).not.toBe(config);
  writeFileSync(join(repo, 'seam.config.yaml'), plugged);
  return repo;
}

const CACHE_DIR = (repo: string) => join(repo, 'node_modules/.cache/seam');
const CACHE_FILE = (repo: string) => join(CACHE_DIR(repo), 'lint-cache.json');

/** `seam lint --cache` as CI runs it: the real command, from the repository root. */
function lintWithCache(repo: string, extra: string[] = []): void {
  const r = seamProcess(['lint', '--cache', '--format', 'json', ...extra], { cwd: repo });
  expect(r.code, r.stderr).toBeLessThan(2);
  expect(existsSync(CACHE_FILE(repo))).toBe(true);
}

/** Every file in the cache folder and its bytes. */
function cacheBytes(repo: string): Map<string, Buffer> {
  const dir = CACHE_DIR(repo);
  return new Map((readdirSync(dir, { recursive: true }) as string[]).sort().map((name) => [name, readFileSync(join(dir, name))]));
}

/** The site's lint with the notices it gives. */
async function siteLint(repo: string): Promise<{ state: SiteLint; notices: string[] }> {
  const notices: string[] = [];
  const state = await computeSiteLint({ cwd: repo, env: {}, notice: (line) => notices.push(line) });
  return { state, notices };
}

/** The site's lint as if no cache had been written (the cache folder moved away meanwhile). */
async function withoutCache(repo: string): Promise<SiteLint> {
  const modules = join(repo, 'node_modules');
  const aside = join(repo, 'node_modules.aside');
  const had = existsSync(modules);
  if (had) renameSync(modules, aside);
  try {
    const { state, notices } = await siteLint(repo);
    expect(notices).toEqual([]);
    expect(state.lintCache).toBeUndefined();
    return state;
  } finally {
    if (had) renameSync(aside, modules);
  }
}

/** What pages show of the lint: findings (as this build's audience reads them), coverage, the rule catalogue. */
const shown = (state: SiteLint) => ({ findings: state.findings, coverage: state.coverage, rules: state.rules });

const STATUS = 'content/projects/policy-admin-migration/status/2026-11-13.mdx';

describe('the site lint and the lint cache', () => {
  it('takes unchanged files\' findings from the CLI\'s cache, finds what it finds without it, and never writes the cache', { timeout: 600_000 }, async () => {
    const repo = exampleRepo();
    // No cache: the lint checks every file, says nothing and writes nothing.
    const cold = await siteLint(repo);
    expect(cold.state.lintCache).toBeUndefined();
    expect(cold.notices).toEqual([]);
    expect(existsSync(CACHE_DIR(repo))).toBe(false);
    expect(cold.state.findings.length).toBeGreaterThan(0);

    lintWithCache(repo);
    const written = cacheBytes(repo);
    expect([...written.keys()]).toEqual(['lint-cache.json', 'lint-cache.json.inputs']);

    // Every file hits: nothing is checked, and pages see exactly what a build without the cache shows.
    const warm = await siteLint(repo);
    expect(warm.notices).toEqual([]);
    expect(warm.state.lintCache?.checked).toBe(0);
    expect(warm.state.lintCache?.reused).toBeGreaterThan(100);
    expect(shown(warm.state)).toEqual(shown(cold.state));
    expect(cacheBytes(repo)).toEqual(written);
    // Records restored from the cache's inputs still give pages their data, text and field positions once their syntax is let go.
    const charter = warm.state.recordOf('charter', 'policy-admin-migration')!;
    const fresh = readSource(join(warm.state.contentRoot, charter.file), charter.file);
    expect(charter.source.text).toBe(fresh.text);
    expect(charter.source.data).toEqual(fresh.data);
    expect(charter.source.body).toBe(fresh.body);
    expect(charter.source.locate(['title'])).toEqual(fresh.locate(['title']));

    // An edit that changes findings elsewhere in its project: those files miss and are checked, the
    // rest hit, the findings are a fresh build's, and the cache is still not touched.
    const path = join(repo, STATUS);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n {4}budgetLine: data-remediation/, ''));
    const edited = await siteLint(repo);
    expect(edited.notices).toEqual([]);
    expect(edited.state.lintCache!.checked).toBeGreaterThan(0);
    expect(edited.state.lintCache!.reused).toBeGreaterThan(0);
    expect(edited.state.lintCache!.reused + edited.state.lintCache!.checked).toBe(warm.state.lintCache!.reused);
    const fresh2 = await withoutCache(repo);
    expect(shown(edited.state)).toEqual(shown(fresh2));
    expect(shown(edited.state)).not.toEqual(shown(cold.state));
    expect(cacheBytes(repo)).toEqual(written);
  });

  it('does not use a cache written with other settings, nor a corrupt one, says so in one line, and leaves it as it was', { timeout: 600_000 }, async () => {
    const repo = exampleRepo();
    const fresh = await withoutCache(repo);

    // Another reference date: another key.
    lintWithCache(repo, ['--today', '2027-03-01']);
    const written = cacheBytes(repo);
    const foreign = await siteLint(repo);
    expect(foreign.notices).toEqual([expect.stringMatching(/^seam: ignoring the lint cache .*lint-cache\.json: it was written by another Seam version or with other settings \(rules, configuration, content folder or date\); checking every file\.$/)]);
    expect(foreign.state.lintCache).toEqual({ reused: 0, checked: expect.any(Number) });
    expect(foreign.state.lintCache!.checked).toBeGreaterThan(100);
    expect(shown(foreign.state)).toEqual(shown(fresh));
    expect(cacheBytes(repo)).toEqual(written);

    // Both files corrupt: still one line, nothing rewritten.
    writeFileSync(CACHE_FILE(repo), '{"format": 2, "engine": "tru');
    writeFileSync(`${CACHE_FILE(repo)}.inputs`, 'seam lint inputs 2\nnot really');
    const garbage = cacheBytes(repo);
    const corrupt = await siteLint(repo);
    expect(corrupt.notices).toEqual([expect.stringMatching(/^seam: ignoring the lint cache('s inputs)? .*: it is corrupt or truncated; (checking every file|reading every file afresh)\.$/)]);
    expect(corrupt.state.lintCache).toEqual({ reused: 0, checked: foreign.state.lintCache!.checked });
    expect(shown(corrupt.state)).toEqual(shown(fresh));
    expect(cacheBytes(repo)).toEqual(garbage);
  });
});
