// security: every security or integrity incident in a status report has an owner, a real action and a
// due date, and a report cannot be green while a serious incident is open (K27.5, K33.1).
import { z } from 'zod';
import { quote } from '../src/model/safe-text.ts';
import { notAnAction } from '../src/rule-kit/real-action.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import { statusReport } from './examples/status.ts';

const severities = ['low', 'medium', 'high', 'critical'] as const;

const QUARTER = `spend: { toDate: 153000, forecast: 250000 }
architecture: { aligned: true }
quality: { openDefects: 2, summary: Two mapping defects open with fixes in test. }`;

export default defineRule({
  meta: {
    id: 'security',
    description: 'Security incidents in status reports have an owner, a real action and a due date; a report with an open high or critical incident is not green.',
    appliesTo: ['status'],
    readsAcross: [],
    criteria: ['K27.5', 'K33.1'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({
      notGreenWhileOpen: z
        .array(z.enum(severities))
        .default(['high', 'critical'])
        .describe('The incident severities that, while open, keep a report from being `green`.'),
    }),
    docs: `A status report's \`security\` lists the breaches of security and integrity in its period. Taking
action on them (K27.5) and reporting what they mean for the organisation (K33.1) is checked in every
report (\`status/<date>.mdx\`):

- **An incident nobody owns, with no real action or no date** (error, at the incident, or at its
  \`action\`): every incident needs an \`owner\` (a stakeholder id), an \`action\` that says what is being
  done, and a \`due\` date for it — open or closed, because the report is the record of how it was
  handled. An action that says nothing (\`tbd\`, \`tbc\`, \`n/a\`, \`to be confirmed\`, \`-\`, \`?\`, a
  \`TODO\`) is not an action.
- **Green with a serious incident open** (error, at \`rag\`): while an incident whose \`severity\` is in
  \`notGreenWhileOpen\` (default \`high\` and \`critical\`) has no \`closed\` date, the report's \`rag\` cannot
  be \`green\`: an open breach of that size puts the work at risk, and a green report hides it from the
  sponsors. Set \`rag\` to amber or red, or close the incident (\`closed: <date>\`) once it is dealt with.

Owners missing from the stakeholder register are the \`references\` rule's findings.`,
    examples: {
      valid: [
        {
          title: 'a closed high incident in a green report, with its owner, action and due date',
          base: 'execution',
          files: {
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `rag: green
${QUARTER}
security:
  - id: unmasked-extract
    date: 2026-06-03
    description: Beta's test extract held unmasked customer names and was loaded into the test CRM.
    severity: high
    action: Test CRM wiped and reloaded from a masked extract; the extract job now refuses unmasked files.
    owner: cara
    due: 2026-06-05
    closed: 2026-06-05`),
          },
        },
      ],
      invalid: [
        {
          title: 'an open critical incident whose action is "tbd", in a green report',
          criteria: ['K27.5', 'K33.1'],
          base: 'execution',
          files: {
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `rag: green # ^ security:6 The report is green, but the critical incident "card-data-exposed" is open. An open critical incident puts the work at risk: set "rag" to amber or red, or close the incident ("closed: <date>") once it is dealt with.
${QUARTER}
security:
  - id: card-data-exposed # ^ security:5 The critical incident "card-data-exposed" has no "owner" and no "due" date. Name the stakeholder who owns it (their id in the register) and the date its action is due.
    date: 2026-06-10
    description: Card numbers were written in clear to the interface log.
    severity: critical
    action: tbd # ^ security:13 The critical incident "card-data-exposed" has no real "action" ("tbd"). Say what is being done about it.`),
          },
        },
        {
          title: 'a medium incident keeps the report from green, when configured',
          criteria: ['K33.1'],
          base: 'execution',
          options: { notGreenWhileOpen: ['medium', 'high', 'critical'] },
          files: {
            'projects/alpha/status/2026-06-12.mdx': statusReport('2026-06-12', `rag: green # ^ security:6 The report is green, but the medium incident "shared-test-login" is open. An open medium incident puts the work at risk: set "rag" to amber or red, or close the incident ("closed: <date>") once it is dealt with.
${QUARTER}
security:
  - id: shared-test-login
    date: 2026-06-08
    description: Testers shared one login to the test CRM.
    severity: medium
    action: Named test accounts issued to every tester; the shared login is disabled on 19 June.
    owner: cara
    due: 2026-06-19`),
          },
        },
      ],
    },
  },
  check({ record, options, report }) {
    if (!record.data) return;
    const { rag, security } = record.data;
    security.forEach((incident, i) => {
      const what = `The ${incident.severity} incident ${quote(incident.id)}`;
      const missing = [...(incident.owner ? [] : ['no "owner"']), ...(incident.due ? [] : ['no "due" date'])];
      if (missing.length) {
        const how = [
          ...(incident.owner ? [] : ['the stakeholder who owns it (their id in the register)']),
          ...(incident.due ? [] : ['the date its action is due']),
        ];
        report({ message: `${what} has ${missing.join(' and ')}. Name ${how.join(' and ')}.`, at: { path: ['security', i] } });
      }
      if (notAnAction(incident.action)) {
        report({ message: `${what} has no real "action" (${quote(incident.action.trim())}). Say what is being done about it.`, at: { path: ['security', i, 'action'] } });
      }
    });

    if (rag !== 'green') return;
    const open = security.filter((incident) => !incident.closed && options.notGreenWhileOpen.includes(incident.severity));
    for (const incident of open) {
      report({
        message: `The report is green, but the ${incident.severity} incident ${quote(incident.id)} is open. An open ${incident.severity} incident puts the work at risk: set "rag" to amber or red, or close the incident ("closed: <date>") once it is dealt with.`,
        at: { path: ['rag'] },
      });
    }
  },
});
