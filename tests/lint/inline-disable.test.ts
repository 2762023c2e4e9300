// Inline disable comments and a rule's `inlineDisable: false`: such a rule's findings stand under any
// `seam-disable` comment, while other rules' findings on the same lines are still silenced.
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { z } from 'zod';
import { lint } from '../../src/lint/engine.ts';
import { defineRule } from '../../src/rule-kit/rule.ts';
import type { Rule } from '../../src/rule-kit/rule.ts';
import { configSchema } from '../../src/model/config.ts';
import { RULE_BASE, tempContent } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A rule that reports every line of beta.mdx holding "MARK". */
const markRule = (id: string, inlineDisable?: boolean): Rule =>
  defineRule({
    meta: {
      id, description: 'Reports MARK.', criteria: [], appliesTo: '*', readsAcross: [], severity: 'error', fixable: false, options: z.strictObject({}),
      docs: 'Test rule.', examples: { valid: [], invalid: [] }, ...(inlineDisable === undefined ? {} : { inlineDisable }),
    },
    check({ file, source, report }) {
      if (file !== 'organisations/beta.mdx') return;
      source.text.split('\n').forEach((text, i) => {
        if (text.includes('MARK')) report({ message: `${id} found MARK`, at: { line: i + 1, column: text.indexOf('MARK') + 1 } });
      });
    },
  }) as Rule;

it('keeps the findings of a rule with inlineDisable: false under every kind of disable comment', async () => {
  const root = tempContent(RULE_BASE, {
    'organisations/beta.mdx': [
      '---', 'title: Beta Ltd', 'kind: target', '# seam-disable-next-line', 'summary: MARK', '---', '',
      '## Role in the integration', '',
      '{/* seam-disable-next-line */}', 'MARK one', '',
      '{/* seam-disable strict, lenient */}', 'MARK two', '',
      '{/* seam-enable lenient */}', 'MARK three', '',
    ].join('\n'),
  });
  made.push(root);
  const config = configSchema.parse({});
  const settings = [
    { rule: markRule('strict', false), severity: 'error' as const, options: {} },
    { rule: markRule('lenient'), severity: 'error' as const, options: {} },
  ];
  const { result } = await lint({ root, cwd: root, config, today: '2026-06-15', settings });
  expect(result.findings.map((f) => `${f.line} ${f.ruleId}`).sort()).toEqual(['11 strict', '14 strict', '17 lenient', '17 strict', '5 strict']);
});
