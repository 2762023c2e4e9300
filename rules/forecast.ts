// forecast: a status report's money and dates agree with the plan — a forecast above the plan's total
// is being dealt with (an open budget issue or a pending change), the latest report's spend to date
// matches the plan's actuals, and a report is not green while the forecast overruns or a milestone is
// overdue (P12, K24, K25.3, K33.2).
import { z } from 'zod';
import { mention, say } from '../src/model/message.ts';
import type { MessagePart } from '../src/model/message.ts';
import { formatMoney } from '../src/model/money.ts';
import { isReporting, latestStatus } from '../src/model/project-state.ts';
import { quote } from '../src/model/safe-text.ts';
import type * as S from '../src/model/schemas.ts';
import { isRealAction } from '../src/rule-kit/real-action.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import { statusReport } from './examples/status.ts';

/** Money compared in whole minor units. */
const minor = (amount: number) => Math.round(amount * 100);

/** Whether a change request was waiting for its decision on `date`: raised by then, and not decided by then. */
const pendingOn = (change: S.ChangeRequest, date: string) =>
  change.raised <= date && (change.decision === 'pending' || (change.decided !== undefined && change.decided > date));

const QUALITY = `architecture: { aligned: true }
quality: { openDefects: 2, summary: Two mapping defects open with fixes in test. }`;

/** A change request adding £12,000, raised before the June report and still pending. */
const CR_002 = `---
title: Second migration tool licence
requestedBy: cara
raised: 2026-06-08
impact:
  budget: 12000
  budgetLine: tooling
  scope: A second licence for Beta's document archive.
decision: pending
approver: ana
---

## Request

A second licence for Beta's document archive.

## Impact

Twelve thousand pounds more on the tooling line.

## Decision

For the June steering meeting.
`;

