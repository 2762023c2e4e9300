// The pull-request summary behind `seam report`: findings by rule, the records a branch adds, changes or
// removes, and how criteria coverage moved. Pure: the CLI gathers the inputs (lint runs, git), this
// module compares them and renders Markdown for a PR comment.
import { plural } from '../model/text.ts';
import type { Cell, CellState, Coverage } from '../rule-kit/coverage.ts';
import type { Finding } from '../rule-kit/finding.ts';
import { codeSpan } from './reporters/format.ts';

export type ChangeKind = 'added' | 'changed' | 'removed' | 'renamed';

export interface RecordChange {
  kind: ChangeKind;
  /** Content-relative path (the new one, for renames). */
  file: string;
  /** The old path, for renames. */
  from?: string;
  /** The record type's label, or undefined for a file no record type claims. */
  type?: string;
  project?: string;
}

export interface CellChange {
  project: string;
  criterion: string;
  /** Undefined when the project (or criterion) did not exist on that side. */
  before?: CellState;
  after?: CellState;
}

export interface ProjectChange {
  project: string;
  before?: { evidenced: number; required: number };
  after?: { evidenced: number; required: number };
}

export interface CoverageDiff {
  cells: CellChange[];
  projects: ProjectChange[];
}

const key = (c: Pick<Cell, 'project' | 'criterion'>) => `${c.project}\u0000${c.criterion}`;

/** Every cell whose state differs between two coverage matrices, in the order of `after` (then removed ones). */
export function diffCoverage(before: Coverage, after: Coverage): CoverageDiff {
  const old = new Map(before.cells.flat().map((c) => [key(c), c.state]));
  const now = new Map(after.cells.flat().map((c) => [key(c), c.state]));
  const cells: CellChange[] = [];
  for (const c of after.cells.flat()) {
    const was = old.get(key(c));
    if (was !== c.state) cells.push({ project: c.project, criterion: c.criterion, before: was, after: c.state });
  }
  for (const c of before.cells.flat()) if (!now.has(key(c))) cells.push({ project: c.project, criterion: c.criterion, before: c.state });
  const summary = (cov: Coverage) => new Map(cov.projects.map((p) => [p.id, { evidenced: p.evidenced, required: p.required }]));
  const [a, b] = [summary(before), summary(after)];
  const projects: ProjectChange[] = [];
  for (const id of [...new Set([...b.keys(), ...a.keys()])].sort()) {
    const x = a.get(id);
    const y = b.get(id);
    if (x?.evidenced !== y?.evidenced || x?.required !== y?.required) projects.push({ project: id, before: x, after: y });
  }
  return { cells, projects };
}

export interface ReportInput {
  today: string;
  files: number;
  findings: Finding[];
  /** Set when compared with a base ref. */
  base?: { ref: string; commit: string; changes: RecordChange[]; coverage: CoverageDiff };
  /** How to show a content-relative path (as findings show files). */
  display: (contentFile: string) => string;
  /** At most this many findings are listed (default 50). */
  limit?: number;
}

const STATE: Record<CellState, string> = {
  evidenced: '✅ evidenced', policy: '📘 evidenced by policy', failing: '❌ failing', missing: '⬜ missing', 'not-required': '➖ not required',
  'not-applicable': '🚫 not applicable', unaccounted: '❓ accounted for nowhere',
};
const cellState = (s: CellState | undefined) => (s ? STATE[s] : '—');
/** Text safe inside a Markdown table cell. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function renderReport(input: ReportInput): string {
  const { findings, base, display } = input;
  const limit = input.limit ?? 50;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const out: string[] = ['## Seam report', ''];
  out.push(`Checked ${plural(input.files, 'file')} on ${input.today}: **${plural(errors, 'error')}**, ${plural(warnings, 'warning')}.`);
  if (base) out.push(`Compared with \`${base.ref}\` (${base.commit.slice(0, 12)}).`);
  out.push('');

  out.push('### Findings by rule', '');
  if (!findings.length) out.push('No findings.', '');
  else {
    const byRule = new Map<string, { errors: number; warnings: number }>();
    for (const f of findings) {
      const row = byRule.get(f.ruleId) ?? { errors: 0, warnings: 0 };
      if (f.severity === 'error') row.errors++;
      else row.warnings++;
      byRule.set(f.ruleId, row);
    }
    out.push('| Rule | Errors | Warnings |', '| --- | ---: | ---: |');
    for (const [rule, row] of [...byRule].sort(([a], [b]) => (a < b ? -1 : 1))) out.push(`| \`${rule}\` | ${row.errors} | ${row.warnings} |`);
    out.push('');
    const touched = base ? new Set(base.changes.filter((c) => c.kind !== 'removed').map((c) => display(c.file))) : undefined;
    const listed = touched ? findings.filter((f) => touched.has(f.file)) : findings;
    if (touched) out.push(listed.length ? `Findings in the files this branch adds or changes (${listed.length}):` : 'No findings in the files this branch adds or changes.', '');
    if (listed.length) {
      for (const f of listed.slice(0, limit)) out.push(`- ${f.severity === 'error' ? '❌' : '⚠️'} ${codeSpan(`${f.file}:${f.line}:${f.column}`)} ${codeSpan(f.message)} (\`${f.ruleId}\`)`);
      if (listed.length > limit) out.push(`- … and ${listed.length - limit} more: run \`seam lint\` for the full list.`);
      out.push('');
    }
  }

  if (base) {
    out.push(`### Records changed since \`${base.ref}\``, '');
    if (!base.changes.length) out.push('No content files changed.', '');
    else {
      out.push('| Change | File | Record | Project |', '| --- | --- | --- | --- |');
      for (const c of base.changes) {
        const file = c.from ? `\`${display(c.from)}\` → \`${display(c.file)}\`` : `\`${display(c.file)}\``;
        out.push(`| ${c.kind} | ${file} | ${cell(c.type ?? 'not a record')} | ${c.project ?? '—'} |`);
      }
      out.push('');
    }
    out.push('### Coverage changes', '');
    const { cells, projects } = base.coverage;
    if (!cells.length) out.push('Criteria coverage is unchanged.', '');
    else {
      if (projects.length) {
        out.push('| Project | Required criteria evidenced, before | After |', '| --- | ---: | ---: |');
        const show = (p?: { evidenced: number; required: number }) => (p ? `${p.evidenced}/${p.required}` : '—');
        for (const p of projects) out.push(`| ${p.project} | ${show(p.before)} | ${show(p.after)} |`);
        out.push('');
      }
      out.push('| Project | Criterion | Before | After |', '| --- | --- | --- | --- |');
      for (const c of cells.slice(0, limit * 4)) out.push(`| ${c.project} | ${c.criterion} | ${cellState(c.before)} | ${cellState(c.after)} |`);
      if (cells.length > limit * 4) out.push(`| … | ${cells.length - limit * 4} more | | |`);
      out.push('');
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
