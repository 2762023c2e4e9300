// Criteria coverage on a small graph (the rule examples' base: project alpha, in planning, with its
// charter, stakeholder register and plan, following the integration policy, and the base's coverage
// map): which cells are evidenced, evidenced by policy, failing, missing, not required yet or not
// applicable, each with its reason, and when an `evidence:` claim counts.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/model/graph.ts';
import { criterionMappings } from '../../src/model/coverage-map.ts';
import { checkClaim, computeCoverage, missingRecordTypes } from '../../src/rule-kit/coverage.ts';
import type { Coverage } from '../../src/rule-kit/coverage.ts';
import type { Finding } from '../../src/rule-kit/finding.ts';
import { RULE_BASE, tempContent } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const CHARTER = 'projects/alpha/index.mdx';
const MAP = 'standards/eskitp5045.coverage.yaml';
const baseCharter = readFileSync(join(RULE_BASE, CHARTER), 'utf8');
const PROSE = 'Each stakeholder is named in the register with the decisions they take, and the sponsor reviews the list monthly.';

async function graphWith(files: Record<string, string | null> = {}) {
  const root = tempContent(RULE_BASE, files);
  made.push(root);
  return loadGraph(root);
}

const cell = (coverage: Coverage, criterion: string) => coverage.cells[coverage.criteria.findIndex((c) => c.id === criterion)][0];
const error = (file: string, extra: Partial<Finding> = {}): Finding => ({ ruleId: 'schema', severity: 'error', file, line: 1, column: 1, message: 'Broken.', ...extra });

