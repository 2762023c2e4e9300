// change-control: change requests go through change control as an auditor would check it — decided
// changes name a sign-off authority and a decision date, schedule impacts name the milestones the plan
// shows moved, pending changes do not wait forever, and approved budget effects reconcile with the
// plan's baselines (K26.2).
import { z } from 'zod';
import { mention, say } from '../src/model/message.ts';
import { formatMoney, minorUnits } from '../src/model/money.ts';
import { quote } from '../src/model/safe-text.ts';
import type { ContentRecord, Project } from '../src/model/graph.ts';
import type * as S from '../src/model/schemas.ts';
import { escapeRegExp } from '../src/model/text.ts';
import { daysBetween } from '../src/model/today.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import type { RuleContext } from '../src/rule-kit/rule.ts';

const options = z.strictObject({
  pendingMaxDays: z
    .number()
    .int()
    .positive()
    .default(30)
    .describe('Days a change request may stay `pending` after it was `raised` before it is flagged as waiting too long for a decision.'),
});

type Context = RuleContext<z.output<typeof options>>;
type Change = ContentRecord<S.ChangeRequest>;

/** A change request's id: its file name, as the plan's text and links name it. */
const changeId = (record: ContentRecord) => record.file.split('/').at(-1)!.replace(/\.[^.]+$/, '');

const isApproved = (c: Change) => c.data?.decision === 'approved';

/** How an approved change moves the plan's contingency: a line-less change moves contingency itself; a line change funded from contingency draws on it. */
function contingencyEffect(change: S.ChangeRequest): number {
  const { budget, budgetLine, fundedFrom } = change.impact;
  if (!budgetLine) return minorUnits(budget);
  return fundedFrom === 'contingency' ? -minorUnits(budget) : 0;
}

/** The approved changes of a project that move a budget line, or contingency. */
function approvedOnLine(project: Project, line: string): Change[] {
  return project.changes.filter((c) => isApproved(c) && c.data!.impact.budgetLine === line && minorUnits(c.data!.impact.budget) !== 0);
}
function approvedOnContingency(project: Project): Change[] {
  return project.changes.filter((c) => isApproved(c) && contingencyEffect(c.data!) !== 0);
}

const ids = (changes: Change[]) => changes.map((c) => quote(changeId(c))).join(', ');

