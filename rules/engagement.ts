// engagement: the engagement log shows that people were engaged, not only that a plan to engage them
// exists: every stakeholder within their cadence, every organisation in every reporting period, and
// every follow-up with an owner, a due date and a real action (P14, P20, K31.2, K40.1).
import { z } from 'zod';
import { CADENCE_DAYS, daysOverdue, entriesBy, lastContact, organisationsEngaged } from '../src/model/engagement.ts';
import { projectFile } from '../src/model/identity.ts';
import { isReporting, projectPath } from '../src/model/project-state.ts';
import { requiredRecordTypes } from '../src/model/record-types.ts';
import { quote } from '../src/model/safe-text.ts';
import { daysBetween } from '../src/model/today.ts';
import { notAnAction } from '../src/rule-kit/real-action.ts';
import { defineRule } from '../src/rule-kit/rule.ts';

const STAKEHOLDERS = `---
title: Alpha stakeholders
stakeholders:
  - id: ana
    name: Ana Reyes
    role: Chief Operating Officer
    organisation: acme
    kind: sponsor
    signoff: true
    raci: { data: A }
    comms: { cadence: monthly, channel: Steering meeting }
  - id: ben
    name: Ben Walsh
    role: Finance Director
    organisation: beta
    kind: stakeholder
    raci: { data: C }
    comms: { cadence: weekly, channel: Email update }
  - id: cara
    name: Cara Singh
    role: Integration Lead
    organisation: acme
    kind: stakeholder
    raci: { data: R }
    comms: { cadence: weekly, channel: Project stand-up }
---

## Engagement

Ana chairs the monthly steering meeting; Ben receives a weekly update; Cara runs the project stand-up.
`;

