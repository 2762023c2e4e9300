// The rule contract: a rule is called only for the files it declares it applies to, receives the
// record typed by that declaration, and cannot report a fix unless it declares itself fixable.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lint, resolveRuleSettings } from '../../src/lint/engine.ts';
import { configSchema } from '../../src/model/config.ts';
import { defineRule, recordTypesRead } from '../../src/rule-kit/rule.ts';
import type { Rule } from '../../src/rule-kit/rule.ts';
import { RULE_BASE, tempContent } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const meta = { description: 'A rule for a test.', criteria: ['P1'], severity: 'error' as const, options: z.strictObject({}), docs: '', examples: { valid: [], invalid: [] } };

async function run(rule: Rule, files: Record<string, string | null> = {}) {
  const root = tempContent(RULE_BASE, files);
  made.push(root);
  const config = configSchema.parse({});
  const { settings } = resolveRuleSettings([rule], config);
  const { result } = await lint({ root, cwd: root, config, today: '2026-06-15', settings });
  return result.findings;
}

describe('defineRule and the engine', () => {
  it('calls a rule only for records of the types it applies to, typed', async () => {
    const seen: string[] = [];
    const plans = defineRule({
      meta: { ...meta, id: 'plans', appliesTo: ['plan'], readsAcross: [], fixable: false },
      check({ record, report }) {
        seen.push(record.file);
        // `record.data` is the plan's frontmatter: no cast, no type check.
        report({ message: `total ${record.data?.total}` });
        // @ts-expect-error a plan has no "systems"
        void record.data?.systems;
      },
    });
    const findings = await run(plans);
    expect(seen).toEqual(['projects/alpha/plan.mdx']);
    expect(findings.map((f) => `${f.file} ${f.message}`)).toEqual(['projects/alpha/plan.mdx total 220000']);
  });

  it('calls a `*` rule for every content file, records or not', async () => {
    const seen: (string | undefined)[] = [];
    const every = defineRule({
      meta: { ...meta, id: 'every', appliesTo: '*', readsAcross: [], fixable: false },
      check({ file, record }) {
        seen.push(`${file}:${record?.type ?? 'none'}`);
      },
    });
    await run(every, { 'notes.md': '# Notes\n' });
    expect(seen).toContain('notes.md:none');
    expect(seen).toContain('projects/alpha/plan.mdx:plan');
    expect(seen).toContain('standards/eskitp5045.yaml:standards');
  });

  it('narrows what a rule applies to under its options, and the handbook shows the default', async () => {
    const seen: string[] = [];
    const options = z.strictObject({ everything: z.boolean().default(false) });
    const narrow = defineRule({
      meta: { ...meta, id: 'narrow', options, appliesTo: '*', appliesToWith: (o) => (o.everything ? '*' : ['policies']), readsAcross: ['charter'], fixable: false },
      check({ file }) {
        seen.push(file);
      },
    });
    await run(narrow);
    expect(seen).toEqual(['policies/integration-policy.mdx']);
    expect(recordTypesRead(narrow.meta)).toEqual(['policies', 'charter']);
  });

  it('refuses a fix from a rule that declares `fixable: false`', async () => {
    const sneaky = defineRule({
      meta: { ...meta, id: 'sneaky', appliesTo: ['plan'], readsAcross: [], fixable: false },
      check({ report }) {
        // @ts-expect-error a rule that is not fixable cannot report a fix
        report({ message: 'Rewritten.', fix: [{ start: 0, end: 3, text: '' }] });
      },
    });
    const findings = await run(sneaky);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'sneaky', file: 'projects/alpha/plan.mdx', message: 'Internal error in rule "sneaky": it reported a fix but declares "fixable: false". Please report this.' });
    expect(findings[0].fix).toBeUndefined();
  });
});
