// The four status-report faults an auditor found linting clean (issue 13), each made in the shipped
// example content's latest status report and linted with every rule, as `seam lint` runs: the status
// report rules must report each one, with its message and where it is.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint, resolveRuleSettings } from '../../src/lint/engine.ts';
import { loadConfig } from '../../src/model/config.ts';
import { rules } from '../../rules/index.ts';
import { EXAMPLE_CONTENT, REPO, tempContent } from '../helpers/content.ts';

const REPORT = 'projects/policy-admin-migration/status/2026-11-13.mdx';
const original = readFileSync(join(EXAMPLE_CONTENT, REPORT), 'utf8');

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The example content with the latest report rewritten by `change`, linted as the repository's config says; its errors as `line:column rule message`. */
async function errorsWith(change: (text: string) => string): Promise<string[]> {
  const changed = change(original);
  expect(changed).not.toBe(original);
  const root = tempContent(EXAMPLE_CONTENT, { [REPORT]: changed });
  made.push(root);
  const { config } = loadConfig(REPO);
  const { settings } = resolveRuleSettings(rules, config);
  const { result } = await lint({ root, cwd: root, config, today: config.today!, settings });
  return result.findings.filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);
}

/** Replaces exactly one occurrence of `from` (a regular expression or text) in the report. */
const replace = (from: RegExp | string, to: string) => (text: string) => {
  const count = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, `${from.flags.replace('g', '')}g`)) ?? []).length;
  expect(count).toBe(1);
  return text.replace(from, to);
};

describe('status-report faults in the example content', () => {
  it('lints clean as shipped', async () => {
    expect(await errorsWith((text) => `${text}\n`)).toEqual([]);
  });

  it('reports a status report that drops every regulation the charter names', async () => {
    const errors = await errorsWith(replace(/^compliance:\n(?: {2}.*\n)+/m, ''));
    // With no "compliance" key left, the findings sit at the start of the report's frontmatter.
    expect(errors).toHaveLength(4);
    expect(errors).toEqual(expect.arrayContaining(['uk-gdpr', 'consumer-duty', 'operational-resilience', 'pci-dss'].map((id) => expect.stringMatching(new RegExp(`^${REPORT}:2:1 compliance The charter names the regulation "${id}" \\(.+\\), but this report has no "compliance" entry for it\\. Add one with "regulation: ${id}"`)))));
  });

  it('reports "architecture.aligned: false" with no deviation', async () => {
    const errors = await errorsWith(replace(/^architecture:\n(?: {2}.*\n)+/m, 'architecture:\n  aligned: false\n'));
    expect(errors).toEqual([`${REPORT}:26:12 architecture-alignment "aligned" is false, but no deviation is listed. Add each departure from the target architecture to "architecture.deviations", with its "owner", "decision" and "due" date.`]);
  });

  it('reports a forecast of 9,999,999 against a 3,420,000 plan', async () => {
    const errors = await errorsWith(replace('forecast: 3418000', 'forecast: 9999999'));
    expect(errors).toEqual([`${REPORT}:8:13 forecast The forecast at completion (£9,999,999) is £6,579,999 (192%) above the plan's total (£3,420,000), more than the 5% an open issue can carry, and the change requests pending on 2026-11-13 add only £60,000. Raise a change request for the increase, or correct the forecast.`]);
  });

  it('reports an open critical security incident whose action is "tbd"', async () => {
    const incident = [
      'security:',
      '  - id: card-data-in-logs',
      '    date: 2026-11-10',
      '    description: Card numbers were written in clear to the coexistence interface log.',
      '    severity: critical',
      '    action: tbd',
      '    owner: sian-pritchard',
      '    due: 2026-11-20',
    ].join('\n');
    const errors = await errorsWith(replace(/\n---\n/, `\n${incident}\n---\n`));
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^${REPORT}:\\d+:13 security The critical incident "card-data-in-logs" has no real "action" \\("tbd"\\)\\. Say what is being done about it\\.$`))]);
  });
});
