// Runs every rule's documented examples with the exported rule tester (src/lint/rule-tester.ts): valid
// ones must produce no finding from the rule, invalid ones exactly the findings their markers (and any
// `expect` entries) state. Docs and behaviour cannot drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testRule } from '../../src/lint/rule-tester.ts';
import { rules } from '../../rules/index.ts';
import { BASE_CHARTER } from '../../rules/examples/charter.ts';
import { REPO } from '../helpers/content.ts';

describe.each(rules.map((r) => [r.meta.id, r] as const))('rule %s', (id, rule) => {
  it('has complete metadata', () => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.meta.description).toMatch(/\.$/);
    expect(rule.meta.docs.length).toBeGreaterThan(100);
    expect(rule.meta.criteria.length).toBeGreaterThan(0);
    expect(rule.meta.examples.valid.length).toBeGreaterThan(0);
    expect(rule.meta.examples.invalid.length).toBeGreaterThan(0);
  });
});

for (const rule of rules) testRule(rule, { describe, it });

it('keeps the examples\' charter template identical to the base example\'s charter', () => {
  expect(BASE_CHARTER).toBe(readFileSync(join(REPO, 'rules/examples/base/projects/alpha/index.mdx'), 'utf8'));
});
