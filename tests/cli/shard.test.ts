// `seam lint --workers N`, `--shard i/n` and `seam merge-reports`: the same findings, byte for byte,
// whatever the number of worker threads, and the shards' reports merged equal the unsharded report,
// for JSON and SARIF. Merging what is not the shards of one run is a usage error.
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_BASE, tempContent } from '../helpers/content.ts';
import { seam, seamProcess } from '../helpers/cli.ts';

let dir: string;
const TODAY = ['--today', '2026-06-15'];

/** Six projects (the example base's `alpha` under five more ids), with findings in several of them, some cross-file. */
function corpus(): string {
  const root = tempContent(RULE_BASE);
  for (const id of ['beta', 'delta', 'epsilon', 'gamma', 'zeta']) cpSync(join(root, 'projects/alpha'), join(root, 'projects', id), { recursive: true });
  const edit = (file: string, from: string, to: string) => {
    const text = readFileSync(join(root, file), 'utf8');
    if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
    writeFileSync(join(root, file), text.replace(from, to));
  };
  // A diagram node that is no system, and a system in scope that no diagram draws (both cross-file).
  edit('projects/gamma/index.mdx', 'crm[Acme CRM] --> billing[Beta Billing]', 'crm[Acme CRM] --> ledger[Ledger]');
  edit('projects/zeta/index.mdx', 'systems: [crm, billing]', 'systems: [crm, billing, payroll]');
  edit('projects/beta/plan.mdx', '---\n', '---\nbogus: 1\n');
  edit('policies/integration-policy.mdx', /reviewBy: .*/.exec(readFileSync(join(root, 'policies/integration-policy.mdx'), 'utf8'))![0], 'reviewBy: 2026-01-31');
  return root;
}

/** The reports every test compares with, written once (each lint run loads the whole engine's work). */
const runs = {} as Record<'json' | 'sarif', { whole: { code: number; stdout: string; stderr: string }; shards: string[] }>;
const shardFile = (name: string) => join(dir, `../${dir.split('/').at(-1)}-shard-${name}`);

beforeAll(async () => {
  dir = corpus();
  for (const format of ['json', 'sarif'] as const) {
    const whole = await lint('--format', format, '--workers', '1');
    const shards: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const file = shardFile(`${i}.${format}`);
      const r = await lint('--format', format, '--shard', `${i}/3`, '--output-file', file);
      expect(r.stderr).toBe('');
      shards.push(file);
    }
    runs[format] = { whole, shards };
  }
});
afterAll(() => {
  const parent = join(dir, '..');
  for (const f of readdirSync(parent)) if (f.startsWith(`${dir.split('/').at(-1)}-shard-`)) rmSync(join(parent, f));
  rmSync(dir, { recursive: true, force: true });
});

const lint = (...args: string[]) => seam(['lint', '--content', dir, ...TODAY, ...args], { cwd: dir });
/** Worker threads each load the engine: on a loaded machine that takes a while. */
const SLOW = 300_000;

