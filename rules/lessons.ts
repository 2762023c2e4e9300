// lessons: closed projects record what they learned, projects apply lessons from other projects, and
// every recommendation is something a future project can act on (P6, P13, K13.3).
import { z } from 'zod';
import { projectFile } from '../src/model/identity.ts';
import { requiredRecordTypes } from '../src/model/record-types.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import { PLACEHOLDER } from '../src/rule-kit/sections.ts';

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export default defineRule({
  meta: {
    id: 'lessons',
    description: 'Closed projects have lessons; lessons applied come from other projects; recommendations are actionable.',
    appliesTo: ['charter', 'lessons'],
    readsAcross: ['lessons'],
    criteria: ['P6', 'P13', 'K13.3'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({
      minWords: z.number().int().positive().default(6).describe('Fewest words a lesson\'s `recommendation` needs to say what to do (fewer is a warning).'),
    }),
    docs: `Evaluating what a project went through to find lessons for future work (P13) and applying
lessons learned (P6) are two ends of one loop; this rule keeps the loop closed.

- A project whose \`phase\` is \`closed\` — or whose \`status\` is \`closed\` — must have \`lessons.mdx\` with
  at least one lesson (id, category, what happened, recommendation). Reported at the charter's \`phase\`
  (or \`status\`). A lessons file that fails its schema is left to the \`schema\` rule.
- A charter's \`lessonsApplied\` records lessons from **other** projects: an entry naming the project
  itself is an error — describe how the project uses its own experience in the Approach section
  instead. Projects and lessons that do not exist are reported by \`references\`, not here.
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
  check({ record, graph, options, report }) {
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
