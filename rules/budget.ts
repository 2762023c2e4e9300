// budget: a plan's budget adds up, and overspending is raised as an issue with an action in the latest
// status report (P5, P9, P12, K14, K24). Approved changes that move money are `change-control`'s.
import { z } from 'zod';
import { mention, say } from '../src/model/message.ts';
import { formatMoney, minorUnits as minor } from '../src/model/money.ts';
import { quote } from '../src/model/safe-text.ts';
import type { ContentRecord } from '../src/model/graph.ts';
import { latestStatus, projectPath } from '../src/model/project-state.ts';
import type * as S from '../src/model/schemas.ts';
import { isRealAction } from '../src/rule-kit/real-action.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import type { RuleContext } from '../src/rule-kit/rule.ts';
import { scalarRange } from '../src/rule-kit/yaml-edit.ts';

const fromMinor = (units: number) => units / 100;

const options = z.strictObject({
  overspendThreshold: z
    .number()
    .nonnegative()
    .default(0.1)
    .describe('How far a line\'s `actual` may exceed its `amount` (as a fraction: 0.1 is 10%) before the overspend must be raised as an issue.'),
});

type Context = RuleContext<z.output<typeof options>>;

export default defineRule({
  meta: {
    id: 'budget',
    description: 'Budget lines and contingency add up to the total; overspends have an open issue with an action.',
    appliesTo: ['plan'],
    readsAcross: ['status'],
    criteria: ['P5', 'P9', 'P12', 'K14', 'K24'],
    severity: 'error',
    fixable: true,
    options,
    docs: `A plan's \`budget\` (P5, K14) is checked two ways.

**The total adds up.** The lines' \`amount\`s plus \`contingency\` must equal \`total\` (to the penny). The
finding, at \`total\`, gives the figures in the plan's \`currency\`. \`seam lint --fix\` rewrites \`total\` to
the sum; if the total is the approved figure and a line is wrong, correct the line instead.

**Overspends are managed** (P9, P12, K24). When a line's \`actual\` exceeds its \`amount\` by more than
\`overspendThreshold\` (default 0.1, i.e. 10%), the project's latest status report — the most recent one
dated on or before today — must carry an open issue about it: an entry in \`issues\` with
\`budgetLine: <the line>\`, an \`action\` (a real one: not \`tbd\`, \`n/a\` or a \`TODO\`), and no \`closed\` date. The finding is at the line's \`actual\` in
\`plan.mdx\`. Fix it by raising the issue in the latest report, or, when the extra spend is agreed, by
re-baselining the line through an approved change request (which raises its \`amount\`).

**Approved changes** that move money are reconciled with the plan's lines, contingency and their
baselines by the \`change-control\` rule.`,
    examples: {
      valid: [
        { title: 'a planning project whose budget adds up', files: {} },
        { title: 'a line 16% over with an open issue and action in the latest report', base: 'execution', files: {} },
      ],
      invalid: [
        {
          title: 'a total that does not match the lines and contingency',
          criteria: ['P5', 'K14'],
          files: {
            'projects/alpha/plan.mdx': `---
title: Alpha plan
currency: GBP
budget:
  - line: tooling
    title: Migration tooling
    amount: 50000
  - line: people
    title: Integration team
    amount: 150000
contingency: 20000
total: 230000 # ^ budget:8-14 The budget lines (£200,000) plus contingency (£20,000) come to £220,000, but "total" is £230,000. Correct a line or the total; --fix sets "total" to 220000.
milestones:
  - id: design
    title: Mapping design approved
    workstream: data
    owner: ana
    due: 2026-07-01
---

## Assumptions

Beta's finance team is available two days a week.

## Coordination

Testing follows each trial migration before handover to operations.
`,
          },
          fixed: {
            'projects/alpha/plan.mdx': `---
title: Alpha plan
currency: GBP
budget:
  - line: tooling
    title: Migration tooling
    amount: 50000
  - line: people
    title: Integration team
    amount: 150000
contingency: 20000
total: 220000
milestones:
  - id: design
    title: Mapping design approved
    workstream: data
    owner: ana
    due: 2026-07-01
---

## Assumptions

Beta's finance team is available two days a week.

## Coordination

Testing follows each trial migration before handover to operations.
`,
          },
        },
        {
          title: 'an overspend missing from the latest status report',
          criteria: ['P12', 'K24'],
          base: 'execution',
          files: {
            'projects/alpha/status/2026-06-14.mdx': `---
title: Alpha status, 14 June 2026
date: 2026-06-14
rag: green
spend: { toDate: 153000, forecast: 250000 }
milestonesAtRisk: [trial]
architecture: { aligned: true }
quality: { openDefects: 2, summary: Two mapping defects open with fixes in test. }
---

## Summary

Test data loads are on track for the trial.

## Progress

Test data loads have started.

## Risks and issues

The trial depends on Beta's test data arriving this week.
`,
          },
          expect: [{ file: 'projects/alpha/plan.mdx', line: 8, column: 13, message: 'Spent £58,000 of the £50,000 approved on "tooling" (16% over; the threshold is 10%), but the latest status report (status/2026-06-14) has no open issue for it. Add one with "budgetLine: tooling", an "action" and no "closed" date, or re-baseline the line through an approved change request.' }],
        },
        {
          title: 'an overspend raised as an issue without an action, under a tighter threshold',
          criteria: ['P9'],
          base: 'execution',
          options: { overspendThreshold: 0.05 },
          files: {
            'projects/alpha/status/2026-06-12.mdx': `---
title: Alpha status, 12 June 2026
date: 2026-06-12
rag: amber
spend: { toDate: 153000, forecast: 252000 }
architecture: { aligned: true }
quality: { openDefects: 2, summary: Two mapping defects open with fixes in test. }
issues:
  - id: tooling-overspend
    title: Migration tooling licences cost more than quoted
    severity: medium
    budgetLine: tooling
---

## Summary

The tooling line is over budget.

## Progress

Test data loads have started.

## Risks and issues

Tooling licences cost more than quoted.
`,
          },
          expect: [{ file: 'projects/alpha/plan.mdx', line: 8, column: 13, message: 'Spent £58,000 of the £50,000 approved on "tooling" (16% over; the threshold is 5%), but its open issue "tooling-overspend" in the latest status report (status/2026-06-12) has no "action". Say what is being done about the overspend.' }],
        },
      ],
    },
  },
  check(context) {
    const { record } = context;
    if (!record.data || !record.project) return;
    if (record.type === 'plan') {
      checkTotal(context, record);
      checkOverspends(context, record);
    }
  },
});

