// Criteria coverage on a small graph (the rule examples' base: project alpha, in planning, with its
// charter, stakeholder register and plan, following the integration policy): which cells are evidenced,
// failing, missing or not required yet, and when an `evidence:` claim counts.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/model/graph.ts';
import { checkClaim, computeCoverage, missingRecordTypes } from '../../src/rule-kit/coverage.ts';
import type { Coverage } from '../../src/rule-kit/coverage.ts';
import type { Finding } from '../../src/rule-kit/finding.ts';
import { RULE_BASE, tempContent } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const CHARTER = 'projects/alpha/index.mdx';
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
  it('evidences what the project\'s clean records evidence by their type, the policies it follows included', async () => {
    const coverage = computeCoverage(await graphWith(), []);
    expect(coverage.projects.map((p) => p.id)).toEqual(['alpha']);
    expect(cell(coverage, 'P7')).toMatchObject({ state: 'evidenced', evidence: [{ file: CHARTER, type: 'charter', via: 'type', failing: false }] });
    expect(cell(coverage, 'P5').evidence.map((e) => e.file)).toEqual(['projects/alpha/plan.mdx']);
    expect(cell(coverage, 'P1')).toMatchObject({ state: 'evidenced', evidence: [{ file: 'policies/integration-policy.mdx', type: 'policies' }] });
  });

  it('marks criteria of record types needed only in a later phase "not required", and "missing" once the phase needs them', async () => {
    const planning = computeCoverage(await graphWith(), []);
    expect(cell(planning, 'P9')).toMatchObject({ state: 'not-required', evidence: [], expected: ['status'] });
    const execution = computeCoverage(await graphWith({ [CHARTER]: baseCharter.replace('phase: planning', 'phase: execution') }), []);
    expect(cell(execution, 'P9')).toMatchObject({ state: 'missing', evidence: [], expected: ['status'] });
    expect(execution.projects[0]).toMatchObject({ phase: 'execution' });
    expect(execution.projects[0].required).toBeGreaterThan(planning.projects[0].required);
  });

  it('fails a criterion whose only record has errors; warnings and project-wide findings on it do not count', async () => {
    const graph = await graphWith();
    expect(cell(computeCoverage(graph, [error('projects/alpha/plan.mdx')]), 'P5')).toMatchObject({ state: 'failing', evidence: [{ failing: true }] });
    expect(cell(computeCoverage(graph, [error('projects/alpha/plan.mdx', { severity: 'warning' })]), 'P5').state).toBe('evidenced');
    expect(cell(computeCoverage(graph, [error(CHARTER, { scope: 'project' })]), 'P7').state).toBe('evidenced');
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
    expect(cell(computeCoverage(graph, [error('projects/alpha/stakeholders.mdx')]), 'K11').state).not.toBe('evidenced');
  });

  it('counts an evidence claim only when its section exists and holds real prose', async () => {
    const claim = (criterion: string, section: string) => `  - criterion: ${criterion}\n    section: ${section}\n`;
    const charter = baseCharter
      .replace('approach: phased\n', `approach: phased\nevidence:\n${claim('P13', 'Stakeholder reviews')}${claim('P17', 'Scope')}${claim('P18', 'Lessons')}`)
      .replace('## Approach', `## Stakeholder reviews\n\n${PROSE}\n\n## Approach`);
    const coverage = computeCoverage(await graphWith({ [CHARTER]: charter }), []);
    expect(cell(coverage, 'P13')).toMatchObject({ state: 'evidenced', evidence: [{ file: CHARTER, via: 'claim', section: 'Stakeholder reviews' }] });
    expect(cell(coverage, 'P17').evidence).toEqual([]); // "Scope" holds one short sentence
    expect(cell(coverage, 'P18').evidence).toEqual([]); // no such heading
  });
});

describe('checkClaim', () => {
  it('says why a claim does not count: no such section, or too little prose in it', async () => {
    const graph = await graphWith({ [CHARTER]: baseCharter.replace('## Approach', `## Stakeholder reviews\n\n${PROSE}\n\n## Approach`) });
    const charter = graph.byFile.get(CHARTER)!;
    expect(checkClaim(charter, 'stakeholder reviews')).toEqual({ ok: true });
    expect(checkClaim(charter, 'Budget')).toEqual({ ok: false, reason: 'no-section' });
    expect(checkClaim(charter, 'Scope')).toEqual({ ok: false, reason: 'no-prose', words: 7 });
  });
});

describe('missingRecordTypes', () => {
  it('lists the record types the project\'s phase needs that it lacks', async () => {
    expect(missingRecordTypes((await graphWith()).projects.get('alpha')!)).toEqual([]);
    const graph = await graphWith({ [CHARTER]: baseCharter.replace('phase: planning', 'phase: execution'), 'projects/alpha/plan.mdx': null });
    expect(missingRecordTypes(graph.projects.get('alpha')!).map((t) => t.name)).toEqual(['plan', 'status']);
  });
});
