// The persistent lint cache and `--changed`: a warm run after an edit reports byte for byte what a cold
// run reports, on edits that change findings in other files than the one edited (a renamed system, a
// removed stakeholder, a new status report, another project's lessons); it checks again only the files
// the edit can affect; a corrupt or foreign cache is ignored with a notice; and `--changed` reports,
// for the files it selects, exactly the full run's findings, selecting every file whose findings moved.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.ts';
import { cachedChecker, type CacheStats } from '../../src/lint/cache.ts';
import { lint, resolveRuleSettings } from '../../src/lint/engine.ts';
import { loadConfig } from '../../src/model/config.ts';
import { seam } from '../helpers/cli.ts';
import { EXAMPLE_CONTENT } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

/** A repository holding a copy of the example content and a config, committed on `main`. */
function exampleRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), 'seam-cache-'));
  made.push(repo);
  cpSync(EXAMPLE_CONTENT, join(repo, 'content'), { recursive: true });
  writeFileSync(join(repo, 'seam.config.yaml'), 'content: content\ntoday: 2026-11-20\nstandards:\n  primary: eskitp5045\n');
  writeFileSync(join(repo, '.gitignore'), 'node_modules/\n*.json\n');
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'content');
  return repo;
}

const PAM = 'content/projects/policy-admin-migration';
const edit = (repo: string, file: string, change: (text: string) => string) => {
  const path = join(repo, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `the edit changes ${file}`).not.toBe(before);
  writeFileSync(path, after);
};

/** Edits whose effect reaches files other than the one edited (each changes the full run's findings). */
const EDITS: { name: string; apply: (repo: string) => void }[] = [
  {
    name: 'a renamed system',
    apply: (repo) => renameSync(join(repo, 'content/systems/general-ledger.mdx'), join(repo, 'content/systems/core-ledger.mdx')),
  },
  {
    name: 'a removed stakeholder',
    // Gareth Llewellyn owns a deviation in the latest status report.
    apply: (repo) => edit(repo, `${PAM}/stakeholders.mdx`, (t) => t.replace(/ {2}- id: gareth-llewellyn\n[\s\S]*?(?= {2}- id: )/, '')),
  },
  {
    name: 'a new status report',
    // The newest report drops the open issue on the overspent budget line: the plan's finding moves.
    apply: (repo) => {
      const text = readFileSync(join(repo, `${PAM}/status/2026-11-13.mdx`), 'utf8');
      writeFileSync(join(repo, `${PAM}/status/2026-11-20.mdx`), text.replace('date: 2026-11-13', 'date: 2026-11-20').replace(/\n {4}budgetLine: data-remediation/, ''));
    },
  },
  {
    name: 'another project\'s lessons',
    // Charters elsewhere are compared with every project's lessons.
    apply: (repo) => rmSync(join(repo, 'content/projects/finance-ledger-consolidation/lessons.mdx')),
  },
];

async function report(repo: string, format: 'json' | 'sarif', extra: string[] = []) {
  const r = await seam(['lint', '--format', format, ...extra], { cwd: repo });
  expect(r.code, r.stderr).toBeLessThan(2);
  return r;
}

