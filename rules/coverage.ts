// coverage: each project has the records its phase requires, and every `evidence:` claim is backed
// by a section with real prose. The full criteria × projects matrix is `seam coverage`.
import { z } from 'zod';
import { projectFile } from '../src/model/identity.ts';
import { quote } from '../src/model/safe-text.ts';
import { COVERAGE_MAP_CODE, criteriaOfType, criterionMappings } from '../src/model/coverage-map.ts';
import { findCriterion } from '../src/model/criterion-ids.ts';
import { recordTypeByName } from '../src/model/record-types.ts';
import { checkClaim, missingRecordTypes, type ClaimCheck } from '../src/rule-kit/coverage.ts';
import { problemsIn } from '../src/model/graph.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import { BASE_CHARTER } from './examples/charter.ts';

/** A second, small catalogue: a coverage map for it works the same way as for ESKITP5045. */
const ACME_API = `title: Acme partner API standard
code: ACME-API
publisher: Acme Group
version: "1"
approved: 2026-01
reviewBy: 2099-12
classification: public
groups:
  - id: connect
    title: Connect to the partner API
criteria:
  - id: API1
    kind: performance
    group: connect
    text: Document every partner interface in the charter
  - id: API2
    kind: knowledge
    group: connect
    text: The partner API's security requirements
  - id: API3
    kind: knowledge
    group: connect
    text: The partner API's rate limits
`;

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
    docs: `Coverage of a criterion for a project is earned, never declared. Each criteria catalogue has a
coverage map beside it (\`content/standards/<id>.coverage.yaml\`) that accounts for every criterion: the
project record types (and the sections they require) that evidence it and the phase from which a project
needs that evidence, the organisation's policies that evidence it once for every project, or the
reason it does not apply. A criterion is evidenced for a project when such a record exists and passes
all its error-level rules (or the policy does). Record types are needed from these phases:

| Phase | Records required |
| --- | --- |
| planning | charter, stakeholder register, plan |
| execution | + a status report; an evaluation of each engaged provider |
| handover | + sign-off record |
| closed | + lessons learned |

This rule reports:

- at the charter's \`phase\`, each of the charter, stakeholder register and plan that the project does not
  have, naming the criteria left without evidence; a missing status report, provider evaluation,
  sign-off or lessons record is reported by its own rule (\`status-cadence\`, \`providers\`, \`signoff\`,
  \`lessons\`), which says more about it. These project-level findings sit on the charter but do not
  make the charter itself count as failing;
- an \`evidence: [{criterion, section}]\` claim that does not count, at the claim: the coverage map does
  not let that section of this record type evidence that criterion (list it under \`claims\` in the map
  if it really does), the section is missing, still holds a placeholder (\`TODO\`, \`TBD\`, "to follow"…),
  or holds too little prose (\`claimMinWords\`, default 12). Decided within the record;
- anything wrong with a coverage map, where it is: a criterion, record type, required section or
  policy that does not exist, a policy that does not list the criterion it is mapped to, a criterion
  both evidenced and not applicable, and every criterion the map leaves unaccounted for (a catalogue
  without a map is reported on the catalogue).

\`seam coverage\` prints the whole criteria × projects matrix, each cell with its state and reason.`,
    examples: {
      valid: [
        { title: 'a planning project with its three records', files: {} },
        {
          title: 'a claim on a section the coverage map allows, backed by prose',
          files: { 'projects/alpha/index.mdx': BASE_CHARTER.replace('approach: phased\n', 'approach: phased\nevidence:\n  - criterion: K13.3\n    section: Lessons applied\n').replace('## Approach', '## Lessons applied\n\nThe data team reuses the reconciliation scripts and the cut-over checklist from the ledger migration.\n\n## Approach') },
        },
      ],
      invalid: [
        {
          title: 'a project in planning without its plan',
          criteria: ['P5'],
          files: { 'projects/alpha/plan.mdx': null },
          expect: [{ file: 'projects/alpha/index.mdx', line: 4, column: 8, message: 'A project in the planning phase needs a plan and budget (projects/alpha/plan.mdx); until it exists these criteria have no evidence: P5, P12, P15, K10, K14, K28.3, K28.5.' }],
        },
        {
          title: 'claims on unrelated sections, on a placeholder and on too little prose',
          criteria: ['P8'],
          files: { 'projects/alpha/index.mdx': BASE_CHARTER.replace('approach: phased\n', `approach: phased
evidence:
  - criterion: P17
    section: Security and integrity # ^ coverage:14-36 The evidence claim for P17 names the section "Security and integrity", but the coverage map does not let a project charter's "Security and integrity" evidence P17. No section of this record type may evidence it, or add the section to "claims" in the standard's coverage map if it really shows the work.
  - criterion: K13.3
    section: Lessons from others # ^ coverage:14-33 The evidence claim for K13.3 names the section "Lessons from others", but the coverage map does not let a project charter's "Lessons from others" evidence K13.3. Name one it does ("Lessons applied"), or add the section to "claims" in the standard's coverage map if it really shows the work.
  - criterion: K13.2
    section: Lessons applied # ^ coverage:14-29 The evidence claim for K13.2 names the section "Lessons applied", which still holds the placeholder "TBD". Write the evidence there; a claim counts only when the section shows the work.
  - criterion: K28.4
    section: Approach # ^ coverage:14-22 The evidence claim for K28.4 names the section "Approach", which holds 9 words of prose (at least 12 needed). Write the evidence there; a claim counts only when the section shows the work.
`).replace('## Approach', '## Lessons applied\n\nThe data team reuses the reconciliation scripts from the ledger migration; which checklist applies is TBD.\n\n## Approach') },
        },
        {
          title: 'a claim on a section the record does not have',
          criteria: ['P8'],
          files: { 'projects/alpha/index.mdx': BASE_CHARTER.replace('approach: phased\n', `approach: phased
evidence:
  - criterion: K13.3
    section: Lessons applied # ^ coverage:14-29 The evidence claim for K13.3 names the section "Lessons applied", which this record does not have. Add "## Lessons applied" with the evidence, or correct "section".
`) },
        },
        {
          title: 'a second standard whose coverage map names what does not exist and leaves a criterion out',
          criteria: ['P8'],
          primaryStandard: 'eskitp5045',
          files: {
            'standards/acme-api.yaml': ACME_API,
            'standards/acme-api.coverage.yaml': `standard: acme-api # ^ coverage:11-19 1 criterion of "acme-api" is accounted for nowhere: API3. Map each to the records (and phase) or policies that evidence it, or list it under "notApplicable" with the reason.
records:
  - type: charter
    section: Risks # ^ coverage:14-19 The project charter does not require the section "Risks", so a record could lack it. Name one it requires (Scope, Approach, External factors, Architecture, Security and integrity), or list the section under "claims".
    criteria: [API1, API9, eskitp5045:K1] # ^ coverage:22-26 Unknown criterion "API9": the catalogue "acme-api" does not define it. Check the id against the standard. # ^ coverage:28-41 eskitp5045:K1 belongs to the catalogue "eskitp5045", not "acme-api": map it in that catalogue's coverage map.
policies:
  - policy: security-policy # ^ coverage:13-28 No policy "security-policy" in content/policies/. Known: integration-policy.
    criteria: [API2]
  - policy: integration-policy
    criteria: [API2] # ^ coverage:16-20 The policy "integration-policy" does not list API2 in its "criteria": add it there if the policy addresses it, or map API2 elsewhere.
`,
          },
        },
        {
          title: 'a coverage map that does not fit its schema',
          criteria: ['P8'],
          primaryStandard: 'eskitp5045',
          files: {
            'standards/acme-api.yaml': ACME_API,
            'standards/acme-api.coverage.yaml': `standard: acme-api
records:
  - type: budget # ^ coverage:11-17 /^Coverage map: .*must be one of/
    criteria: [API1, API2, API3]
notApplicable:
  - criteria: [API3]
    reason: n/a # ^ coverage:13-16 /^Coverage map: .*at least 20 characters/
`,
          },
        },
      ],
    },
  },
  check({ file, record, graph, options, report }) {
    // The coverage map's own problems (and a catalogue's missing map), where they are.
    for (const p of problemsIn(graph, file)) if (p.code === COVERAGE_MAP_CODE) report({ message: p.message, at: p });
    if (!record?.data) return;
    const claims = (record.data as { evidence?: { criterion: string; section: string }[] }).evidence ?? [];
    if (claims.length) {
      const mappings = criterionMappings(graph);
      claims.forEach((claim, i) => {
        const claimed = findCriterion(graph, claim.criterion);
        if (!claimed) return; // criteria-refs reports it
        const result = checkClaim(record, claim.criterion, claim.section, mappings.get(claimed.key), options.claimMinWords);
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