function checkTotal({ source, report }: Context, record: ContentRecord<S.Plan>) {
  const plan = record.data!;
  const lines = plan.budget.reduce((sum, b) => sum + minor(b.amount), 0);
  const sum = lines + minor(plan.contingency);
  if (sum === minor(plan.total)) return;
  const pence = [lines, sum, minor(plan.total)].some((units) => units % 100 !== 0);
  const money = (units: number) => formatMoney(fromMinor(units), plan.currency, { pence });
  const value = String(fromMinor(sum));
  const range = scalarRange(source, ['total']);
  report({
    message: `The budget lines (${money(lines)}) plus contingency (${money(minor(plan.contingency))}) come to ${money(sum)}, but "total" is ${money(minor(plan.total))}. Correct a line or the total; --fix sets "total" to ${value}.`,
    at: { path: ['total'] },
    ...(range ? { fix: [{ start: range[0], end: range[1], text: value }] } : {}),
  });
}

function checkOverspends({ graph, today, options: { overspendThreshold: threshold }, report }: Context, record: ContentRecord<S.Plan>) {
  const plan = record.data!;
  const latest = latestStatus(graph.projects.get(record.project!), today);
  plan.budget.forEach((b, i) => {
    const over = minor(b.actual) - minor(b.amount);
    if (over <= 0 || over <= minor(b.amount) * threshold) return;
    const spent = `Spent ${formatMoney(b.actual, plan.currency)}`;
    const what = b.amount > 0
      ? `${spent} of the ${formatMoney(b.amount, plan.currency)} approved on ${quote(b.line)} (${Math.round((over / minor(b.amount)) * 100)}% over; the threshold is ${Math.round(threshold * 100)}%)`
      : `${spent} on ${quote(b.line)}, which has no approved amount`;
    const at = { path: ['budget', i, 'actual'] };
    const issueFields = `"budgetLine: ${b.line}", an "action" and no "closed" date`;
    if (!latest) {
      report({ message: `${what}, and the project has no status report to raise it in. Add a status report with an open issue for it (${issueFields}), or re-baseline the line through an approved change request.`, at });
      return;
    }
    const open = latest.data!.issues.filter((issue) => issue.budgetLine === b.line && !issue.closed);
    if (open.some((issue) => isRealAction(issue.action))) return;
    // The report may be classified above the plan: named as a mention of it.
    const where = mention(latest.file, `the latest status report (${projectPath(latest)})`, 'the latest status report');
    if (open.length) {
      report({ ...say`${what}, but its open issue ${mention(latest.file, `${quote(open[0].id)} `, '')}in ${where} has no "action". Say what is being done about the overspend.`, at });
    } else {
      report({ ...say`${what}, but ${where} has no open issue for it. Add one with ${issueFields}, or re-baseline the line through an approved change request.`, at });
    }
  });
}
