// schedule: a plan's milestones read as a timeline, respect their dependencies (no milestone due or done
// before what it waits for, no cycles), record nothing as done in the future, and every overdue
// milestone of a reporting project is flagged in the latest status report (P12, K28.5).
import { z } from 'zod';
import { isReporting, latestStatus, projectPath } from '../src/model/project-state.ts';
import type * as S from '../src/model/schemas.ts';
import { daysBetween } from '../src/model/today.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import type { Fix } from '../src/rule-kit/finding.ts';
import type { SourceFile } from '../src/model/source.ts';
import { blockSequenceItems } from '../src/rule-kit/yaml-edit.ts';

type Milestone = S.Plan['milestones'][number];

export default defineRule({
  meta: {
    id: 'schedule',
    description: 'Milestones are in date order, after their dependencies and acyclic, not done in the future, and overdue ones are flagged in the latest status report.',
    appliesTo: ['plan'],
    readsAcross: ['charter', 'status'],
    criteria: ['P12', 'K28.5'],
    severity: 'error',
    fixable: true,
    options: z.strictObject({
      checkOrder: z.boolean().default(true).describe('Warn when `milestones` are not listed in due-date order.'),
      overdueGraceDays: z.number().int().nonnegative().default(0).describe('Days after its `due` date before an unfinished milestone must be flagged in the latest status report.'),
    }),
    docs: `The plan's \`milestones\` are the project's schedule (P12, K28.5). This rule reads \`plan.mdx\`, the
charter's \`status\` and \`phase\`, and the project's latest status report, and reports in \`plan.mdx\`:

- **A milestone due before one it depends on** (error, at its \`due\`): everything in \`dependsOn\` must be
  done first, so a milestone cannot be due earlier than any of its dependencies (the same day is
  allowed). Move the date, or drop the dependency.
- **A dependency cycle** (error): milestones that wait for each other can never start. The cycle is
  reported once, as \`a → b → c → a\` (each waits for the next), at the \`dependsOn\` of the milestone
  listed first in the plan. Remove one of the dependencies.
- **Done in the future** (error, at \`done\`): \`done\` records when a milestone was achieved, so it
  cannot be after today.
- **Done before its dependencies** (error, at \`done\`): a milestone recorded as done while one it depends
  on is not done, or was done later.
- **An overdue milestone nobody has flagged** (error, at its \`due\`): for an active project in
  execution or handover, a milestone past its \`due\` date (plus \`overdueGraceDays\`, default 0) and not
  \`done\` must be listed in \`milestonesAtRisk\` of the latest status report — the most recent one dated
  on or before today. List it there with the recovery plan, or record \`done\` if it was achieved.
- **Milestones out of date order** (warning, at the first milestone listed after a later one): the plan
  reads as a timeline when \`milestones\` are in \`due\` order. \`seam lint --fix\` sorts them by \`due\`
  (stable, moving each item with its lines and comments); turn the check off with \`checkOrder: false\`.

Dependencies on milestones that do not exist are the \`references\` rule's findings. "Today" comes from
\`--today\`, \`SEAM_TODAY\` or \`today:\` in seam.config.yaml.`,
    examples: {
      valid: [
        { title: 'a planning project with two milestones in order', files: {} },
        { title: 'an executing project whose at-risk milestone is flagged', base: 'execution', files: {}, today: '2026-07-10' },
      ],
      invalid: [
        {
          title: 'milestones out of date order (fixable)',
          criteria: ['P12'],
          files: {
            'projects/alpha/plan.mdx': `---
title: Alpha plan
currency: GBP
budget:
  - line: people
    title: Integration team
    amount: 200000
contingency: 20000
total: 220000
milestones:
  - id: trial
    title: Trial migration
    workstream: data
    owner: ana
    due: 2026-09-01
    dependsOn: [design]
  - id: design
    title: Mapping design approved
    workstream: data
    owner: ana
    due: 2026-07-01 # ^ schedule:10-20 [warning] "design" (due 2026-07-01) is listed after "trial" (due 2026-09-01). List milestones in due-date order so the plan reads as a timeline; --fix sorts them.
---

## Assumptions

Beta's finance team is available two days a week.

## Coordination

Testing follows each trial migration before handover to operations.
`,
          },
          fixed: {
            'projects/alpha/plan.mdx': `---
title: Alpha plan
currency: GBP
budget:
  - line: people
    title: Integration team
    amount: 200000
contingency: 20000
total: 220000
milestones:
  - id: design
    title: Mapping design approved
    workstream: data
    owner: ana
    due: 2026-07-01
  - id: trial
    title: Trial migration
    workstream: data
    owner: ana
    due: 2026-09-01
    dependsOn: [design]
---

## Assumptions

Beta's finance team is available two days a week.

## Coordination

Testing follows each trial migration before handover to operations.
`,
          },
        },
        {
          title: 'a dependency cycle, and a milestone due before one it waits for',
          criteria: ['K28.5'],
          files: {
            'projects/alpha/plan.mdx': `---
title: Alpha plan
currency: GBP
budget:
  - line: people
    title: Integration team
    amount: 200000
contingency: 20000
total: 220000
milestones:
  - id: design
    title: Mapping design approved
    workstream: data
    owner: ana
    due: 2026-07-01 # ^ schedule:10-20 "design" is due 2026-07-01, before "cutover" (due 2026-10-01), which it depends on. Move "design" to 2026-10-01 or later, or drop the dependency.
    dependsOn: [cutover] # ^ schedule:16-25 Dependency cycle: design → cutover → trial → design (each waits for the next), so none of them can start. Remove one of these dependencies.
  - id: trial
    title: Trial migration
    workstream: data
    owner: ana
    due: 2026-09-01
    dependsOn: [design]
  - id: cutover
    title: Cutover
    workstream: data
    owner: ana
    due: 2026-10-01
    dependsOn: [trial]
---

## Assumptions

Beta's finance team is available two days a week.

## Coordination

Testing follows each trial migration before handover to operations.
`,
          },
        },
        {
          title: 'done in the future, and done before its dependency',
          criteria: ['P12'],
          files: {
            'projects/alpha/plan.mdx': `---
title: Alpha plan
currency: GBP
budget:
  - line: people
    title: Integration team
    amount: 200000
contingency: 20000
total: 220000
milestones:
  - id: design
    title: Mapping design approved
    workstream: data
    owner: ana
    due: 2026-07-01
    done: 2026-06-20 # ^ schedule:11-21 "design" is recorded as done on 2026-06-20, after today (2026-06-15). Record "done" only once the milestone is achieved.
  - id: trial
    title: Trial migration
    workstream: data
    owner: ana
    due: 2026-09-01
    done: 2026-06-10 # ^ schedule:11-21 "trial" was done on 2026-06-10, before "design" (done 2026-06-20), which it depends on. Correct one of the dates, or the dependency.
    dependsOn: [design]
---

## Assumptions

Beta's finance team is available two days a week.

## Coordination

Testing follows each trial migration before handover to operations.
`,
          },
        },
        {
          title: 'an overdue milestone missing from the latest status report',
          criteria: ['P12', 'K28.5'],
          base: 'execution',
          today: '2026-10-05',
          files: {},
          expect: [{ file: 'projects/alpha/plan.mdx', line: 33, column: 10, message: '"cutover" was due 2026-10-01 (4 days ago) and is not done, but the latest status report (status/2026-06-12) does not list it in "milestonesAtRisk". Add it there with the recovery plan, or record "done" if it was achieved.' }],
        },
      ],
    },
  },
  check({ record, graph, source, today, options, report }) {
    if (!record.data) return;
    const { milestones } = record.data;
    const index = new Map<string, number>();
    milestones.forEach((m, i) => index.has(m.id) || index.set(m.id, i));
    const dependencies = (m: Milestone) => m.dependsOn.flatMap((id, j) => (index.has(id) ? [{ dep: milestones[index.get(id)!], i: index.get(id)!, j }] : []));

    if (options.checkOrder) {
      let first = true;
      milestones.forEach((m, i) => {
        const previous = milestones[i - 1];
        if (!previous || m.due >= previous.due) return;
        const fix = first ? sortFix(source, milestones) : undefined; // one fix sorts the whole list
        first = false;
        report({
          severity: 'warning',
          message: `"${m.id}" (due ${m.due}) is listed after "${previous.id}" (due ${previous.due}). List milestones in due-date order so the plan reads as a timeline; --fix sorts them.`,
          at: { path: ['milestones', i, 'due'] },
          ...(fix ? { fix } : {}),
        });
      });
    }

    milestones.forEach((m, i) => {
      for (const { dep } of dependencies(m)) {
        if (m.due < dep.due) {
          report({ message: `"${m.id}" is due ${m.due}, before "${dep.id}" (due ${dep.due}), which it depends on. Move "${m.id}" to ${dep.due} or later, or drop the dependency.`, at: { path: ['milestones', i, 'due'] } });
        }
      }
      if (!m.done) return;
      if (m.done > today) {
        report({ message: `"${m.id}" is recorded as done on ${m.done}, after today (${today}). Record "done" only once the milestone is achieved.`, at: { path: ['milestones', i, 'done'] } });
      }
      for (const { dep } of dependencies(m)) {
        if (!dep.done) {
          report({ message: `"${m.id}" is recorded as done, but "${dep.id}", which it depends on, is not. Record when "${dep.id}" was done, or correct "${m.id}".`, at: { path: ['milestones', i, 'done'] } });
        } else if (dep.done > m.done) {
          report({ message: `"${m.id}" was done on ${m.done}, before "${dep.id}" (done ${dep.done}), which it depends on. Correct one of the dates, or the dependency.`, at: { path: ['milestones', i, 'done'] } });
        }
      }
    });

    for (const cycle of findCycles(milestones.map((m) => dependencies(m).map((d) => d.i)))) {
      const names = [...cycle, cycle[0]].map((i) => milestones[i].id).join(' → ');
      report({ message: `Dependency cycle: ${names} (each waits for the next), so none of them can start. Remove one of these dependencies.`, at: { path: ['milestones', cycle[0], 'dependsOn'] } });
    }

    const project = graph.projects.get(record.project ?? '');
    if (!isReporting(project?.charter?.data)) return;
    const latest = latestStatus(project, today);
    milestones.forEach((m, i) => {
      const late = daysBetween(m.due, today);
      if (m.done || late <= options.overdueGraceDays || latest?.data!.milestonesAtRisk.includes(m.id)) return;
      const overdue = `"${m.id}" was due ${m.due} (${late} day${late === 1 ? '' : 's'} ago) and is not done`;
      const advice = 'or record "done" if it was achieved.';
      report({
        message: latest
          ? `${overdue}, but the latest status report (${projectPath(latest)}) does not list it in "milestonesAtRisk". Add it there with the recovery plan, ${advice}`
          : `${overdue}, and the project has no status report flagging it. Add a status report that lists it in "milestonesAtRisk", ${advice}`,
        at: { path: ['milestones', i, 'due'] },
      });
    });
  },
});

