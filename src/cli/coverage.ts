// `seam coverage`: the criteria × projects matrix — in the terminal, as JSON for tools, or as Markdown
// for a pull-request comment. Each cell is evidenced / failing / missing / not required yet, and
// points to the records behind it. Figures are per standard: with several catalogues each has its own
// matrix (`--standard <id>` shows one).
import { relative, resolve, sep } from 'node:path';
import { computeCoverage, coverageOfStandard } from '../rule-kit/coverage.ts';
import type { Cell, Coverage } from '../rule-kit/coverage.ts';
import type { CriterionMapping } from '../model/coverage-map.ts';
import { lint } from '../lint/engine.ts';
import { UsageError, type IO } from './io.ts';
import { openCommandWorkspace } from './workspace.ts';
import type { WorkspaceFlags } from './workspace.ts';

export interface CoverageFlags extends WorkspaceFlags {
  format: 'text' | 'json' | 'markdown';
  project?: string[];
  kind?: 'performance' | 'knowledge';
  check?: boolean;
  width?: number;
  /** Only this standard's criteria. */
  standard?: string;
}

export const SYMBOL: Record<Cell['state'], string> = { evidenced: '●', policy: '◆', failing: '✖', missing: '○', 'not-required': '·', 'not-applicable': '–', unaccounted: '?' };
const EMOJI: Record<Cell['state'], string> = { evidenced: '✅', policy: '📘', failing: '❌', missing: '⬜', 'not-required': '➖', 'not-applicable': '🚫', unaccounted: '❓' };
/** What each state means, in the legend and in the JSON. */
export const STATE_WORDS: Record<Cell['state'], string> = {
  evidenced: 'evidenced', policy: 'evidenced by policy', failing: 'failing (record has errors)', missing: 'missing',
  'not-required': 'not required yet', 'not-applicable': 'not applicable', unaccounted: 'accounted for nowhere',
};

