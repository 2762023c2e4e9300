// signoff: deliverables are signed off by the project's sign-off authorities, on real dates, after the
// signed record last changed; projects at handover or closed have a sign-off record (K3.2, K27.3).
import { z } from 'zod';
import { mention, say } from '../src/model/message.ts';
import { quote } from '../src/model/safe-text.ts';
import type { ContentRecord, Project } from '../src/model/graph.ts';
import { projectFile } from '../src/model/identity.ts';
import { parsePeriod } from '../src/model/periods.ts';
import { projectPath } from '../src/model/project-state.ts';
import { requiredRecordTypes } from '../src/model/record-types.ts';
import type * as S from '../src/model/schemas.ts';
import { defineRule } from '../src/rule-kit/rule.ts';

/** A dated event a record carries, with words saying what happened then. */
interface Change {
  date: string;
  what: string;
}

/**
 * The dates each record type carries for things that have happened (not deadlines or plans: `due`,
 * `end` and `reviewBy` are intentions). A record's last change is the latest of them. Record types
 * not listed (stakeholder register, lessons, sign-off) carry no such date and are not checked.
 */
const changesOf: Record<string, (data: never) => (Change | undefined)[]> = {
  charter: (c: S.Charter) => c.sources.map((s) => ({ date: s.verified, what: `source ${quote(s.title)} verified` })),
  plan: (p: S.Plan) => p.milestones.map((m) => m.done ? { date: m.done, what: `milestone "${m.id}" done` } : undefined),
  status: (r: S.StatusReport) => [
    { date: r.date, what: 'the report\'s date' },
    ...r.issues.map((i) => i.closed ? { date: i.closed, what: `issue "${i.id}" closed` } : undefined),
    ...r.security.flatMap((s) => [{ date: s.date, what: `incident "${s.id}" recorded` }, s.closed ? { date: s.closed, what: `incident "${s.id}" closed` } : undefined]),
  ],
  evaluations: (e: S.Evaluation) => [
    { date: parsePeriod(e.period)?.end ?? '', what: `period ${e.period} ended` },
    ...e.actions.map((a, i) => a.closed ? { date: a.closed, what: `action ${i + 1} closed` } : undefined),
  ],
  changes: (c: S.ChangeRequest) => [{ date: c.raised, what: 'raised' }, c.decided ? { date: c.decided, what: `decision ${quote(c.decision)} taken` } : undefined],
};

/** The latest dated event a record carries, if its type carries any. */
export function lastChange(record: ContentRecord): Change | undefined {
  const dates = record.data ? changesOf[record.type]?.(record.data as never) : undefined;
  let latest: Change | undefined;
  for (const change of dates ?? []) if (change?.date && (!latest || change.date > latest.date)) latest = change;
  return latest;
}

/** The project record a sign-off's `record` names (`plan`, `status/2026-05-01`, `index` for the charter). */
function signedRecord(project: Project, name: string): ContentRecord | undefined {
  return project.records.find((r) => projectPath(r) === name);
}

