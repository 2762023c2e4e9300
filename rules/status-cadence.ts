// status-cadence: an active project in execution or handover reports its status regularly, and no
// status report is dated in the future (P12, K25.3).
import { z } from 'zod';
import { mention, say } from '../src/model/message.ts';
import { isReporting, latestStatus, projectPath } from '../src/model/project-state.ts';
import { daysBetween } from '../src/model/today.ts';
import { defineRule } from '../src/rule-kit/rule.ts';

export default defineRule({
  meta: {
    id: 'status-cadence',
    description: 'Active projects in execution or handover have a recent status report, and no report is dated in the future.',
    appliesTo: ['charter', 'status'],
    readsAcross: ['status'],
    criteria: ['P12', 'K25.3'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({
      maxDays: z.number().int().positive().default(31).describe('Most days allowed since the latest status report; a charter\'s `statusCadenceDays` overrides it for that project.'),
    }),
    docs: `Progress against budget, plan and schedule is monitored through dated status reports
(\`status/<date>.mdx\`, P12, K25.3). This rule reports:

- **No recent status report** (at the charter's \`status\` key). A project whose charter says
  \`status: active\` and \`phase: execution\` or \`phase: handover\` must have a status report dated at most
  \`maxDays\` days (default 31) before today; the charter's \`statusCadenceDays\` sets another limit for
  that project. A project with no report yet is allowed the same number of days from its \`start\`.
  Planning, closed, proposed and cancelled projects are not checked. Fix it by adding this period's
  report, \`status/YYYY-MM-DD.mdx\`.
- **A status report dated in the future** (at its \`date\`). A report records what has happened, so its
  \`date\` cannot be after today; such a report never counts as the latest one, for this rule or for
  \`schedule\`, \`issues\` and \`budget\`. Correct the date (and the file name, which follows it).

"Today" comes from \`--today\`, \`SEAM_TODAY\` or \`today:\` in seam.config.yaml.`,
    examples: {
      valid: [
        { title: 'an executing project that reported three days ago', base: 'execution', files: {} },
        { title: 'a planning project needs no status reports', files: {}, today: '2026-12-01' },
      ],
      invalid: [
        {
          title: 'the latest report is more than a month old',
          criteria: ['P12', 'K25.3'],
          base: 'execution',
          today: '2026-07-20',
          files: {},
          expect: [{ file: 'projects/alpha/index.mdx', line: 3, column: 1, message: 'No status report for 38 days: the latest is status/2026-06-12, and an active project in execution reports at least every 31 days. Add this period\'s report as status/YYYY-MM-DD.mdx.' }],
        },
        {
          title: 'a charter with a fortnightly cadence',
          criteria: ['P12'],
          base: 'execution',
          today: '2026-06-30',
          files: {
            'projects/alpha/index.mdx': `---
title: Alpha billing migration
status: active # ^ status-cadence:1-7 No status report for 18 days: the latest is status/2026-06-12, and an active project in execution reports at least every 14 days (the charter's "statusCadenceDays"). Add this period's report as status/YYYY-MM-DD.mdx.
phase: execution
start: 2026-05-01
end: 2026-12-31
statusCadenceDays: 14
sponsors: [ana]
organisations: [acme, beta]
systems: [crm, billing]
workstreams:
  - id: data
    title: Data migration
approach: phased
---

## Scope

Moves Beta's billing accounts into Acme's CRM.
`,
          },
        },
        {
          title: 'no report at all, six weeks after the start',
          criteria: ['K25.3'],
          base: 'execution',
          files: { 'projects/alpha/status/2026-05-15.mdx': null, 'projects/alpha/status/2026-06-12.mdx': null },
          expect: [{ file: 'projects/alpha/index.mdx', line: 3, column: 1, message: 'The project is active in execution but has no status report, 45 days after its start (2026-05-01); it reports at least every 31 days. Add this period\'s report as status/YYYY-MM-DD.mdx.' }],
        },
        {
          title: 'a report dated in the future',
          criteria: ['P12'],
          base: 'execution',
          files: {
            'projects/alpha/status/2026-06-30.mdx': `---
title: Alpha status, 30 June 2026
date: 2026-06-30 # ^ status-cadence:7-17 The report is dated 2026-06-30, after today (2026-06-15): a status report records what has happened. Correct "date", and the file name with it.
rag: green
spend: { toDate: 160000, forecast: 250000 }
architecture: { aligned: true }
quality: { openDefects: 0, summary: No open defects. }
---

## Summary

Written ahead of the steering meeting.

## Progress

The trial is expected to finish on time.

## Risks and issues

None new this period.
`,
          },
        },
      ],
    },
  },
  check({ record, graph, today, options, report }) {
    if (!record.data) return;
    if (record.type === 'status') {
      const { date } = record.data;
      if (date > today) {
        report({ message: `The report is dated ${date}, after today (${today}): a status report records what has happened. Correct "date", and the file name with it.`, at: { path: ['date'] } });
      }
      return;
    }
    const charter = record.data;
    if (!isReporting(charter)) return;
    const limit = charter.statusCadenceDays ?? options.maxDays;
    const cadence = `reports at least every ${limit} days${charter.statusCadenceDays ? ' (the charter\'s "statusCadenceDays")' : ''}`;
    const add = 'Add this period\'s report as status/YYYY-MM-DD.mdx.';
    const at = { path: ['status'], key: true };
    const scope = 'project' as const;
    const latest = latestStatus(graph.projects.get(record.project ?? ''), today);
    if (latest) {
      const age = daysBetween(latest.data!.date, today);
      if (age > limit) report({ ...say`No status report for ${age} days: the latest is ${mention(latest.file, projectPath(latest), 'a restricted record')}, and an active project in ${charter.phase} ${cadence}. ${add}`, at, scope });
      return;
    }
    const running = daysBetween(charter.start, today);
    if (running > limit) {
      report({ message: `The project is active in ${charter.phase} but has no status report, ${running} days after its start (${charter.start}); it ${cadence}. ${add}`, at, scope });
    }
  },
});
