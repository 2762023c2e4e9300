// compliance: every status report says where the project stands on each regulation its charter names,
// and a regulation at risk or breached is tracked as an open issue with an owner, a real action and a
// due date (P10, K23, K25.6).
import { z } from 'zod';
import { closest } from '../src/model/message.ts';
import { quote } from '../src/model/safe-text.ts';
import type * as S from '../src/model/schemas.ts';
import { notAnAction } from '../src/rule-kit/real-action.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import { CHARTER_WITH_REGULATIONS, statusReport } from './examples/status.ts';

type Issue = S.StatusReport['issues'][number];

/** What an issue lacks to count as the response to a compliance risk: its owner, a real action, a due date. */
function gaps(issue: Issue): string[] {
  const missing: string[] = [];
  if (!issue.owner?.trim()) missing.push('no "owner"');
  const action = notAnAction(issue.action);
  if (action === 'missing') missing.push('no "action"');
  if (action === 'placeholder') missing.push(`no real "action" (${quote(issue.action!.trim())})`);
  if (!issue.due) missing.push('no "due" date');
  return missing;
}

const and = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

const QUARTER = `spend: { toDate: 153000, forecast: 250000 }
architecture: { aligned: true }
quality: { openDefects: 2, summary: Two mapping defects open with fixes in test. }`;

