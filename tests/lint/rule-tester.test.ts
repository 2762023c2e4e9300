// The rule tester fails an example whenever the rule's findings differ from what the example marks:
// a finding nobody marked, a marked one that does not come, another column, end, severity or message.
import { describe, expect, it } from 'vitest';
import { checkExample, testRule } from '../../src/lint/rule-tester.ts';
import type { RuleExample } from '../../src/rule-kit/rule.ts';
import currency from '../../rules/currency.ts';
import schema from '../../rules/schema.ts';

const crm = (kindLine: string): RuleExample => ({
  title: 'a kind outside the list',
  files: { 'systems/crm.mdx': `---\ntitle: Acme CRM\nowner: acme\n${kindLine}\nlifecycle: live\n---\n\n## Purpose\n\nHolds customers.\n` },
});
const MESSAGE = '"kind" must be one of: application, platform, data-store, integration, infrastructure, saas (found "app").';

describe('checkExample', () => {
  it('passes when the markers state every finding', async () => {
    await checkExample(schema, crm(`kind: app # ^ schema:7-10 ${MESSAGE}`), 'invalid');
    await checkExample(schema, crm('kind: app # ^ schema:7 /must be one of/'), 'invalid');
    await checkExample(schema, crm('kind: application'), 'valid');
  });

  it.each([
    ['no marker at all', 'kind: app', /must mark the findings it expects/],
    ['another column', 'kind: app # ^ schema:6', /systems\/crm\.mdx:4:6 schema \[error\] \(any message\)/],
    ['another end', 'kind: app # ^ schema:7-12', /systems\/crm\.mdx:4:7-4:12/],
    ['another severity', 'kind: app # ^ schema:7 [warning]', /\[warning\]/],
    ['another message', 'kind: app # ^ schema:7 "kind" is wrong.', /"kind" is wrong\./],
    ['another rule', 'kind: app # ^ links:7', /4:7 links \[error\]/],
  ])('fails an invalid example with %s', async (_what, line, error) => {
    await expect(checkExample(schema, crm(line), 'invalid')).rejects.toThrow(error);
  });

  it('fails a valid example the rule reports, or that marks findings', async () => {
    await expect(checkExample(schema, crm('kind: app'), 'valid')).rejects.toThrow(/systems\/crm\.mdx:4:7-4:10 schema \[error\] "kind" must be one of/);
    await expect(checkExample(schema, crm('kind: application # ^ schema:7'), 'valid')).rejects.toThrow(/A valid example expects no finding/);
  });

  it('takes `expect` entries for findings in base files the example does not show', async () => {
    const example: RuleExample = { title: 'a policy past its review', files: {}, today: '2027-02-01' };
    await expect(checkExample(currency, example, 'invalid')).rejects.toThrow(/must mark/);
    await checkExample(currency, { ...example, expect: [{ file: 'policies/integration-policy.mdx', line: 8, column: 11, message: /^Review overdue/ }] }, 'invalid');
  });
});

describe('testRule', () => {
  it('registers one test per example under the rule’s name', () => {
    const names: string[] = [];
    testRule(schema, { describe: (name, body) => (names.push(name), body()), it: (name) => void names.push(name) }, { valid: [crm('kind: application')], invalid: [crm('kind: app # ^ schema:7')] });
    expect(names).toEqual(['rule schema', 'valid: a kind outside the list', 'invalid: a kind outside the list']);
  });
});
