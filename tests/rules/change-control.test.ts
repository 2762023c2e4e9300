// Change control as an auditor tries it on the example organisation: an approved change request with no
// approver, no decision date and 200 days of schedule impact, a pending change left for months, and an
// approved budget change the plan does not reconcile are findings, not clean lint.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CONTENT, tempContent } from '../helpers/content.ts';
import { seam } from '../helpers/cli.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const PROJECT = 'projects/policy-admin-migration';
const CR001 = `${PROJECT}/changes/cr-001-calder-eligibility-api.mdx`;

/** The example content with `files` replaced (null deletes), linted as `seam lint --format json` with today's date fixed. */
async function lintWith(files: Record<string, string | null>, today = '2026-11-20') {
  const dir = tempContent(EXAMPLE_CONTENT, files);
  made.push(dir);
  writeFileSync(join(dir, 'seam.config.yaml'), `content: .\ntoday: ${today}\n`);
  const r = await seam(['lint', '--format', 'json'], { cwd: dir });
  const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; line: number; message: string }[] }).findings
    .filter((f) => f.ruleId === 'change-control')
    .map((f) => ({ ...f, file: f.file.slice(f.file.indexOf('projects/')) }));
  return { code: r.code, findings };
}

const read = (file: string) => readFileSync(join(EXAMPLE_CONTENT, file), 'utf8');

describe('change control on the example organisation', () => {
  it('passes the example\'s change requests as they stand', async () => {
    const { findings } = await lintWith({});
    expect(findings).toEqual([]);
  });

  it('reports an approved change with no approver, no decision date and 200 days of schedule impact', async () => {
    const change = `---
title: CR-004 - Rebuild the broker portal
classification: internal
requestedBy: joanne-robson
raised: 2026-10-01
impact:
  scheduleDays: 200
  scope: The broker portal is rebuilt on Harbour's platform before Wave 2.
decision: approved
---

## Request

Rebuild the broker portal.

## Impact

Two hundred days on the schedule.

## Decision

Approved.
`;
    const { code, findings } = await lintWith({ [`${PROJECT}/changes/cr-004-broker-portal.mdx`]: change });
    expect(code).toBe(1);
    expect(findings.map((f) => `${f.line} ${f.message}`)).toEqual([
      '7 Change "cr-004-broker-portal" adds 200 days to the schedule but does not name the milestones it moves. List them in "impact.milestones" (milestone ids from plan.mdx).',
      '9 Change "cr-004-broker-portal" is approved but has no "decided" date. Record when the decision was taken (on or after "raised", 2026-10-01).',
      '9 Change "cr-004-broker-portal" is approved but names no "approver". Record who decided it: a sign-off authority in the stakeholder register (a stakeholder with "signoff: true").',
    ]);
  });

  it('reports a change decided by someone who is not a sign-off authority', async () => {
    // Daniel Osei, the test manager, is in the register without "signoff: true".
    const { findings } = await lintWith({ [CR001]: read(CR001).replace('approver: eleanor-whitcombe', 'approver: daniel-osei') });
    expect(findings).toEqual([expect.objectContaining({ file: CR001, message: expect.stringMatching(/^"daniel-osei" \(Daniel Osei, .*\) decided change "cr-001-calder-eligibility-api" but is not a sign-off authority/) })]);
  });

  it('flags the pending change once it has waited longer than the configured age, from the one "today"', async () => {
    // CR-003 was raised on 10 November 2026 and is still pending.
    expect((await lintWith({}, '2026-12-10')).findings).toEqual([]);
    const { findings } = await lintWith({}, '2026-12-11');
    expect(findings.map((f) => f.message)).toEqual(['Change "cr-003-data-remediation-contingency" has been pending for 31 days since it was raised on 2026-11-10 (at most 30 allowed). Decide it, or record it as "deferred" with the reason.']);
  });

  it('reconciles an approved budget change with the plan\'s line and contingency, not only a mention of its id', async () => {
    // The plan still mentions CR-001, but the integration-build line is put back to its baseline.
    const plan = read(`${PROJECT}/plan.mdx`).replace('    amount: 505000\n', '    amount: 420000\n').replace('contingency: 240000\n', 'contingency: 325000\n');
    const { findings } = await lintWith({ [`${PROJECT}/plan.mdx`]: plan });
    expect(findings.map((f) => f.message)).toEqual([
      'Approved changes drawing on or adding to contingency ("cr-001-calder-eligibility-api") move it by -£85,000, but the plan\'s contingency has not moved from its baseline £325,000. Correct "contingency" or "contingencyBaseline" in plan.mdx, or the changes\' "impact".',
      'Approved changes on "integration-build" ("cr-001-calder-eligibility-api") add up to +£85,000, but the plan\'s "integration-build" line has not moved from its baseline £420,000. Correct the line\'s "amount" or "baseline" in plan.mdx, or the changes\' "impact.budget".',
    ]);
  });

  it('reports an approved schedule impact the plan does not show moved', async () => {
    const plan = read(`${PROJECT}/plan.mdx`).replace('    baseline: 2026-10-16\n', '    baseline: 2026-10-30\n');
    const { findings } = await lintWith({ [`${PROJECT}/plan.mdx`]: plan });
    expect(findings.map((f) => f.message)).toEqual(['Change "cr-001-calder-eligibility-api" moves "calder-eligibility-api-live" by 14 days, but the plan shows it due 2026-10-30, not later than its baseline 2026-10-30. Move its "due" in plan.mdx, or correct the change\'s "impact.milestones".']);
  });
});