export default defineRule({
  meta: {
    id: 'engagement',
    description: 'Every stakeholder is engaged within their cadence, every organisation in every reporting period, and every follow-up has an owner, a due date and a real action.',
    appliesTo: ['charter', 'stakeholders', 'status', 'engagement'],
    readsAcross: ['charter', 'stakeholders', 'plan', 'status', 'engagement'],
    criteria: ['P14', 'P20', 'K25.1', 'K31.2', 'K40.1'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `A project's engagement log (\`engagement/<date>-<topic>.mdx\`, one file per communication that
happened) is the evidence that sponsors, stakeholders and external bodies are communicated with in a
timely manner (P20, K40.1), that relationships are maintained (P14) and that every organisation
involved takes part (K31.2). The stakeholder register says how often each person is to be engaged
(\`comms.cadence\`); the log says when they were. The rule reports:

- **No engagement log** (at the charter's \`phase\`): a project in execution, handover or closed has
  at least one entry.
- **A stakeholder not engaged within their cadence** (at their \`comms.cadence\` in the register),
  while the project is active in execution or handover: the latest entry naming them in
  \`audience.stakeholders\` is at most 3 (\`daily\`: every working day, a weekend allowed), 7 (\`weekly\`), 14 (\`fortnightly\`), 31 (\`monthly\`)
  or 92 (\`quarterly\`) days before today; someone never engaged is allowed that long from the
  charter's \`start\`. A \`milestone\` cadence asks for a contact on or after the latest milestone done.
- **An organisation not engaged in a reporting period** (at the status report that closes the
  period): for each pair of consecutive status reports, every organisation in the charter's
  \`organisations\` appears in an entry dated after the earlier report and on or before the later one,
  named in \`audience.organisations\` or through a stakeholder of it in \`audience.stakeholders\`.
- **A follow-up without an owner, a due date or a real action** (at the follow-up): \`tbd\`, \`n/a\`
  or a \`TODO\` is not an action (the shared check every rule uses).
- **An entry dated after today** (at its \`date\`): the log records what happened.

Audience ids that do not exist are the \`references\` rule's findings. "Today" comes from \`--today\`,
\`SEAM_TODAY\` or \`today:\` in seam.config.yaml. To fix a finding, record the communication that took
place (\`seam new engagement --project <id> --title "…"\`), or engage the person or organisation.`,
    examples: {
      valid: [{ title: 'a steering meeting and a weekly update that reach everyone in time', base: 'execution', files: {} }],
      invalid: [
        {
          title: 'two weekly stakeholders not engaged for twenty days',
          criteria: ['P20', 'K40.1'],
          base: 'execution',
          today: '2026-06-30',
          files: {
            'projects/alpha/stakeholders.mdx': STAKEHOLDERS
              .replace('comms: { cadence: weekly, channel: Email update }', 'comms: { cadence: weekly, channel: Email update } # ^ engagement:23 "ben" (Ben Walsh) was last engaged 20 days ago, on 2026-06-10 (engagement/2026-06-10-weekly-update), but is to be engaged weekly (every 7 days). Record the contact that took place in engagement/, or engage them.')
              .replace('comms: { cadence: weekly, channel: Project stand-up }', 'comms: { cadence: weekly, channel: Project stand-up } # ^ engagement:23 "cara" (Cara Singh) was last engaged 20 days ago, on 2026-06-10 (engagement/2026-06-10-weekly-update), but is to be engaged weekly (every 7 days). Record the contact that took place in engagement/, or engage them.'),
          },
        },
        {
          title: 'an organisation nobody engaged in a reporting period',
          criteria: ['K31.2', 'P14', 'K25.1'],
          base: 'execution',
          files: {
            'projects/alpha/engagement/2026-06-10-weekly-update.mdx': null,
            'projects/alpha/engagement/2026-06-05-june-steering.mdx': null,
            'projects/alpha/engagement/2026-06-11-june-steering.mdx': `---
title: June steering meeting
date: 2026-06-11
audience:
  stakeholders: [ana, cara]
channel: meeting
topic: Trial migration readiness
---

## Summary

Ana and Cara reviewed the trial migration runbook.
`,
          },
          expect: [
            { file: 'projects/alpha/status/2026-06-12.mdx', line: 3, column: 7, message: 'No engagement entry from 2026-05-16 to 2026-06-12 (the period this report closes) engaged the organisation "beta": every organisation in the charter is engaged in every reporting period. Record the contact that took place in engagement/, naming "beta" or one of its stakeholders in "audience".' },
            { file: 'projects/alpha/stakeholders.mdx', line: 18, column: 23, message: '"ben" (Ben Walsh) has not been engaged since the project started on 2026-05-01, but is to be engaged weekly (every 7 days). Record the contact that took place in engagement/, or engage them.' },
          ],
        },
        {
          title: 'follow-ups without an owner or a due date, or with no real action',
          criteria: ['P14', 'P20'],
          base: 'execution',
          files: {
            'projects/alpha/engagement/2026-06-05-june-steering.mdx': `---
title: June steering meeting
date: 2026-06-05
audience:
  stakeholders: [ana, ben, cara]
channel: meeting
topic: Trial migration readiness
followUps:
  - action: Send Beta finance the trial migration runbook. # ^ engagement:5 The follow-up has no "owner": name the stakeholder who will do it (an id from the register).
    due: 2026-06-19
  - action: tbd # ^ engagement:13 The follow-up's action "tbd" says nothing about what will be done: write the action agreed. # ^ engagement:5 The follow-up has no "due" date: say when it is due (YYYY-MM-DD).
    owner: cara
---

## Summary

Ana chaired; Ben confirmed Beta finance can staff the trial weekend.
`,
          },
        },
        {
          title: 'an executing project without an engagement log',
          criteria: ['P20'],
          base: 'execution',
          files: { 'projects/alpha/engagement/2026-06-05-june-steering.mdx': null, 'projects/alpha/engagement/2026-06-10-weekly-update.mdx': null },
          expect: [
            { file: 'projects/alpha/index.mdx', line: 4, column: 8, message: 'The project is in the execution phase but has no engagement log. Record each communication with its stakeholders and organisations as projects/alpha/engagement/YYYY-MM-DD-<topic>.mdx ("seam new engagement").' },
            { file: 'projects/alpha/status/2026-06-12.mdx', line: 3, column: 7, message: /^No engagement entry from 2026-05-16 to 2026-06-12 .* "acme"/ },
            { file: 'projects/alpha/status/2026-06-12.mdx', line: 3, column: 7, message: /^No engagement entry from 2026-05-16 to 2026-06-12 .* "beta"/ },
            { file: 'projects/alpha/stakeholders.mdx', line: 11, column: 23, message: /^"ana" \(Ana Reyes\) has not been engaged since/ },
            { file: 'projects/alpha/stakeholders.mdx', line: 18, column: 23, message: /^"ben" \(Ben Walsh\) has not been engaged since/ },
            { file: 'projects/alpha/stakeholders.mdx', line: 25, column: 23, message: /^"cara" \(Cara Singh\) has not been engaged since/ },
          ],
        },
      ],
    },
  },
  check({ record, graph, today, report }) {
    if (!record.data || !record.project) return;
    const project = graph.projects.get(record.project);
    const charter = project?.charter?.data;
    if (!project) return;

    if (record.type === 'charter') {
      const { phase } = record.data;
      if (requiredRecordTypes(phase).some((t) => t.name === 'engagement') && !project.engagement.length) {
        report({
          message: `The project is in the ${phase} phase but has no engagement log. Record each communication with its stakeholders and organisations as ${projectFile(project.id, 'engagement')} ("seam new engagement").`,
          at: { path: ['phase'] },
          scope: 'project',
        });
      }
      return;
    }

    if (record.type === 'engagement') {
      const entry = record.data;
      if (entry.date > today) report({ message: `The entry is dated ${entry.date}, after today (${today}). The engagement log records communications that have happened.`, at: { path: ['date'] } });
      entry.followUps.forEach((f, i) => {
        const why = notAnAction(f.action);
        if (why) report({ message: why === 'missing' ? 'The follow-up has no action: write what will be done.' : `The follow-up's action ${quote(f.action)} says nothing about what will be done: write the action agreed.`, at: { path: ['followUps', i, 'action'] } });
        if (!f.owner) report({ message: 'The follow-up has no "owner": name the stakeholder who will do it (an id from the register).', at: { path: ['followUps', i] } });
        if (!f.due) report({ message: 'The follow-up has no "due" date: say when it is due (YYYY-MM-DD).', at: { path: ['followUps', i] } });
      });
      return;
    }

    if (record.type === 'status') {
      if (!charter) return;
      const reports = project.status.filter((r) => r.data);
      const at = reports.indexOf(record);
      if (at < 1) return;
      const from = reports[at - 1]!.data!.date;
      const to = record.data.date;
      const register = project.stakeholders?.data;
      const engaged = new Set(entriesBy(project.engagement, to).filter((e) => e.data.date > from).flatMap((e) => [...organisationsEngaged(e.data, register)]));
      const start = new Date(Date.parse(`${from}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      for (const organisation of charter.organisations) {
        if (engaged.has(organisation)) continue;
        report({
          message: `No engagement entry from ${start} to ${to} (the period this report closes) engaged the organisation ${quote(organisation)}: every organisation in the charter is engaged in every reporting period. Record the contact that took place in engagement/, naming ${quote(organisation)} or one of its stakeholders in "audience".`,
          at: { path: ['date'] },
        });
      }
      return;
    }

    // The stakeholder register: each person within their cadence, while the project is reporting.
    if (!charter || !isReporting(charter)) return;
    const lastDone = project.plan?.data?.milestones.filter((m) => m.done && m.done <= today).sort((a, b) => (a.done! < b.done! ? -1 : 1)).at(-1);
    record.data.stakeholders.forEach((person, i) => {
      if (!person.comms) return; // the `stakeholders` rule reports it
      const { cadence } = person.comms;
      const last = lastContact(project.engagement, person.id, today);
      const who = `${quote(person.id)} (${person.name})`;
      const fix = 'Record the contact that took place in engagement/, or engage them.';
      const at = { path: ['stakeholders', i, 'comms', 'cadence'] };
      if (cadence === 'milestone') {
        if (lastDone && (!last || last.data.date < lastDone.done!)) {
          report({ message: `${who} is to be engaged at each milestone, but has not been since ${quote(lastDone.id)} was done on ${lastDone.done}${last ? ` (last engaged on ${last.data.date})` : ''}. ${fix}`, at });
        }
        return;
      }
      const days = CADENCE_DAYS[cadence];
      if ((daysOverdue(cadence, last?.data.date, charter.start, today) ?? 0) <= 0) return;
      const every = `${cadence} (every ${days} day${days === 1 ? '' : 's'})`;
      if (last) report({ message: `${who} was last engaged ${daysBetween(last.data.date, today)} days ago, on ${last.data.date} (${projectPath(last)}), but is to be engaged ${every}. ${fix}`, at });
      else report({ message: `${who} has not been engaged since the project started on ${charter.start}, but is to be engaged ${every}. ${fix}`, at });
    });
  },
});