export default defineRule({
  meta: {
    id: 'compliance',
    description: 'Each status report has a compliance entry for every regulation the charter names; an at-risk or non-compliant one links an open issue with an owner, a real action and a due date.',
    appliesTo: ['status'],
    readsAcross: ['charter'],
    criteria: ['P10', 'K23', 'K25.6'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `Monitoring compliance (P10, K23, K25.6) means saying, in every status report, where the project stands
on each piece of legislation, regulation and external standard it must meet. The charter lists them
under \`regulations\`; each status report (\`status/<date>.mdx\`) answers in \`compliance\`. This rule
reports:

- **A regulation the report leaves out** (error, at \`compliance\`): every regulation in the charter's
  \`regulations\` needs an entry \`{ regulation: <its id>, status: compliant | at-risk | non-compliant }\`
  in every report — a report that is silent about a regulation gives no assurance about it. Add the
  entry, even when nothing has changed since the last report.
- **A risk or a breach nobody is acting on** (error, at the entry): an entry whose \`status\` is
  \`at-risk\` or \`non-compliant\` must name, in \`issue\`, the id of an issue in the same report's
  \`issues\` that is open (no \`closed\` date) and has an \`owner\`, a real \`action\` and a \`due\` date. An
  action that says nothing (\`tbd\`, \`n/a\`, \`to be confirmed\`, \`-\`, \`?\`, a \`TODO\`) is not an action.
  Raise the issue, link it with \`issue:\`, and close it only when the regulation is compliant again.

Entries for a regulation the charter does not name, and owners missing from the stakeholder register,
are the \`references\` rule's findings. Every report is checked, not only the latest: each is the record
of what the project knew and did at its date.`,
    examples: {
      valid: [
        {
          title: 'both regulations reported; the one at risk linked to an open issue with an owner, action and due date',
          base: 'execution',
          files: {
            'projects/alpha/index.mdx': CHARTER_WITH_REGULATIONS,
            'projects/alpha/status/2026-05-15.mdx': null,
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `rag: amber
${QUARTER}
compliance:
  - regulation: uk-gdpr
    status: at-risk
    issue: unmasked-extract
  - regulation: pci-dss
    status: compliant
issues:
  - id: unmasked-extract
    title: Beta's test extract holds unmasked customer names
    severity: high
    owner: cara
    action: Beta re-sends the extract through the masking job; the unmasked copy is deleted today.
    due: 2026-06-19`),
          },
        },
      ],
      invalid: [
        {
          title: 'a report that drops every regulation the charter names',
          criteria: ['P10', 'K25.6'],
          base: 'execution',
          files: {
            'projects/alpha/index.mdx': CHARTER_WITH_REGULATIONS,
            'projects/alpha/status/2026-05-15.mdx': null,
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `rag: amber
${QUARTER}
compliance: [] # ^ compliance:1 The charter names the regulation "uk-gdpr" (UK GDPR and the Data Protection Act 2018), but this report has no "compliance" entry for it. Add one with "regulation: uk-gdpr" and its "status" (compliant, at-risk or non-compliant). # ^ compliance:1 The charter names the regulation "pci-dss" (PCI DSS v4.0), but this report has no "compliance" entry for it. Add one with "regulation: pci-dss" and its "status" (compliant, at-risk or non-compliant).`),
          },
        },
        {
          title: 'a regulation at risk with no issue, one linked to a closed issue, and a breach whose issue has no owner and a "tbd" action',
          criteria: ['P10', 'K23'],
          base: 'execution',
          files: {
            'projects/alpha/index.mdx': CHARTER_WITH_REGULATIONS,
            'projects/alpha/status/2026-05-15.mdx': statusReport('2026-05-15', `rag: amber
spend: { toDate: 90000, forecast: 245000 }
architecture: { aligned: true }
quality: { openDefects: 4, summary: Four mapping defects open from the design review. }
compliance:
  - regulation: uk-gdpr
    status: at-risk # ^ compliance:13 "uk-gdpr" is at-risk, but the entry names no issue. Raise an open issue in "issues" with an owner, an action and a due date, and link it with "issue: <its id>".
  - regulation: pci-dss
    status: compliant`),
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `rag: red
${QUARTER}
compliance:
  - regulation: uk-gdpr
    status: at-risk
    issue: dpia-late # ^ compliance:12 "uk-gdpr" is at-risk, but its issue "dpia-late" is closed (2026-06-01). A risk still open needs an open issue: reopen it (remove "closed") or link a new one.
  - regulation: pci-dss
    status: non-compliant
    issue: card-numbers-in-logs # ^ compliance:12 "pci-dss" is non-compliant, but its issue "card-numbers-in-logs" has no "owner" and no real "action" ("tbd"). Give the issue an owner (a stakeholder id), a real action and a due date.
issues:
  - id: dpia-late
    title: Impact assessment not yet approved
    severity: medium
    owner: ana
    action: The data protection officer reviews the draft assessment.
    due: 2026-06-01
    closed: 2026-06-01
  - id: card-numbers-in-logs
    title: Card numbers written to the interface logs
    severity: critical
    action: tbd
    due: 2026-06-14`),
          },
        },
        {
          title: 'an issue id that is not in the report',
          criteria: ['K23'],
          base: 'execution',
          files: {
            'projects/alpha/index.mdx': CHARTER_WITH_REGULATIONS,
            'projects/alpha/status/2026-05-15.mdx': null,
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `rag: amber
${QUARTER}
compliance:
  - regulation: uk-gdpr
    status: compliant
  - regulation: pci-dss
    status: at-risk
    issue: card-data-in-log # ^ compliance:12 "pci-dss" is at-risk, but this report has no issue "card-data-in-log". Did you mean "card-data-in-logs"? Link an issue in this report's "issues", or add it with an owner, an action and a due date.
issues:
  - id: card-data-in-logs
    title: Card numbers written to the interface logs
    severity: high
    owner: cara
    action: Mask card numbers in the interface log formatter and purge the logs written since May.
    due: 2026-06-19`),
          },
        },
      ],
    },
  },
  check({ record, graph, report }) {
    if (!record.data || !record.project) return;
    const charter = graph.projects.get(record.project)?.charter?.data;
    if (!charter) return;
    const { compliance, issues } = record.data;

    for (const regulation of charter.regulations) {
      if (compliance.some((entry) => entry.regulation === regulation.id)) continue;
      report({
        message: `The charter names the regulation ${quote(regulation.id)} (${regulation.title}), but this report has no "compliance" entry for it. Add one with "regulation: ${regulation.id}" and its "status" (compliant, at-risk or non-compliant).`,
        at: { path: ['compliance'], key: true },
      });
    }

    compliance.forEach((entry, i) => {
      if (entry.status === 'compliant') return;
      const what = `${quote(entry.regulation)} is ${entry.status}`;
      if (!entry.issue) {
        report({
          message: `${what}, but the entry names no issue. Raise an open issue in "issues" with an owner, an action and a due date, and link it with "issue: <its id>".`,
          at: { path: ['compliance', i, 'status'] },
        });
        return;
      }
      const at = { path: ['compliance', i, 'issue'] };
      const issue = issues.find((candidate) => candidate.id === entry.issue);
      if (!issue) {
        const near = closest(entry.issue, issues.map((candidate) => candidate.id));
        report({
          message: `${what}, but this report has no issue ${quote(entry.issue)}.${near ? ` Did you mean ${quote(near)}?` : ''} Link an issue in this report's "issues", or add it with an owner, an action and a due date.`,
          at,
        });
        return;
      }
      if (issue.closed) {
        report({ message: `${what}, but its issue ${quote(issue.id)} is closed (${issue.closed}). A risk still open needs an open issue: reopen it (remove "closed") or link a new one.`, at });
        return;
      }
      const missing = gaps(issue);
      if (missing.length) {
        report({ message: `${what}, but its issue ${quote(issue.id)} has ${and(missing)}. Give the issue an owner (a stakeholder id), a real action and a due date.`, at });
      }
    });
  },
});
