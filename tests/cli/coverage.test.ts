// `seam coverage`: the matrix on the example content, and exactly the cells that change when a record
// is removed or broken.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CONTENT, tempContent } from '../helpers/content.ts';
import { seam } from '../helpers/cli.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface JsonCell { criterion: string; project: string; state: string; reason: string; evidence: { file: string; type: string; via: string }[]; expected?: string[] }
const cellsOf = async (args: string[], cwd?: string) => {
  const r = await seam(['coverage', '--format', 'json', ...args], cwd ? { cwd } : {});
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  return new Map<string, JsonCell>(json.cells.map((c: JsonCell) => [`${c.project} ${c.criterion}`, c]));
};

describe('seam coverage', () => {
  it('accounts for all 131 criteria in every project, each cell with its state and reason', async () => {
    const json = JSON.parse((await seam(['coverage', '--format', 'json', '--standard', 'eskitp5045'])).stdout);
    expect(json.criteria).toHaveLength(131);
    for (const p of json.projects) {
      const cells = json.cells.filter((c: JsonCell) => c.project === p.id);
      expect(cells).toHaveLength(131);
      expect(Object.values(p.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(131);
      // Nothing leaves the denominator unexplained: what is not counted says why.
      expect(p.required).toBe(131 - p.counts['not-required'] - p.counts['not-applicable']);
      expect(p.counts.unaccounted).toBe(0);
      for (const c of cells) expect(c.reason, `${c.project} ${c.criterion}`).toMatch(/\w{3,}.*\.$/);
    }
    const cell = (project: string, criterion: string) => json.cells.find((c: JsonCell) => c.project === project && c.criterion === criterion);
    expect(cell('claims-consolidation', 'K25.7')).toMatchObject({ state: 'not-applicable', reason: expect.stringContaining('code of conduct') });
    expect(cell('claims-consolidation', 'P1')).toMatchObject({ state: 'policy', reason: 'Evidenced by policy: Systems integration policy (integration-policy), for every project.', evidence: [{ file: 'content/policies/integration-policy.mdx', via: 'policy' }] });
    expect(cell('claims-consolidation', 'K32')).toMatchObject({ state: 'policy', reason: expect.stringContaining('(supplier-management-procedure)') });
    // A policy the charter follows may also claim a criterion in a section the map allows.
    expect(cell('claims-consolidation', 'K9.2')).toMatchObject({ state: 'evidenced', reason: 'Evidenced by content/policies/information-security-handling-policy.mdx.', evidence: [{ via: 'claim' }] });
    expect(cell('claims-consolidation', 'P9')).toMatchObject({ state: 'not-required', reason: 'Required from the execution phase: a status report ("Risks and issues").' });
    expect(cell('claims-consolidation', 'K40.1')).toMatchObject({ state: 'not-required', reason: 'Required from the execution phase: an engagement entry.' });
    // The criteria: what the coverage map says evidences each.
    expect(json.criteria.find((c: { id: string }) => c.id === 'P5').evidencedBy).toEqual({ records: [{ type: 'plan', from: 'planning' }], policies: [] });
    expect(json.criteria.find((c: { id: string }) => c.id === 'K25.7').evidencedBy.notApplicable).toMatch(/^Compliance with professional/);
  });

  it('shows every required criterion of the example as evidenced', async () => {
    const r = await seam(['coverage', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.projects.map((p: { id: string; phase: string }) => `${p.id}:${p.phase}`)).toEqual(['claims-consolidation:planning', 'finance-ledger-consolidation:closed', 'policy-admin-migration:execution']);
    // Both standards' criteria, each cell naming its standard.
    expect(json.cells).toHaveLength((131 + 149) * 3);
    expect(json.cells.filter((c: JsonCell & { standard: string }) => c.standard === 'sp800-53-low')).toHaveLength(149 * 3);
    expect(json.cells.filter((c: JsonCell) => c.state === 'missing' || c.state === 'failing')).toEqual([]);
    const k258 = json.cells.find((c: JsonCell) => c.project === 'policy-admin-migration' && c.criterion === 'K25.8');
    expect(k258.state).toBe('evidenced');
    expect(k258.evidence.map((e: { file: string }) => e.file)).toContain('content/projects/policy-admin-migration/evaluations/kestrel-data-migration-2026-q3.mdx');
    const planning = json.cells.find((c: JsonCell) => c.project === 'claims-consolidation' && c.criterion === 'P9');
    expect(planning.state).toBe('not-required');
  });

  it('marks exactly the sign-off criterion missing when a closed project loses its sign-off record', async () => {
    const before = await cellsOf([]);
    const dir = tempContent(EXAMPLE_CONTENT, { 'projects/finance-ledger-consolidation/signoff.mdx': null });
    made.push(dir);
    writeFileSync(join(dir, 'seam.config.yaml'), 'content: .\ntoday: 2026-11-20\nstandards:\n  primary: eskitp5045\n');
    const after = await cellsOf([], dir);
    const changed = [...after].filter(([key, cell]) => before.get(key)?.state !== cell.state).map(([key, cell]) => `${key} ${before.get(key)!.state} → ${cell.state}`);
    // K3.2 and K11.2 stay evidenced by the stakeholder register, which names the sign-off authorities.
    // K27 is evidenced when all its sub-items are, so it goes missing with K27.3.
    expect(changed).toEqual(['finance-ledger-consolidation K27 evidenced → missing', 'finance-ledger-consolidation K27.3 evidenced → missing']);
    expect(after.get('finance-ledger-consolidation K27.3')!.expected).toEqual(['signoff']);
    expect(after.get('finance-ledger-consolidation K3.2')!.evidence.map((e) => e.type)).toEqual(['stakeholders']);
  });

  it('marks a record with errors as failing, not evidenced', async () => {
    const dir = tempContent(EXAMPLE_CONTENT);
    made.push(dir);
    writeFileSync(join(dir, 'seam.config.yaml'), 'content: .\ntoday: 2026-11-20\nstandards:\n  primary: eskitp5045\n');
    const plan = join(dir, 'projects/claims-consolidation/plan.mdx');
    const { readFileSync } = await import('node:fs');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^total: \d+$/m, 'total: 1'));
    const after = await cellsOf(['--project', 'claims-consolidation'], dir);
    expect(after.get('claims-consolidation P5')!.state).toBe('failing');
    expect(after.get('claims-consolidation P3')!.state).toBe('evidenced');
    expect((await seam(['coverage', '--check'], { cwd: dir })).code).toBe(1);
    expect((await seam(['coverage', '--check'])).code).toBe(0);
  });

  it('gives each standard its own figures: the primary standard\'s are the headline, every standard\'s are listed', async () => {
    const json = JSON.parse((await seam(['coverage', '--format', 'json'])).stdout);
    const figures = (projects: { id: string; evidenced: number; required: number }[]) => projects.map((p) => `${p.id} ${p.evidenced}/${p.required}`);
    expect(json.standards.map((s: { id: string; title: string }) => `${s.id} ${s.title}`)).toEqual(['eskitp5045 ESKITP5045: Systems Integration Level 5 Role', 'sp800-53-low SP800-53-LOW: NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE']);
    expect(figures(json.standards[1].projects)).toEqual(['claims-consolidation 2/2', 'finance-ledger-consolidation 3/3', 'policy-admin-migration 3/3']);
    expect(json.projects).toEqual(json.standards[0].projects);
    const text = (await seam(['coverage'])).stdout;
    expect(text).toMatch(/^ESKITP5045: Systems Integration Level 5 Role \(eskitp5045\)\n=+\nCriteria coverage on 2026-11-20: 131 criteria × 3 projects$/m);
    expect(text).toMatch(/^SP800-53-LOW: NIST Special Publication .* \(sp800-53-low\)\n=+\nCriteria coverage on 2026-11-20: 149 criteria × 3 projects$/m);
    expect(text).toMatch(/^cm-4 +◆ +◆ +◆ {2}Analyze changes to the system/m);
    const one = (await seam(['coverage', '--standard', 'sp800-53-low'])).stdout;
    expect(one).toMatch(/^Criteria coverage on 2026-11-20: 149 criteria × 3 projects$/m);
    expect(one).not.toContain('ESKITP5045');
    const md = (await seam(['coverage', '--format', 'markdown'])).stdout;
    expect(md).toContain('### Criteria coverage of SP800-53-LOW: NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE (2026-11-20)');
    const unknown = await seam(['coverage', '--standard', 'iso27001']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no criteria catalogue "iso27001". The catalogues are: eskitp5045, sp800-53-low.');
  });

  it('prints a matrix readable at 120 columns, and Markdown for a pull request', async () => {
    const text = (await seam(['coverage'])).stdout;
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(120);
    expect(text).toMatch(/^ K25\.8 +· +● +● {2}/m);
    expect(text).toMatch(/^ K25\.7 +– +– +– {2}/m);
    expect(text).toContain('  K25.7, every project: not applicable — Compliance with professional');
    expect(text).toContain('  P9 claims-consolidation: not required yet — Required from the execution phase: a status report ("Risks and issues").');
    const md = (await seam(['coverage', '--format', 'markdown', '--kind', 'performance'])).stdout;
    expect(md).toContain('| policy-admin-migration | execution |');
    expect(md).toContain('| P1 | 📘 | 📘 | 📘 |');
    expect(md).toContain('| P5 | ✅ | ✅ | ✅ |');
    expect(md).not.toContain('| K1 |');
  });
});
