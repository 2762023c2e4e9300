// architecture-alignment: a status report that says the work is out of line with the target
// architecture lists each deviation with an owner, a decision and a due date, and a deviation that
// report after report stays exactly as it was is escalated (P11, K25.5, K27.8).
import { z } from 'zod';
import type { ContentRecord } from '../src/model/graph.ts';
import { latestStatus, projectPath } from '../src/model/project-state.ts';
import { quote } from '../src/model/safe-text.ts';
import type * as S from '../src/model/schemas.ts';
import { notAnAction } from '../src/rule-kit/real-action.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import { statusReport } from './examples/status.ts';

type Deviation = S.StatusReport['architecture']['deviations'][number];

/** How a deviation is recognised from report to report: its id, or else its description. */
const key = (d: Deviation) => d.id ?? `description:${d.description.trim()}`;
/** Everything a deviation says: two reports carry it unchanged when this is the same. */
const content = (d: Deviation) => JSON.stringify([d.id, d.description.trim(), d.action.trim(), d.owner, d.decision?.trim(), d.due]);
/** How a message names a deviation. */
const named = (d: Deviation) => {
  const text = d.description.trim();
  return quote(d.id ?? (text.length > 60 ? `${text.slice(0, 58).replace(/\s+\S*$/, '')}…` : text));
};

const QUARTER = `rag: amber
spend: { toDate: 153000, forecast: 250000 }
quality: { openDefects: 2, summary: Two mapping defects open with fixes in test. }`;

const CARRIED = `    - id: direct-billing-feed
      description: Beta Billing still sends a nightly file to the CRM, bypassing the integration platform.
      action: Replace the file with the platform's billing events before cutover.
      owner: cara
      decision: Accepted as temporary by the architecture board on 2 May.
      due: 2026-09-30`;