describe('seam lint --workers', () => {
  it('reports the same JSON on one thread and on two worker threads', async () => {
    const inProcess = runs.json.whole;
    const report = JSON.parse(inProcess.stdout);
    expect(report.errorCount).toBeGreaterThan(0);
    expect(report.warningCount).toBeGreaterThan(0);
    expect(new Set(report.findings.map((f: { file: string }) => f.file)).size).toBeGreaterThan(2);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('architecture');
    expect(inProcess.code).toBe(1);
    expect(await lint('--format', 'json', '--workers', '2')).toEqual(inProcess);
  }, SLOW);

  it('loads its worker under node bin/seam.js as under the test runner', () => {
    const pooled = seamProcess(['lint', '--content', dir, ...TODAY, '--format', 'json', '--workers', '3'], { cwd: dir });
    expect(pooled).toEqual(runs.json.whole);
  }, SLOW);

  it('refuses a worker count that is not a number or auto', async () => {
    for (const bad of ['0', 'many', '-1']) {
      const r = await lint('--workers', bad);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain('--workers takes a number of threads');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('seam lint --shard and seam merge-reports', () => {
  for (const format of ['json', 'sarif'] as const) {
    it(`merges three ${format.toUpperCase()} shards into the unsharded report, with its exit code`, async () => {
      const { whole, shards } = runs[format];
      // Each shard reports on its own files only, and says which shard it is.
      for (const file of shards) expect(readFileSync(file, 'utf8')).not.toBe(whole.stdout);
      const merged = await seam(['merge-reports', ...[...shards].reverse()], { cwd: dir });
      expect(merged.stderr).toBe('');
      expect(merged.stdout).toBe(whole.stdout);
      expect(merged.code).toBe(whole.code);
      expect(merged.code).toBe(1);
      const target = shardFile(`merged.${format}`);
      expect((await seam(['merge-reports', '--output-file', target, ...shards], { cwd: dir })).stdout).toBe('');
      expect(readFileSync(target, 'utf8')).toBe(whole.stdout);
    });
  }

  it('gives each file to exactly one shard, in order, and the shards carry no finding of another shard', () => {
    const whole = JSON.parse(runs.json.whole.stdout);
    const parts = runs.json.shards.map((file) => JSON.parse(readFileSync(file, 'utf8')));
    expect(parts.flatMap((p) => p.files)).toEqual(whole.files);
    for (const p of parts) {
      expect(p.files.length).toBeGreaterThan(5);
      for (const f of p.findings) expect(p.files).toContain(f.file);
    }
    expect(parts.map((p) => p.shard.index)).toEqual([1, 2, 3]);
    expect(new Set(parts.map((p) => p.shard.run)).size).toBe(1);
    expect(whole.shard).toBeUndefined();
  });

  it('exits 0 on merged shards without errors, and 1 past --max-warnings', async () => {
    const clean = tempContent(RULE_BASE, { 'policies/integration-policy.mdx': readFileSync(join(dir, 'policies/integration-policy.mdx'), 'utf8') });
    try {
      const files = [1, 2].map((i) => join(clean, `shard-${i}.json`));
      for (const [i, file] of files.entries()) expect((await seam(['lint', '--content', clean, ...TODAY, '--format', 'json', '--shard', `${i + 1}/2`, '-o', file], { cwd: clean })).code).toBe(0);
      expect((await seam(['merge-reports', ...files], { cwd: clean })).code).toBe(0);
      expect((await seam(['merge-reports', '--max-warnings', '0', ...files], { cwd: clean })).code).toBe(1);
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });

  it('refuses, with one line and exit 2, reports that are not the shards of one run', async () => {
    const [a, b, c] = runs.json.shards;
    const [sarif] = runs.sarif.shards;
    const write = (name: string, text: string) => {
      const file = shardFile(name);
      writeFileSync(file, text);
      return file;
    };
    const other = write('other-day.json', (await lint('--format', 'json', '--shard', '3/3', '--today', '2026-07-01')).stdout);
    const whole = write('whole.json', runs.json.whole.stdout);
    const newer = write('newer.json', readFileSync(c!, 'utf8').replace(/"version": "[^"]*"/, '"version": "99.0.0"'));
    const twoShards = write('of-two.json', readFileSync(c!, 'utf8').replace('"count": 3', '"count": 4'));
    const cases: [string[], string][] = [
      [[a!, b!], 'Shard 3/3 is missing'],
      [[a!, b!, b!, c!], 'Shard 2/3 is given twice'],
      [[a!, b!, other], 'are shards of different runs'],
      [[a!, b!, newer], 'was written by Seam 99.0.0'],
      [[a!, b!, twoShards], 'is shard 3/4 but'],
      [[whole], 'is the report of a whole run, not of a shard'],
      [[a!, sarif!, c!], 'is a SARIF report but'],
      [[a!, b!, join(dir, 'systems/crm.mdx')], 'is not a report of seam lint --format json or --format sarif (it is not JSON)'],
      [[a!, b!, write('array.json', '[]')], 'is not a report of seam lint'],
      [[a!, join(dir, 'no-such.json')], 'no such file'],
    ];
    for (const [files, message] of cases) {
      const r = await seam(['merge-reports', ...files], { cwd: dir });
      expect(r.code, message).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('refuses a shard that is not INDEX/COUNT within range', async () => {
    for (const bad of ['0/3', '4/3', '1/0', 'one/two', '2']) {
      const r = await lint('--shard', bad);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain('--shard');
    }
  });
});
