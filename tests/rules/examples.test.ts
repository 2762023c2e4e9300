// Runs every rule's documented examples: valid ones must produce no finding from the rule, invalid
// ones exactly the findings they list (file, line, column, message). Docs and behaviour cannot drift.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/model/config.ts';
import { lint, resolveRuleSettings } from '../../src/lint/engine.ts';
import type { Rule, RuleExample } from '../../src/rule-kit/rule.ts';
import { rules } from '../../rules/index.ts';
import { BASE_CHARTER } from '../../rules/examples/charter.ts';
import { join } from 'node:path';
import { REPO, tempContent } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function run(rule: Rule, example: RuleExample, fix = false) {
  const root = tempContent(example.base === false ? null : join(REPO, 'rules/examples', example.base ?? 'base'), example.files);
  made.push(root);
  const config = configSchema.parse({ rules: { [rule.meta.id]: ['error', example.options ?? {}] } });
  const { settings, problems } = resolveRuleSettings(rules, config);
  expect(problems).toEqual([]);
  const only = settings.map((s) => (s.rule === rule ? s : { ...s, severity: 'off' as const }));
  const { result } = await lint({ root, cwd: root, config, today: example.today ?? '2026-06-15', settings: only, fix });
  return Object.assign(result.findings, { root });
}

describe.each(rules.map((r) => [r.meta.id, r] as const))('rule %s', (id, rule) => {
  it('has complete metadata', () => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.meta.description).toMatch(/\.$/);
    expect(rule.meta.docs.length).toBeGreaterThan(100);
    expect(rule.meta.criteria.length).toBeGreaterThan(0);
    expect(rule.meta.examples.valid.length).toBeGreaterThan(0);
    expect(rule.meta.examples.invalid.length).toBeGreaterThan(0);
  });

  it.each(rule.meta.examples.valid.map((e) => [e.title, e] as const))('valid: %s', async (_title, example) => {
    const findings = await run(rule, example);
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([]);
  });

  it.each(rule.meta.examples.invalid.map((e) => [e.title, e] as const))('invalid: %s', async (_title, example) => {
    const findings = await run(rule, example);
    expect(findings.every((f) => f.ruleId === id)).toBe(true);
    const expected = example.expect ?? [];
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(expected.map((e) => `${e.file}:${e.line}:${e.column}`));
    expected.forEach((e, i) => {
      if (e.message instanceof RegExp) expect(findings[i].message).toMatch(e.message);
      else if (e.message !== undefined) expect(findings[i].message).toBe(e.message);
      if (e.severity) expect(findings[i].severity).toBe(e.severity);
    });
  });

  it.each(rule.meta.examples.invalid.filter((e) => e.fixed).map((e) => [e.title, e] as const))('fixed: %s', async (_title, example) => {
    const { root } = await run(rule, example, true);
    for (const [file, text] of Object.entries(example.fixed!)) expect(readFileSync(join(root, file), 'utf8')).toBe(text);
  });
});

it('keeps the examples\' charter template identical to the base example\'s charter', async () => {
  const { readFileSync } = await import('node:fs');
  expect(BASE_CHARTER).toBe(readFileSync(join(REPO, 'rules/examples/base/projects/alpha/index.mdx'), 'utf8'));
});