export default defineRule({
  meta: {
    id: 'architecture-alignment',
    description: 'A status report out of line with the architecture lists each deviation with an owner, a decision and a due date; a deviation carried unchanged through several reports is escalated.',
    appliesTo: ['status'],
    readsAcross: ['status'],
    criteria: ['P11', 'K25.5', 'K27.8'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({
      carriedReports: z
        .number()
        .int()
        .min(2)
        .default(3)
        .describe('How many consecutive status reports, the latest included, may carry a deviation unchanged before it is escalated.'),
    }),
    docs: `Each status report says in \`architecture\` whether the work is aligned with the target architecture
(P11, K25.5) and lists the known departures from it in \`deviations\`. This rule holds the report to what
it says (K27.8: act when the work is out of alignment):

- **Out of line, but no deviation** (error, at \`aligned\`): \`aligned: false\` needs at least one entry in
  \`deviations\` saying how the work departs from the architecture.
- **A deviation nobody owns or has decided on** (error, at the deviation): while \`aligned\` is false,
  every deviation needs an \`owner\` (a stakeholder id), a \`decision\` (what was decided and by whom —
  accepted as temporary, to be fixed, escalated) and a \`due\` date by which it is resolved or the
  decision reviewed. A decision or an \`action\` that says nothing (\`tbd\`, \`n/a\`, \`to be confirmed\`,
  \`-\`, \`?\`, a \`TODO\`) is reported too, whether or not the report says it is aligned.
- **A deviation that does not move** (warning, at the deviation, in the latest report only): a deviation
  carried through \`carriedReports\` (default 3) consecutive reports, the latest included, with nothing
  changed — the same description, action, owner, decision and due date — is escalated. It is a warning,
  not an error, because a standing decision can be right (a temporary deviation accepted until a later
  project retires it); but a deviation no report has touched for that long has dropped out of sight,
  and the finding asks for it to be taken to whoever decides on the architecture: record their new
  decision or due date, or resolve it. A deviation is recognised across reports by its \`id\` (give one),
  or else by its description. Earlier reports are history and are not escalated.

Owners missing from the stakeholder register are the \`references\` rule's findings.`,
    examples: {
      valid: [
        {
          title: 'out of line, with a deviation that is owned, decided and dated, and moves on from report to report',
          base: 'execution',
          files: {
            'projects/alpha/status/2026-05-15.mdx': statusReport('2026-05-15', `${QUARTER}
architecture:
  aligned: false
  deviations:
${CARRIED}`),
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `${QUARTER}
architecture:
  aligned: false
  deviations:
${CARRIED.replace('before cutover.', 'before cutover; the events are in system test.')}`),
          },
        },
      ],
      invalid: [
        {
          title: 'out of line with no deviation listed',
          criteria: ['P11', 'K25.5'],
          base: 'execution',
          files: {
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `${QUARTER}
architecture:
  aligned: false # ^ architecture-alignment:12 "aligned" is false, but no deviation is listed. Add each departure from the target architecture to "architecture.deviations", with its "owner", "decision" and "due" date.`),
          },
        },
        {
          title: 'a deviation with no owner, decision or due date, and one whose action is "tbd"',
          criteria: ['K27.8'],
          base: 'execution',
          files: {
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `${QUARTER}
architecture:
  aligned: false
  deviations:
    - id: shared-database # ^ architecture-alignment:7 The deviation "shared-database" has no "owner", no "decision" and no "due" date. While the work is out of line, give each deviation an owner (a stakeholder id), the decision taken on it and the date it is resolved or reviewed.
      description: The CRM reads Beta Billing's database directly.
      action: Move the read to the billing API.
    - description: Customer numbers are reformatted in the CRM instead of the platform.
      action: tbd # ^ architecture-alignment:15 The deviation "Customer numbers are reformatted in the CRM instead of…" has no real "action" ("tbd"). Say what is being done about it.
      owner: cara
      decision: To be fixed before cutover, agreed with the architecture board.
      due: 2026-08-01`),
          },
        },
        {
          title: 'a deviation carried unchanged through three reports',
          criteria: ['P11', 'K27.8'],
          base: 'execution',
          files: {
            'projects/alpha/status/2026-04-30.mdx': statusReport('2026-04-30', `${QUARTER}
architecture:
  aligned: false
  deviations:
${CARRIED}`),
            'projects/alpha/status/2026-05-15.mdx': statusReport('2026-05-15', `${QUARTER}
architecture:
  aligned: false
  deviations:
${CARRIED}`),
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `${QUARTER}
architecture:
  aligned: false
  deviations:
${CARRIED.replace('    - id: direct-billing-feed', '    - id: direct-billing-feed # ^ architecture-alignment:7 [warning] The deviation "direct-billing-feed" is carried unchanged through the last 3 status reports (since status/2026-04-30). Escalate it to whoever decides on the architecture, and record their new "decision" or "due" date, or resolve it.')}`),
          },
        },
        {
          title: 'escalated sooner, when configured',
          criteria: ['K27.8'],
          base: 'execution',
          options: { carriedReports: 2 },
          files: {
            'projects/alpha/status/2026-05-15.mdx': statusReport('2026-05-15', `${QUARTER}
architecture:
  aligned: true
  deviations:
    - description: Beta Billing still sends a nightly file to the CRM.
      action: Replace the file with billing events before cutover.`),
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `${QUARTER}
architecture:
  aligned: true
  deviations:
    - description: Beta Billing still sends a nightly file to the CRM. # ^ architecture-alignment:7 [warning] The deviation "Beta Billing still sends a nightly file to the CRM." is carried unchanged through the last 2 status reports (since status/2026-05-15). Escalate it to whoever decides on the architecture, and record their new "decision" or "due" date, or resolve it.
      action: Replace the file with billing events before cutover.`),
          },
        },
      ],
    },
  },
  check({ record, graph, today, options, report }) {
    if (!record.data || !record.project) return;
    const { aligned, deviations } = record.data.architecture;

    if (!aligned && !deviations.length) {
      report({
        message: '"aligned" is false, but no deviation is listed. Add each departure from the target architecture to "architecture.deviations", with its "owner", "decision" and "due" date.',
        at: { path: ['architecture', 'aligned'] },
      });
    }

    deviations.forEach((deviation, i) => {
      const at = { path: ['architecture', 'deviations', i] };
      if (!aligned) {
        const missing = [
          ...(deviation.owner ? [] : ['no "owner"']),
          ...(notAnAction(deviation.decision) === 'missing' ? ['no "decision"'] : []),
          ...(deviation.due ? [] : ['no "due" date']),
        ];
        if (missing.length) {
          const list = missing.length < 2 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
          report({
            message: `The deviation ${named(deviation)} has ${list}. While the work is out of line, give each deviation an owner (a stakeholder id), the decision taken on it and the date it is resolved or reviewed.`,
            at,
          });
        }
      }
      if (notAnAction(deviation.decision) === 'placeholder') {
        report({ message: `The deviation ${named(deviation)} has no real "decision" (${quote(deviation.decision!.trim())}). Say what was decided about it and by whom.`, at: { path: ['architecture', 'deviations', i, 'decision'] } });
      }
      if (notAnAction(deviation.action) === 'placeholder') {
        report({ message: `The deviation ${named(deviation)} has no real "action" (${quote(deviation.action.trim())}). Say what is being done about it.`, at: { path: ['architecture', 'deviations', i, 'action'] } });
      }
    });

    // Escalation looks back from the latest report only: earlier reports are history.
    const project = graph.projects.get(record.project);
    if (latestStatus(project, today)?.file !== record.file) return;
    const earlier = project!.status.filter((r): r is ContentRecord<S.StatusReport> & { data: S.StatusReport } => r.data !== undefined && r.data.date < record.data!.date);
    deviations.forEach((deviation, i) => {
      let since = record as ContentRecord<S.StatusReport>;
      let carried = 1;
      for (const previous of [...earlier].reverse()) {
        const same = previous.data.architecture.deviations.find((d) => key(d) === key(deviation));
        if (!same || content(same) !== content(deviation)) break;
        since = previous;
        carried++;
      }
      if (carried < options.carriedReports) return;
      report({
        severity: 'warning',
        message: `The deviation ${named(deviation)} is carried unchanged through the last ${carried} status reports (since ${projectPath(since)}). Escalate it to whoever decides on the architecture, and record their new "decision" or "due" date, or resolve it.`,
        at: { path: ['architecture', 'deviations', i] },
      });
    });
  },
});
