// providers: every external provider a project engages is evaluated for each period of its engagement
// that has ended, evaluations match an engagement, and poor scores come with an action (P17, P18).
import { z } from 'zod';
import type { ContentRecord, Project } from '../src/model/graph.ts';
import { evaluationName, projectFile } from '../src/model/identity.ts';
import { overlaps, parsePeriod, periodsBetween, within } from '../src/model/periods.ts';
import type { Period } from '../src/model/periods.ts';
import type * as S from '../src/model/schemas.ts';
import { daysBetween } from '../src/model/today.ts';
import { isRealAction } from '../src/rule-kit/real-action.ts';
import { defineRule } from '../src/rule-kit/rule.ts';

type Engagement = S.Charter['providers'][number];

const SCORE_NAMES = ['quality', 'timeliness', 'cost', 'communication', 'security'] as const;

/** "2026-01-12 to 2026-05-22", or "from 2026-01-12, ongoing". */
const describeEngagement = (e: Engagement) => (e.to ? `${e.from} to ${e.to}` : `from ${e.from}, ongoing`);

/** A long action quoted in a message, cut to a readable length. */
const quote = (text: string) => (text.length > 60 ? `${text.slice(0, 58).replace(/\s+\S*$/, '')}…` : text);
/** A placeholder action quoted in a message. */
const quoteAction = (text: string) => `"${quote(text)}"`;