describe('computeCoverage', () => {
  it('evidences what the coverage map says the project\'s clean records evidence, and what policies evidence for every project', async () => {
    const coverage = computeCoverage(await graphWith(), []);
    expect(coverage.projects.map((p) => p.id)).toEqual(['alpha']);
    expect(cell(coverage, 'P7')).toMatchObject({ state: 'evidenced', evidence: [{ file: CHARTER, type: 'charter', via: 'type', failing: false }] });
    expect(cell(coverage, 'K15')).toMatchObject({ state: 'evidenced', evidence: [{ file: CHARTER, via: 'type', section: 'Security and integrity' }] });
    expect(cell(coverage, 'P5').evidence.map((e) => e.file)).toEqual(['projects/alpha/plan.mdx']);
    expect(cell(coverage, 'P1')).toMatchObject({ state: 'policy', evidence: [{ file: 'policies/integration-policy.mdx', type: 'policies', via: 'policy' }] });
    expect(cell(coverage, 'P1').reason).toBe('Evidenced by policy: Integration policy (integration-policy), for every project.');
  });

  it('marks criteria needed only in a later phase "not required" with the phase, and "missing" once the phase needs them', async () => {
    const planning = computeCoverage(await graphWith(), []);
    expect(cell(planning, 'P9')).toMatchObject({ state: 'not-required', evidence: [], expected: ['status'], reason: 'Required from the execution phase: a status report ("Risks and issues").' });
    const execution = computeCoverage(await graphWith({ [CHARTER]: baseCharter.replace('phase: planning', 'phase: execution') }), []);
    expect(cell(execution, 'P9')).toMatchObject({ state: 'missing', evidence: [], expected: ['status'], reason: 'The execution phase needs it from a status report ("Risks and issues"), which the project does not have.' });
    expect(execution.projects[0]).toMatchObject({ phase: 'execution' });
    expect(execution.projects[0].required).toBeGreaterThan(planning.projects[0].required);
  });

  it('accounts for every criterion in every project: the counts add up to the catalogue, with a reason for each cell', async () => {
    const coverage = computeCoverage(await graphWith(), []);
    const [alpha] = coverage.projects;
    expect(Object.values(alpha!.counts).reduce((a, b) => a + b, 0)).toBe(131);
    expect(alpha!.counts.unaccounted).toBe(0);
    expect(alpha!.required).toBe(131 - alpha!.counts['not-required'] - alpha!.counts['not-applicable']);
    expect(alpha!.evidenced).toBe(alpha!.counts.evidenced + alpha!.counts.policy);
    for (const row of coverage.cells) expect(row[0]!.reason.length).toBeGreaterThan(10);
    expect(cell(coverage, 'K25.7')).toMatchObject({ state: 'not-applicable', reason: expect.stringMatching(/^Compliance with professional and ethical standards/) });
  });

  it('shows a criterion the map leaves out as accounted for nowhere, counted as a gap', async () => {
    const map = readFileSync(join(RULE_BASE, MAP), 'utf8').replace('criteria: [K25.7]', 'criteria: [K33.1]').replace('criteria: [P19, K33.1, K33.4, K37]', 'criteria: [P19, K33.4, K37]');
    const coverage = computeCoverage(await graphWith({ [MAP]: map }), []);
    expect(cell(coverage, 'K25.7')).toMatchObject({ state: 'unaccounted', reason: 'standards/eskitp5045.coverage.yaml does not say what evidences it.' });
    // The parent K25 takes its state from its sub-items.
    expect(cell(coverage, 'K25')).toMatchObject({ state: 'unaccounted', reason: expect.stringContaining('K25.7 accounted for nowhere') });
    expect(coverage.projects[0]!.counts.unaccounted).toBe(2);
    const without = computeCoverage(await graphWith({ [MAP]: null }), []);
    expect(without.projects[0]!.counts.unaccounted).toBe(131);
    expect(cell(without, 'P1').reason).toBe('Its standard "eskitp5045" has no coverage map.');
  });

  it('fails a criterion whose only record has errors; warnings and project-wide findings on it do not count', async () => {
    const graph = await graphWith();
    expect(cell(computeCoverage(graph, [error('projects/alpha/plan.mdx')]), 'P5')).toMatchObject({ state: 'failing', evidence: [{ failing: true }] });
    expect(cell(computeCoverage(graph, [error('projects/alpha/plan.mdx', { severity: 'warning' })]), 'P5').state).toBe('evidenced');
    expect(cell(computeCoverage(graph, [error(CHARTER, { scope: 'project' })]), 'P7').state).toBe('evidenced');
    expect(cell(computeCoverage(graph, [error('policies/integration-policy.mdx')]), 'P1')).toMatchObject({ state: 'failing', evidence: [{ via: 'policy', failing: true }] });
  });

  // Issue 13: an empty `lessonsApplied` is not evidence of applying lessons (P6).
  it('counts P6 from a charter only when it cites lessons or says why none applies', async () => {
    expect(cell(computeCoverage(await graphWith(), []), 'P6')).toMatchObject({ state: 'missing', evidence: [], expected: ['charter'] });
    const reason = baseCharter.replace('approach: phased\n', 'approach: phased\nlessonsNotApplicable: Acme has run no earlier billing migration to learn from.\n');
    expect(cell(computeCoverage(await graphWith({ [CHARTER]: reason }), []), 'P6')).toMatchObject({ state: 'evidenced', evidence: [{ file: CHARTER, via: 'type' }] });
    const cited = baseCharter.replace('approach: phased\n', 'approach: phased\nlessonsApplied:\n  - project: omega\n    lesson: freeze\n    how: Reference data is frozen before mapping.\n');
    expect(cell(computeCoverage(await graphWith({ [CHARTER]: cited }), []), 'P6').state).toBe('evidenced');
    expect(cell(computeCoverage(await graphWith({ [CHARTER]: baseCharter.replace('approach: phased\n', 'approach: phased\nlessonsApplied: []\n') }), []), 'P6').state).toBe('missing');
  });

  it('matches findings to records through the display path the findings use', async () => {
    const coverage = computeCoverage(await graphWith(), [error('content/projects/alpha/plan.mdx')], (file) => `content/${file}`);
    expect(cell(coverage, 'P5').state).toBe('failing');
  });

  it('evidences a parent criterion when every one of its sub-items is evidenced', async () => {
    // K11.1–K11.3 come from the stakeholder register, K11.4 and K11.5 from the charter.
    const graph = await graphWith();
    expect(cell(computeCoverage(graph, []), 'K11')).toMatchObject({ state: 'evidenced' });
    expect(cell(computeCoverage(graph, []), 'K11').evidence.map((e) => e.file).sort()).toEqual([CHARTER, CHARTER, 'projects/alpha/stakeholders.mdx', 'projects/alpha/stakeholders.mdx', 'projects/alpha/stakeholders.mdx']);
    expect(cell(computeCoverage(graph, [error('projects/alpha/stakeholders.mdx')]), 'K11').state).toBe('failing');
  });

  it('counts an evidence claim only on a section the map allows for that criterion, when it holds real prose', async () => {
    const claim = (criterion: string, section: string) => `  - criterion: ${criterion}\n    section: ${section}\n`;
    const charter = baseCharter
      .replace('approach: phased\n', `approach: phased\nevidence:\n${claim('K13.3', 'Lessons applied')}${claim('P13', 'Lessons applied')}${claim('P6', 'Scope')}`)
      .replace('## Approach', `## Lessons applied\n\n${PROSE}\n\n## Approach`);
    const coverage = computeCoverage(await graphWith({ [CHARTER]: charter }), []);
    // Claimed in "Lessons applied", which the map allows for K13.3 (evidenced before lessons are due) …
    expect(cell(coverage, 'K13.3')).toMatchObject({ state: 'evidenced', evidence: [{ file: CHARTER, type: 'charter', via: 'claim', section: 'Lessons applied', failing: false }] });
    // … but not for P13, an unrelated criterion: the claim does not count, whatever prose the section holds.
    expect(cell(coverage, 'P13')).toMatchObject({ state: 'not-required', evidence: [] });
    // Nor does a claim on a section the map names for other criteria.
    expect(cell(coverage, 'P6').evidence.filter((e) => e.via === 'claim')).toEqual([]);
  });
});

