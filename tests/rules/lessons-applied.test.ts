// Lessons applied (P6) as an auditor tries it on the example organisation: a charter with every
// `lessonsApplied` entry removed no longer evidences P6 and is reported; a reason that no lesson applies
// is evidence; lessons cited must bear on the project's workstreams.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CONTENT, exampleCopy } from '../helpers/content.ts';
import { seam } from '../helpers/cli.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const EXECUTING = 'projects/policy-admin-migration/index.mdx';
const PLANNING = 'projects/claims-consolidation/index.mdx';
const CLOSED = 'projects/finance-ledger-consolidation/index.mdx';

const read = (file: string) => readFileSync(join(EXAMPLE_CONTENT, file), 'utf8');
/** The charter's frontmatter without its `lessonsApplied` list: every entry removed. */
const withoutLessons = (file: string) => read(file).replace(/^lessonsApplied:\n(?: {2}.*\n|\n)*/m, '');

async function run(files: Record<string, string | null>) {
  const dir = exampleCopy(files, 'today: 2026-11-20\n');
  made.push(dir);
  const lint = await seam(['lint', '--format', 'json'], { cwd: dir });
  const findings = (JSON.parse(lint.stdout) as { findings: { ruleId: string; file: string; line: number; message: string; severity: string }[] }).findings.filter((f) => f.ruleId === 'lessons');
  const coverage = JSON.parse((await seam(['coverage', '--format', 'json'], { cwd: dir })).stdout) as { cells: { criterion: string; project: string; state: string }[] };
  const state = (project: string, criterion: string) => coverage.cells.find((c) => c.project === project && c.criterion === criterion)!.state;
  return { code: lint.code, findings, state };
}

describe('lessons applied on the example organisation', () => {
  it('evidences P6 for every project as it stands: lessons cited, or a reason none applies', async () => {
    const { findings, state } = await run({});
    expect(findings).toEqual([]);
    expect(state('policy-admin-migration', 'P6')).toBe('evidenced');
    expect(state('claims-consolidation', 'P6')).toBe('evidenced');
    expect(state('finance-ledger-consolidation', 'P6')).toBe('evidenced'); // by its lessonsNotApplicable reason
  });

  it('reports a charter past planning with every lessonsApplied entry removed, which no longer evidences P6', async () => {
    expect(withoutLessons(EXECUTING)).not.toMatch(/lessonsApplied/);
    const { code, findings, state } = await run({ [EXECUTING]: withoutLessons(EXECUTING) });
    expect(code).toBe(1);
    expect(findings).toEqual([expect.objectContaining({
      file: EXECUTING,
      line: 6,
      severity: 'error',
      message: 'The project is past planning (phase "execution") but cites no lessons from earlier projects: "lessonsApplied" is empty. An empty list is not evidence that lessons were applied: cite the lessons the project applies (project, lesson, how), or say in "lessonsNotApplicable" why none applies.',
    })]);
    expect(state('policy-admin-migration', 'P6')).not.toBe('evidenced');
  });

  it('does not count an empty list as evidence in planning either, though it reports nothing there yet', async () => {
    const { findings, state } = await run({ [PLANNING]: withoutLessons(PLANNING) });
    expect(findings).toEqual([]);
    expect(state('claims-consolidation', 'P6')).toBe('missing');
    expect(state('claims-consolidation', 'P7')).toBe('evidenced'); // the charter's other criteria stand
  });

  it('takes a reason that no lesson applies only when it says something', async () => {
    const { findings, state } = await run({ [CLOSED]: read(CLOSED).replace(/^lessonsNotApplicable: .*$/m, 'lessonsNotApplicable: TBD') });
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/^"lessonsNotApplicable" is still a placeholder\./)]);
    expect(state('finance-ledger-consolidation', 'P6')).toBe('failing');
  });

  it('reports lessons cited that bear on none of the workstreams, and points to lessons a workstream\'s category has', async () => {
    // Only the providers lesson is kept; no workstream of the migration has category "providers".
    const charter = read(EXECUTING).replace(/^lessonsApplied:\n(?: {2}.*\n)*/m, 'lessonsApplied:\n  - project: finance-ledger-consolidation\n    lesson: score-providers-from-kick-off\n    how: Scorecards were agreed with all three providers at kick-off.\n');
    const { findings } = await run({ [EXECUTING]: charter });
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([
      'None of the lessons cited is filed under a category of the project\'s workstreams ("data", "architecture", "testing", "stakeholders", "governance"): they are filed under "providers". Cite the lessons that bear on the project\'s work, or correct the workstreams\' "category".',
    ]);
    expect(findings.filter((f) => f.severity === 'warning').map((f) => f.message)).toEqual([
      expect.stringMatching(/^Workstream "data-migration" is "data" work, and other projects recorded 2 lessons under "data" \(finance-ledger-consolidation\/reconcile-balances-from-first-trial, finance-ledger-consolidation\/freeze-reference-data-before-mapping\)/),
      expect.stringMatching(/^Workstream "business-change" is "stakeholders" work/),
      expect.stringMatching(/^Workstream "cutover-and-handover" is "governance" work/),
    ]);
  });
});
