// budget: a plan's budget adds up, overspending is raised as an issue with an action in the latest status
// report, and approved change requests that move money are reflected in the plan (P5, P9, P12, K14,
// K24, K26.2).
import { z } from 'zod';
import { mention, say } from '../src/model/message.ts';
import { formatMoney } from '../src/model/money.ts';
import { quote } from '../src/model/safe-text.ts';
import type { ContentRecord } from '../src/model/graph.ts';
import { latestStatus, projectPath } from '../src/model/project-state.ts';
import type * as S from '../src/model/schemas.ts';
import { escapeRegExp } from '../src/model/text.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import type { RuleContext } from '../src/rule-kit/rule.ts';
import { scalarRange } from '../src/rule-kit/yaml-edit.ts';

/** Money compared in whole minor units, so 0.1 + 0.2 adds up to 0.3. */
const minor = (amount: number) => Math.round(amount * 100);
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
    description: 'Budget lines and contingency add up to the total; overspends have an open issue with an action; approved budget changes are reflected in the plan.',
    appliesTo: ['plan', 'changes'],
    readsAcross: ['status', 'plan'],
    criteria: ['P5', 'P9', 'P12', 'K14', 'K24', 'K26.2'],
    severity: 'error',
    fixable: true,
    options,
    docs: `A plan's \`budget\` (P5, K14) is checked three ways.

**The total adds up.** The lines' \`amount\`s plus \`contingency\` must equal \`total\` (to the penny). The
finding, at \`total\`, gives the figures in the plan's \`currency\`. \`seam lint --fix\` rewrites \`total\` to
the sum; if the total is the approved figure and a line is wrong, correct the line instead.

**Overspends are managed** (P9, P12, K24). When a line's \`actual\` exceeds its \`amount\` by more than
\`overspendThreshold\` (default 0.1, i.e. 10%), the project's latest status report — the most recent one
dated on or before today — must carry an open issue about it: an entry in \`issues\` with
\`budgetLine: <the line>\`, an \`action\`, and no \`closed\` date. The finding is at the line's \`actual\` in
\`plan.mdx\`. Fix it by raising the issue in the latest report, or, when the extra spend is agreed, by
re-baselining the line through an approved change request (which raises its \`amount\`).

**Approved changes reach the plan** (K26.2). A change request (\`changes/<id>.mdx\`) with
\`decision: approved\` and a non-zero \`impact.budget\` must be reflected in \`plan.mdx\`. Seam cannot see
the plan's history, so the convention is:

1. The plan's text (its Markdown body) mentions the change by its id — the change file's name, for
   example \`cr-002\` — as plain text or in a link such as \`[cr-002](changes/cr-002.mdx)\`. The usual
   place is a "Changes" section saying what moved: "Tooling rose from £50,000 to £65,000 under
   [cr-002](changes/cr-002.mdx)". The id matches case-insensitively and as a whole word.
2. When the change adds money to a line (\`impact.budgetLine\`, \`impact.budget\` > 0), that line's
   \`amount\` is at least the increase: a line smaller than the increase alone cannot have absorbed it.

Both are reported at the change's \`impact.budget\`. Pending, rejected and deferred changes, and changes
without a budget impact, are not checked; a \`budgetLine\` the plan does not have is a \`references\`
finding.`,
    examples: {
      valid: [
        { title: 'a planning project whose budget adds up', files: {} },
        { title: 'a line 16% over with an open issue and action in the latest report, and an approved change the plan records', base: 'execution', files: {} },
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
        {
          title: 'an approved increase the plan neither mentions nor has room for',
          criteria: ['K26.2'],
          base: 'execution',
          files: {
            'projects/alpha/changes/cr-002.mdx': `---
title: Second migration tool
requestedBy: cara
raised: 2026-06-01
impact:
  budget: 60000 # ^ budget:11-16 Change "cr-002" adds £60,000 to "tooling", but the plan's "tooling" line is only £50,000, less than the increase alone. Raise the line's "amount" in plan.mdx to include the change. # ^ budget:11-16 Change "cr-002" was approved with a budget impact of +£60,000 on "tooling", but plan.mdx does not mention it. Update the plan's budget and record the change in the plan's text by its id, for example "… under [cr-002](changes/cr-002.mdx)".
  budgetLine: tooling
  scope: A second tool for Beta's document archive.
decision: approved
approver: ana
decided: 2026-06-10
---

## Request

A second migration tool for Beta's document archive.

## Impact

Sixty thousand pounds more on the tooling line.

## Decision

Approved by the sponsor.
`,
          },
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
    if (record.type === 'changes') checkChange(context, record);
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
    if (open.some((issue) => issue.action?.trim())) return;
    // The report may be classified above the plan: named as a mention of it.
    const where = mention(latest.file, `the latest status report (${projectPath(latest)})`, 'the latest status report');
    if (open.length) {
      report({ ...say`${what}, but its open issue ${mention(latest.file, `${quote(open[0].id)} `, '')}in ${where} has no "action". Say what is being done about the overspend.`, at });
    } else {
      report({ ...say`${what}, but ${where} has no open issue for it. Add one with ${issueFields}, or re-baseline the line through an approved change request.`, at });
    }
  });
}

function checkChange({ graph, report }: Context, record: ContentRecord<S.ChangeRequest>) {
  const change = record.data!;
  if (change.decision !== 'approved' || minor(change.impact.budget) === 0) return;
  const id = record.file.split('/').at(-1)!.replace(/\.[^.]+$/, '');
  const at = { path: ['impact', 'budget'] };
  const planRecord = graph.projects.get(record.project!)?.plan;
  const { budget: impact, budgetLine } = change.impact;
  if (!planRecord) {
    report({ message: `Change ${quote(id)} was approved with a budget impact of ${impact > 0 ? '+' : ''}${impact}, but the project has no plan.mdx to reflect it in. Add the plan, with the change in its budget.`, at });
    return;
  }
  const plan = planRecord.data;
  if (!plan) return; // the plan fails its schema: `schema` reports that first.
  const line = budgetLine ? plan.budget.find((b) => b.line === budgetLine) : undefined;
  if (line && impact > 0 && minor(line.amount) < minor(impact)) {
    report({
      message: `Change ${quote(id)} adds ${formatMoney(impact, plan.currency)} to ${quote(line.line)}, but the plan's ${quote(line.line)} line is only ${formatMoney(line.amount, plan.currency)}, less than the increase alone. Raise the line's "amount" in plan.mdx to include the change.`,
      at,
    });
  }
  const mentioned = new RegExp(`(?<![A-Za-z0-9-])${escapeRegExp(id)}(?![A-Za-z0-9-])`, 'i').test(planRecord.source.body);
  if (!mentioned) {
    report({
      message: `Change ${quote(id)} was approved with a budget impact of ${formatMoney(impact, plan.currency, { signed: true })}${budgetLine ? ` on ${quote(budgetLine)}` : ''}, but plan.mdx does not mention it. Update the plan's budget and record the change in the plan's text by its id, for example "… under [${id}](changes/${id}.mdx)".`,
      at,
    });
  }
}
