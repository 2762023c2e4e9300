// One id scheme for criteria: `<standard>:<id>` names a standard, an unqualified id means the primary
// standard (config, else the only catalogue), and with several catalogues and none primary an
// unqualified id means nothing. The graph keys criteria by qualified id, so two standards may share a
// local id; every reference (records, claims, policies, coverage maps) resolves through the one module.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { criterionLabel, findCriterion, parseCriterionRef, primaryStandardOf, qualify, resolveCriterionRef } from '../../src/model/criterion-ids.ts';
import { COVERAGE_MAP_CODE, criterionMappings, isAccounted } from '../../src/model/coverage-map.ts';
import { loadGraph, type RecordGraph } from '../../src/model/graph.ts';
import { computeCoverage, coverageOfStandard, primaryCoverage } from '../../src/rule-kit/coverage.ts';
import { EXAMPLE_CONTENT, EXAMPLE_GRAPH, RULE_BASE, ruleContentFolders } from '../helpers/content.ts';

const temp = ruleContentFolders();
const brief = (g: RecordGraph) => g.problems.map((p) => `${p.file}:${p.line}:${p.column} [${p.code}] ${p.message}`);

describe('criterion references', () => {
  it('split into standard and local id, and qualify back', () => {
    expect(parseCriterionRef('P5')).toEqual({ local: 'P5' });
    expect(parseCriterionRef('eskitp5045:K25.8')).toEqual({ standard: 'eskitp5045', local: 'K25.8' });
    expect(parseCriterionRef('sp800-53-low:ac-2.1')).toEqual({ standard: 'sp800-53-low', local: 'ac-2.1' });
    expect(qualify('sp800-53-low', 'ac-2')).toBe('sp800-53-low:ac-2');
  });

  it('take the primary standard from the config, else the only catalogue, and fail closed between several', () => {
    expect(primaryStandardOf('eskitp5045', ['eskitp5045', 'sp800-53-low'])).toEqual({ primary: 'eskitp5045' });
    expect(primaryStandardOf(undefined, ['eskitp5045'])).toEqual({ primary: 'eskitp5045' });
    expect(primaryStandardOf(undefined, [])).toEqual({});
    const several = primaryStandardOf(undefined, ['eskitp5045', 'sp800-53-low']);
    expect(several.primary).toBeUndefined();
    expect(several.problem).toBe('content/standards/ holds several standards (eskitp5045, sp800-53-low) and seam.config.yaml names no primary one, so an unqualified criterion id such as P5 means none of them. Set "standards: { primary: <id> }" in seam.config.yaml, or qualify every id (eskitp5045:P5).');
    const missing = primaryStandardOf('iso27001', ['eskitp5045', 'sp800-53-low']);
    expect(missing.primary).toBeUndefined();
    expect(missing.problem).toMatch(/^The primary standard "iso27001" \("standards.primary" in seam.config.yaml\) has no catalogue in content\/standards\/\. Known: eskitp5045, sp800-53-low\./);
  });

  it('resolve unqualified ids in the primary standard and qualified ones in theirs, naming the standard when they do not', () => {
    const keys = new Set(['eskitp5045:P5', 'sp800-53-low:ac-2', 'sp800-53-low:P5']);
    const context = { primary: 'eskitp5045', standards: ['eskitp5045', 'sp800-53-low'] };
    const exists = (k: string) => keys.has(k);
    expect(resolveCriterionRef('P5', context, exists)).toEqual({ ok: true, key: 'eskitp5045:P5', standard: 'eskitp5045', local: 'P5' });
    expect(resolveCriterionRef('sp800-53-low:P5', context, exists)).toMatchObject({ ok: true, key: 'sp800-53-low:P5' });
    // Unqualified ids of a coverage map are its own standard's.
    expect(resolveCriterionRef('ac-2', context, exists, 'sp800-53-low')).toMatchObject({ ok: true, key: 'sp800-53-low:ac-2' });
    expect(resolveCriterionRef('ac-2', context, exists)).toEqual({ ok: false, message: 'Unknown criterion "ac-2": the catalogue "eskitp5045" does not define it. Check the id against the standard.' });
    expect(resolveCriterionRef('iso:A5', context, exists)).toEqual({ ok: false, message: 'Unknown criterion "iso:A5": there is no catalogue "iso" in content/standards/. Known: eskitp5045, sp800-53-low.' });
    expect(resolveCriterionRef('P5', { standards: context.standards }, exists)).toEqual({
      ok: false,
      message: 'Unknown criterion "P5": content/standards/ holds several standards (eskitp5045, sp800-53-low) and none is primary, so an unqualified id means none of them. Qualify it (eskitp5045:P5 or sp800-53-low:P5) or set "standards.primary" in seam.config.yaml.',
    });
  });

  it('are shown by their own id in the primary standard and qualified in any other', () => {
    expect(criterionLabel({ standard: 'eskitp5045', id: 'P5' }, 'eskitp5045')).toBe('P5');
    expect(criterionLabel({ standard: 'sp800-53-low', id: 'cm-4' }, 'eskitp5045')).toBe('sp800-53-low:cm-4');
  });
});

