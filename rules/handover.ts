// handover: coordination between testing, installation and handover is in the plan, not only in its
// prose — a handover depends on a test exit, a project at handover has handed over and had it signed
// off by the receiving organisation, a retiring system has a decommission milestone, and a closed
// project leaves the systems catalogue up to date (P15, K28.3, K16).
import { z } from 'zod';
import type { Project } from '../src/model/graph.ts';
import { catalogueUpdate, decommissionPlanned, dependsOnKind, handoverSignoff } from '../src/model/handover.ts';
import { quote } from '../src/model/safe-text.ts';
import type * as S from '../src/model/schemas.ts';
import { notAnAction } from '../src/rule-kit/real-action.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import { BILLING_INTERFACE, crmSystem } from './examples/systems.ts';

type Milestone = S.Plan['milestones'][number];

/** Phases in which a project has handed over. */
const HANDED_OVER = new Set(['handover', 'closed']);
/** Lifecycles of a system on its way out, or gone. */
const LEAVING = new Set(['retiring', 'retired']);

/** The project's latest milestone done by `today`, if any. */
function lastDone(project: Project, today: string): Milestone | undefined {
  return project.plan?.data?.milestones.filter((m) => m.done && m.done <= today).sort((a, b) => (a.done! < b.done! ? -1 : a.done! > b.done! ? 1 : 0)).at(-1);
}

const PLAN = `---
title: Alpha plan
currency: GBP
budget:
  - line: tooling
    title: Migration tooling
    amount: 50000
    actual: 48000
contingency: 0
total: 50000
milestones:
  - id: build
    title: Interfaces built
    workstream: data
    owner: ana
    due: 2026-08-01
    kind: build
  - id: handover
    title: Handover to operations # ^ handover:12 The handover milestone "handover" does not depend on a test exit: add the id of a milestone of kind "test" (directly or through other milestones) to its "dependsOn", so nothing is handed over untested. # ^ handover:12 The handover milestone "handover" does not say which organisation receives it: set "receivedBy" to the organisation's id, whose sign-off authority signs the handover off.
    workstream: data
    owner: ana
    due: 2026-09-01
    kind: handover
    dependsOn: [build]
---

## Assumptions

Beta's finance team is available two days a week.

## Coordination

Operations take over once the interfaces are built.
`;

