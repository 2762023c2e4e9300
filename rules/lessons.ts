// lessons: closed projects record what they learned, projects past planning apply lessons from other
// projects that match their workstreams (or say why none applies), and every recommendation is
// something a future project can act on (P6, P13, K13.3).
import { z } from 'zod';
import { mention, renderMessage, say } from '../src/model/message.ts';
import type { MessagePart } from '../src/model/message.ts';
import { projectFile } from '../src/model/identity.ts';
import { appliesLessons } from '../src/model/project-state.ts';
import { requiredRecordTypes } from '../src/model/record-types.ts';
import { quote } from '../src/model/safe-text.ts';
import type { ContentRecord, RecordGraph } from '../src/model/graph.ts';
import type * as S from '../src/model/schemas.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import type { RuleContext } from '../src/rule-kit/rule.ts';
import { PLACEHOLDER } from '../src/rule-kit/sections.ts';

const options = z.strictObject({
  minWords: z.number().int().positive().default(6).describe('Fewest words a lesson\'s `recommendation` needs to say what to do (fewer is a warning), and a charter\'s `lessonsNotApplicable` needs to give a reason.'),
});

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export default defineRule({
  meta: {
    id: 'lessons',
    description: 'Closed projects have lessons; projects past planning apply lessons from other projects that match their workstreams, or say why none applies; recommendations are actionable.',
    appliesTo: ['charter', 'lessons'],
    readsAcross: ['lessons'],
    // A charter's workstreams are compared with the lessons every other project recorded.
    readsAcrossProjects: ['lessons'],
    criteria: ['P6', 'P13', 'K13.3'],
    severity: 'error',
    fixable: false,
    options,
    docs: `Evaluating what a project went through to find lessons for future work (P13) and applying
lessons learned (P6) are two ends of one loop; this rule keeps the loop closed.

- A project whose \`phase\` is \`closed\` — or whose \`status\` is \`closed\` — must have \`lessons.mdx\` with
  at least one lesson (id, category, what happened, recommendation). Reported at the charter's \`phase\`
  (or \`status\`). A lessons file that fails its schema is left to the \`schema\` rule.
- A charter's \`lessonsApplied\` records lessons from **other** projects: an entry naming the project
  itself is an error — describe how the project uses its own experience in the Approach section
  instead. Projects and lessons that do not exist are reported by \`references\`, not here.
- **An empty list is not evidence.** A project past planning (\`phase\` \`execution\`, \`handover\` or
  \`closed\`) must cite the lessons it applies in \`lessonsApplied\`, or say in \`lessonsNotApplicable\`
  why no lesson from earlier projects applies (at least \`minWords\` words, no placeholder). Reported at
  the charter's \`phase\`. Coverage counts P6 for a charter only when it does one or the other, in every
  phase: a planning project that has not yet looked for lessons shows P6 as missing, not evidenced.
  Giving both is an error too: a reason that no lesson applies contradicts the lessons cited.
- **Lessons bear on the work.** Past planning, the lessons cited must include at least one filed under
  the \`category\` of one of the project's workstreams (\`workstreams[].category\` uses the words lessons
  are filed under: \`data\`, \`testing\`, \`providers\`…); otherwise the error is at \`lessonsApplied\`.
  Workstreams without any \`category\` cannot be matched: the error asks for them. Other lessons may be
  cited as well — applying a lesson is never wrong. A workstream whose category has lessons recorded by
  other projects, none of them cited, is a **warning** at its \`category\` naming up to three: cite
  those the project applies, or say in the Approach section why they do not apply.
- A lesson's \`recommendation\` must be something another project can act on: at least \`minWords\`
  words (default 6) and no placeholder (TBD, TODO). A shorter one is a warning: say what to do, who does
  it and when ("Freeze reference data when mapping starts and route additions through change control").`,
    examples: {
      valid: [
        { title: 'a closed project with actionable lessons', base: 'closed', files: {} },
        {
          title: 'a new project applying a closed project\'s lesson',
          base: 'closed',
          files: { 'projects/gamma/index.mdx': '---\ntitle: Gamma payroll move\nstatus: proposed\nphase: planning\nstart: 2026-09-01\nend: 2027-03-31\nsponsors: [ana]\norganisations: [acme]\nworkstreams:\n  - id: data\n    title: Data migration\napproach: phased\nlessonsApplied:\n  - project: alpha\n    lesson: profile-source-data-early\n    how: Payroll data is profiled in the first fortnight, before mapping.\n---\n\n## Scope\n\nMoves payroll.\n' },
        },
        {
          title: 'a project in execution applying a lesson filed under one of its workstreams\' categories',
          base: 'closed',
          files: { 'projects/gamma/index.mdx': '---\ntitle: Gamma payroll move\nstatus: active\nphase: execution\nstart: 2026-06-01\nend: 2027-03-31\nsponsors: [ana]\norganisations: [acme]\nworkstreams:\n  - id: payroll-data\n    title: Payroll data migration\n    category: data\n  - id: interfaces\n    title: Bank and pension interfaces\n    category: providers\napproach: phased\nlessonsApplied:\n  - project: alpha\n    lesson: profile-source-data-early\n    how: Payroll data is profiled in the first fortnight, before mapping.\n  - project: alpha\n    lesson: retest-capacity\n    how: The bank interface contract fixes a two-day retest turnaround.\n---\n\n## Scope\n\nMoves payroll.\n' },
        },
      ],
      invalid: [
        {
          title: 'a closed project without lessons',
          criteria: ['P13'],
          base: 'closed',
          files: { 'projects/alpha/lessons.mdx': null },
          expect: [{ file: 'projects/alpha/index.mdx', line: 4, column: 8, message: 'The project is closed but has no lessons learned. Create projects/alpha/lessons.mdx with at least one lesson (id, category, what happened, recommendation) and a "Review" section, so later projects can apply them.' }],
        },
        {
          title: 'a lesson applied from the project itself',
          criteria: ['P6', 'K13.3'],
          base: 'closed',
          files: { 'projects/alpha/index.mdx': `---
title: Alpha billing migration
status: closed
phase: closed
start: 2026-01-05
end: 2026-05-29
sponsors: [ana]
organisations: [acme, beta]
workstreams:
  - id: data
    title: Data migration
approach: phased
lessonsApplied:
  - project: alpha # ^ lessons:14-19 "lessonsApplied" records lessons from other projects, but "alpha" is this project. Describe how the project uses its own experience in the Approach section instead, or name the project the lesson came from.
    lesson: retest-capacity
    how: A second tester joined in April.
---

## Scope

Moved billing.
` },
        },
        {
          title: 'a project in execution with every lesson applied removed, and no reason',
          base: 'execution',
          files: { 'projects/alpha/index.mdx': `---
title: Alpha billing migration
status: active
phase: execution # ^ lessons:8-17 The project is past planning (phase "execution") but cites no lessons from earlier projects: "lessonsApplied" is empty. An empty list is not evidence that lessons were applied: cite the lessons the project applies (project, lesson, how), or say in "lessonsNotApplicable" why none applies.
start: 2026-05-01
end: 2026-12-31
sponsors: [ana]
organisations: [acme, beta]
workstreams:
  - id: data
    title: Data migration
approach: phased
lessonsApplied: []
---

## Scope

Moves Beta's billing accounts into Acme's CRM.
` },
        },
        {
          title: 'a reason too thin to show that no lesson applies, given alongside lessons cited',
          base: 'closed',
          files: {
            'projects/gamma/index.mdx': `---
title: Gamma payroll move
status: active
phase: execution
start: 2026-06-01
end: 2027-03-31
sponsors: [ana]
organisations: [acme]
workstreams:
  - id: payroll-data
    title: Payroll data migration
    category: data
approach: phased
lessonsApplied:
  - project: alpha
    lesson: profile-source-data-early
    how: Payroll data is profiled in the first fortnight, before mapping.
lessonsNotApplicable: TBD # ^ lessons:23-26 "lessonsNotApplicable" says no lesson applies, but "lessonsApplied" cites 1. Keep the lessons cited and remove "lessonsNotApplicable", or remove the citations. # ^ lessons:23-26 "lessonsNotApplicable" is still a placeholder. Say why no lesson from earlier projects applies to this project, for example "No earlier project has recorded lessons: this is the organisation's first migration of its kind".
---

## Scope

Moves payroll.
`,
          },
        },
        {
          title: 'lessons cited that bear on none of the project\'s workstreams, and a workstream whose lessons are not applied',
          base: 'closed',
          files: {
            'projects/gamma/index.mdx': `---
title: Gamma payroll move
status: active
phase: execution
start: 2026-06-01
end: 2027-03-31
sponsors: [ana]
organisations: [acme]
workstreams:
  - id: payroll-data
    title: Payroll data migration
    category: data # ^ lessons:15-19 [warning] Workstream "payroll-data" is "data" work, and other projects recorded 1 lesson under "data" (alpha/profile-source-data-early), but the charter applies none of them. Cite those the project applies in "lessonsApplied", or say in the Approach section why they do not apply.
  - id: cutover
    title: Cutover
approach: phased
lessonsApplied: # ^ lessons:1-15 None of the lessons cited is filed under a category of the project's workstreams ("data"): they are filed under "providers". Cite the lessons that bear on the project's work, or correct the workstreams' "category".
  - project: alpha
    lesson: retest-capacity
    how: The bank interface contract fixes a two-day retest turnaround.
---

## Scope

Moves payroll.
`,
          },
        },
        {
          title: 'recommendations too thin to act on',
          criteria: ['P13'],
          base: 'closed',
          options: { minWords: 8 },
          files: { 'projects/alpha/lessons.mdx': `---
title: Alpha lessons learned
lessons:
  - id: profile-source-data-early
    category: data
    what: Duplicate accounts surfaced only in the trial migration.
    recommendation: Profile data earlier. # ^ lessons:21-42 [warning] The recommendation of "profile-source-data-early" is too thin to act on (3 words; at least 8 expected). Say what to do, who does it and when, for example "Freeze reference data when mapping starts and route additions through change control".
  - id: retest-capacity
    category: providers
    what: Interface fixes waited a week for retesting.
    recommendation: TBD after the provider review. # ^ lessons:21-51 [warning] The recommendation of "retest-capacity" is still a placeholder. Say what to do, who does it and when, for example "Freeze reference data when mapping starts and route additions through change control".
---

## Review

The board reviewed these lessons at closure.
` },
        },
      ],
    },
  },
  check(context) {
    const { record, graph, options, report } = context;
    if (!record.data || !record.project) return;

    if (record.type === 'charter') {
      const charter = record.data;
      const closedBy = requiredRecordTypes(charter.phase).some((t) => t.name === 'lessons') ? 'phase' : charter.status === 'closed' ? 'status' : undefined;
      const file = projectFile(record.project, 'lessons');
      if (closedBy && !graph.byFile.has(file)) {
        report({
          message: `The project is closed but has no lessons learned. Create ${file} with at least one lesson (id, category, what happened, recommendation) and a "Review" section, so later projects can apply them.`,
          at: { path: [closedBy] },
          scope: 'project',
        });
      }
      charter.lessonsApplied.forEach((applied, i) => {
        if (applied.project !== record.project) return;
        report({
          message: `"lessonsApplied" records lessons from other projects, but "${applied.project}" is this project. Describe how the project uses its own experience in the Approach section instead, or name the project the lesson came from.`,
          at: { path: ['lessonsApplied', i, 'project'] },
        });
      });

      const reason = charter.lessonsNotApplicable;
      if (reason !== undefined) {
        const cited = charter.lessonsApplied.length;
        if (cited) {
          report({ message: `"lessonsNotApplicable" says no lesson applies, but "lessonsApplied" cites ${cited}. Keep the lessons cited and remove "lessonsNotApplicable", or remove the citations.`, at: { path: ['lessonsNotApplicable'] } });
        }
        const words = wordCount(reason);
        const problem = PLACEHOLDER.test(reason) || !words ? 'is still a placeholder' : words < options.minWords ? `gives too thin a reason (${words} word${words === 1 ? '' : 's'}; at least ${options.minWords} expected)` : undefined;
        if (problem) {
          report({ message: `"lessonsNotApplicable" ${problem}. Say why no lesson from earlier projects applies to this project, for example "No earlier project has recorded lessons: this is the organisation's first migration of its kind".`, at: { path: ['lessonsNotApplicable'] } });
        }
      }

      if (charter.phase === 'planning') return;
      if (!appliesLessons(charter)) {
        report({
          message: `The project is past planning (phase ${quote(charter.phase)}) but cites no lessons from earlier projects: "lessonsApplied" is empty. An empty list is not evidence that lessons were applied: cite the lessons the project applies (project, lesson, how), or say in "lessonsNotApplicable" why none applies.`,
          at: { path: ['phase'] },
        });
      }
      if (!charter.lessonsApplied.length) return;
      checkLessonsMatchWork(context, record as ContentRecord<S.Charter>);
    }

    if (record.type === 'lessons') {
      const example = 'Say what to do, who does it and when, for example "Freeze reference data when mapping starts and route additions through change control".';
      record.data.lessons.forEach((lesson, i) => {
        const words = wordCount(lesson.recommendation);
        const problem = PLACEHOLDER.test(lesson.recommendation)
          ? 'is still a placeholder'
          : words < options.minWords ? `is too thin to act on (${words} word${words === 1 ? '' : 's'}; at least ${options.minWords} expected)` : undefined;
        if (!problem) return;
        report({ message: `The recommendation of "${lesson.id}" ${problem}. ${example}`, at: { path: ['lessons', i, 'recommendation'] }, severity: 'warning' });
      });
    }
  },
});