// A second standard that shares the local id P5 with ESKITP5045, with a coverage map that marks a whole
// group not applicable with one reason.
const ACME = `title: Acme partner standard
code: ACME
publisher: Acme Group
version: "1"
approved: 2026-01
reviewBy: 2099-12
classification: public
groups:
  - id: connect
    title: Connect
  - id: operate
    title: Operate
  - id: monitor
    title: Monitor
    parent: operate
criteria:
  - id: P5
    kind: performance
    group: connect
    text: Document every partner interface in the charter
  - id: P6
    kind: performance
    group: operate
    text: Run the partner interface
    items:
      - id: P6.1
        text: within its service levels
  - id: P7
    kind: performance
    group: monitor
    text: Monitor the partner interface
`;
const ACME_MAP = `standard: acme
records:
  - type: charter
    section: Scope
    criteria: [P5]
notApplicable:
  - groups: [operate]
    reason: The partner runs and monitors the interface under its own contract.
`;
const POLICY = 'policies/integration-policy.mdx';
const policy = readFileSync(join(RULE_BASE, POLICY), 'utf8');

describe('a graph with two catalogues', () => {
  const files = { 'standards/acme.yaml': ACME, 'standards/acme.coverage.yaml': ACME_MAP };

  it('keys criteria by qualified id, so the same local id lives in both', async () => {
    const g = await loadGraph(temp(files), { primaryStandard: 'eskitp5045' });
    expect(brief(g)).toEqual([]);
    expect(g.primaryStandard).toBe('eskitp5045');
    expect(g.criteria.get('eskitp5045:P5')).toMatchObject({ id: 'P5', key: 'eskitp5045:P5', standard: 'eskitp5045', text: 'Prepare accurate budgets and plans for systems integration activities' });
    expect(g.criteria.get('acme:P5')).toMatchObject({ id: 'P5', key: 'acme:P5', standard: 'acme', text: 'Document every partner interface in the charter' });
    expect(findCriterion(g, 'P5')?.key).toBe('eskitp5045:P5');
    expect(findCriterion(g, 'acme:P5')?.key).toBe('acme:P5');
  });

  it('fails closed without a primary standard: a located problem, and every unqualified reference unknown', async () => {
    const g = await loadGraph(temp(files));
    expect(g.primaryStandard).toBeUndefined();
    expect(g.problems.filter((p) => p.code === COVERAGE_MAP_CODE).map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual(['standards/acme.yaml:1:1']);
    const unknown = g.problems.filter((p) => p.code === 'unknown-criterion' && p.file === POLICY);
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown[0]!.message).toMatch(/^Unknown criterion "P1": content\/standards\/ holds several standards \(acme, eskitp5045\) and none is primary, so an unqualified id means none of them\. Qualify it \(acme:P1 or eskitp5045:P1\)/);
  });

  it('resolves a policy\'s qualified reference to the other standard, and names the standard of one it lacks, where it is', async () => {
    const text = policy.replace(/criteria: \[([^\]]*)\]/, 'criteria: [$1, acme:P5, acme:P9]');
    const g = await loadGraph(temp({ ...files, [POLICY]: text }), { primaryStandard: 'eskitp5045' });
    const line = text.split('\n').findIndex((l) => l.startsWith('criteria:')) + 1;
    expect(brief(g)).toEqual([`${POLICY}:${line}:${text.split('\n')[line - 1]!.indexOf('acme:P9') + 1} [unknown-criterion] Unknown criterion "acme:P9": the catalogue "acme" does not define it. Check the id against the standard.`]);
  });

  it('lets a whole group (and the groups nested in it) be not applicable with one reason', async () => {
    const g = await loadGraph(temp(files), { primaryStandard: 'eskitp5045' });
    const mappings = criterionMappings(g);
    const reason = 'The partner runs and monitors the interface under its own contract.';
    for (const key of ['acme:P6', 'acme:P6.1', 'acme:P7']) expect(mappings.get(key)?.notApplicable, key).toBe(reason);
    expect(mappings.get('acme:P5')?.notApplicable).toBeUndefined();
    expect([...g.criteria.values()].filter((c) => c.standard === 'acme').every((c) => isAccounted(c, mappings))).toBe(true);
  });

  it('reports an unknown group, and a group marked not applicable that holds a mapped criterion, where they are', async () => {
    const map = ACME_MAP.replace('groups: [operate]', 'groups: [operate, connect, run]');
    const g = await loadGraph(temp({ ...files, 'standards/acme.coverage.yaml': map }), { primaryStandard: 'eskitp5045' });
    expect(brief(g).filter((p) => p.startsWith('standards/acme.coverage.yaml'))).toEqual([
      'standards/acme.coverage.yaml:7:13 [coverage-map] The groups operate, connect, run are marked not applicable, but P5 in them is mapped to records or policies. List the rest of the group\'s criteria under "criteria" instead.',
      'standards/acme.coverage.yaml:7:32 [coverage-map] No group "run" in the catalogue "acme". Known: connect, operate, monitor.',
    ]);
  });

  it('reads a coverage map\'s ids as its own standard\'s, and refuses another standard\'s criterion in it', async () => {
    const map = ACME_MAP.replace('criteria: [P5]', 'criteria: [P5, eskitp5045:P5]');
    const g = await loadGraph(temp({ ...files, 'standards/acme.coverage.yaml': map }), { primaryStandard: 'eskitp5045' });
    expect(brief(g)).toEqual(['standards/acme.coverage.yaml:5:20 [coverage-map] eskitp5045:P5 belongs to the catalogue "eskitp5045", not "acme": map it in that catalogue\'s coverage map.']);
    expect(criterionMappings(g).get('eskitp5045:P5')!.records.some((r) => r.section === 'Scope' && r.type.name === 'charter')).toBe(false);
  });
});