export default defineRule({
  meta: {
    id: 'handover',
    description: 'A handover depends on a test exit and is signed off by the receiving organisation, a retiring system has a decommission milestone, and a closed project updates the systems catalogue.',
    appliesTo: ['charter', 'plan', 'systems'],
    readsAcross: ['charter', 'plan', 'signoff', 'stakeholders', 'systems'],
    criteria: ['P15', 'K28.3', 'K16'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `Co-ordinating testing, installation, implementation and handover (P15, K28.3) means handing
over only what has been tested, to someone who accepts it; and once a project closes, the systems
catalogue must say what it changed (K16). A plan's milestones say what they mark with \`kind\`
(\`design\`, \`build\`, \`test\`, \`cutover\`, \`handover\`, \`decommission\`, \`other\`). The rule reports:

- **A handover that does not depend on a test exit** (in the plan, at the milestone's title): a
  \`handover\` milestone has a \`test\` milestone among its \`dependsOn\`, directly or through other
  milestones; and it names the organisation that receives it in \`receivedBy\`.
- **A project at handover that has not handed over** (at the charter's \`phase\`): a project in the
  \`handover\` or \`closed\` phase has a \`handover\` milestone, done, and its sign-off record
  (\`signoff.mdx\`) has an entry with \`milestone\` set to that milestone's id, signed by a sign-off
  authority (\`signoff: true\`) of the receiving organisation.
- **A system being retired without a decommission milestone** (in the system's record, at
  \`lifecycle\`): a system whose lifecycle is \`retiring\` or \`retired\` is named in the \`systems\` of a
  \`decommission\` milestone in some project's plan.
- **A closed project that left the catalogue behind** (at the charter's \`systems\` entry): for every
  system in a closed project's scope, the system's \`catalogueUpdates\` has an entry for the project,
  dated on or after the project's last milestone done and not after today, saying what changed in its
  interfaces (a real statement, not \`tbd\`), with a lifecycle other than \`migrating\`; while no other
  open project has the system in scope, the system's \`lifecycle\` is the one that entry records.

To fix a finding, add the dependency or \`receivedBy\`, record the handover and its sign-off, plan the
decommissioning, or bring the system's catalogue entry up to date with a \`catalogueUpdates\` entry.`,
    examples: {
      valid: [{ title: 'a closed project that handed over after testing, decommissioned Beta Billing and updated the catalogue', base: 'closed', files: {} }],
      invalid: [
        {
          title: 'a handover that depends on no test and names no receiving organisation',
          criteria: ['P15', 'K28.3'],
          files: { 'projects/alpha/plan.mdx': PLAN },
        },
        {
          title: 'a closed project whose handover was signed by the wrong organisation',
          criteria: ['P15', 'K28.3'],
          base: 'closed',
          files: {
            'projects/alpha/signoff.mdx': `---
title: Alpha sign-off record
signoffs:
  - deliverable: Handover to operations
    milestone: handover
    by: ben
    date: 2026-05-22
---

## Sign-off

Ben signed the handover for Beta.
`,
          },
          expect: [{ file: 'projects/alpha/index.mdx', line: 4, column: 8, message: 'The project is in the closed phase, but no sign-off authority of "acme" (the organisation receiving "handover") has signed the handover off: add an entry with "milestone: handover" to signoff.mdx, signed by a stakeholder of "acme" with "signoff: true".' }],
        },
        {
          title: 'a retiring system that no plan decommissions',
          criteria: ['P15'],
          files: {
            'systems/billing.mdx': `---
title: Beta Billing
owner: beta
kind: application
lifecycle: retiring # ^ handover:12 Beta Billing is "retiring", but no project's plan has a "decommission" milestone naming "billing" in its "systems": plan its decommissioning.
dataClasses: [financial]
---

## Purpose

Bills Beta's customers until they move to Acme.
`,
          },
        },
        {
          title: 'a closed project that did not update the catalogue',
          criteria: ['K16'],
          base: 'closed',
          files: {
            'systems/crm.mdx': crmSystem(BILLING_INTERFACE, 'catalogueUpdates:\n  - project: alpha\n    date: 2026-05-29\n    lifecycle: migrating\n    interfaces: TBD\n'),
          },
          expect: [
            { file: 'projects/alpha/index.mdx', line: 9, column: 11, message: 'The catalogue update of "crm" (Acme CRM) for this project does not say what changed in its interfaces ("TBD"): say which interfaces were added, moved or retired, or that none changed.' },
            { file: 'projects/alpha/index.mdx', line: 9, column: 11, message: 'The catalogue update of "crm" (Acme CRM) records the lifecycle "migrating", but the system is "live": no other open project has it in scope, so correct one of them.' },
            { file: 'projects/alpha/index.mdx', line: 9, column: 11, message: 'The closed project left "crm" (Acme CRM) recorded as "migrating" in its catalogue update of 2026-05-29: a closed project leaves no system mid-migration. Record the lifecycle the project left it in.' },
          ],
        },
        {
          title: 'a closed project that changed a system without recording it',
          criteria: ['K16'],
          base: 'closed',
          files: {
            'systems/billing.mdx': `---
title: Beta Billing
owner: beta
kind: application
lifecycle: retired
dataClasses: [financial]
---

## Purpose

Billed Beta's customers until they moved to Acme.
`,
          },
          expect: [{ file: 'projects/alpha/index.mdx', line: 9, column: 16, message: 'The project is closed, but the catalogue entry of "billing" (Beta Billing), a system in its scope, has no "catalogueUpdates" entry for it: add one with the date, the lifecycle the project left it in and what changed in its interfaces.' }],
        },
      ],
    },
  },
  check({ record, graph, today, report }) {
    if (!record.data) return;

    if (record.type === 'systems') {
      const system = record.data;
      if (!LEAVING.has(system.lifecycle)) return;
      if (!decommissionPlanned(graph, record.id)) report({ message: `${system.title} is ${quote(system.lifecycle)}, but no project's plan has a "decommission" milestone naming ${quote(record.id)} in its "systems": plan its decommissioning.`, at: { path: ['lifecycle'] } });
      return;
    }

    const project = graph.projects.get(record.project ?? '');
    if (!project) return;

    if (record.type === 'plan') {
      const { milestones } = record.data;
      milestones.forEach((m, i) => {
        if (m.kind !== 'handover') return;
        const at = { path: ['milestones', i, 'title'] };
        if (!dependsOnKind(milestones, m, 'test')) report({ message: `The handover milestone ${quote(m.id)} does not depend on a test exit: add the id of a milestone of kind "test" (directly or through other milestones) to its "dependsOn", so nothing is handed over untested.`, at });
        if (!m.receivedBy) report({ message: `The handover milestone ${quote(m.id)} does not say which organisation receives it: set "receivedBy" to the organisation's id, whose sign-off authority signs the handover off.`, at });
      });
      return;
    }

    // The charter: the handover done and signed off, and the catalogue updated once closed.
    const charter = record.data;
    if (HANDED_OVER.has(charter.phase)) {
      const handovers = project.plan?.data?.milestones.filter((m) => m.kind === 'handover') ?? [];
      const at = { path: ['phase'] };
      if (project.plan?.data && !handovers.length) {
        report({ message: `The project is in the ${charter.phase} phase, but its plan has no milestone of kind "handover": add the handover, with the test exit it depends on and the organisation that receives it.`, at, scope: 'project' });
      }
      for (const m of handovers) {
        if (!m.done || m.done > today) {
          report({ message: `The project is in the ${charter.phase} phase, but the handover milestone ${quote(m.id)} is not done: record its "done" date, or move the project back to the phase it is in.`, at, scope: 'project' });
          continue;
        }
        if (!m.receivedBy) continue; // reported in the plan
        if (!handoverSignoff(m, project.signoff?.data, project.stakeholders?.data, today)) {
          report({ message: `The project is in the ${charter.phase} phase, but no sign-off authority of ${quote(m.receivedBy)} (the organisation receiving ${quote(m.id)}) has signed the handover off: add an entry with "milestone: ${m.id}" to signoff.mdx, signed by a stakeholder of ${quote(m.receivedBy)} with "signoff: true".`, at, scope: 'project' });
        }
      }
    }

    if (charter.status !== 'closed') return;
    const since = lastDone(project, today)?.done;
    charter.systems.forEach((id, i) => {
      const system = graph.systems.get(id);
      if (!system?.data) return; // `references` reports an unknown system
      const at = { path: ['systems', i] };
      const who = `${quote(id)} (${system.data.title})`;
      const updates = system.data.catalogueUpdates;
      const update = catalogueUpdate(system.data, project.id);
      if (!update) {
        report({ message: `The project is closed, but the catalogue entry of ${who}, a system in its scope, has no "catalogueUpdates" entry for it: add one with the date, the lifecycle the project left it in and what changed in its interfaces.`, at });
        return;
      }
      if (since && update.date < since) report({ message: `The catalogue update of ${who} for this project is dated ${update.date}, before the project's last milestone was done (${since}): bring the entry up to date after the change and record that date.`, at });
      if (update.date > today) report({ message: `The catalogue update of ${who} for this project is dated ${update.date}, after today (${today}): record an update once it is made.`, at });
      if (update.lifecycle === 'migrating') report({ message: `The closed project left ${who} recorded as "migrating" in its catalogue update of ${update.date}: a closed project leaves no system mid-migration. Record the lifecycle the project left it in.`, at });
      const why = notAnAction(update.interfaces);
      if (why) report({ message: `The catalogue update of ${who} for this project does not say what changed in its interfaces (${quote(update.interfaces)}): say which interfaces were added, moved or retired, or that none changed.`, at });
      const latest = updates.reduce((a, b) => (b.date >= a.date ? b : a));
      const movedOn = [...graph.projects.values()].some((p) => p !== project && p.charter?.data && !['closed', 'cancelled'].includes(p.charter.data.status) && p.charter.data.systems.includes(id));
      if (latest === update && !movedOn && system.data.lifecycle !== update.lifecycle) {
        report({ message: `The catalogue update of ${who} records the lifecycle ${quote(update.lifecycle)}, but the system is ${quote(system.data.lifecycle)}: no other open project has it in scope, so correct one of them.`, at });
      }
    });
  },
});