export default defineRule({
  meta: {
    id: 'providers',
    description: 'Engaged providers are evaluated for every elapsed period; poor scores have an action.',
    appliesTo: ['charter', 'evaluations'],
    readsAcross: ['charter', 'evaluations', 'providers'],
    criteria: ['P17', 'P18', 'K25.8', 'K27.9', 'K31.1', 'K38.2'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({
      period: z.enum(['quarter', 'half', 'month']).default('quarter').describe('How often each engaged provider is evaluated: every `quarter` (`2026-Q2`), `half` year (`2026-H1`) or `month` (`2026-05`).'),
      threshold: z.number().int().min(1).max(5).default(3).describe('A score under this (1–5) needs at least one agreed action in the evaluation.'),
    }),
    docs: `A project's charter lists the external providers it engages under \`providers\`, each with the date
the engagement started (\`from\`) and, once it has, ended (\`to\`). Monitoring and reporting on those
providers (P17, P18, K38.2) means scoring each one, period by period, in
\`evaluations/<provider>-<period>.mdx\`.

**On the charter**, for every engagement, each evaluation period (option \`period\`: quarter by default)
that overlaps the engagement — from \`from\` to \`to\`, or to today while it is ongoing — and has ended
(its last day is before today) needs an evaluation of that provider for that period. A missing one is
reported at the charter's \`providers\` entry, naming the period and the file to create. An evaluation
for a shorter period inside it (a monthly one, when the cadence is quarterly) also counts; a longer one
(a half-year evaluation for a quarter) does not. A period still running is not due yet.

**On each evaluation:**

- its \`provider\` must be engaged in the project's charter — evaluate a provider in the project that
  engaged it, or add the engagement to the charter;
- its \`period\` must overlap the engagement and must have started — correct the period, or the
  engagement's dates;
- a score under \`threshold\` (default 3) needs at least one entry in \`actions\` saying what will be done
  about it, by whom and by when (K27.9: act when a provider's quality falls short); an action that
  says nothing (\`tbd\`, \`n/a\`, \`to be confirmed\`, \`-\`, \`?\`, a \`TODO\`) does not count;
- an action past its \`due\` date without a \`closed\` date is a warning: close it, or agree a new date.

Providers the catalogue does not know, and charters or evaluations that fail their schema, are left to
the \`references\` and \`schema\` rules.`,
    examples: {
      valid: [
        { title: 'a closed project with its one elapsed quarter evaluated', base: 'closed', files: {} },
        {
          title: 'monthly evaluations satisfy a quarterly cadence; the running quarter is not due',
          base: 'closed',
          files: {
            'projects/alpha/evaluations/bridgeworks-2026-q1.mdx': null,
            'projects/alpha/evaluations/bridgeworks-2026-01.mdx': '---\ntitle: Bridgeworks, January 2026\nprovider: bridgeworks\nperiod: 2026-01\nscores: { quality: 4, timeliness: 4, cost: 4, communication: 4, security: 4 }\n---\n\n## Summary\n\nMobilised on time.\n',
            'projects/alpha/evaluations/bridgeworks-2026-02.mdx': '---\ntitle: Bridgeworks, February 2026\nprovider: bridgeworks\nperiod: 2026-02\nscores: { quality: 4, timeliness: 4, cost: 4, communication: 4, security: 4 }\n---\n\n## Summary\n\nInterfaces built on plan.\n',
            'projects/alpha/evaluations/bridgeworks-2026-03.mdx': '---\ntitle: Bridgeworks, March 2026\nprovider: bridgeworks\nperiod: 2026-03\nscores: { quality: 4, timeliness: 4, cost: 4, communication: 4, security: 4 }\n---\n\n## Summary\n\nInterface testing finished.\n',
          },
        },
      ],
      invalid: [
        {
          title: 'an ongoing engagement with a quarter not evaluated',
          criteria: ['P18', 'K25.8', 'K31.1', 'K38.2'],
          base: 'closed',
          files: { 'projects/alpha/evaluations/bridgeworks-2026-q1.mdx': null },
          today: '2026-07-03',
          expect: [
            { file: 'projects/alpha/index.mdx', line: 14, column: 5, message: 'No evaluation of "bridgeworks" for 2026-Q1 (2026-01-01 to 2026-03-31), which has ended. Create projects/alpha/evaluations/bridgeworks-2026-q1.mdx with "provider: bridgeworks", "period: 2026-Q1", the five scores and any actions agreed.' },
            { file: 'projects/alpha/index.mdx', line: 14, column: 5, message: /^No evaluation of "bridgeworks" for 2026-Q2 \(2026-04-01 to 2026-06-30\), which has ended\. Create projects\/alpha\/evaluations\/bridgeworks-2026-q2\.mdx/ },
          ],
        },
        {
          title: 'a low score without an action, and an action left open past its date',
          criteria: ['P17', 'K27.9'],
          base: 'closed',
          files: {
            'projects/alpha/evaluations/bridgeworks-2026-q1.mdx': `---
title: Bridgeworks, 2026 Q1 evaluation
provider: bridgeworks
period: 2026-Q1
scores:
  quality: 2 # ^ providers:12-13 The quality score is 2, under the threshold of 3, but no action is agreed. Add an entry to "actions" (action, owner, due) saying what the provider will do to improve.
  timeliness: 3
  cost: 4
  communication: 4
  security: 5
---

## Summary

Seven interface defects reached user testing.
`,
            'projects/alpha/evaluations/bridgeworks-2026-04.mdx': `---
title: Bridgeworks, April 2026
provider: bridgeworks
period: 2026-04
scores: { quality: 3, timeliness: 3, cost: 4, communication: 4, security: 5 }
actions:
  - action: Bridgeworks adds interface contract tests to its build pipeline before the trial migration.
    owner: ana
    due: 2026-05-15 # ^ providers:10-20 [warning] The action "Bridgeworks adds interface contract tests to its build…" was due on 2026-05-15 (31 days ago) and is not closed. Add "closed:" with the date it was done, or agree a new "due" date with the provider.
---

## Summary

Fewer defects; contract tests agreed.
`,
          },
        },
        {
          title: 'a low score whose only action is "to be confirmed"',
          base: 'closed',
          files: {
            'projects/alpha/evaluations/bridgeworks-2026-q1.mdx': `---
title: Bridgeworks, 2026 Q1 evaluation
provider: bridgeworks
period: 2026-Q1
scores:
  quality: 2 # ^ providers:12-13 The quality score is 2, under the threshold of 3, but no real action is agreed ("to be confirmed" says nothing about what will be done). Replace it with what the provider will do to improve.
  timeliness: 3
  cost: 4
  communication: 4
  security: 5
actions:
  - action: to be confirmed
    owner: ana
    due: 2026-07-15
---

## Summary

Seven interface defects reached user testing.
`,
          },
        },
        {
          title: 'evaluations of a provider the project never engaged, of a period outside the engagement and of a future period',
          criteria: ['P18'],
          base: 'closed',
          files: {
            'providers/kestrel.mdx': '---\ntitle: Kestrel Data Migration\nservices: [Data migration]\ncontract: { reference: KDM-7, start: 2025-01-01 }\ncontacts:\n  - name: Lee Grant\n    role: Delivery lead\n---\n\n## Services\n\nMigrates and reconciles data.\n',
            'projects/alpha/evaluations/kestrel-2026-q1.mdx': `---
title: Kestrel, 2026 Q1 evaluation
provider: kestrel # ^ providers:11-18 "kestrel" is not engaged in this project: the charter's "providers" does not list it. Add the engagement (provider, role, from, to) to projects/alpha/index.mdx, or move the evaluation to the project that engaged it.
period: 2026-Q1
scores: { quality: 4, timeliness: 4, cost: 4, communication: 4, security: 4 }
---

## Summary

Profiled the extract.
`,
            'projects/alpha/evaluations/bridgeworks-2025-q4.mdx': `---
title: Bridgeworks, 2025 Q4 evaluation
provider: bridgeworks
period: 2025-Q4 # ^ providers:9-16 The period 2025-Q4 (2025-10-01 to 2025-12-31) is outside the engagement of "bridgeworks" in the charter (2026-01-12 to 2026-05-22). Correct "period", or the engagement's "from"/"to" in projects/alpha/index.mdx.
scores: { quality: 4, timeliness: 4, cost: 4, communication: 4, security: 4 }
---

## Summary

Pre-contract workshops.
`,
            'projects/alpha/evaluations/bridgeworks-2026-q3.mdx': `---
title: Bridgeworks, 2026 Q3 evaluation
provider: bridgeworks
period: 2026-Q3 # ^ providers:9-16 The period 2026-Q3 starts on 2026-07-01, after today (2026-06-15). Evaluate a period once it has run.
scores: { quality: 4, timeliness: 4, cost: 4, communication: 4, security: 4 }
---

## Summary

Written in advance.
`,
          },
        },
        {
          title: 'a half-yearly cadence: a quarterly evaluation covers only part of the half',
          criteria: ['P18'],
          base: 'closed',
          files: {},
          today: '2026-07-01',
          options: { period: 'half' },
          expect: [
            { file: 'projects/alpha/index.mdx', line: 14, column: 5, message: /^No evaluation of "bridgeworks" for 2026-H1 \(2026-01-01 to 2026-06-30\), which has ended\. The evaluation for 2026-Q1 covers only part of it\. Create projects\/alpha\/evaluations\/bridgeworks-2026-h1\.mdx/ },
          ],
        },
        {
          title: 'a stricter threshold',
          criteria: ['K27.9'],
          base: 'closed',
          options: { threshold: 4 },
          files: { 'projects/alpha/evaluations/bridgeworks-2026-q1.mdx': `---
title: Bridgeworks, 2026 Q1 evaluation
provider: bridgeworks
period: 2026-Q1
scores:
  quality: 4
  timeliness: 4
  cost: 4
  communication: 3 # ^ providers:18-19 The communication score is 3, under the threshold of 4, but no action is agreed. Add an entry to "actions" (action, owner, due) saying what the provider will do to improve.
  security: 5
---

## Summary

Status reports often arrived late.
` },
        },
      ],
    },
  },
  check({ record, graph, today, options, report }) {
    if (!record.data || !record.project) return;
    const project = graph.projects.get(record.project);
    if (!project) return;
    if (record.type === 'charter') checkCharter(record, project);
    if (record.type === 'evaluations') checkEvaluation(record, project);

    function checkCharter(charter: ContentRecord<S.Charter>, project: Project) {
      const evaluated = (provider: string) =>
        project.evaluations.filter((e) => e.data?.provider === provider).map((e) => parsePeriod(e.data!.period)).filter((p): p is Period => !!p);
      charter.data!.providers.forEach((engagement, i) => {
        if (!graph.providers.has(engagement.provider)) return; // `references` reports the unknown id
        const done = evaluated(engagement.provider);
        const end = engagement.to ?? today;
        const due = periodsBetween(engagement.from, end, options.period).filter((p) => p.end < today);
        for (const period of due) {
          // Shorter evaluations inside the period count when together they span its engaged months.
          const inside = done.filter((d) => within(d, period));
          const engagedMonths = periodsBetween(engagement.from > period.start ? engagement.from : period.start, end < period.end ? end : period.end, 'month');
          if (engagedMonths.every((m) => inside.some((d) => within(m, d)))) continue;
          const file = projectFile(project.id, 'evaluations', evaluationName(engagement.provider, period.label));
          const partly = inside.length ? ` The evaluation${inside.length > 1 ? 's' : ''} for ${inside.map((d) => d.label).join(', ')} cover${inside.length > 1 ? '' : 's'} only part of it.` : '';
          report({
            message: `No evaluation of "${engagement.provider}" for ${period.label} (${period.start} to ${period.end}), which has ended.${partly} Create ${file} with "provider: ${engagement.provider}", "period: ${period.label}", the five scores and any actions agreed.`,
            at: { path: ['providers', i] },
            scope: 'project',
          });
        }
      });
    }

    function checkEvaluation(evaluation: ContentRecord<S.Evaluation>, project: Project) {
      const data = evaluation.data!;
      const charter = project.charter;
      const charterFile = projectFile(project.id, 'charter');
      if (charter?.data && graph.providers.has(data.provider)) {
        const engagements = charter.data.providers.filter((e) => e.provider === data.provider);
        const period = parsePeriod(data.period);
        if (!engagements.length) {
          report({
            message: `"${data.provider}" is not engaged in this project: the charter's "providers" does not list it. Add the engagement (provider, role, from, to) to ${charterFile}, or move the evaluation to the project that engaged it.`,
            at: { path: ['provider'] },
          });
        } else if (period && period.start > today) {
          report({ message: `The period ${period.label} starts on ${period.start}, after today (${today}). Evaluate a period once it has run.`, at: { path: ['period'] } });
        } else if (period && !engagements.some((e) => overlaps(period, { start: e.from, end: e.to ?? today }))) {
          report({
            message: `The period ${period.label} (${period.start} to ${period.end}) is outside the engagement of "${data.provider}" in the charter (${engagements.map(describeEngagement).join('; ')}). Correct "period", or the engagement's "from"/"to" in ${charterFile}.`,
            at: { path: ['period'] },
          });
        }
      }
      // An action that says nothing ("tbd", "n/a", a TODO) is no action agreed.
      if (!data.actions.some((a) => isRealAction(a.action))) {
        const placeholders = data.actions.map((a) => quoteAction(a.action.trim()));
        const none = placeholders.length
          ? `but no real action is agreed (${placeholders.join(', ')} say${placeholders.length === 1 ? 's' : ''} nothing about what will be done). Replace it with what`
          : 'but no action is agreed. Add an entry to "actions" (action, owner, due) saying what';
        for (const name of SCORE_NAMES) {
          const score = data.scores[name];
          if (score >= options.threshold) continue;
          report({
            message: `The ${name} score is ${score}, under the threshold of ${options.threshold}, ${none} the provider will do to improve.`,
            at: { path: ['scores', name] },
          });
        }
      }
      data.actions.forEach((action, i) => {
        if (action.closed || action.due >= today) return;
        report({
          message: `The action "${quote(action.action)}" was due on ${action.due} (${daysBetween(action.due, today)} days ago) and is not closed. Add "closed:" with the date it was done, or agree a new "due" date with the provider.`,
          at: { path: ['actions', i, 'due'] },
          severity: 'warning',
        });
      });
    }
  },
});