describe('the example\'s second standard', () => {
  it('accounts for every one of the 149 SP 800-53 LOW controls, with figures of its own', async () => {
    const g = await loadGraph(EXAMPLE_CONTENT, EXAMPLE_GRAPH);
    expect(g.problems).toEqual([]);
    expect(g.primaryStandard).toBe('eskitp5045');
    const nist = [...g.criteria.values()].filter((c) => c.standard === 'sp800-53-low');
    expect(nist).toHaveLength(149);
    const mappings = criterionMappings(g);
    expect(nist.filter((c) => !isAccounted(c, mappings)).map((c) => c.id)).toEqual([]);
    // A few controls are evidenced; the rest do not apply, each family with its reason.
    const evidenced = nist.filter((c) => mappings.get(c.key)!.notApplicable === undefined).map((c) => c.id);
    expect(evidenced).toEqual(['cm-4', 'ir-6', 'sa-9']);
    expect(mappings.get('sp800-53-low:ac-2')!.notApplicable).toMatch(/^Access control, identification, audit/);
    const coverage = coverageOfStandard(computeCoverage(g, []), 'sp800-53-low');
    expect(coverage.criteria).toHaveLength(149);
    const row = (id: string) => coverage.cells[coverage.criteria.findIndex((c) => c.id === id)]!;
    expect(row('cm-4').map((c) => c.state)).toEqual(['policy', 'policy', 'policy']);
    expect(row('sa-9').map((c) => [c.project, c.state])).toEqual([['claims-consolidation', 'not-required'], ['finance-ledger-consolidation', 'evidenced'], ['policy-admin-migration', 'evidenced']]);
    expect(coverage.projects.map((p) => [p.id, p.evidenced, p.required, p.counts['not-applicable']])).toEqual([
      ['claims-consolidation', 2, 2, 146], ['finance-ledger-consolidation', 3, 3, 146], ['policy-admin-migration', 3, 3, 146],
    ]);
    // A project's headline figure stays its coverage of the primary standard.
    expect(primaryCoverage(g, computeCoverage(g, [])).criteria.every((c) => c.standard === 'eskitp5045')).toBe(true);
  });

  it('needs the config\'s primary standard: without it the example fails closed', async () => {
    const g = await loadGraph(EXAMPLE_CONTENT);
    expect(g.primaryStandard).toBeUndefined();
    expect(g.problems.some((p) => p.code === COVERAGE_MAP_CODE && p.file === 'standards/eskitp5045.yaml' && /names no primary one/.test(p.message))).toBe(true);
  });
});