export default defineRule({
  meta: {
    id: 'signoff',
    description: 'Deliverables are signed off by sign-off authorities, after the signed record last changed.',
    appliesTo: ['charter', 'signoff'],
    // Whether the sign-off exists, who may sign, and when each signed record last changed.
    readsAcross: ['signoff', 'stakeholders', 'charter', 'plan', 'status', 'evaluations', 'changes'],
    criteria: ['K3.2', 'K11.2', 'K27.3'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `A project's \`signoff.mdx\` lists its sign-offs: the deliverable, who signed it (\`by\`), when
(\`date\`), any conditions and, optionally, the project record signed (\`record\`, a path inside the
project without extension: \`plan\`, \`status/2026-05-01\`, \`changes/extra-feed\`, \`index\` for the
charter). The rule checks that:

- \`by\` is a sign-off authority: a stakeholder with \`signoff: true\` in the project's register (K3.2:
  know who must sign off). Ids the register does not have are reported by \`references\`.
- \`date\` is not after today: a sign-off is recorded once given.
- when \`record\` is given, \`date\` is on or after that record's **last change** — a sign-off covers
  the record as it stands. The last change is the latest date the record itself carries for something
  that has happened: a status report's \`date\` and its issues' and incidents' dates; the plan's latest
  milestone \`done\`; a change request's \`raised\` and \`decided\`; an evaluation's period end and its
  actions' \`closed\`; the charter's sources' \`verified\`. Deadlines and plans (\`due\`, \`end\`,
  \`reviewBy\`) are not changes. Records that carry no such date (the stakeholder register, lessons)
  are not checked.
- a project in the \`handover\` or \`closed\` phase (the phases from which the record-type table requires
  a sign-off record) has \`signoff.mdx\`, reported at the charter's \`phase\`.

The last change is read from the content, never from version control: the result is the same in an
editor, in CI (shallow clones rewrite commit dates), on an exported copy of the content and for an
auditor reading the published site, and a typo fix committed after sign-off does not invalidate it.
When a record changes in substance after sign-off, its dates move and the sign-off must be renewed.

To fix a finding, have a sign-off authority sign, correct \`date\`, or get the changed record signed
again and update \`date\`.`,
    examples: {
      valid: [{ title: 'a closed project with every deliverable signed after its last change', base: 'closed', files: {} }],
      invalid: [
        {
          title: 'a sign-off by someone without the authority, dated in the future',
          criteria: ['K3.2', 'K11.2'],
          base: 'closed',
          files: { 'projects/alpha/signoff.mdx': `---
title: Alpha sign-off record
signoffs:
  - deliverable: Mapping design
    by: ben # ^ signoff:9-12 "ben" (Ben Walsh, Finance Director) is not a sign-off authority: the stakeholder register does not give them "signoff: true". Have a sign-off authority sign this deliverable, or record the authority in stakeholders.mdx if they hold it.
    date: 2026-07-01 # ^ signoff:11-21 The sign-off is dated 2026-07-01, after today (2026-06-15). Record a sign-off once it has been given, with the date it was given.
---

## Sign-off

Ben signed the mapping design for Beta finance.
` },
        },
        {
          title: 'records signed before they last changed',
          criteria: ['K27.3'],
          base: 'closed',
          files: {
            'projects/alpha/changes/extra-segment.mdx': '---\ntitle: Add the dormant accounts segment\nrequestedBy: ben\nraised: 2026-04-02\nimpact:\n  budget: 0\n  scheduleDays: 0\n  scope: Dormant accounts migrate with the last segment.\ndecision: approved\napprover: ana\ndecided: 2026-04-09\n---\n\n## Request\n\nMigrate dormant accounts too.\n\n## Impact\n\nNo cost; one more segment.\n\n## Decision\n\nApproved by Ana.\n',
            'projects/alpha/signoff.mdx': `---
title: Alpha sign-off record
signoffs:
  - deliverable: Final plan and actuals
    record: plan
    by: ana
    date: 2026-05-20 # ^ signoff:11-21 "plan" was signed off on 2026-05-20, before its last change on 2026-05-22 (milestone "cutover" done). A sign-off covers the record as it stands: get it signed again and update "date".
  - deliverable: Dormant accounts change
    record: changes/extra-segment
    by: ana
    date: 2026-04-09
  - deliverable: Final status report
    record: status/2026-05-29
    by: ana
    date: 2026-05-28 # ^ signoff:11-21 "status/2026-05-29" was signed off on 2026-05-28, before its last change on 2026-05-29 (the report's date). A sign-off covers the record as it stands: get it signed again and update "date".
---

## Sign-off

Ana signed each deliverable at the steering meeting.
`,
          },
        },
        {
          title: 'a closed project without a sign-off record',
          criteria: ['K27.3'],
          base: 'closed',
          files: { 'projects/alpha/signoff.mdx': null },
          expect: [{ file: 'projects/alpha/index.mdx', line: 4, column: 8, message: 'The project is in the closed phase but has no sign-off record. Create projects/alpha/signoff.mdx listing each deliverable signed off, who signed it (a sign-off authority in the stakeholder register) and when.' }],
        },
      ],
    },
  },
  check({ record, graph, today, report }) {
    if (!record.data || !record.project) return;
    const project = graph.projects.get(record.project);
    if (!project) return;

    if (record.type === 'charter') {
      const { phase } = record.data;
      const file = projectFile(project.id, 'signoff');
      if (requiredRecordTypes(phase).some((t) => t.name === 'signoff') && !graph.byFile.has(file)) {
        report({
          message: `The project is in the ${phase} phase but has no sign-off record. Create ${file} listing each deliverable signed off, who signed it (a sign-off authority in the stakeholder register) and when.`,
          at: { path: ['phase'] },
          scope: 'project',
        });
      }
    }

    if (record.type !== 'signoff') return;
    const register = project.stakeholders?.data?.stakeholders ?? [];
    const registerFile = project.stakeholders?.file;
    record.data.signoffs.forEach((signoff, i) => {
      const signer = register.find((s) => s.id === signoff.by);
      if (signer && !signer.signoff) {
        report({
          ...say`${mention(registerFile, `${quote(signer.id)} (${signer.name}, ${signer.role})`, quote(signer.id))} is not a sign-off authority: the stakeholder register does not give them "signoff: true". Have a sign-off authority sign this deliverable, or record the authority in stakeholders.mdx if they hold it.`,
          at: { path: ['signoffs', i, 'by'] },
        });
      }
      if (signoff.date > today) {
        report({ message: `The sign-off is dated ${signoff.date}, after today (${today}). Record a sign-off once it has been given, with the date it was given.`, at: { path: ['signoffs', i, 'date'] } });
      }
      if (signoff.record === undefined) return;
      const signed = signedRecord(project, signoff.record); // an unknown record is reported by `references`
      const change = signed && signed !== record ? lastChange(signed) : undefined;
      if (change && signoff.date < change.date) {
        report({
          ...say`${quote(signoff.record)} was signed off on ${signoff.date}, before its last change ${mention(signed!.file, `on ${change.date} (${change.what})`, 'in a restricted record')}. A sign-off covers the record as it stands: get it signed again and update "date".`,
          at: { path: ['signoffs', i, 'date'] },
        });
      }
    });
  },
});