describe('seam lint --cache', () => {
  it('reports byte for byte what a cold run reports, after edits that change other files\' findings', { timeout: 600_000 }, async () => {
    const repo = exampleRepo();
    const cache = ['--cache-location', 'cache/'];
    const first = await report(repo, 'json', cache);
    expect(first.stderr).toBe('');
    expect(existsSync(join(repo, 'cache/lint-cache.json'))).toBe(true);
    // Unchanged content: the warm run reads every file's findings from the cache.
    expect((await report(repo, 'json', cache)).stdout).toBe(first.stdout);
    let previous = first.stdout;
    for (const { name, apply } of EDITS) {
      apply(repo);
      const cold = await report(repo, 'json');
      expect(cold.stdout, `${name} changes the findings`).not.toBe(previous);
      const warm = await report(repo, 'json', cache);
      expect(warm.stdout, name).toBe(cold.stdout);
      expect(warm.stderr, name).toBe('');
      // SARIF too, from the cache the JSON run just refreshed.
      expect((await report(repo, 'sarif', cache)).stdout, name).toBe((await report(repo, 'sarif')).stdout);
      previous = cold.stdout;
    }
  });

  it('checks again only the files an edit to one status report can affect', { timeout: 300_000 }, async () => {
    const repo = exampleRepo();
    const root = join(repo, 'content');
    const { config } = loadConfig(repo);
    const { settings } = resolveRuleSettings(rules, config);
    const file = join(repo, 'cache.json');
    const notices: string[] = [];
    const run = async () => {
      const stats: CacheStats = { reused: 0, checked: 0 };
      const { result } = await lint({ root, cwd: repo, config, today: '2026-11-20', settings, checker: cachedChecker(file, (l) => notices.push(l), stats) });
      return { result, stats };
    };
    const cold = await run();
    const total = cold.result.files.length;
    expect(cold.stats).toEqual({ reused: 0, checked: total });
    expect((await run()).stats).toEqual({ reused: total, checked: 0 });

    edit(repo, `${PAM}/status/2026-10-30.mdx`, (t) => t.replace(/^rag: \w+$/m, 'rag: red'));
    const warm = await run();
    // The project's own files, and the files elsewhere that name the project (claims-consolidation's
    // charter, handbook pages and catalogue entries that link to it); not the other projects' files.
    const names = (f: string) => /(^|[^a-z0-9_-])policy-admin-migration($|[^a-z0-9_-])/i.test(readFileSync(join(repo, f), 'utf8'));
    const own = cold.result.files.filter((f) => f.startsWith(`${PAM}/`));
    const naming = cold.result.files.filter((f) => !f.startsWith(`${PAM}/`) && names(f));
    expect(naming).toContain('content/projects/claims-consolidation/index.mdx');
    expect(warm.stats.checked).toBe(own.length + naming.length);
    const { result: reference } = await lint({ root, cwd: repo, config, today: '2026-11-20', settings });
    expect(warm.result.findings).toEqual(reference.findings);
    expect(notices).toEqual([]);
  });

  it('ignores a corrupt, truncated or foreign cache with a one-line notice, and rewrites it', { timeout: 300_000 }, async () => {
    const repo = exampleRepo();
    const cold = await report(repo, 'json');
    const cacheFile = join(repo, 'node_modules/.cache/seam/lint-cache.json');
    expect((await report(repo, 'json', ['--cache'])).stdout).toBe(cold.stdout);
    const good = readFileSync(cacheFile, 'utf8');

    const cases: [string, string, RegExp][] = [
      ['corrupt', 'not json {', /corrupt or truncated/],
      ['truncated', good.slice(0, Math.floor(good.length / 2)), /corrupt or truncated/],
      ['wrong shape', JSON.stringify({ format: 1, engine: 'x', files: { a: { key: 1 } } }), /corrupt or truncated/],
      ['foreign', good.replace(/"engine":"[^"]+"/, '"engine":"another-version"'), /another Seam version or with other settings/],
    ];
    for (const [name, text, reason] of cases) {
      writeFileSync(cacheFile, text);
      const r = await report(repo, 'json', ['--cache']);
      expect(r.stdout, name).toBe(cold.stdout);
      expect(r.stderr, name).toMatch(reason);
      expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(readFileSync(cacheFile, 'utf8'), `${name}: rewritten`).toBe(good);
    }

    // A forged entry under the right engine key but the wrong file key is never served.
    const forged = JSON.parse(good);
    const entry = forged.files['projects/policy-admin-migration/plan.mdx'];
    entry.findings = [{ ruleId: 'schema', severity: 'error', file: `${PAM}/plan.mdx`, line: 1, column: 1, message: 'forged' }];
    entry.key = 'forged';
    writeFileSync(cacheFile, JSON.stringify(forged));
    expect((await report(repo, 'json', ['--cache'])).stdout).toBe(cold.stdout);

    // A different reference date is another configuration: noticed, not trusted.
    const other = await report(repo, 'json', ['--cache', '--today', '2027-06-01']);
    expect(other.stderr).toMatch(/other settings/);
    expect(other.stdout).toBe((await report(repo, 'json', ['--today', '2027-06-01'])).stdout);
  });

  it('is never read by a check that ignores disable comments (the site build\'s safety check)', async () => {
    const repo = exampleRepo();
    const { config } = loadConfig(repo);
    const { settings } = resolveRuleSettings(rules, config);
    await expect(lint({ root: join(repo, 'content'), cwd: repo, config, today: '2026-11-20', settings, ignoreDirectives: true, checker: cachedChecker(join(repo, 'c.json'), () => {}) }))
      .rejects.toThrow(/never used by a check that ignores disable comments/);
    // And the build's check passes no cache at all.
    expect(readFileSync(join(import.meta.dirname, '../../src/site/integrations/content-safety.ts'), 'utf8')).not.toMatch(/checker|cache\.ts/);
  });
});

describe('seam lint --changed', () => {
  const findingsOf = (json: string) => (JSON.parse(json) as { findings: { file: string }[] }).findings;

  it('reports the full run\'s findings for every file a change can affect, whatever the edit', { timeout: 600_000 }, async () => {
    const repo = exampleRepo();
    for (const { name, apply } of EDITS) {
      const base = git(repo, 'rev-parse', 'HEAD').trim();
      const before = findingsOf((await report(repo, 'json')).stdout);
      apply(repo);
      const full = await report(repo, 'json');
      const after = findingsOf(full.stdout);
      const changed = await report(repo, 'json', ['--changed', '--base', base]);
      const selected: string[] = JSON.parse(changed.stdout).files;
      expect(selected.length, name).toBeGreaterThan(0);
      // Exactly the full run's findings for the files it checked…
      expect(findingsOf(changed.stdout), name).toEqual(after.filter((f) => selected.includes(f.file)));
      // …and every file whose findings moved is among them.
      const key = (f: object) => JSON.stringify(f);
      const moved = new Set([...before.filter((f) => !after.some((g) => key(g) === key(f))), ...after.filter((f) => !before.some((g) => key(g) === key(f)))].map((f) => f.file));
      expect(moved.size, name).toBeGreaterThan(0);
      for (const file of moved) if (existsSync(join(repo, file))) expect(selected, `${name}: ${file}`).toContain(file);
      // Committed changes count the same as uncommitted ones.
      git(repo, 'add', '-A');
      git(repo, 'commit', '-q', '-m', name);
      expect((await report(repo, 'json', ['--changed', '--base', base])).stdout, name).toBe(changed.stdout);
    }
  });

  it('checks only the edited project when one status report changes, and nothing when nothing did', { timeout: 300_000 }, async () => {
    const repo = exampleRepo();
    const none = await report(repo, 'json', ['--changed']);
    expect(JSON.parse(none.stdout).files).toEqual([]);
    edit(repo, `${PAM}/status/2026-10-30.mdx`, (t) => t.replace(/^rag: \w+$/m, 'rag: red'));
    const selected: string[] = JSON.parse((await report(repo, 'json', ['--changed'])).stdout).files;
    expect(selected).toContain(`${PAM}/status/2026-10-30.mdx`);
    expect(selected).toContain(`${PAM}/plan.mdx`);
    expect(selected).toContain('content/projects/claims-consolidation/index.mdx');
    expect(selected).not.toContain('content/projects/claims-consolidation/plan.mdx');
    expect(selected.some((f) => f.startsWith('content/projects/finance-ledger-consolidation/'))).toBe(false);
  });

  it('is bad usage outside a git repository and with an unknown ref', async () => {
    const repo = exampleRepo();
    const bad = await seam(['lint', '--changed', '--base', 'no-such-branch'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown git ref "no-such-branch" for --base');
    rmSync(join(repo, '.git'), { recursive: true, force: true });
    const outside = await seam(['lint', '--changed'], { cwd: repo });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/is not in a git repository/);
    expect(outside.stderr).not.toMatch(/\n\s+at /);
  });
});
