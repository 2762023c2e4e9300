// The ESKITP5045 catalogue as data: every criterion of the standard, verbatim, with kind and function.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/model/graph.ts';
import { EXAMPLE_CONTENT, EXAMPLE_GRAPH, REPO } from '../helpers/content.ts';

const graph = await loadGraph(EXAMPLE_CONTENT, EXAMPLE_GRAPH);
const standard = graph.standards.find((s) => s.id === 'eskitp5045')!;
// The graph keys criteria by qualified id (`eskitp5045:P5`); this file is about ESKITP5045's own ids.
const criteria = new Map([...graph.criteria.values()].filter((c) => c.standard === 'eskitp5045').map((c) => [c.id, c]));
const source = readFileSync(join(REPO, 'tests/fixtures/ESKITP5045.txt'), 'utf8');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('ESKITP5045 catalogue', () => {
  it('has all 131 criteria: P1–P20, K1–K40 and 71 sub-items', () => {
    const ids = [...criteria.keys()];
    expect(ids).toHaveLength(131);
    const expectedTop = [...Array.from({ length: 20 }, (_, i) => `P${i + 1}`), ...Array.from({ length: 40 }, (_, i) => `K${i + 1}`)];
    expect(ids.filter((id) => !id.includes('.'))).toEqual(expectedTop);
    expect(ids.filter((id) => id.includes('.'))).toHaveLength(71);
    expect(ids).toContain('K3.1');
    expect(ids).toContain('K25.8');
    expect(ids).toContain('K40.2');
  });

  it('gives each criterion its kind and one of the three functions', () => {
    expect(standard.data!.groups.map((g) => g.title)).toEqual([
      'Plan and prepare for systems integration',
      'Manage systems integration activities',
      'Manage relationships during system integration activities',
    ]);
    const [plan, manage, relate] = standard.data!.groups.map((g) => g.id);
    const at = (id: string) => criteria.get(id)!;
    expect(at('P1')).toMatchObject({ kind: 'performance', group: plan });
    expect(at('P7')).toMatchObject({ kind: 'performance', group: manage });
    expect(at('P20')).toMatchObject({ kind: 'performance', group: relate });
    expect(at('K14')).toMatchObject({ kind: 'knowledge', group: plan });
    expect(at('K29')).toMatchObject({ kind: 'knowledge', group: manage });
    expect(at('K30.2')).toMatchObject({ kind: 'knowledge', group: relate, parent: 'K30' });
    expect([...criteria.values()].filter((c) => c.kind === 'performance')).toHaveLength(20);
  });

  it('keeps every text verbatim, including the two the source wraps across lines', () => {
    // The source bullets each criterion as "- ID text"; two wrap onto a new bullet (one past a heading).
    const flat = squash(source.replace(/^You (need to know and understand|must be able to):$/gm, '').replace(/^\s*- /gm, ''));
    for (const c of criteria.values()) expect(flat, c.id).toContain(`${c.id} ${c.text}`);
    expect(criteria.get('K27.9')!.text).toBe('in the event of external providers not providing the appropriate quality of systems integration services');
    expect(criteria.get('K37')!.text).toBe('present the results gained from monitoring systems integration activities across individual organisations and across all organisations that may be impacted by them');
    expect(criteria.get('P6')!.text).toBe('Apply best practice and lessons learned to system integration activities.');
  });

  it('records the standard\'s metadata', () => {
    expect(standard.data).toMatchObject({
      code: 'ESKITP5045', title: 'Systems Integration Level 5 Role', urn: '5045', version: '1', approved: '2009-09', reviewBy: '2014-03',
      publisher: 'e-skills UK', originatingOrganisation: 'e-skills UK', suite: 'IT and Telecoms',
      occupations: ['Information and Communication Technology', 'Systems Support'], keywords: ['Hardware', 'Software', 'Networking'],
    });
  });

  it('is what scripts/import-nos.ts produces from the source text', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = join(mkdtempSync(join(tmpdir(), 'seam-nos-')), 'eskitp5045.yaml');
    execFileSync(process.execPath, [join(REPO, 'scripts/import-nos.ts'), join(REPO, 'tests/fixtures/ESKITP5045.txt'), out]);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(EXAMPLE_CONTENT, 'standards/eskitp5045.yaml'), 'utf8'));
  });
});

describe('the example organisation', () => {
  it('loads with zero problems', () => {
    expect(graph.problems).toEqual([]);
  });

  it('has every record type and the scenario the handbook describes', () => {
    for (const type of ['standards', 'policies', 'organisations', 'systems', 'providers', 'docs', 'charter', 'stakeholders', 'plan', 'status', 'evaluations', 'changes', 'signoff', 'lessons']) {
      expect(graph.byType.get(type)?.length ?? 0, type).toBeGreaterThan(0);
    }
    expect(graph.systems.size).toBeGreaterThanOrEqual(12);
    expect(graph.policies.size).toBeGreaterThanOrEqual(6);
    expect(graph.providers.size).toBe(3);
    const phases = [...graph.projects.values()].map((p) => p.charter?.data?.phase).sort();
    expect(phases).toEqual(['closed', 'execution', 'planning']);
    const kinds = new Set([...graph.organisations.values()].map((o) => o.data!.kind));
    for (const k of ['acquirer', 'target', 'partner', 'regulator']) expect(kinds).toContain(k);
    for (const project of graph.projects.values()) expect(project.charter!.source.body).toContain('```mermaid');
  });
});
