// references: every id a record uses (organisations, systems, providers, policies, stakeholders,
// workstreams, milestones, budget lines, regulations, lessons) resolves, and ids are not duplicated.
import { z } from 'zod';
import { problemsIn } from '../src/model/graph.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import { BILLING_INTERFACE, contract, crmSystem } from './examples/systems.ts';

export default defineRule({
  meta: {
    id: 'references',
    description: 'Every id reference resolves and no id is defined twice.',
    appliesTo: '*',
    // Problems of this file's references, which resolve against records of every type.
    readsAcross: '*',
    criteria: ['P8', 'K11.5', 'K21'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `Records refer to each other by id: a system's \`owner\` is an organisation id, a charter's
\`systems\` are ids from the systems catalogue, a milestone's \`owner\` is a stakeholder id in the same
project's register, a status issue's \`budgetLine\` is a line of the plan. This rule reports every id
that does not resolve — pointing at the value, suggesting the nearest known id — and every id defined
twice in one list (stakeholders, milestones, budget lines, lessons, issues…) or in one collection.

Project-scoped ids (stakeholders, workstreams, milestones, budget lines, regulations) resolve within the
record's own project only.`,
    examples: {
      valid: [{ title: 'the minimal example project', files: {} }],
      invalid: [
        {
          title: 'an interface contract owned by an unknown organisation, following an unknown policy',
          criteria: ['K11.5', 'K21'],
          files: {
            'systems/crm.mdx': crmSystem(
              BILLING_INTERFACE +
                contract({
                  owner: `acmee # ^ references:14-19 Unknown organisation "acmee" (not found in content/organisations/). Did you mean "acme"?`,
                  standard: `interface-standard # ^ references:17-35 Unknown policy "interface-standard" (not found in content/policies/). Known: integration-policy.`,
                }),
            ),
          },
        },
        {
          title: 'a charter naming a system the catalogue does not have',
          criteria: ['K11.5', 'K21'],
          files: { 'systems/billing.mdx': null },
          expect: [
            { file: 'projects/alpha/index.mdx', line: 9, column: 16, message: 'Unknown system "billing" (not found in content/systems/). Known: crm.' },
            { file: 'systems/crm.mdx', line: 8, column: 13, message: 'Unknown system "billing" (not found in content/systems/). Known: crm.' },
          ],
        },
        {
          title: 'a milestone owner misspelt',
          criteria: ['P8'],
          files: { 'projects/alpha/plan.mdx': `---
title: Alpha plan
currency: GBP
budget:
  - line: people
    title: Team
    amount: 10
total: 10
milestones:
  - id: design
    title: Design
    workstream: data
    owner: anna # ^ references:12-16 Unknown stakeholder "anna" (not found in the project's stakeholders.mdx). Did you mean "ana"?
    due: 2026-07-01
---

## Assumptions

None beyond the charter.

## Coordination

Weekly.
` },
        },
        {
          title: 'two milestones with one id',
          criteria: ['P8'],
          files: { 'projects/alpha/plan.mdx': `---
title: Alpha plan
currency: GBP
budget:
  - line: people
    title: Team
    amount: 10
total: 10
milestones:
  - id: design
    title: Design
    workstream: data
    owner: ana
    due: 2026-07-01
  - id: design # ^ references:9-15 Duplicate id "design" in "milestones" (first used on line 10). Ids in a list must be unique: rename one.
    title: Build
    workstream: data
    owner: ana
    due: 2026-08-01
---

## Assumptions

None beyond the charter.

## Coordination

Weekly.
` },
        },
      ],
    },
  },
  check({ graph, file, report }) {
    for (const p of problemsIn(graph, file)) {
      if (p.code !== 'dangling-reference' && p.code !== 'duplicate-id') continue;
      report({ message: p.message, parts: p.parts, at: p });
    }
  },
});