describe('checkClaim', () => {
  it('says why a claim does not count: not a section the map allows, no such section, a placeholder, or too little prose', async () => {
    const graph = await graphWith({
      [CHARTER]: baseCharter.replace('## Approach', `## Lessons applied\n\n${PROSE}\n\n## Approach`),
      'projects/alpha/plan.mdx': null,
    });
    const mappings = criterionMappings(graph);
    const charter = graph.byFile.get(CHARTER)!;
    expect(checkClaim(charter, 'K13.3', 'lessons applied', mappings.get('eskitp5045:K13.3'))).toEqual({ ok: true });
    // Any twelve words used to do; a section the map does not name for the criterion never does.
    expect(checkClaim(charter, 'P17', 'Lessons applied', mappings.get('eskitp5045:P17'))).toEqual({ ok: false, reason: 'not-mapped', sections: [] });
    expect(checkClaim(charter, 'K4', 'Lessons applied', mappings.get('eskitp5045:K4'))).toEqual({ ok: false, reason: 'not-mapped', sections: ['Scope'] });
    expect(checkClaim(charter, 'K4', 'Scope', mappings.get('eskitp5045:K4'))).toEqual({ ok: false, reason: 'no-prose', words: 7 });
    const noSection = await graphWith();
    expect(checkClaim(noSection.byFile.get(CHARTER)!, 'K13.3', 'Lessons applied', mappings.get('eskitp5045:K13.3'))).toEqual({ ok: false, reason: 'no-section' });
    const placeholder = await graphWith({ [CHARTER]: baseCharter.replace('## Approach', `## Lessons applied\n\n${PROSE} Details to follow.\n\n## Approach`) });
    expect(checkClaim(placeholder.byFile.get(CHARTER)!, 'K13.3', 'Lessons applied', mappings.get('eskitp5045:K13.3'))).toEqual({ ok: false, reason: 'placeholder', text: 'to follow' });
  });
});

describe('missingRecordTypes', () => {
  it('lists the record types the project\'s phase needs that it lacks', async () => {
    expect(missingRecordTypes((await graphWith()).projects.get('alpha')!)).toEqual([]);
    const graph = await graphWith({ [CHARTER]: baseCharter.replace('phase: planning', 'phase: execution'), 'projects/alpha/plan.mdx': null });
    expect(missingRecordTypes(graph.projects.get('alpha')!).map((t) => t.name)).toEqual(['plan', 'status', 'engagement']);
  });
});