export default defineRule({
  meta: {
    id: 'forecast',
    description: 'A forecast above the plan\'s total has a pending change for it, or, when small, an open budget issue; the latest report\'s spend to date matches the plan\'s actuals; a report with a forecast overrun or an overdue milestone is not green.',
    appliesTo: ['status'],
    readsAcross: ['charter', 'plan', 'changes', 'status'],
    criteria: ['P12', 'K24', 'K25.3', 'K33.2', 'K37'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({
      issueTolerance: z
        .number()
        .nonnegative()
        .default(0.05)
        .describe('How far the forecast may exceed the plan\'s `total`, as a fraction of it (0.05 is 5%), and be dealt with by an open budget issue; beyond it only pending change requests for the increase will do.'),
      spendTolerance: z
        .number()
        .nonnegative()
        .default(0.02)
        .describe('How far the latest report\'s `spend.toDate` may differ from the sum of the plan\'s `actual`s, as a fraction of that sum (0.02 is 2%).'),
    }),
    docs: `A status report's \`spend\` (spent to date, forecast at completion), its \`rag\` and the plan's budget
and milestones are one story told twice: monitoring progress against budgets and plans (P12, K24,
K25.3) and reporting the issues it finds (K33.2) means the two agree. This rule reads each status report
(\`status/<date>.mdx\`) with the project's \`plan.mdx\` and change requests, and reports:

- **A forecast overrun nobody is dealing with** (error, at \`spend.forecast\`): when \`forecast\` is above
  the plan's \`total\`, either the project has change requests adding budget that together cover the
  overrun and were waiting for their decision on the report's date (\`impact.budget\` above 0, raised on
  or before that date, and \`pending\` or decided after it), or — for an overrun within
  \`issueTolerance\` (default 5% of the total) — the report has an open issue about the budget: an entry
  in \`issues\` with a \`budgetLine\`, a real \`action\` and no \`closed\` date. A small overrun can be
  managed inside the project; a larger one is a decision on the budget, so it needs a change request
  (the tolerance works as a project's budget tolerance does: beyond it, the sponsor decides). An action
  that says nothing (\`tbd\`, \`n/a\`, a \`TODO\`) does not count. Raise the issue or the change request,
  or correct the forecast.
- **Spend to date that the plan does not show** (error, at \`spend.toDate\`, in the latest report of a
  project still reporting — active, in execution or handover): \`toDate\` must agree with the sum of the
  \`actual\` of the plan's budget lines, within \`spendTolerance\` (default 2%) of that sum. Correct the
  report's figure or the lines' \`actual\`. Earlier reports are history (the plan's actuals have moved
  on since), and a closed project's plan holds the final figures, not those of its last report.
- **Green with a forecast overrun or an overdue milestone** (error, at \`rag\`): a report whose forecast
  is above the plan's total, or written after a milestone's \`due\` date while that milestone was not
  \`done\`, cannot be \`green\`. Set \`rag\` to amber or red and say in the report how the overrun or the
  delay is being recovered.

Every report is compared with the plan as it is now (its \`total\`, and its milestones' \`due\` and
\`done\`). The plan's own sums are the \`budget\` rule's, and flagging overdue milestones in
\`milestonesAtRisk\` is the \`schedule\` rule's.`,
    examples: {
      valid: [
        { title: 'a forecast £2,000 over the plan with an open budget issue, and spend to date matching the plan', base: 'execution', files: {} },
        {
          title: 'a forecast overrun with a change request for the increase awaiting its decision',
          base: 'execution',
          files: {
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `rag: amber
spend: { toDate: 153000, forecast: 262000 }
milestonesAtRisk: [trial]
${QUALITY}`),
            'projects/alpha/changes/cr-002.mdx': CR_002,
          },
        },
      ],
      invalid: [
        {
          title: 'a forecast of £9,999,999 against a £250,000 plan, with no issue or change, in a green report',
          criteria: ['P12', 'K24', 'K33.2', 'K37'],
          base: 'execution',
          files: {
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `rag: green # ^ forecast:6 The report is green, but its forecast at completion (£9,999,999) is above the plan's total (£250,000). Set "rag" to amber or red, and say in the report how the overrun is being dealt with.
spend:
  toDate: 153000
  forecast: 9999999 # ^ forecast:13 The forecast at completion (£9,999,999) is £9,749,999 (3900%) above the plan's total (£250,000), more than the 5% an open issue can carry, and no change request adding budget was pending on 2026-06-12. Raise a change request for the increase, or correct the forecast.
milestonesAtRisk: [trial]
${QUALITY}`),
          },
        },
        {
          title: 'a small overrun with neither an issue nor a change',
          criteria: ['K33.2'],
          base: 'execution',
          files: {
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `rag: amber
spend:
  toDate: 153000
  forecast: 254000 # ^ forecast:13 The forecast at completion (£254,000) is £4,000 above the plan's total (£250,000), but this report has no open budget issue with an action and no change request adding budget was pending on 2026-06-12. Raise an issue with a "budgetLine", an "action" and a "due" date, or a change request for the increase.
milestonesAtRisk: [trial]
${QUALITY}`),
          },
        },
        {
          title: 'a 12% overrun carried by an issue alone, and a pending change too small for it',
          criteria: ['P12', 'K33.2'],
          base: 'execution',
          files: {
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `rag: amber
spend:
  toDate: 153000
  forecast: 280000 # ^ forecast:13 The forecast at completion (£280,000) is £30,000 (12%) above the plan's total (£250,000), more than the 5% an open issue can carry, and the change requests pending on 2026-06-12 add only £12,000. Raise a change request for the increase, or correct the forecast.
milestonesAtRisk: [trial]
${QUALITY}
issues:
  - id: tooling-overspend
    title: Migration tooling licences cost more than quoted
    severity: high
    owner: cara
    action: Renegotiate the licence tier before the trial, or draw on contingency.
    due: 2026-06-30
    budgetLine: tooling`),
            'projects/alpha/changes/cr-002.mdx': CR_002,
          },
        },
        {
          title: 'spend to date that disagrees with the plan\'s actuals in the latest report',
          criteria: ['K24', 'K25.3', 'K37'],
          base: 'execution',
          files: {
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `rag: amber
spend:
  toDate: 120000 # ^ forecast:11 Spend to date (£120,000) does not agree with the plan's actuals (£153,000, the sum of "actual" over its budget lines): they differ by £33,000, 22% of the plan's figure (the tolerance is 2%). Correct the figure here, or the lines' "actual" in plan.mdx.
  forecast: 245000
milestonesAtRisk: [trial]
${QUALITY}`),
          },
        },
        {
          title: 'a green report written after a milestone fell due undone',
          criteria: ['P12', 'K25.3', 'K37'],
          base: 'execution',
          today: '2026-07-10',
          files: {
            'projects/alpha/status/2026-07-08.mdx': statusReport('2026-07-08', `rag: green # ^ forecast:6 The report is green, but the milestone "trial" was due on 2026-07-01 and was not done by 2026-07-08. Set "rag" to amber or red, and say in the report how the delay is being recovered.
spend: { toDate: 153000, forecast: 248000 }
milestonesAtRisk: [trial]
${QUALITY}`),
          },
        },
        {
          title: 'a tighter spend tolerance',
          criteria: ['K25.3'],
          base: 'execution',
          options: { spendTolerance: 0.01 },
          files: {
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `rag: amber
spend:
  toDate: 150000 # ^ forecast:11 Spend to date (£150,000) does not agree with the plan's actuals (£153,000, the sum of "actual" over its budget lines): they differ by £3,000, 2% of the plan's figure (the tolerance is 1%). Correct the figure here, or the lines' "actual" in plan.mdx.
  forecast: 245000
milestonesAtRisk: [trial]
${QUALITY}`),
          },
        },
      ],
    },
  },
  check({ record, graph, today, options, report }) {
    if (!record.data || !record.project) return;
    const project = graph.projects.get(record.project);
    const planRecord = project?.plan;
    const plan = planRecord?.data;
    if (!project || !planRecord || !plan) return; // no plan, or one failing its schema: other rules report it
    const status = record.data;
    // The plan may be classified above the report: its figures are mentions of it.
    const fromPlan = (text: string): MessagePart => mention(planRecord.file, text, 'the plan\'s figure');
    const money = (amount: number) => formatMoney(amount, plan.currency);

    const excess = minor(status.spend.forecast) - minor(plan.total);
    const overrun = excess > 0;
    if (overrun) {
      const budgetIssue = status.issues.some((issue) => issue.budgetLine && !issue.closed && isRealAction(issue.action));
      const changesAdd = project.changes.reduce((sum, c) => sum + (c.data && c.data.impact.budget > 0 && pendingOn(c.data, status.date) ? minor(c.data.impact.budget) : 0), 0);
      const withinIssue = excess <= minor(plan.total) * options.issueTolerance;
      const by = fromPlan(money(excess / 100));
      const total = fromPlan(money(plan.total));
      const at = { path: ['spend', 'forecast'] };
      // Dealt with: a decision on the money is pending, or the overrun is small enough to manage as an issue.
      const dealtWith = changesAdd >= excess || (withinIssue && budgetIssue);
      if (!dealtWith && withinIssue && !changesAdd) {
        report({
          ...say`The forecast at completion (${money(status.spend.forecast)}) is ${by} above the plan's total (${total}), but this report has no open budget issue with an action and no change request adding budget was pending on ${status.date}. Raise an issue with a "budgetLine", an "action" and a "due" date, or a change request for the increase.`,
          at,
        });
      } else if (!dealtWith) {
        const share = minor(plan.total) > 0 ? fromPlan(` (${Math.round((excess / minor(plan.total)) * 100)}%)`) : '';
        const pending = changesAdd ? `the change requests pending on ${status.date} add only ${money(changesAdd / 100)}` : `no change request adding budget was pending on ${status.date}`;
        const beyond = withinIssue ? '' : `, more than the ${Math.round(options.issueTolerance * 100)}% an open issue can carry,`;
        report({
          ...say`The forecast at completion (${money(status.spend.forecast)}) is ${by}${share} above the plan's total (${total})${beyond} and ${pending}. Raise a change request for the increase, or correct the forecast.`,
          at,
        });
      }
    }

    if (status.rag === 'green') {
      if (overrun) {
        report({
          ...say`The report is green, but its forecast at completion (${money(status.spend.forecast)}) is above the plan's total (${fromPlan(money(plan.total))}). Set "rag" to amber or red, and say in the report how the overrun is being dealt with.`,
          at: { path: ['rag'] },
        });
      }
      const overdue = plan.milestones.filter((m) => m.due < status.date && (!m.done || m.done > status.date));
      if (overdue.length) {
        const list = overdue.map((m) => `${quote(m.id)} was due on ${m.due}`);
        const said = overdue.length === 1 ? `the milestone ${list[0]}` : `the milestones ${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
        report({
          ...say`The report is green, but ${fromPlan(said)} and ${overdue.length === 1 ? 'was' : 'were'} not done by ${status.date}. Set "rag" to amber or red, and say in the report how the delay is being recovered.`,
          at: { path: ['rag'] },
        });
      }
    }

    if (!isReporting(project.charter?.data) || latestStatus(project, today)?.file !== record.file) return;
    const actuals = plan.budget.reduce((sum, line) => sum + minor(line.actual), 0);
    const difference = Math.abs(minor(status.spend.toDate) - actuals);
    if (difference <= actuals * options.spendTolerance) return;
    const share = actuals > 0 ? `, ${Math.round((difference / actuals) * 100)}% of the plan's figure` : '';
    report({
      ...say`Spend to date (${money(status.spend.toDate)}) does not agree with the plan's actuals (${fromPlan(money(actuals / 100))}, the sum of "actual" over its budget lines): they differ by ${fromPlan(money(difference / 100))}${share} (the tolerance is ${Math.round(options.spendTolerance * 100)}%). Correct the figure here, or the lines' "actual" in plan.mdx.`,
      at: { path: ['spend', 'toDate'] },
    });
  },
});

