// One defect per rule injected into a copy of the example content: each is reported by the right rule
// at the right file and line, and nothing else appears.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CONTENT, exampleCopy, tempContent } from '../helpers/content.ts';
import { seam } from '../helpers/cli.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Injection {
  rule: string;
  file: string;
  from: string | RegExp;
  to: string;
  /** Where the finding must be: content-relative file and line. */
  at: string;
}

const PAM = 'projects/policy-admin-migration';
const injections: Injection[] = [
  { rule: 'stakeholders', file: 'projects/claims-consolidation/stakeholders.mdx', from: /    comms:\n      cadence: [a-z]+\n      channel: [^\n]+\n/, to: '', at: 'projects/claims-consolidation/stakeholders.mdx:5' },
  { rule: 'budget', file: `${PAM}/plan.mdx`, from: 'total: 3420000', to: 'total: 3400000', at: `${PAM}/plan.mdx:42` },
  { rule: 'schedule', file: `${PAM}/plan.mdx`, from: /(  - id: interface-specs-baselined\n(?:    [^\n]*\n)*?    due: )2026-06-12/, to: '$12026-05-01', at: `${PAM}/plan.mdx:55` },
  { rule: 'issues', file: `${PAM}/status/2026-11-13.mdx`, from: '    owner: grace-whitfield\n', to: '', at: `${PAM}/status/2026-11-13.mdx:45` },
  { rule: 'providers', file: `${PAM}/index.mdx`, from: '    from: 2026-05-05', to: '    from: 2026-03-05', at: `${PAM}/index.mdx:57` },
  { rule: 'signoff', file: 'projects/finance-ledger-consolidation/signoff.mdx', from: '    date: 2025-03-12', to: '    date: 2027-03-12', at: 'projects/finance-ledger-consolidation/signoff.mdx:7' },
  { rule: 'lessons', file: 'projects/claims-consolidation/index.mdx', from: '  - project: finance-ledger-consolidation\n    lesson: backfill-legacy-experts-early', to: '  - project: claims-consolidation\n    lesson: backfill-legacy-experts-early', at: 'projects/claims-consolidation/index.mdx:83' },
  { rule: 'status-cadence', file: `${PAM}/index.mdx`, from: /^status: active$/m, to: 'status: active\nstatusCadenceDays: 5', at: `${PAM}/index.mdx:5` },
  { rule: 'plain-language', file: 'policies/change-control-procedure.mdx', from: /\n## Scope\n\n/, to: '\n## Scope\n\nChanges are logged where possible. ', at: 'policies/change-control-procedure.mdx:26' },
  { rule: 'coverage', file: 'policies/change-control-procedure.mdx', from: /\n---\n/, to: '\nevidence:\n  - criterion: K16\n    section: Architecture updates\n---\n', at: 'policies/change-control-procedure.mdx:20' },
  { rule: 'mermaid', file: `${PAM}/index.mdx`, from: '  subgraph harbour-mutual [Harbour Mutual - target]', to: '  subgraph harbour-mutual [Harbour Mutual - target]\n  --> policy-admin', at: `${PAM}/index.mdx:180` },
  { rule: 'architecture', file: `${PAM}/index.mdx`, from: '    fenwick-crm[Fenwick CRM]', to: '    fenwick-crm[Fenwick CRM]\n    mainframe[Old mainframe]', at: `${PAM}/index.mdx:176` },
  { rule: 'architecture', file: `${PAM}/index.mdx`, from: '  - fenwick-crm\n', to: '  - fenwick-crm\n  - hr\n', at: `${PAM}/index.mdx:26` },
];

describe('one injected defect per rule', () => {
  it.each(injections.map((i, n) => [`${i.rule} #${n + 1}`, i] as const))('%s', async (rule, injection) => {
    const dir = exampleCopy();
    made.push(dir);
    const path = join(dir, injection.file);
    const text = readFileSync(path, 'utf8');
    const next = text.replace(injection.from, injection.to);
    expect(next, 'the injection applies').not.toBe(text);
    writeFileSync(path, next);
    const r = await seam(['lint', '--content', dir, '--format', 'json', '--today', '2026-11-20'], { cwd: dir });
    const findings: { ruleId: string; file: string; line: number }[] = JSON.parse(r.stdout).findings.filter((f: { file: string }) => !f.file.startsWith('standards/'));
    // The rule reports the defect where it was injected; nothing else in the content is disturbed.
    const own = findings.filter((f) => f.ruleId === injection.rule);
    expect(own.length).toBeGreaterThan(0);
    expect(`${own[0].file}:${own[0].line}`).toBe(injection.at);
    expect([...new Set(findings.map((f) => f.file))]).toEqual([injection.file]);
  });
});
