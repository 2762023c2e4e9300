// stakeholders: a project's register identifies its sponsors, its sign-off authorities and someone from
// every organisation involved, gives each workstream exactly one Accountable person, and says how each
// stakeholder is kept informed (P3, P4, P14, P20, K3.1, K3.2, K11.1–K11.3, K40).
import { z } from 'zod';
import { quote } from '../src/model/safe-text.ts';
import type * as S from '../src/model/schemas.ts';
import { defineRule } from '../src/rule-kit/rule.ts';

type Stakeholder = S.StakeholderRegister['stakeholders'][number];

export default defineRule({
  meta: {
    id: 'stakeholders',
    description: 'The stakeholder register names a sponsor, a sign-off authority, someone from every organisation, one Accountable per workstream and everyone\'s comms.',
    appliesTo: ['stakeholders'],
    readsAcross: ['charter'],
    criteria: ['P3', 'P4', 'P14', 'P20', 'K3.1', 'K3.2', 'K11.1', 'K11.2', 'K11.3', 'K40'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `A project's \`stakeholders.mdx\` is where it shows that it has identified every sponsor, stakeholder
and organisation involved (P3, P4), who may sign deliverables off (K3) and how each person is kept
informed (P14, P20, K40). The rule reads the register and the project's charter (\`index.mdx\`) and
reports, in \`stakeholders.mdx\`:

- **No sponsor** — no stakeholder has \`kind: sponsor\`. Reported at the \`stakeholders\` key.
- **No sign-off authority** — no stakeholder has \`signoff: true\`. Reported at the \`stakeholders\` key.
- **An organisation with nobody in the register** — each organisation in the charter's \`organisations\`
  needs at least one stakeholder whose \`organisation\` is that id. This is reported in the register, at
  its \`stakeholders\` key, naming the organisation: the charter is right to list it; it is the register
  that is missing someone.
- **No one, or several, Accountable for a workstream** — for each workstream in the charter's
  \`workstreams\`, exactly one stakeholder has \`A\` in \`raci\`. "None" is reported at the \`stakeholders\`
  key; "several" at the second Accountable person's RACI entry, naming all of them.
- **No \`comms\`** — every stakeholder has a \`comms\` cadence and channel. Reported at the stakeholder.
- **Sponsors that disagree with the charter** (warnings) — a stakeholder named in the charter's
  \`sponsors\` should have \`kind: sponsor\`, and a stakeholder with \`kind: sponsor\` should be named in
  the charter's \`sponsors\`. Reported at the stakeholder's \`kind\`.

Sponsors, organisations or workstreams that do not exist at all are the \`references\` rule's findings,
not this rule's. Without a charter only the register's own checks (sponsor, sign-off, comms) run.

To fix a finding, edit the register: add the missing person (with their \`organisation\`, \`kind\`, \`raci\`
and \`comms\`), set \`signoff: true\` on the person who signs deliverables off, or change RACI letters so
each workstream has one \`A\` (others \`R\`, \`C\` or \`I\`).`,
    examples: {
      valid: [{ title: 'a sponsor who signs off and is Accountable, and a stakeholder from the target', files: {} }],
      invalid: [
        {
          title: 'no sponsor and no sign-off authority',
          criteria: ['P3', 'K3.2', 'K11.2', 'K11.3'],
          files: {
            'projects/alpha/stakeholders.mdx': `---
title: Alpha stakeholders
stakeholders: # ^ stakeholders:1-13 No one in the register can sign off deliverables: set "signoff: true" on at least one sign-off authority, usually the sponsor. # ^ stakeholders:1-13 The register has no sponsor: set "kind: sponsor" on the person who sponsors the project (the charter's "sponsors" names them), or add them.
  - id: ana
    name: Ana Reyes
    role: Chief Operating Officer
    organisation: acme
    kind: stakeholder # ^ stakeholders:11-22 [warning] "ana" is a sponsor in the charter but has "kind: stakeholder" here: set "kind: sponsor", or take them out of the charter's "sponsors".
    raci: { data: A }
    comms: { cadence: monthly, channel: Steering meeting }
  - id: ben
    name: Ben Walsh
    role: Finance Director
    organisation: beta
    kind: stakeholder
    raci: { data: C }
    comms: { cadence: weekly, channel: Email update }
---

## Engagement

Ana chairs the monthly steering meeting; Ben receives a weekly update.
`,
          },
        },
        {
          title: 'nobody from the target organisation, and two people Accountable for one workstream',
          criteria: ['P4', 'K3.1', 'K11.1'],
          files: {
            'projects/alpha/stakeholders.mdx': `---
title: Alpha stakeholders
stakeholders: # ^ stakeholders:1-13 The charter involves the organisation "beta", but no stakeholder here is from it: add at least one person with "organisation: beta", with their role, RACI and comms.
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
    role: Head of Data
    organisation: acme
    kind: stakeholder
    raci: { data: A } # ^ stakeholders:19-20 Several stakeholders are Accountable for the workstream "data" (Data migration): ana, ben. Keep "A" for one of them and make the others "R", "C" or "I".
    comms: { cadence: weekly, channel: Email update }
---

## Engagement

Ana chairs the monthly steering meeting; Ben receives a weekly update.
`,
          },
        },
        {
          title: 'no one Accountable, a stakeholder without comms, and a sponsor the charter does not name',
          criteria: ['P14', 'P20', 'K40'],
          files: {
            'projects/alpha/stakeholders.mdx': `---
title: Alpha stakeholders
stakeholders: # ^ stakeholders:1-13 No one is Accountable for the workstream "data" (Data migration): give exactly one stakeholder "A" for it in "raci".
  - id: ana
    name: Ana Reyes
    role: Chief Operating Officer
    organisation: acme
    kind: sponsor
    signoff: true
    raci: { data: R }
    comms: { cadence: monthly, channel: Steering meeting }
  - id: ben # ^ stakeholders:5-18:1 "ben" (Ben Walsh) has no "comms": say how often and through which channel they are kept informed, for example "comms: { cadence: monthly, channel: Steering meeting }".
    name: Ben Walsh
    role: Finance Director
    organisation: beta
    kind: sponsor # ^ stakeholders:11-18 [warning] "ben" has "kind: sponsor" but the charter's "sponsors" does not name them: add "ben" to the charter's sponsors, or change their kind.
    raci: { data: C }
---

## Engagement

Ana chairs the monthly steering meeting; Ben is told when it suits him.
`,
          },
        },
      ],
    },
  },
  check({ record, graph, report }) {
    if (!record.data) return;
    const people = record.data.stakeholders;
    const charter = graph.projects.get(record.project ?? '')?.charter?.data;
    const register = { path: ['stakeholders'], key: true };

    if (!people.some((p) => p.kind === 'sponsor')) {
      report({ message: 'The register has no sponsor: set "kind: sponsor" on the person who sponsors the project (the charter\'s "sponsors" names them), or add them.', at: register });
    }
    if (!people.some((p) => p.signoff)) {
      report({ message: 'No one in the register can sign off deliverables: set "signoff: true" on at least one sign-off authority, usually the sponsor.', at: register });
    }
    people.forEach((p, i) => {
      if (!p.comms) {
        report({ message: `${quote(p.id)} (${p.name}) has no "comms": say how often and through which channel they are kept informed, for example "comms: { cadence: monthly, channel: Steering meeting }".`, at: { path: ['stakeholders', i] } });
      }
    });
    if (!charter) return;

    for (const organisation of charter.organisations) {
      if (!people.some((p) => p.organisation === organisation)) {
        report({ message: `The charter involves the organisation ${quote(organisation)}, but no stakeholder here is from it: add at least one person with "organisation: ${organisation}", with their role, RACI and comms.`, at: register });
      }
    }
    for (const workstream of charter.workstreams) {
      const accountable = people.map((p, i) => [p, i] as [Stakeholder, number]).filter(([p]) => p.raci[workstream.id] === 'A');
      const name = `${quote(workstream.id)} (${workstream.title})`;
      if (!accountable.length) {
        report({ message: `No one is Accountable for the workstream ${name}: give exactly one stakeholder "A" for it in "raci".`, at: register });
      } else if (accountable.length > 1) {
        report({
          message: `Several stakeholders are Accountable for the workstream ${name}: ${accountable.map(([p]) => p.id).join(', ')}. Keep "A" for one of them and make the others "R", "C" or "I".`,
          at: { path: ['stakeholders', accountable[1][1], 'raci', workstream.id] },
        });
      }
    }
    const sponsors = new Set(charter.sponsors);
    people.forEach((p, i) => {
      const at = { path: ['stakeholders', i, 'kind'] };
      if (sponsors.has(p.id) && p.kind !== 'sponsor') {
        report({ severity: 'warning', message: `${quote(p.id)} is a sponsor in the charter but has "kind: ${p.kind}" here: set "kind: sponsor", or take them out of the charter's "sponsors".`, at });
      } else if (!sponsors.has(p.id) && p.kind === 'sponsor') {
        report({ severity: 'warning', message: `${quote(p.id)} has "kind: sponsor" but the charter's "sponsors" does not name them: add ${quote(p.id)} to the charter's sponsors, or change their kind.`, at });
      }
    });
  },
});
