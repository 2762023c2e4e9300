// Interface contracts as evidence: in the example organisation, K26.1, K27.2 and K29 are evidenced by
// each project's charter through the interface-contracts rule, and a project past planning whose scope
// holds an interface without a contract fails them, in `seam coverage` as in `seam lint`.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CONTENT, tempContent } from '../helpers/content.ts';
import { seam } from '../helpers/cli.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const CRITERIA = ['K26.1', 'K27.2', 'K29'];
type Cells = { criterion: string; project: string; state: string; evidence: { type: string; section?: string }[] }[];

async function coverage(content: string) {
  const r = await seam(['coverage', '--format', 'json', '--content', content, '--today', '2026-11-20']);
  return (JSON.parse(r.stdout) as { cells: Cells }).cells.filter((c) => CRITERIA.includes(c.criterion));
}

describe('interface contracts in coverage', () => {
  it('evidences K26.1, K27.2 and K29 through the charter in the example, and fails them when a contract is taken away', async () => {
    const clean = await coverage(EXAMPLE_CONTENT);
    expect(clean.length).toBe(9);
    for (const cell of clean) {
      expect(cell.state, `${cell.criterion} ${cell.project}`).toBe('evidenced');
      expect(cell.evidence).toEqual([expect.objectContaining({ type: 'charter', section: 'Architecture' })]);
    }
    // The billing system's interface with the integration platform loses its contract.
    const billing = readFileSync(join(EXAMPLE_CONTENT, 'systems/billing.mdx'), 'utf8').replace(/\n {4}contract:\n(?: {6}.*\n)+/, '\n');
    expect(billing).not.toContain('contract:');
    const dir = tempContent(EXAMPLE_CONTENT, { 'systems/billing.mdx': billing });
    made.push(dir);
    const broken = await coverage(dir);
    for (const cell of broken) expect(cell.state, `${cell.criterion} ${cell.project}`).toBe(cell.project === 'policy-admin-migration' ? 'failing' : 'evidenced');
    const lint = await seam(['lint', '--format', 'json', '--content', dir, '--today', '2026-11-20']);
    expect(lint.code).toBe(1);
    expect(JSON.parse(lint.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'interface-contracts')).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/projects\/policy-admin-migration\/index\.mdx$/), message: expect.stringMatching(/^The interface "integration-platform" between "billing" and "integration-platform" joins two systems of the project's scope but has no contract/) }),
    ]);
  }, 240_000); // two coverage runs and a lint of the whole example
});
