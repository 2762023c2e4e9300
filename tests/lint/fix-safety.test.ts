// `--fix` never makes a file worse: a fix whose result would not parse, or would have more errors, is
// not written (and the author is told why); comments move with the list items they are written above;
// a byte-order mark survives; amounts too large to add up exactly are refused by the schema instead of
// being summed to Infinity.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seam } from '../helpers/cli.ts';
import { RULE_BASE, tempContent } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A content root from the rule examples' base with `plan` as the project's plan. */
function withPlan(plan: string): { dir: string; file: string } {
  const dir = tempContent(RULE_BASE, { 'projects/alpha/plan.mdx': plan });
  made.push(dir);
  writeFileSync(join(dir, 'seam.config.yaml'), 'content: .\ntoday: 2026-06-15\n');
  return { dir, file: join(dir, 'projects/alpha/plan.mdx') };
}

const plan = (milestones: string, budget = '200000', total = '220000') => `---
title: Alpha plan
currency: GBP
budget:
  - line: people
    title: Integration team
    amount: ${budget}
contingency: 20000
total: ${total}
milestones:
${milestones}---

## Assumptions

Beta's finance team is available two days a week.

## Coordination

Testing follows each trial migration before handover to operations.
`;

describe('seam lint --fix', () => {
  it('does not write a fix that would leave the file unparseable, and says why', async () => {
    // Sorting by due date would put the alias (*lead) above its anchor (&lead).
    const { dir, file } = withPlan(plan(`  - id: trial
    title: Trial migration
    workstream: data
    owner: &lead ana
    due: 2026-09-01
  - id: design
    title: Mapping design approved
    workstream: data
    owner: *lead
    due: 2026-07-01
`));
    const before = readFileSync(file, 'utf8');
    const r = await seam(['lint', '--fix'], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(r.stderr).toMatch(/^not fixed projects\/alpha\/plan\.mdx: the fixed file would not parse \(line \d+: .*\); nothing was written to it\. Fix it by hand\.$/m);
    // The finding the fix was for is still reported.
    expect(r.stdout).toContain('"design" (due 2026-07-01) is listed after "trial"');
  });

  it('moves a comment with the item it is written above, and keeps a byte-order mark', async () => {
    const { dir, file } = withPlan(`\uFEFF${plan(`  - id: trial
    title: Trial migration
    workstream: data
    owner: ana
    due: 2026-09-01
  # seam-disable-next-line references
  - id: design
    title: Mapping design approved
    workstream: data
    owner: ana
    due: 2026-07-01
`)}`);
    const r = await seam(['lint', '--fix'], { cwd: dir });
    expect(r.stderr).toContain('fixed projects/alpha/plan.mdx');
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith('\uFEFF---\n')).toBe(true);
    expect(after).toContain(`milestones:
  # seam-disable-next-line references
  - id: design
    title: Mapping design approved
    workstream: data
    owner: ana
    due: 2026-07-01
  - id: trial
`);
  });

  it('refuses amounts too large to add up exactly, rather than writing Infinity', async () => {
    const { dir, file } = withPlan(plan(`  - id: design
    title: Mapping design approved
    workstream: data
    owner: ana
    due: 2026-07-01
`, '1e300', '5'));
    const before = readFileSync(file, 'utf8');
    const r = await seam(['lint', '--fix', '--format', 'json'], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe(before);
    const messages = JSON.parse(r.stdout).findings.map((f: { line: number; message: string }) => `${f.line}: ${f.message}`);
    expect(messages).toEqual(['7: "budget[0].amount" amounts above 1,000,000,000,000 are refused: check the figure (write it in the plan\'s currency, without minor units).']);
    expect(readFileSync(file, 'utf8')).not.toContain('Infinity');
  });
});
