// The criteria × projects coverage matrix as the site shows it, from the engine's `computeCoverage`:
// one row per criterion, one cell per project, each cell saying its state in words and linking to the
// record that evidences the criterion (or, when evidence fails its checks, to the failing record).
import { slug } from 'github-slugger';
import type { Cell, CellState, Coverage, CoverageProject, Evidence } from '../../rule-kit/coverage.ts';
import { recordTypeByName } from '../../model/record-types.ts';
import { PROJECTS_PER_PAGE, projectPages, type ProjectPage } from './project-pages.ts';

/** The page of a content file on this site, or undefined when the file is not published in this build. */
export type PageOf = (contentFile: string) => { href: string; title: string } | undefined;

/** The one-character sign of each cell state (its words are STATE_LABEL). */
export const STATE_SYMBOL: Record<CellState, string> = { evidenced: '✓', policy: 'P', failing: '✗', missing: '!', 'not-required': '·', 'not-applicable': '–', unaccounted: '?' };

export interface MatrixCell {
  state: CellState;
  /** The evidence to follow, when it is published. */
  href?: string;
  /** What the cell means, in words (for its tooltip and for screen readers). */
  label: string;
}

export interface MatrixRow {
  id: string;
  kind?: 'performance' | 'knowledge';
  text: string;
  /** Sub-items (K3.1) sit under their parent (K3). */
  parent?: string;
  cells: MatrixCell[];
}

/** A project's column: its coverage figures and its ratio. */
export interface MatrixProject extends CoverageProject {
  /** Evidenced as a share of required, 0–1 (1 when nothing is required yet). */
  ratio: number;
}

export interface CoverageMatrix {
  projects: MatrixProject[];
  rows: MatrixRow[];
}

export const STATE_LABEL: Record<CellState, string> = {
  evidenced: 'Evidenced',
  policy: 'Evidenced by policy',
  failing: 'Evidence fails its checks',
  missing: 'Missing',
  'not-required': 'Not required yet',
  'not-applicable': 'Not applicable',
  unaccounted: 'Accounted for nowhere',
};

const typeLabel = (type: string) => recordTypeByName.get(type)?.label ?? type;

/** The evidence a cell links to: a passing record first, a claimed section's heading when there is one. */
export function evidenceLink(evidence: Evidence[], pageOf: PageOf): { href: string; title: string } | undefined {
  const ordered = [...evidence].sort((a, b) => Number(a.failing) - Number(b.failing) || (a.via === b.via ? 0 : a.via === 'claim' ? 1 : -1));
  for (const e of ordered) {
    const page = pageOf(e.file);
    if (!page) continue;
    return { href: e.section ? `${page.href}#${slug(e.section)}` : page.href, title: e.section ? `${page.title}, “${e.section}”` : page.title };
  }
  return undefined;
}

/** What a page says in place of a policy the build's audience may not read: never its id or title. */
export const UNPUBLISHED_POLICY = 'a policy not published in this edition';

function cellOf(cell: Cell, project: MatrixProject, pageOf: PageOf): MatrixCell {
  const link = evidenceLink(cell.evidence, pageOf);
  const head = `${cell.criterion}, ${project.title}`;
  switch (cell.state) {
    case 'evidenced':
      return { state: cell.state, href: link?.href, label: `${head}: evidenced by ${link?.title ?? 'a record not published in this edition'}` };
    case 'policy':
      return { state: cell.state, href: link?.href, label: `${head}: evidenced by policy, ${link?.title ?? UNPUBLISHED_POLICY}` };
    case 'failing':
      return { state: cell.state, href: link?.href, label: `${head}: the evidence (${link?.title ?? 'unpublished'}) fails its error-level checks` };
    case 'missing':
      return { state: cell.state, label: `${head}: missing, needs a ${cell.expected.map(typeLabel).join(' or ') || 'record that evidences it'}` };
    case 'not-required':
      return { state: cell.state, label: `${head}: not required in the ${project.phase ?? 'current'} phase. ${cell.reason}` };
    case 'not-applicable':
      return { state: cell.state, label: `${head}: not applicable. ${cell.reason}` };
    default:
      return { state: cell.state, label: `${head}: accounted for nowhere. ${cell.reason}` };
  }
}

const withRatio = (p: CoverageProject): MatrixProject => ({ ...p, ratio: p.required ? p.evidenced / p.required : 1 });

/** The figures of the projects `include` keeps, in the coverage's order, without their cells (the per-project table). */
export const matrixProjects = (coverage: Coverage, include: (project: string) => boolean = () => true): MatrixProject[] => coverage.projects.filter((p) => include(p.id)).map(withRatio);

/** The matrix for the projects `include` keeps (those published in this build, on one page of the matrix). */
export function coverageMatrix(coverage: Coverage, pageOf: PageOf, include: (project: string) => boolean = () => true): CoverageMatrix {
  const columns = coverage.projects.map((p, j) => ({ p, j })).filter(({ p }) => include(p.id));
  const projects = columns.map(({ p }) => withRatio(p));
  const rows = coverage.criteria.map((criterion, i): MatrixRow => ({
    id: criterion.id,
    kind: criterion.kind,
    text: criterion.text,
    parent: criterion.parent,
    cells: columns.map(({ j }, k) => cellOf(coverage.cells[i]![j]!, projects[k]!, pageOf)),
  }));
  return { projects, rows };
}

/** The site path of the matrix's page `number`: the coverage page itself, then `/coverage/matrix/<n>/`. */
export const matrixPagePath = (number: number): string => (number === 1 ? '/coverage/' : `/coverage/matrix/${number}/`);

/** The matrix's pages for `projects` (ids, in the order the matrix shows them). */
export const matrixPages = (projects: readonly string[], size = PROJECTS_PER_PAGE): ProjectPage[] => projectPages(projects, matrixPagePath, size);