export default defineRule({
  meta: {
    id: 'change-control',
    description: 'Decided changes name a sign-off authority and a decision date; schedule impacts name milestones the plan shows moved; pending changes are decided in time; approved budget effects reconcile with the plan.',
    appliesTo: ['changes', 'plan'],
    // Who may decide (the register), the plan's milestones, lines and contingency, and, from the plan,
    // the approved changes that explain its movements.
    readsAcross: ['stakeholders', 'plan', 'changes'],
    criteria: ['K26.2'],
    severity: 'error',
    fixable: false,
    options,
    docs: `Change requests (\`changes/<id>.mdx\`) are the project's change control mechanism for changes to
business requirements (K26.2). An auditor checking that mechanism asks: who decided, when, what moved,
and does the plan show it? This rule asks the same, from the change requests and the plan.

**A decision names who took it and when.** A change with \`decision: approved\` or \`rejected\` must have:

- an \`approver\` who is a **sign-off authority** — a stakeholder with \`signoff: true\` in the project's
  register, the same test the \`signoff\` rule applies (an id the register does not have is a
  \`references\` finding);
- a \`decided\` date **on or after \`raised\`**, and not after today.

**A schedule impact names what it moves.** A change with a positive \`impact.scheduleDays\` must list
the milestones it moves in \`impact.milestones\` (ids from \`plan.mdx\`), whatever its decision: the
impact is assessed before the decision. Once the change is **approved**, the plan must show each of
them moved: the milestone records its \`baseline\` (the due date first approved) and its \`due\` is later.

**A pending change is decided in time.** A change still \`pending\` more than \`pendingMaxDays\` (default
30) after it was \`raised\` is flagged: decide it, or record it as \`deferred\`. "Today" comes from
\`--today\`, \`SEAM_TODAY\` or \`today:\` in seam.config.yaml, as for every rule.

**An approved budget effect reconciles with the plan.** Seam cannot see the plan's history, so the plan
records its baselines, and the rule reconciles them the way an auditor ties a budget to its change log:

1. The plan's text mentions each approved change with a budget impact by its id — the change file's
   name, for example \`cr-002\`, as plain text or a link \`[cr-002](changes/cr-002.mdx)\` (matched
   case-insensitively, as a whole word): the trail from the budget back to the authority.
2. A change on a line (\`impact.budgetLine\`) says where the money comes from in \`impact.fundedFrom\`:
   \`contingency\` (moved between the line and contingency, total unchanged) or \`new-funding\` (the
   approved total moves).
3. **Each line reconciles:** \`amount\` minus the line's \`baseline\` (the amount first approved) equals
   the sum of the approved changes on that line. A line without \`baseline\` has not moved, so an
   approved change on it is not yet in the plan.
4. **Contingency reconciles:** \`contingency\` minus \`contingencyBaseline\` equals the approved changes
   funded from contingency (drawn: negative) plus the approved changes with no line (which move
   contingency itself).
5. **No unexplained movement:** a line whose \`amount\` differs from its \`baseline\`, or contingency that
   differs from \`contingencyBaseline\`, with no approved change on it, is reported in \`plan.mdx\`.

The total then follows: the \`budget\` rule checks that lines plus contingency equal \`total\`, so once
lines and contingency reconcile, the total has moved by exactly the new funding approved. Findings
about a change are reported at its \`impact.budget\`; pending, rejected and deferred changes move no
money. Fix a finding by updating the plan (its \`amount\`, \`baseline\`, \`contingency\`,
\`contingencyBaseline\`) in the same pull request as the decision, or by correcting the change.`,
    examples: {
      valid: [
        { title: 'an approved change on a line, funded by new money, that the plan records and reconciles', base: 'execution', files: {} },
        {
          title: 'an approved change that moves a milestone the plan shows moved, and a recent pending change',
          base: 'execution',
          files: {
            'projects/alpha/changes/cr-002.mdx': '---\ntitle: Extra trial for the archive\nrequestedBy: cara\nraised: 2026-06-01\nimpact:\n  scheduleDays: 14\n  milestones: [trial]\n  scope: A second trial run covers the document archive.\ndecision: approved\napprover: ana\ndecided: 2026-06-05\n---\n\n## Request\n\nA second trial run for the archive.\n\n## Impact\n\nThe trial moves two weeks.\n\n## Decision\n\nApproved by the sponsor.\n',
            'projects/alpha/changes/cr-003.mdx': '---\ntitle: Weekend cutover\nrequestedBy: cara\nraised: 2026-06-10\nimpact:\n  scope: Cutover moves to a weekend.\ndecision: pending\n---\n\n## Request\n\nCut over at a weekend.\n\n## Impact\n\nNone on budget or schedule.\n\n## Decision\n\nFor the June steering meeting.\n',
            'projects/alpha/plan.mdx': `---
title: Alpha plan
currency: GBP
budget:
  - line: tooling
    title: Migration tooling
    amount: 50000
    actual: 58000
  - line: people
    title: Integration team
    amount: 180000
    baseline: 150000
    actual: 95000
contingency: 20000
total: 250000
milestones:
  - id: design
    title: Mapping design approved
    workstream: data
    owner: ana
    due: 2026-05-15
    done: 2026-05-14
  - id: trial
    title: Trial migration
    workstream: data
    owner: cara
    due: 2026-07-15
    baseline: 2026-07-01
    dependsOn: [design]
  - id: cutover
    title: Cutover
    workstream: data
    owner: cara
    due: 2026-10-01
    dependsOn: [trial]
---

## Assumptions

Beta's finance team is available two days a week.

## Coordination

Testing follows each trial migration before handover to operations.

## Changes

The people line rose from £150,000 to £180,000 under change request [cr-001](changes/cr-001.mdx); the trial moved from 1 to 15 July under cr-002.
`,
          },
        },
        {
          title: 'a draw on contingency reconciled in the line and in contingency',
          base: 'execution',
          files: {
            'projects/alpha/changes/cr-001.mdx': '---\ntitle: Two more migration analysts\nrequestedBy: cara\nraised: 2026-05-10\nimpact:\n  budget: 30000\n  budgetLine: people\n  fundedFrom: contingency\n  scope: Two analysts join to clear the mapping backlog before the trial.\ndecision: approved\napprover: ana\ndecided: 2026-05-20\n---\n\n## Request\n\nTwo more analysts.\n\n## Impact\n\nThirty thousand pounds moves from contingency to the people line.\n\n## Decision\n\nApproved by the sponsor.\n',
            'projects/alpha/plan.mdx': '---\ntitle: Alpha plan\ncurrency: GBP\nbudget:\n  - line: tooling\n    title: Migration tooling\n    amount: 50000\n    actual: 58000\n  - line: people\n    title: Integration team\n    amount: 180000\n    baseline: 150000\n    actual: 95000\ncontingency: 20000\ncontingencyBaseline: 50000\ntotal: 250000\nmilestones:\n  - id: design\n    title: Mapping design approved\n    workstream: data\n    owner: ana\n    due: 2026-05-15\n    done: 2026-05-14\n  - id: trial\n    title: Trial migration\n    workstream: data\n    owner: cara\n    due: 2026-07-01\n    dependsOn: [design]\n  - id: cutover\n    title: Cutover\n    workstream: data\n    owner: cara\n    due: 2026-10-01\n    dependsOn: [trial]\n---\n\n## Assumptions\n\nBeta\'s finance team is available two days a week.\n\n## Coordination\n\nTesting follows each trial migration before handover to operations.\n\n## Changes\n\nUnder cr-001 £30,000 moved from contingency (£50,000 to £20,000) to the people line (£150,000 to £180,000).\n',
          },
        },
      ],
      invalid: [
        {
          title: 'an approved change with no approver, no decision date and 200 days of schedule impact',
          criteria: ['K26.2'],
          base: 'execution',
          files: {
            'projects/alpha/changes/cr-002.mdx': `---
title: Rebuild the billing interface
requestedBy: cara
raised: 2026-06-01
impact:
  scheduleDays: 200 # ^ change-control:17-20 Change "cr-002" adds 200 days to the schedule but does not name the milestones it moves. List them in "impact.milestones" (milestone ids from plan.mdx).
  scope: The billing interface is rebuilt on the new platform.
decision: approved # ^ change-control:11-19 Change "cr-002" is approved but names no "approver". Record who decided it: a sign-off authority in the stakeholder register (a stakeholder with "signoff: true"). # ^ change-control:11-19 Change "cr-002" is approved but has no "decided" date. Record when the decision was taken (on or after "raised", 2026-06-01).
---

## Request

Rebuild the billing interface.

## Impact

Two hundred days.

## Decision

Approved.
`,
          },
        },
        {
          title: 'a decision by someone without sign-off authority, dated before the change was raised',
          criteria: ['K26.2'],
          base: 'execution',
          files: {
            'projects/alpha/changes/cr-002.mdx': `---
title: Weekend cutover
requestedBy: cara
raised: 2026-06-01
impact:
  scope: Cutover moves to a weekend.
decision: rejected
approver: cara # ^ change-control:11-15 "cara" (Cara Singh, Integration Lead) decided change "cr-002" but is not a sign-off authority: the stakeholder register does not give them "signoff: true". Have a sign-off authority take the decision, or record the authority in stakeholders.mdx if they hold it.
decided: 2026-05-28 # ^ change-control:10-20 Change "cr-002" was decided on 2026-05-28, before it was raised on 2026-06-01. Correct "decided" or "raised".
---

## Request

Cut over at a weekend.

## Impact

None on budget or schedule.

## Decision

Rejected.
`,
          },
        },
        {
          title: 'an approved schedule impact the plan does not show',
          criteria: ['K26.2'],
          base: 'execution',
          files: {
            'projects/alpha/changes/cr-002.mdx': `---
title: Extra trial for the archive
requestedBy: cara
raised: 2026-06-01
impact:
  scheduleDays: 14
  milestones: [trial] # ^ change-control:16-21 Change "cr-002" moves "trial" by 14 days, but the plan records no "baseline" for "trial", so the move is not visible. Add "baseline:" with the due date first approved to the milestone in plan.mdx, and move its "due".
  scope: A second trial run covers the document archive.
decision: approved
approver: ana
decided: 2026-06-05
---

## Request

A second trial run for the archive.

## Impact

The trial moves two weeks.

## Decision

Approved by the sponsor.
`,
          },
        },
        {
          title: 'a change pending longer than allowed',
          criteria: ['K26.2'],
          base: 'execution',
          options: { pendingMaxDays: 14 },
          files: {
            'projects/alpha/changes/cr-002.mdx': `---
title: Weekend cutover
requestedBy: cara
raised: 2026-05-20
impact:
  scope: Cutover moves to a weekend.
decision: pending # ^ change-control:11-18 Change "cr-002" has been pending for 26 days since it was raised on 2026-05-20 (at most 14 allowed). Decide it, or record it as "deferred" with the reason.
---

## Request

Cut over at a weekend.

## Impact

None on budget or schedule.

## Decision

For the steering meeting.
`,
          },
        },
        {
          title: 'an approved increase the plan neither mentions nor reconciles, with no funding source',
          criteria: ['K26.2'],
          base: 'execution',
          files: {
            'projects/alpha/changes/cr-002.mdx': `---
title: Second migration tool
requestedBy: cara
raised: 2026-06-01
impact:
  budget: 60000 # ^ change-control:11-16 Change "cr-002" was approved with a budget impact of +£60,000 on "tooling", but plan.mdx does not mention it. Update the plan's budget and record the change in the plan's text by its id, for example "… under [cr-002](changes/cr-002.mdx)". # ^ change-control:11-16 Change "cr-002" moves +£60,000 onto "tooling" but does not say where the money comes from. Add "fundedFrom: contingency" (a draw on the plan's contingency, total unchanged) or "fundedFrom: new-funding" (the approved total rises) under "impact". # ^ change-control:11-16 Approved changes on "tooling" ("cr-002") add up to +£60,000, but the plan's "tooling" line records no "baseline", so it shows no move. Add "baseline:" with the amount first approved to the line in plan.mdx and raise its "amount" by the approved changes.
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
        {
          title: 'a decision dated in the future, a milestone not moved past its baseline, a line moved by another amount, and contingency moved without a change',
          criteria: ['K26.2'],
          base: 'execution',
          files: {
            'projects/alpha/changes/cr-002.mdx': `---
title: Archive connector
requestedBy: cara
raised: 2026-06-01
impact:
  budget: 5000 # ^ change-control:11-15 Approved changes on "tooling" ("cr-002") add up to +£5,000, but the plan's "tooling" line has not moved from its baseline £50,000. Correct the line's "amount" or "baseline" in plan.mdx, or the changes' "impact.budget".
  budgetLine: tooling
  fundedFrom: new-funding
  scheduleDays: 7
  milestones: [trial] # ^ change-control:16-21 Change "cr-002" moves "trial" by 7 days, but the plan shows it due 2026-07-01, not later than its baseline 2026-07-01. Move its "due" in plan.mdx, or correct the change's "impact.milestones".
  scope: A connector for Beta's document archive.
decision: approved
approver: ana
decided: 2026-06-20 # ^ change-control:10-20 Change "cr-002" is recorded as decided on 2026-06-20, after today (2026-06-15). Record a decision once it has been taken, with the date it was taken.
---

## Request

A connector for Beta's document archive.

## Impact

Five thousand pounds on tooling and a week on the trial.

## Decision

Approved by the sponsor.
`,
            'projects/alpha/plan.mdx': `---
title: Alpha plan
currency: GBP
budget:
  - line: tooling
    title: Migration tooling
    amount: 50000
    baseline: 50000
    actual: 58000
  - line: people
    title: Integration team
    amount: 180000
    baseline: 150000
    actual: 95000
contingency: 20000
contingencyBaseline: 25000 # ^ change-control:22-27 The plan's contingency moved by -£5,000 (from its baseline £25,000 to £20,000), but no approved change request draws on it or adds to it. Record the move in a change request and have it decided, or correct "contingency".
total: 250000
milestones:
  - id: design
    title: Mapping design approved
    workstream: data
    owner: ana
    due: 2026-05-15
    done: 2026-05-14
  - id: trial
    title: Trial migration
    workstream: data
    owner: cara
    due: 2026-07-01
    baseline: 2026-07-01
    dependsOn: [design]
  - id: cutover
    title: Cutover
    workstream: data
    owner: cara
    due: 2026-10-01
    dependsOn: [trial]
---

## Assumptions

Beta's finance team is available two days a week.

## Coordination

Testing follows each trial migration before handover to operations.

## Changes

The people line rose from £150,000 to £180,000 under change request [cr-001](changes/cr-001.mdx); cr-002 adds an archive connector.
`,
          },
        },
        {
          title: 'a draw on contingency the plan\'s contingency does not show, and a line moved without a change',
          criteria: ['K26.2'],
          base: 'execution',
          files: {
            'projects/alpha/changes/cr-001.mdx': `---
title: Two more migration analysts
requestedBy: cara
raised: 2026-05-10
impact:
  budget: 30000 # ^ change-control:11-16 Approved changes drawing on or adding to contingency ("cr-001") move it by -£30,000, but the plan records no "contingencyBaseline", so it shows no move. Add "contingencyBaseline:" with the contingency first approved to plan.mdx and lower "contingency" by the approved draws.
  budgetLine: people
  fundedFrom: contingency
  scope: Two analysts join to clear the mapping backlog before the trial.
decision: approved
approver: ana
decided: 2026-05-20
---

## Request

Two more analysts.

## Impact

Thirty thousand pounds moves from contingency to the people line.

## Decision

Approved by the sponsor.
`,
            'projects/alpha/plan.mdx': `---
title: Alpha plan
currency: GBP
budget:
  - line: tooling
    title: Migration tooling
    amount: 50000
    baseline: 40000 # ^ change-control:15-20 The plan's "tooling" line moved by +£10,000 (from its baseline £40,000 to £50,000), but no approved change request names it. Record the move in a change request ("impact.budgetLine: tooling") and have it decided, or correct the line.
    actual: 58000
  - line: people
    title: Integration team
    amount: 180000
    baseline: 150000
    actual: 95000
contingency: 20000
total: 250000
milestones:
  - id: design
    title: Mapping design approved
    workstream: data
    owner: ana
    due: 2026-05-15
    done: 2026-05-14
  - id: trial
    title: Trial migration
    workstream: data
    owner: cara
    due: 2026-07-01
    dependsOn: [design]
  - id: cutover
    title: Cutover
    workstream: data
    owner: cara
    due: 2026-10-01
    dependsOn: [trial]
---

## Assumptions

Beta's finance team is available two days a week.

## Coordination

Testing follows each trial migration before handover to operations.

## Changes

The people line rose from £150,000 to £180,000 under change request [cr-001](changes/cr-001.mdx).
`,
          },
        },
      ],
    },
  },
  check(context) {
    const { record, graph } = context;
    if (!record.data || !record.project) return;
    const project = graph.projects.get(record.project);
    if (!project) return;
    if (record.type === 'changes') {
      const change = record as Change;
      checkDecision(context, project, change);
      checkSchedule(context, project, change);
      checkBudget(context, project, change);
    }
    if (record.type === 'plan') checkPlanMovements(context, project, record as ContentRecord<S.Plan>);
  },
});

function checkDecision({ today, options, report }: Context, project: Project, record: Change) {
  const change = record.data!;
  const id = changeId(record);
  if (change.decision === 'pending') {
    const waiting = daysBetween(change.raised, today);
    if (waiting > options.pendingMaxDays) {
      report({ message: `Change ${quote(id)} has been pending for ${waiting} days since it was raised on ${change.raised} (at most ${options.pendingMaxDays} allowed). Decide it, or record it as "deferred" with the reason.`, at: { path: ['decision'] } });
    }
    return;
  }
  if (change.decision !== 'approved' && change.decision !== 'rejected') return;
  if (!change.approver) {
    report({ message: `Change ${quote(id)} is ${change.decision} but names no "approver". Record who decided it: a sign-off authority in the stakeholder register (a stakeholder with "signoff: true").`, at: { path: ['decision'] } });
  } else {
    const register = project.stakeholders;
    const approver = register?.data?.stakeholders.find((s) => s.id === change.approver); // an unknown id is a `references` finding
    if (approver && !approver.signoff) {
      report({
        ...say`${mention(register!.file, `${quote(approver.id)} (${approver.name}, ${approver.role})`, quote(approver.id))} decided change ${quote(id)} but is not a sign-off authority: the stakeholder register does not give them "signoff: true". Have a sign-off authority take the decision, or record the authority in stakeholders.mdx if they hold it.`,
        at: { path: ['approver'] },
      });
    }
  }
  if (!change.decided) {
    report({ message: `Change ${quote(id)} is ${change.decision} but has no "decided" date. Record when the decision was taken (on or after "raised", ${change.raised}).`, at: { path: ['decision'] } });
  } else if (change.decided < change.raised) {
    report({ message: `Change ${quote(id)} was decided on ${change.decided}, before it was raised on ${change.raised}. Correct "decided" or "raised".`, at: { path: ['decided'] } });
  } else if (change.decided > today) {
    report({ message: `Change ${quote(id)} is recorded as decided on ${change.decided}, after today (${today}). Record a decision once it has been taken, with the date it was taken.`, at: { path: ['decided'] } });
  }
}

function checkSchedule({ report }: Context, project: Project, record: Change) {
  const change = record.data!;
  const id = changeId(record);
  const { scheduleDays: days, milestones } = change.impact;
  if (days <= 0) return;
  if (!milestones.length) {
    report({ message: `Change ${quote(id)} adds ${days} day${days === 1 ? '' : 's'} to the schedule but does not name the milestones it moves. List them in "impact.milestones" (milestone ids from plan.mdx).`, at: { path: ['impact', 'scheduleDays'] } });
    return;
  }
  if (change.decision !== 'approved') return;
  const plan = project.plan;
  if (!plan?.data) return; // no plan: `coverage` reports it; a broken plan: `schema`
  milestones.forEach((milestoneId, j) => {
    const milestone = plan.data!.milestones.find((m) => m.id === milestoneId);
    if (!milestone) return; // `references` reports an unknown milestone
    const at = { path: ['impact', 'milestones', j] };
    if (!milestone.baseline) {
      report({ message: `Change ${quote(id)} moves ${quote(milestoneId)} by ${days} days, but the plan records no "baseline" for ${quote(milestoneId)}, so the move is not visible. Add "baseline:" with the due date first approved to the milestone in plan.mdx, and move its "due".`, at });
    } else if (milestone.due <= milestone.baseline) {
      report({
        ...say`Change ${quote(id)} moves ${quote(milestoneId)} by ${days} days, but the plan shows it ${mention(plan.file, `due ${milestone.due}, not later than its baseline ${milestone.baseline}`, 'not moved')}. Move its "due" in plan.mdx, or correct the change's "impact.milestones".`,
        at,
      });
    }
  });
}

function checkBudget({ report }: Context, project: Project, record: Change) {
  const change = record.data!;
  if (change.decision !== 'approved' || minorUnits(change.impact.budget) === 0) return;
  const id = changeId(record);
  const at = { path: ['impact', 'budget'] };
  const { budget: impact, budgetLine, fundedFrom } = change.impact;
  const planRecord = project.plan;
  if (!planRecord) {
    report({ message: `Change ${quote(id)} was approved with a budget impact of ${impact > 0 ? '+' : ''}${impact}, but the project has no plan.mdx to reflect it in. Add the plan, with the change in its budget.`, at });
    return;
  }
  const plan = planRecord.data;
  if (!plan) return; // the plan fails its schema: `schema` reports that first.
  const money = (units: number) => formatMoney(units / 100, plan.currency, { signed: true });
  const movement = (units: number, baseline: number, now: number) => units === 0
    ? `has not moved from its baseline ${formatMoney(baseline, plan.currency)}`
    : `moved by ${money(units)} (from its baseline ${formatMoney(baseline, plan.currency)} to ${formatMoney(now, plan.currency)})`;

  const mentioned = new RegExp(`(?<![A-Za-z0-9-])${escapeRegExp(id)}(?![A-Za-z0-9-])`, 'i').test(planRecord.source.body);
  if (!mentioned) {
    report({
      message: `Change ${quote(id)} was approved with a budget impact of ${formatMoney(impact, plan.currency, { signed: true })}${budgetLine ? ` on ${quote(budgetLine)}` : ''}, but plan.mdx does not mention it. Update the plan's budget and record the change in the plan's text by its id, for example "… under [${id}](changes/${id}.mdx)".`,
      at,
    });
  }

  const line = budgetLine ? plan.budget.find((b) => b.line === budgetLine) : undefined;
  if (budgetLine && !fundedFrom) {
    report({ message: `Change ${quote(id)} moves ${formatMoney(impact, plan.currency, { signed: true })} onto ${quote(budgetLine)} but does not say where the money comes from. Add "fundedFrom: contingency" (a draw on the plan's contingency, total unchanged) or "fundedFrom: new-funding" (the approved total rises) under "impact".`, at });
  }
  if (line) {
    const changes = approvedOnLine(project, line.line);
    const expected = changes.reduce((sum, c) => sum + minorUnits(c.data!.impact.budget), 0);
    const moved = line.baseline === undefined ? 0 : minorUnits(line.amount) - minorUnits(line.baseline);
    if (moved !== expected) {
      const approved = `Approved changes on ${quote(line.line)} (${ids(changes)}) add up to ${money(expected)}`;
      report({
        ...(line.baseline === undefined
          ? say`${approved}, but the plan's ${quote(line.line)} line records no "baseline", so it shows no move. Add "baseline:" with the amount first approved to the line in plan.mdx and raise its "amount" by the approved changes.`
          : say`${approved}, but the plan's ${quote(line.line)} line ${mention(planRecord.file, movement(moved, line.baseline, line.amount), 'moved by a different amount')}. Correct the line's "amount" or "baseline" in plan.mdx, or the changes' "impact.budget".`),
        at,
      });
    }
  }
  if (contingencyEffect(change) !== 0) {
    const changes = approvedOnContingency(project);
    const expected = changes.reduce((sum, c) => sum + contingencyEffect(c.data!), 0);
    const moved = plan.contingencyBaseline === undefined ? 0 : minorUnits(plan.contingency) - minorUnits(plan.contingencyBaseline);
    if (moved !== expected) {
      const approved = `Approved changes drawing on or adding to contingency (${ids(changes)}) move it by ${money(expected)}`;
      report({
        ...(plan.contingencyBaseline === undefined
          ? say`${approved}, but the plan records no "contingencyBaseline", so it shows no move. Add "contingencyBaseline:" with the contingency first approved to plan.mdx and ${expected < 0 ? 'lower "contingency" by the approved draws' : 'raise "contingency" by the approved additions'}.`
          : say`${approved}, but the plan's contingency ${mention(planRecord.file, movement(moved, plan.contingencyBaseline, plan.contingency), 'moved by a different amount')}. Correct "contingency" or "contingencyBaseline" in plan.mdx, or the changes' "impact".`),
        at,
      });
    }
  }
}

/** Movements in the plan that no approved change explains, reported where they are. */
function checkPlanMovements({ report }: Context, project: Project, record: ContentRecord<S.Plan>) {
  const plan = record.data!;
  const money = (amount: number) => formatMoney(amount, plan.currency);
  plan.budget.forEach((line, i) => {
    if (line.baseline === undefined || minorUnits(line.baseline) === minorUnits(line.amount) || approvedOnLine(project, line.line).length) return;
    const moved = formatMoney((minorUnits(line.amount) - minorUnits(line.baseline)) / 100, plan.currency, { signed: true });
    report({
      message: `The plan's ${quote(line.line)} line moved by ${moved} (from its baseline ${money(line.baseline)} to ${money(line.amount)}), but no approved change request names it. Record the move in a change request ("impact.budgetLine: ${line.line}") and have it decided, or correct the line.`,
      at: { path: ['budget', i, 'baseline'] },
    });
  });
  const base = plan.contingencyBaseline;
  if (base !== undefined && minorUnits(base) !== minorUnits(plan.contingency) && !approvedOnContingency(project).length) {
    const moved = formatMoney((minorUnits(plan.contingency) - minorUnits(base)) / 100, plan.currency, { signed: true });
    report({
      message: `The plan's contingency moved by ${moved} (from its baseline ${money(base)} to ${money(plan.contingency)}), but no approved change request draws on it or adds to it. Record the move in a change request and have it decided, or correct "contingency".`,
      at: { path: ['contingencyBaseline'] },
    });
  }
}
