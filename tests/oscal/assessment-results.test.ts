// `seam export oscal --results`: coverage as OSCAL 1.1 assessment results, checked against the model's
// structure (the required fields of each assembly, UUIDs, the enumerations used), against the catalogue
// export (every finding targets a statement that `seam export oscal` writes) and against `seam coverage`
// (one finding per criterion per project, satisfied exactly where coverage found evidence that passed).
import { describe, expect, it } from 'vitest';
import { seam } from '../helpers/cli.ts';

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const TOKEN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

interface Finding { uuid: string; title: string; description: string; props: { name: string; ns: string; value: string }[]; target: { type: string; 'target-id': string; status: { state: string; reason?: string } }; 'related-observations'?: { 'observation-uuid': string }[] }
interface Observation { uuid: string; description: string; methods: string[]; collected: string; 'relevant-evidence'?: { href: string; description: string }[] }
interface Result { uuid: string; title: string; description: string; start: string; end?: string; props: { name: string; value: string }[]; 'reviewed-controls': { 'control-selections': { 'include-controls': { 'control-id': string }[] }[] }; observations?: Observation[]; findings: Finding[] }
interface Document { 'assessment-results': { uuid: string; metadata: Record<string, string>; 'import-ap': { href: string }; results: Result[] } }

async function results(audience = 'internal'): Promise<{ text: string; doc: Document }> {
  const run = await seam(['export', 'oscal', 'eskitp5045', '--results', '--audience', audience]);
  expect(run.code, run.stderr).toBe(0);
  return { text: run.stdout, doc: JSON.parse(run.stdout) as Document };
}

describe('seam export oscal --results', () => {
  it('is structurally valid OSCAL assessment results, with unique version-4 UUIDs', async () => {
    const { doc } = await results();
    const ar = doc['assessment-results'];
    expect(ar.uuid).toMatch(UUID4);
    expect(ar.metadata).toMatchObject({ 'oscal-version': '1.1.2' });
    for (const field of ['title', 'last-modified', 'version']) expect(ar.metadata[field], field).toBeTruthy();
    expect(ar.metadata['last-modified']).toMatch(DATETIME);
    expect(ar['import-ap'].href).toBe('content/standards/eskitp5045.coverage.yaml');
    expect(ar.results.length).toBeGreaterThanOrEqual(1);
    const uuids = [ar.uuid];
    for (const result of ar.results) {
      uuids.push(result.uuid);
      expect(result.title && result.description).toBeTruthy();
      expect(result.start).toMatch(DATETIME);
      expect(result['reviewed-controls']['control-selections'][0]!['include-controls'].length).toBeGreaterThan(0);
      const observations = new Set((result.observations ?? []).map((o) => o.uuid));
      for (const o of result.observations ?? []) {
        uuids.push(o.uuid);
        expect(o.description).toBeTruthy();
        expect(o.methods).toEqual(['EXAMINE']);
        expect(o.collected).toMatch(DATETIME);
      }
      for (const f of result.findings) {
        uuids.push(f.uuid);
        expect(f.title && f.description).toBeTruthy();
        expect(['statement-id', 'objective-id']).toContain(f.target.type);
        expect(['satisfied', 'not-satisfied']).toContain(f.target.status.state);
        expect(['pass', 'fail', 'other']).toContain(f.target.status.reason);
        for (const p of f.props) expect(p.name).toMatch(TOKEN);
        for (const r of f['related-observations'] ?? []) expect(observations.has(r['observation-uuid'])).toBe(true);
      }
    }
    for (const uuid of uuids) expect(uuid).toMatch(UUID4);
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('has one finding per criterion per project, each targeting a statement of the exported catalogue', async () => {
    const { doc } = await results();
    const catalog = JSON.parse((await seam(['export', 'oscal', 'eskitp5045'])).stdout) as { catalog: unknown };
    const statements = new Set<string>();
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const o = node as { name?: string; id?: string };
        if (o.name === 'statement' && o.id) statements.add(o.id);
        Object.values(node).forEach(walk);
      }
    };
    walk(catalog.catalog);
    const coverage = JSON.parse((await seam(['coverage', '--format', 'json', '--standard', 'eskitp5045'])).stdout) as { projects: { id: string }[]; criteria: { id: string }[]; cells: { criterion: string; project: string; state: string }[] };
    const stateOf = new Map(coverage.cells.map((c) => [`${c.criterion} ${c.project}`, c.state]));
    const { results: list } = doc['assessment-results'];
    expect(list.map((r) => r.props.find((p) => p.name === 'project')?.value)).toEqual(coverage.projects.map((p) => p.id));
    for (const result of list) {
      const project = result.props.find((p) => p.name === 'project')!.value;
      expect(result.findings).toHaveLength(coverage.criteria.length);
      for (const [i, f] of result.findings.entries()) {
        const criterion = coverage.criteria[i]!;
        expect(f.target['target-id']).toBe(`${criterion.id}_smt`);
        expect(statements.has(f.target['target-id']), f.target['target-id']).toBe(true);
        const state = stateOf.get(`${criterion.id} ${project}`);
        expect(f.props).toContainEqual({ name: 'coverage-state', ns: 'urn:seam:coverage', value: state });
        expect(f.target.status.state).toBe(state === 'evidenced' || state === 'policy' ? 'satisfied' : 'not-satisfied');
      }
    }
  });

  it('is byte-identical run after run, and names no file above the audience', async () => {
    const first = await results('internal');
    const second = await results('internal');
    expect(second.text).toBe(first.text);
    expect(first.text).not.toContain('policy-admin-migration/plan.mdx');
    expect(first.text).not.toContain('status/2026-09-30.mdx');
    const everything = await results('confidential');
    expect(everything.text).toContain('policy-admin-migration/plan.mdx');
  });

  it('says so when the audience may read no project, rather than write an invalid document', async () => {
    const run = await seam(['export', 'oscal', 'eskitp5045', '--results', '--audience', 'public']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/\nseam: There is no project the public audience may read, so there are no results to export\. Choose a wider audience with --audience\.\n$/);
  });
});