export async function coverageCommand(flags: CoverageFlags, io: IO): Promise<number> {
  const workspace = await openCommandWorkspace(flags, io);
  const { result, graph } = await lint({ root: workspace.root, cwd: io.cwd, config: workspace.config, today: workspace.today, settings: workspace.settings });
  const display = (file: string) => relative(io.cwd, resolve(workspace.root, file)).split(sep).join('/');
  const known = graph.standards.map((s) => s.id);
  if (flags.standard !== undefined && !known.includes(flags.standard)) throw new UsageError(`There is no criteria catalogue "${flags.standard}". The catalogues are: ${known.join(', ') || 'none'}.`);
  let coverage = filter(computeCoverage(graph, result.findings, display), flags, io);
  const standards = graph.standards.filter((s) => flags.standard === undefined || s.id === flags.standard);
  if (flags.standard !== undefined) coverage = coverageOfStandard(coverage, flags.standard);
  const parts = standards.map((s) => ({ id: s.id, title: `${s.data?.code ?? s.id}: ${s.title}`, coverage: coverageOfStandard(coverage, s.id) }));
  // One standard reads as it always has; several each get their own matrix and figures, under their name.
  const several = parts.length > 1;
  if (flags.format === 'json') {
    const primary = parts.find((p) => p.id === graph.primaryStandard) ?? parts[0];
    const json = { ...toJson(coverage, workspace.today, display), projects: (primary?.coverage ?? coverage).projects, standards: parts.map((p) => ({ id: p.id, title: p.title, projects: p.coverage.projects })) };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else if (flags.format === 'markdown') io.stdout(several ? parts.map((p) => toMarkdown(p.coverage, workspace.today, p.title)).join('\n') : toMarkdown(coverage, workspace.today));
  else io.stdout(several ? parts.map((p) => `${p.title} (${p.id})\n${'='.repeat(p.title.length + p.id.length + 3)}\n${toText(p.coverage, workspace.today, flags.width ?? 120)}`).join('\n') : toText(coverage, workspace.today, flags.width ?? 120));
  const gaps = coverage.cells.flat().filter(isGap).length;
  return flags.check && gaps ? 1 : 0;
}

/** A cell `--check` fails on: evidence missing or failing, or a criterion the map does not account for. */
const isGap = (c: Cell) => c.state === 'missing' || c.state === 'failing' || c.state === 'unaccounted';

function filter(coverage: Coverage, flags: CoverageFlags, io: IO): Coverage {
  let { criteria, mappings, projects, cells } = coverage;
  if (flags.project?.length) {
    const unknown = flags.project.filter((p) => !projects.some((q) => q.id === p));
    if (unknown.length) io.stderr(`seam: no project ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${projects.map((p) => p.id).join(', ')}).\n`);
    const keep = projects.map((p, j) => (flags.project!.includes(p.id) ? j : -1)).filter((j) => j >= 0);
    projects = keep.map((j) => projects[j]);
    cells = cells.map((row) => keep.map((j) => row[j]));
  }
  if (flags.kind) {
    const keep = criteria.map((c, i) => (c.kind === flags.kind ? i : -1)).filter((i) => i >= 0);
    criteria = keep.map((i) => criteria[i]);
    mappings = keep.map((i) => mappings[i]);
    cells = keep.map((i) => cells[i]);
  }
  return { criteria, mappings, projects, cells };
}

export function toJson(coverage: Coverage, today: string, display: (file: string) => string) {
  return {
    today,
    projects: coverage.projects,
    states: STATE_WORDS,
    criteria: coverage.criteria.map(({ id, kind, group, text, parent, standard }, i) => ({ id, kind, group, text, ...(parent ? { parent } : {}), standard, evidencedBy: mappingJson(coverage.mappings[i]!) })),
    cells: coverage.cells.flatMap((row, i) => row.map((c) => ({
      criterion: c.criterion,
      standard: coverage.criteria[i]!.standard,
      project: c.project,
      state: c.state,
      reason: c.reason,
      evidence: c.evidence.map((e) => ({ file: display(e.file), type: e.type, via: e.via, ...(e.section ? { section: e.section } : {}), failing: e.failing })),
      ...(c.state === 'missing' ? { expected: c.expected } : {}),
    }))),
  };
}

/** What the coverage map says evidences a criterion. */
function mappingJson(m: CriterionMapping) {
  return {
    records: m.records.map((r) => ({ type: r.type.name, ...(r.section ? { section: r.section } : {}), ...(r.from ? { from: r.from } : {}) })),
    policies: m.policies.map((p) => ({ policy: p.policy, ...(p.section ? { section: p.section } : {}) })),
    ...(m.notApplicable !== undefined ? { notApplicable: m.notApplicable } : {}),
  };
}

export function toText(coverage: Coverage, today: string, width: number): string {
  const { criteria, projects, cells } = coverage;
  const lines: string[] = [`Criteria coverage on ${today}: ${criteria.length} criteria × ${projects.length} projects`, ''];
  projects.forEach((p, j) => {
    const pct = p.required ? Math.round((100 * p.evidenced) / p.required) : 100;
    lines.push(`  ${String(j + 1).padStart(2)}  ${p.id} (${p.phase ?? 'no charter'})  ${p.evidenced}/${p.required} required criteria evidenced (${pct}%)`);
    lines.push(`      evidenced: ${p.counts.evidenced} by its records, ${p.counts.policy} by policy; gaps: ${p.counts.failing} failing, ${p.counts.missing} missing, ${p.counts.unaccounted} unaccounted`);
    lines.push(`      not counted: ${p.counts['not-required']} not required yet, ${p.counts['not-applicable']} not applicable`);
  });
  lines.push('');
  const idWidth = Math.max(...criteria.map((c) => c.id.length), 9);
  const header = `${'criterion'.padEnd(idWidth)}  ${projects.map((_, j) => String(j + 1).padStart(2)).join(' ')}`;
  lines.push(header);
  criteria.forEach((c, i) => {
    const marks = cells[i].map((cell) => ` ${SYMBOL[cell.state]}`).join(' ');
    const prefix = `${(c.parent ? ` ${c.id}` : c.id).padEnd(idWidth)}  ${marks}  `;
    const room = Math.max(10, width - prefix.length);
    const flat = c.text.replace(/\s+/g, ' ');
    const text = flat.length > room ? `${flat.slice(0, room - 1)}…` : flat;
    lines.push(prefix + text);
  });
  const legend = (Object.keys(SYMBOL) as Cell['state'][]).map((s) => `${SYMBOL[s]} ${STATE_WORDS[s]}`);
  lines.push('', legend.slice(0, 4).join('   '), legend.slice(4).join('   '));
  const explain = (title: string, keep: (c: Cell) => boolean) => {
    const out: string[] = [];
    criteria.forEach((c, i) => {
      const row = cells[i].filter(keep);
      if (!row.length) return;
      // One line for a criterion every project shares state and reason for, else one per project.
      const shared = row.length === cells[i].length && row.length > 1 && row.every((x) => x.state === row[0].state && x.reason === row[0].reason);
      for (const cell of shared ? [row[0]] : row) out.push(...wrap(`  ${c.id}${shared ? ', every project' : ` ${cell.project}`}: ${STATE_WORDS[cell.state]} — ${cell.reason}`, width));
    });
    if (out.length) lines.push('', title, ...out);
  };
  explain('Gaps:', isGap);
  // Every criterion the figures do not count, or count through a policy, with the reason: none leaves the denominator unseen.
  explain('Evidenced by policy, not required yet and not applicable:', (c) => c.state === 'policy' || c.state === 'not-required' || c.state === 'not-applicable');
  return `${lines.join('\n')}\n`;
}

/** `text` in lines of at most `width` characters, continuation lines indented. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  const indent = /^ */.exec(text)![0];
  let line = indent;
  for (const word of text.slice(indent.length).split(' ')) {
    if (line.trim() && `${line} ${word}`.length > width) {
      out.push(line);
      line = `      ${word}`;
    } else line = line.trim() ? `${line} ${word}` : `${line}${word}`;
  }
  return [...out, line];
}

export function toMarkdown(coverage: Coverage, today: string, standard?: string): string {
  const { criteria, projects, cells } = coverage;
  const out = [`### Criteria coverage${standard ? ` of ${standard}` : ''} (${today})`, '', '| Project | Phase | Evidenced | Failing | Missing |', '| --- | --- | --- | --- | --- |'];
  projects.forEach((p, j) => {
    const column = cells.map((row) => row[j]);
    const count = (s: Cell['state']) => column.filter((c) => c.state === s).length;
    out.push(`| ${p.id} | ${p.phase ?? '—'} | ${p.evidenced}/${p.required} | ${count('failing')} | ${count('missing') + count('unaccounted')} |`);
  });
  out.push('', '<details><summary>Matrix</summary>', '', `| Criterion | ${projects.map((p) => p.id).join(' | ')} |`, `| --- | ${projects.map(() => ':---:').join(' | ')} |`);
  criteria.forEach((c, i) => out.push(`| ${c.id} | ${cells[i].map((cell) => EMOJI[cell.state]).join(' | ')} |`));
  out.push('', (Object.keys(EMOJI) as Cell['state'][]).map((s) => `${EMOJI[s]} ${STATE_WORDS[s]}`).join(' · '), '', '</details>', '');
  return out.join('\n');
}