/** A fix that sorts the milestones by due date (stable), when the list is plain block YAML. */
function sortFix(source: SourceFile, milestones: Milestone[]): Fix[] | undefined {
  const block = blockSequenceItems(source, ['milestones']);
  if (!block || block.items.length !== milestones.length) return undefined;
  const order = milestones.map((m, i) => [m.due, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return [{ start: block.start, end: block.end, text: order.map(([, i]) => block.items[i]).join('') }];
}

/**
 * Each distinct dependency cycle once, as list indexes starting from the member listed first, in the
 * direction of the dependencies. Iterative depth-first search, so a hostile plan cannot overflow the
 * stack.
 */
function findCycles(edges: number[][]): number[][] {
  const state = new Uint8Array(edges.length); // 0 unvisited, 1 on the path, 2 done
  const seen = new Set<string>();
  const cycles: number[][] = [];
  for (let root = 0; root < edges.length; root++) {
    if (state[root]) continue;
    const path: number[] = [root];
    const next: number[] = [0];
    state[root] = 1;
    while (path.length) {
      const node = path.at(-1)!;
      const k = next[next.length - 1]++;
      if (k >= edges[node].length) {
        state[node] = 2;
        path.pop();
        next.pop();
        continue;
      }
      const to = edges[node][k];
      if (state[to] === 1) {
        const cycle = path.slice(path.indexOf(to));
        const first = cycle.indexOf(cycle.reduce((a, b) => Math.min(a, b)));
        const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
        const key = rotated.join(',');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(rotated);
        }
      } else if (!state[to]) {
        state[to] = 1;
        path.push(to);
        next.push(0);
      }
    }
  }
  return cycles;
}