/** The lessons other projects have recorded, with the file each is recorded in. */
function otherLessons(graph: RecordGraph, project: string) {
  return [...graph.projects.values()].filter((p) => p.id !== project && p.lessons?.data).flatMap((p) => p.lessons!.data!.lessons.map((lesson) => ({ project: p.id, file: p.lessons!.file, lesson })));
}

/**
 * Past planning, the lessons a charter cites must bear on its work: at least one is filed under the
 * category of one of its workstreams (an error otherwise), and a workstream whose category has lessons
 * from other projects, none of them cited, is pointed out (a warning: the project may have weighed and
 * set them aside, which the Approach section can say).
 */
function checkLessonsMatchWork({ graph, report }: RuleContext<z.output<typeof options>>, record: ContentRecord<S.Charter>) {
  const charter = record.data!;
  const available = otherLessons(graph, record.project!);
  const cited = charter.lessonsApplied.flatMap((a) => available.filter((l) => l.project === a.project && l.lesson.id === a.lesson));
  if (!cited.length) return; // every citation dangles: `references` reports them
  const categories = new Set(charter.workstreams.flatMap((w) => (w.category ? [w.category] : [])));
  if (!categories.size) {
    report({ message: 'The project\'s workstreams have no "category", so the lessons it cites cannot be matched to its work. Give each workstream the category its lessons are filed under ("data", "testing", "providers"…).', at: { path: ['workstreams'], key: true } });
    return;
  }
  if (!cited.some((l) => categories.has(l.lesson.category))) {
    const filed = [...new Set(cited.map((l) => l.lesson.category))];
    report({
      ...say`None of the lessons cited is filed under a category of the project's workstreams (${[...categories].map((c) => quote(c)).join(', ')}): they are filed under ${mention(cited[0].file, filed.map((c) => quote(c)).join(', '), 'other categories')}. Cite the lessons that bear on the project's work, or correct the workstreams' "category".`,
      at: { path: ['lessonsApplied'], key: true },
    });
  }
  charter.workstreams.forEach((workstream, i) => {
    if (!workstream.category || cited.some((l) => l.lesson.category === workstream.category)) return;
    const relevant = available.filter((l) => l.lesson.category === workstream.category);
    if (!relevant.length) return;
    const shown = relevant.slice(0, 3).flatMap((l, k): MessagePart[] => {
      const named = mention(l.file, `${l.project}/${l.lesson.id}`, 'a restricted record');
      return k ? [', ', named] : [named];
    });
    const parts: MessagePart[] = [
      `Workstream ${quote(workstream.id)} is ${quote(workstream.category)} work, and other projects recorded ${relevant.length} lesson${relevant.length === 1 ? '' : 's'} under ${quote(workstream.category)} (`,
      ...shown,
      `${relevant.length > 3 ? ', …' : ''}), but the charter applies none of them. Cite those the project applies in "lessonsApplied", or say in the Approach section why they do not apply.`,
    ];
    report({ message: renderMessage(parts), parts, at: { path: ['workstreams', i, 'category'] }, severity: 'warning' });
  });
}
