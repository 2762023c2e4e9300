// scope-completeness: the organisations a charter's own scope implies are involved — the owners of its
// in-scope systems, its providers' organisations and the regulators of its regulations — are listed in
// its `organisations` (and so, by the `stakeholders` rule, have someone in the register) (P4, K11.4).
import { z } from 'zod';
import { quote } from '../src/model/safe-text.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import { BASE_CHARTER } from './examples/charter.ts';

export default defineRule({
  meta: {
    id: 'scope-completeness',
    description: 'The owners of in-scope systems, the providers\' organisations and the regulators a charter names are among its organisations.',
    appliesTo: ['charter'],
    readsAcross: ['systems', 'providers'],
    criteria: ['P4', 'K11.4'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `Identifying which organisations need to be involved (P4, K11.4) starts from what the charter
already says: whoever owns a system in scope, whoever provides a service, whoever regulates the work.
The rule reports, in the charter, each of these that is missing from \`organisations\`:

- the \`owner\` of every system in \`systems\` (at the system's entry);
- the \`organisation\` of every provider in \`providers\` whose provider record names one (at the
  provider's entry);
- the \`regulator\` of every regulation in \`regulations\` (at the regulator).

Once an organisation is in \`organisations\`, the \`stakeholders\` rule requires someone from it in the
stakeholder register, and the \`engagement\` rule requires it to be engaged in every reporting period.
Unknown systems, providers and organisations are the \`references\` rule's findings.

To fix a finding, add the organisation to the charter's \`organisations\` and a person from it to
\`stakeholders.mdx\`, with their role, RACI and comms.`,
    examples: {
      valid: [{ title: 'both system owners are among the organisations', files: {} }],
      invalid: [
        {
          title: 'a system owner and a regulator left out of the organisations',
          criteria: ['P4', 'K11.4'],
          files: {
            'organisations/watchdog.mdx': '---\ntitle: Billing Watchdog\nkind: regulator\nclassification: public\n---\n\n## Role in the integration\n\nSupervises how customers are billed.\n',
            'projects/alpha/index.mdx': BASE_CHARTER
              .replace('organisations: [acme, beta]', 'organisations: [acme]')
              .replace('systems: [crm, billing]', 'systems: [crm, billing] # ^ scope-completeness:16 The system "billing" (Beta Billing) is owned by "beta", which is not among the charter\'s "organisations": add it there, and someone from it to the stakeholder register.')
              .replace('approach: phased\n', 'approach: phased\nregulations:\n  - id: billing-code\n    title: Fair billing code\n    regulator: watchdog # ^ scope-completeness:16 The regulation "billing-code" is regulated by "watchdog", which is not among the charter\'s "organisations": add it there, and someone from it to the stakeholder register.\n'),
          },
        },
        {
          title: 'a provider whose organisation is left out',
          criteria: ['P4'],
          files: {
            'organisations/bridgeworks.mdx': '---\ntitle: Bridgeworks Ltd\nkind: supplier\nclassification: public\n---\n\n## Role in the integration\n\nBuilds interfaces.\n',
            'providers/bridgeworks.mdx': '---\ntitle: Bridgeworks\norganisation: bridgeworks\nservices: [Interface build]\ncontract:\n  reference: BW-1\n  start: 2026-01-01\ncontacts:\n  - name: Sam Ray\n    role: Account manager\n---\n\n## Services\n\nBuilds and tests interfaces.\n',
            'projects/alpha/index.mdx': BASE_CHARTER.replace('approach: phased\n', 'approach: phased\nproviders:\n  - provider: bridgeworks # ^ scope-completeness:15 The provider "bridgeworks" belongs to the organisation "bridgeworks", which is not among the charter\'s "organisations": add it there, and someone from it to the stakeholder register.\n    role: Builds the billing interfaces\n    from: 2026-05-01\n'),
          },
        },
      ],
    },
  },
  check({ record, graph, report }) {
    if (!record.data) return;
    const charter = record.data;
    const involved = new Set(charter.organisations);
    const fix = 'add it there, and someone from it to the stakeholder register.';
    charter.systems.forEach((id, i) => {
      const system = graph.systems.get(id)?.data;
      if (system && !involved.has(system.owner)) {
        report({ message: `The system ${quote(id)} (${system.title}) is owned by ${quote(system.owner)}, which is not among the charter's "organisations": ${fix}`, at: { path: ['systems', i] } });
      }
    });
    charter.providers.forEach((p, i) => {
      const organisation = graph.providers.get(p.provider)?.data?.organisation;
      if (organisation && !involved.has(organisation)) {
        report({ message: `The provider ${quote(p.provider)} belongs to the organisation ${quote(organisation)}, which is not among the charter's "organisations": ${fix}`, at: { path: ['providers', i, 'provider'] } });
      }
    });
    charter.regulations.forEach((r, i) => {
      if (r.regulator && !involved.has(r.regulator)) {
        report({ message: `The regulation ${quote(r.id)} is regulated by ${quote(r.regulator)}, which is not among the charter's "organisations": ${fix}`, at: { path: ['regulations', i, 'regulator'] } });
      }
    });
  },
});
