// issues: every serious issue in a status report has someone owning it, an action and a date, and the
// latest report shows which open issues have gone past their date (P9, K26.6, K27.7).
import { z } from 'zod';
import { latestStatus } from '../src/model/project-state.ts';
import type * as S from '../src/model/schemas.ts';
import { quote } from '../src/model/safe-text.ts';
import { daysBetween } from '../src/model/today.ts';
import { notAnAction } from '../src/rule-kit/real-action.ts';
import { defineRule } from '../src/rule-kit/rule.ts';

const severities = ['low', 'medium', 'high', 'critical'] as const;

export default defineRule({
  meta: {
    id: 'issues',
    description: 'Serious issues in status reports have an owner, an action and a due date; overdue open issues are flagged in the latest report.',
    appliesTo: ['status'],
    // Whether this report is the project's latest.
    readsAcross: ['status'],
    criteria: ['P9', 'K26.6', 'K27.7'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({
      severities: z
        .array(z.enum(severities))
        .default(['high', 'critical'])
        .describe('The issue severities that must have an `owner`, an `action` and a `due` date.'),
    }),
    docs: `A status report's \`issues\` show that problems with the deliverables are acted on in time (P9,
K26.6, K27.7). This rule reads each status report (\`status/<date>.mdx\`) and reports:

- **A serious issue without an owner, an action or a due date** (error). Every issue whose \`severity\`
  is in \`severities\` (default \`high\` and \`critical\`) needs \`owner\` (a stakeholder id), \`action\` (what
  is being done) and \`due\` (when the action is due). Each missing field is reported at the issue, in
  every report: a report is a record of how the issue was handled at the time. An action that says
  nothing — \`tbd\`, \`tbc\`, \`n/a\`, \`to be confirmed\`, \`-\`, \`?\` or a \`TODO\` — is not an action: it
  is reported at \`action\` (the same check every rule that requires an action uses).
- **An open issue past its due date** (warning, at \`due\`). An issue without \`closed\` whose \`due\` is
  before today is overdue. This is checked only in the project's latest status report — the most recent
  one dated on or before today. Older reports are history: what was open then is settled by the reports
  that followed. Close the issue (\`closed: <date>\`) or agree a new \`due\` date and explain the slip in
  the report's "Risks and issues".

Owners that are not in the stakeholder register are the \`references\` rule's findings. "Today" comes
from \`--today\`, \`SEAM_TODAY\` or \`today:\` in seam.config.yaml.`,
    examples: {
      valid: [{ title: 'an older report with an issue open at the time, closed in the latest', base: 'execution', files: {} }],
      invalid: [
        {
          title: 'an open issue past its due date in the latest report',
          criteria: ['P9', 'K26.6'],
          base: 'execution',
          today: '2026-07-05',
          files: {},
          expect: [{ file: 'projects/alpha/status/2026-06-12.mdx', line: 22, column: 10, severity: 'warning', message: 'The issue "tooling-overspend" is open and was due 2026-06-30, 5 days ago. Close it with "closed: <date>", or agree a new "due" date and explain the slip in the report.' }],
        },
        {
          title: 'a critical issue with no owner, action or due date',
          criteria: ['K26.6', 'K27.7'],
          base: 'execution',
          files: {
            'projects/alpha/status/2026-06-14.mdx': `---
title: Alpha status, 14 June 2026
date: 2026-06-14
rag: red
spend: { toDate: 153000, forecast: 260000 }
milestonesAtRisk: [trial]
architecture: { aligned: true }
quality: { openDefects: 9, summary: Nine defects from the first test load. }
issues:
  - id: test-data-corrupt # ^ issues:5-13:1 The critical issue "test-data-corrupt" has no "action": say what is being done about it. # ^ issues:5-13:1 The critical issue "test-data-corrupt" has no "due": set the date the action is due (YYYY-MM-DD). # ^ issues:5-13:1 The critical issue "test-data-corrupt" has no "owner": name the stakeholder who owns it (their id in the register).
    title: Beta's test extract is corrupt
    severity: critical
  - id: slow-approvals
    title: Access requests take a week to approve
    severity: low
---

## Summary

The trial cannot start until Beta sends a clean extract.

## Progress

The first test load failed on a corrupt extract.

## Risks and issues

Beta's test extract is corrupt; access approvals are slow.
`,
          },
        },
        {
          title: 'a critical issue whose action is "tbd"',
          base: 'execution',
          files: {
            'projects/alpha/status/2026-06-14.mdx': `---
title: Alpha status, 14 June 2026
date: 2026-06-14
rag: red
spend: { toDate: 153000, forecast: 250000 }
milestonesAtRisk: [trial]
architecture: { aligned: true }
quality: { openDefects: 9, summary: Nine defects from the first test load. }
issues:
  - id: test-data-corrupt
    title: Beta's test extract is corrupt
    severity: critical
    owner: cara
    action: tbd # ^ issues:13 The critical issue "test-data-corrupt" has no real "action" ("tbd" says nothing about what is being done): say what is being done about it.
    due: 2026-06-19
---

## Summary

The trial cannot start until Beta sends a clean extract.

## Progress

The first test load failed on a corrupt extract.

## Risks and issues

Beta's test extract is corrupt.
`,
          },
        },
        {
          title: 'medium issues must have an owner too, when configured',
          criteria: ['K26.6'],
          base: 'execution',
          options: { severities: ['medium', 'high', 'critical'] },
          files: {
            'projects/alpha/status/2026-05-15.mdx': `---
title: Alpha status, 15 May 2026
date: 2026-05-15
rag: amber
spend: { toDate: 90000, forecast: 245000 }
architecture: { aligned: true }
quality: { openDefects: 4, summary: Four mapping defects open from the design review. }
issues:
  - id: mapping-gaps # ^ issues:5-14:1 The medium issue "mapping-gaps" has no "owner": name the stakeholder who owns it (their id in the register).
    title: Beta product codes without an Acme equivalent
    severity: medium
    action: Agree a mapping for each code with Beta finance.
    due: 2026-06-01
---

## Summary

Design is approved a day early; mapping gaps remain open.

## Progress

The mapping design was approved on 14 May.

## Risks and issues

Beta product codes without an Acme equivalent need agreed mappings.
`,
          },
        },
      ],
    },
  },
  check({ record, graph, today, options, report }) {
    if (!record.data) return;
    const { issues } = record.data;
    const required: [keyof S.StatusReport['issues'][number], string][] = [
      ['owner', 'name the stakeholder who owns it (their id in the register)'],
      ['action', 'say what is being done about it'],
      ['due', 'set the date the action is due (YYYY-MM-DD)'],
    ];
    issues.forEach((issue, i) => {
      if (!options.severities.includes(issue.severity)) return;
      for (const [field, how] of required) {
        const value = issue[field];
        if (field === 'action' && notAnAction(value) === 'placeholder') {
          report({ message: `The ${issue.severity} issue "${issue.id}" has no real "action" (${quote(value!.trim())} says nothing about what is being done): ${how}.`, at: { path: ['issues', i, 'action'] } });
          continue;
        }
        if (typeof value === 'string' && value.trim()) continue;
        report({ message: `The ${issue.severity} issue "${issue.id}" has no "${field}": ${how}.`, at: { path: ['issues', i] } });
      }
    });

    const latest = latestStatus(graph.projects.get(record.project ?? ''), today);
    if (latest?.file !== record.file) return;
    issues.forEach((issue, i) => {
      if (issue.closed || !issue.due || issue.due >= today) return;
      const late = daysBetween(issue.due, today);
      report({
        severity: 'warning',
        message: `The issue "${issue.id}" is open and was due ${issue.due}, ${late} day${late === 1 ? '' : 's'} ago. Close it with "closed: <date>", or agree a new "due" date and explain the slip in the report.`,
        at: { path: ['issues', i, 'due'] },
      });
    });
  },
});
