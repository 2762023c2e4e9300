// The shipped example lints clean; a copy with one defect of each kind injected reports each one with
// rule id, file, line and column — and nothing else changes.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CONTENT, exampleCopy, tempContent } from '../helpers/content.ts';
import { seam } from '../helpers/cli.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function inject(file: string, from: string | RegExp, to: string, dir: string) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`injection did not apply to ${file}`);
  writeFileSync(path, next);
}

// The copy has no seam.config.yaml, so it is judged on the example's reference date, as the shipped one is.
const lintJson = async (dir: string) => JSON.parse((await seam(['lint', '--content', dir, '--format', 'json', '--today', '2026-11-20'], { cwd: dir })).stdout);

describe('the example content', () => {
  it('lints with no errors and only the documented warning', async () => {
    const r = await seam(['lint', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    expect(json.errorCount).toBe(0);
    // The shipped ESKITP5045 catalogue is past its indicative review date (March 2014): deliberate.
    expect(json.findings.map((f: { ruleId: string; file: string }) => `${f.ruleId} ${f.file}`)).toEqual(['currency content/standards/eskitp5045.yaml']);
  });

  it('reports injected defects with rule id, file, line and column', async () => {
    const dir = exampleCopy();
    made.push(dir);
    inject('organisations/calder-health-partners.mdx', 'kind: partner', 'kind: [partner', dir); // broken YAML
    inject('projects/policy-admin-migration/index.mdx', '  - fenwick-crm\n', '  - fenwick-crm\n  - mainframe\n', dir); // dangling system
    inject('policies/interface-standard.mdx', '  - K9.3\n', '  - K9.3\n  - K41\n', dir); // unknown criterion
    inject('policies/interface-standard.mdx', 'reviewBy: 2027-01-31', 'reviewBy: 2026-01-31', dir); // overdue review
    inject('organisations/harbour-mutual.mdx', /\n---\n/, '\n---\n\nimport Tracker from "https://evil.example/t.js"\n', dir); // code in a record
    const json = await lintJson(dir);
    const found = json.findings.map((f: { ruleId: string; file: string; line: number; column: number }) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`);
    expect(found).toEqual([
      'schema organisations/calder-health-partners.mdx:6:1',
      'mdx-safety organisations/harbour-mutual.mdx:10:1',
      'currency policies/interface-standard.mdx:10:11',
      'criteria-refs policies/interface-standard.mdx:15:5',
      'references projects/policy-admin-migration/index.mdx:26:5',
      'currency standards/eskitp5045.yaml:8:11',
    ]);
    const messages = json.findings.map((f: { message: string }) => f.message);
    expect(messages[1]).toMatch(/^An import\/export statement runs code/);
    expect(messages[4]).toBe('Unknown system "mainframe" (not found in content/systems/). Known: billing, broker-portal, calder-benefits-platform, claims, crm, data-warehouse, document-management, fenwick-claims, ….');
  });
});
