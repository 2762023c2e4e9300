// How a run's files are cut into shards (`--shard i/n`) and worker chunks, and how many workers a run gets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, lintText, resolveRuleSettings } from '../../src/lint/engine.ts';
import { configSchema } from '../../src/model/config.ts';
import { rules } from '../../rules/index.ts';
import { RULE_BASE } from '../helpers/content.ts';
import type { LintResult } from '../../src/rule-kit/finding.ts';
import { parseShard, shardOf, split } from '../../src/lint/shard.ts';
import { IN_PROCESS_BELOW, workerCount } from '../../src/lint/workers.ts';

const files = Array.from({ length: 10 }, (_, i) => `projects/p${i}/index.mdx`);

describe('shards', () => {
  it('reads INDEX/COUNT and explains anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShard('3')).toEqual({ problem: '--shard takes INDEX/COUNT, such as 1/3 (got "3").' });
    expect(parseShard('0/3')).toEqual({ problem: '--shard 0/3: the index must be from 1 to the count, such as 1/3 to 3/3.' });
    expect(parseShard('4/3')).toHaveProperty('problem');
    expect(parseShard('1/0')).toHaveProperty('problem');
  });

  it('gives every file to exactly one shard, as contiguous slices in order, sizes within one of each other', () => {
    for (const count of [1, 2, 3, 4, 7, 10, 13]) {
      const parts = Array.from({ length: count }, (_, i) => shardOf(files, { index: i + 1, count }));
      expect(parts.flat()).toEqual(files);
      const sizes = parts.map((p) => p.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(shardOf(files, { index: 2, count: 3 })).toEqual(files.slice(3, 6));
  });

  it('splits work into non-empty chunks', () => {
    expect(split(files, 4).map((c) => c.length)).toEqual([2, 3, 2, 3]);
    expect(split(files.slice(0, 2), 5)).toEqual([[files[0]], [files[1]]]);
    expect(split([], 3)).toEqual([]);
  });
});

describe('worker count', () => {
  const big = IN_PROCESS_BELOW * 10;
  it('auto: one fewer than the cores, at most 4, in-process for small runs and on two cores', () => {
    expect(workerCount('auto', { files: big }, 8)).toBe(4);
    expect(workerCount('auto', { files: big }, 4)).toBe(3);
    expect(workerCount('auto', { files: big }, 2)).toBe(1);
    expect(workerCount('auto', { files: IN_PROCESS_BELOW - 1 }, 16)).toBe(1);
    expect(workerCount('auto', { files: IN_PROCESS_BELOW * 2 }, 16)).toBe(2);
  });

  it('a number is taken as given (never more workers than files), and --fix stays in-process', () => {
    expect(workerCount(3, { files: 10 }, 2)).toBe(3);
    expect(workerCount(8, { files: 2 }, 2)).toBe(2);
    expect(workerCount(1, { files: big }, 16)).toBe(1);
    expect(workerCount(4, { files: big, fix: true }, 16)).toBe(1);
    expect(workerCount('auto', { files: big, fix: true }, 16)).toBe(1);
  });
});

describe('a shard of the engine', () => {
  const config = configSchema.parse({});
  const { settings } = resolveRuleSettings(rules, config);
  const options = { root: RULE_BASE, cwd: RULE_BASE, config, today: '2026-06-15', settings };
  const charter = 'projects/alpha/index.mdx';

  it('checks one file\'s text (a fix being judged) whichever shard the run is', async () => {
    const text = readFileSync(join(RULE_BASE, charter), 'utf8').replace('crm[Acme CRM] --> billing[Beta Billing]', 'crm[Acme CRM] --> ledger[Ledger]');
    const whole = await lintText(options, charter, text);
    expect(whole.map((f) => f.ruleId)).toContain('architecture');
    for (const index of [1, 2, 3]) expect(await lintText({ ...options, shard: { index, count: 3 } }, charter, text)).toEqual(whole);
  });

  it('reports, shard by shard, what the whole run reports, with only the shards\' own files prepared', async () => {
    const { result } = await lint(options);
    const parts: LintResult[] = [];
    for (const index of [1, 2, 3, 4]) parts.push((await lint({ ...options, shard: { index, count: 4 } })).result);
    expect(parts.flatMap((p) => p.files)).toEqual(result.files);
    expect(parts.flatMap((p) => p.findings)).toEqual(result.findings);
    expect(parts.every((p) => p.shard?.count === 4 && p.shard.run === parts[0]!.shard!.run)).toBe(true);
  });
});
