// coverage: each project has the records its phase requires, and every `evidence:` claim is backed
// by a section with real prose. The full criteria × projects matrix is `seam coverage`.
import { z } from 'zod';
import { projectFile } from '../src/model/identity.ts';
import { quote } from '../src/model/safe-text.ts';
import { COVERAGE_MAP_CODE, criteriaOfType, criterionMappings } from '../src/model/coverage-map.ts';
import { recordTypeByName } from '../src/model/record-types.ts';
import { checkClaim, missingRecordTypes, type ClaimCheck } from '../src/rule-kit/coverage.ts';
import { defineRule } from '../src/rule-kit/rule.ts';

export default defineRule({
  meta: {
    id: 'coverage',
    description: 'Each project has the records its phase requires, and evidence claims are backed by prose.',
    // Every file: records' claims, the charter's missing records, and the coverage map itself (no record).
    appliesTo: '*',
    // The charter's check reads which records the project has; every check reads the coverage map.
    readsAcross: '*',
    criteria: ['P5', 'P8'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({
      claimMinWords: z.number().int().positive().default(12).describe('Fewest words of prose the section named by an `evidence:` claim must hold.'),
    }),
    docs: `Coverage of a criterion for a project means: a record that evidences it exists, passes all its
error-level rules, and the project's phase requires it. Which record type evidences which criteria, and
from which phase a project needs it, is data (the author's handbook lists both per record type):

| Phase | Records required |
| --- | --- |
| planning | charter, stakeholder register, plan |
| execution | + a status report; an evaluation of each engaged provider |
| handover | + sign-off record |
| closed | + lessons learned |

This rule reports, at the charter's \`phase\`, each of the charter, stakeholder register and plan that the
project does not have, naming the criteria left without evidence; a missing status report, provider
evaluation, sign-off or lessons record is reported by its own rule (\`status-cadence\`, \`providers\`,
\`signoff\`, \`lessons\`), which says more about it. These project-level findings sit on the charter but
do not make the charter itself count as failing. A record may claim more criteria with
\`evidence: [{criterion, section}]\`; the claim counts only when that heading exists in the record and
holds real prose (\`claimMinWords\`, default 12) — a claim on an empty or missing section is reported at
the claim. Evidence is checked, never merely declared.

\`seam coverage\` prints the whole criteria × projects matrix; records that fail error-level rules show
there as failing.`,
    examples: {
      valid: [
        { title: 'a planning project with its three records', files: {} },
        {
          title: 'a claim backed by prose',
          files: { 'policies/integration-policy.mdx': '---\ntitle: Integration policy\nkind: policy\nowner: Head of Integration\nversion: "1.0"\napproved: 2026-01-10\napprover: CIO\nreviewBy: 2027-01-10\nevidence:\n  - criterion: K9.2\n    section: Regulatory alignment\n---\n\n## Purpose\n\nSets the rules.\n\n## Scope\n\nAll projects.\n\n## Regulatory alignment\n\nEvery project lists the regulations it must meet in its charter and reports compliance against each in every status report.\n' },
        },
      ],
      invalid: [
        {
          title: 'a project in planning without its plan',
          files: { 'projects/alpha/plan.mdx': null },
          expect: [{ file: 'projects/alpha/index.mdx', line: 4, column: 8, message: 'A project in the planning phase needs a plan and budget (projects/alpha/plan.mdx); until it exists these criteria have no evidence: P5, P12, P15, K10, K14, K28.3, K28.5.' }],
        },
        {
          title: 'a claim on a missing section and on an empty one',
          files: { 'policies/integration-policy.mdx': `---
title: Integration policy
kind: policy
owner: Head of Integration
version: "1.0"
approved: 2026-01-10
approver: CIO
reviewBy: 2027-01-10
evidence:
  - criterion: K9.2
    section: Regulatory alignment # ^ coverage:14-34 The evidence claim for K9.2 names the section "Regulatory alignment", which this record does not have. Add "## Regulatory alignment" with the evidence, or correct "section".
  - criterion: K16
    section: Architecture updates # ^ coverage:14-34 The evidence claim for K16 names the section "Architecture updates", which holds 2 words of prose (at least 12 needed). Write the evidence there; a claim counts only when the section shows the work.
---

## Purpose

Sets the rules.

## Scope

All projects.

## Architecture updates

To follow.
` },
        },
      ],
    },
  },
  check({ file, record, graph, options, report }) {
    // The coverage map's own problems (and a catalogue's missing map), where they are.
    for (const p of graph.problems) if (p.file === file && p.code === COVERAGE_MAP_CODE) report({ message: p.message, at: p });
    if (!record?.data) return;
    const claims = (record.data as { evidence?: { criterion: string; section: string }[] }).evidence ?? [];
    if (claims.length) {
      const mappings = criterionMappings(graph);
      claims.forEach((claim, i) => {
        const result = checkClaim(record, claim.criterion, claim.section, mappings.get(claim.criterion), options.claimMinWords);
        if (result.ok) return;
        report({ message: claimMessage(claim, result, record.type, options.claimMinWords), at: { path: ['evidence', i, 'section'] } });
      });
    }
    if (record.type !== 'charter') return;
    const project = graph.projects.get(record.project!);
    if (!project) return;
    const { phase } = record.data as { phase: string };
    // Status reports, evaluations, sign-off and lessons have dedicated rules that say more; skip them here.
    for (const type of missingRecordTypes(project).filter((t) => !t.enforcedBy)) {
      const where = projectFile(project.id, type.name);
      report({ message: `A project in the ${phase} phase needs a ${type.label} (${where}); until it exists these criteria have no evidence: ${criteriaOfType(type.name, graph).join(', ')}.`, at: { path: ['phase'] }, scope: 'project' });
    }
  },
});

function claimMessage(claim: { criterion: string; section: string }, result: Exclude<ClaimCheck, { ok: true }>, type: string, minWords: number): string {
  const head = `The evidence claim for ${claim.criterion} names the section ${quote(claim.section)}`;
  switch (result.reason) {
    case 'not-mapped':
      return `${head}, but the coverage map does not let a ${recordTypeByName.get(type)?.label ?? type}'s ${quote(claim.section)} evidence ${claim.criterion}. ${result.sections.length ? `Name one it does (${result.sections.map((s) => quote(s)).join(', ')})` : 'No section of this record type may evidence it'}, or add the section to "claims" in the standard's coverage map if it really shows the work.`;
    case 'no-section':
      return `${head}, which this record does not have. Add "## ${claim.section}" with the evidence, or correct "section".`;
    case 'placeholder':
      return `${head}, which still holds the placeholder ${quote(result.text)}. Write the evidence there; a claim counts only when the section shows the work.`;
    default:
      return `${head}, which holds ${result.words} word${result.words === 1 ? '' : 's'} of prose (at least ${minWords} needed). Write the evidence there; a claim counts only when the section shows the work.`;
  }
}
