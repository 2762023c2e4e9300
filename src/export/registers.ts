// `seam export csv <register>`: the registers a programme office keeps in spreadsheets, one row per
// item, read from the record graph as one audience may see it (the same restricted graph the site's
// pages are built from: a record above the audience contributes no row, and a name it holds, a
// stakeholder's or a provider's, is never looked up from it). Columns are stable and documented here
// (the handbook's "Exports" page lists them); a column is only ever added at the end.
import { restrictGraph, type Audience } from '../model/audience.ts';
import type { ContentRecord, Project, RecordGraph } from '../model/graph.ts';
import { minorUnits } from '../model/money.ts';
import type * as S from '../model/schemas.ts';
import { toCsv, type Cell } from './csv.ts';

export interface Column {
  name: string;
  /** What the column holds, for the handbook. */
  text: string;
  /** Whether its cells are numbers (written as numbers, never neutralised). */
  numeric?: boolean;
}

export interface Register {
  name: string;
  /** One line for the usage message and the handbook. */
  summary: string;
  columns: readonly Column[];
  rows: (graph: RecordGraph) => Record<string, Cell>[];
}

const PROJECT: Column = { name: 'project', text: 'The project\'s id.' };
const record = (text: string): Column => ({ name: 'record', text });
const OWNER: Column[] = [
  { name: 'owner', text: 'The owner\'s id in the project\'s stakeholder register.' },
  { name: 'owner_name', text: 'The owner\'s name, from the stakeholder register (empty when the audience may not read the register).' },
];

/** The projects, by id, so rows come out in the same order whatever the files' order. */
const projectsOf = (graph: RecordGraph): Project[] => [...graph.projects.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const personName = (project: Project, id: string | undefined): string | undefined =>
  id === undefined ? undefined : project.stakeholders?.data?.stakeholders.find((s) => s.id === id)?.name;

/** Status reports with valid frontmatter, oldest first. */
const reportsOf = (project: Project) => project.status.filter((r): r is ContentRecord<S.StatusReport> & { data: S.StatusReport } => r.data !== undefined);

/**
 * Items that status reports carry from report to report (issues, deviations, incidents), once each:
 * as the latest report that lists it says, with the first and last report dates.
 */
function latestMentions<T>(project: Project, itemsOf: (data: S.StatusReport) => T[], keyOf: (item: T) => string) {
  const latest = new Map<string, { item: T; report: ContentRecord<S.StatusReport> & { data: S.StatusReport }; first: string }>();
  for (const report of reportsOf(project)) {
    for (const item of itemsOf(report.data)) {
      const key = keyOf(item);
      latest.set(key, { item, report, first: latest.get(key)?.first ?? report.data.date });
    }
  }
  return [...latest.values()];
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const issues: Register = {
  name: 'issues',
  summary: 'every issue in the status reports, as the latest report that lists it says',
  columns: [
    PROJECT,
    record('The latest status report that lists the issue.'),
    { name: 'issue', text: 'The issue\'s id, stable across reports.' },
    { name: 'title', text: 'The issue in a few words.' },
    { name: 'severity', text: 'low, medium, high or critical.' },
    { name: 'state', text: '`closed` when the issue has a closed date, else `open`.' },
    ...OWNER,
    { name: 'action', text: 'What is being done about it.' },
    { name: 'due', text: 'When the action is due (YYYY-MM-DD).' },
    { name: 'closed', text: 'When the issue was closed.' },
    { name: 'budget_line', text: 'The budget line the issue concerns.' },
    { name: 'milestone', text: 'The milestone the issue concerns.' },
    { name: 'first_reported', text: 'The date of the first report that lists the issue.' },
    { name: 'last_reported', text: 'The date of the latest report that lists it.' },
  ],
  rows: (graph) =>
    projectsOf(graph).flatMap((project) =>
      latestMentions(project, (d) => d.issues, (i) => i.id).map(({ item, report, first }) => ({
        project: project.id, record: report.id, issue: item.id, title: item.title, severity: item.severity, state: item.closed ? 'closed' : 'open',
        owner: item.owner, owner_name: personName(project, item.owner), action: item.action, due: item.due, closed: item.closed,
        budget_line: item.budgetLine, milestone: item.milestone, first_reported: first, last_reported: report.data.date,
      })),
    ),
};

const actions: Register = {
  name: 'actions',
  summary: 'the action register: architecture deviations and security incidents from the status reports, and the actions agreed with providers in evaluations (issues and their actions are the issues register)',
  columns: [
    PROJECT,
    record('The latest status report that lists the deviation or incident, or the evaluation that agreed the provider action.'),
    { name: 'source', text: '`deviation` (architecture), `incident` (security) or `provider-action` (evaluation).' },
    { name: 'item', text: 'The deviation\'s or incident\'s id (empty for a deviation without one, and for a provider action).' },
    { name: 'subject', text: 'What the action is about: the deviation or incident as described, or the evaluation\'s title.' },
    { name: 'provider', text: 'For a provider action: the provider\'s id.' },
    { name: 'period', text: 'For a provider action: the period evaluated.' },
    { name: 'severity', text: 'For an incident: low, medium, high or critical.' },
    { name: 'decision', text: 'For a deviation: the decision taken on it.' },
    { name: 'action', text: 'The action.' },
    ...OWNER,
    { name: 'due', text: 'When the action is due.' },
    { name: 'closed', text: 'When it was closed (incidents and provider actions).' },
    { name: 'state', text: '`closed` or `open`; a deviation the project\'s latest report no longer lists is `not-reported`.' },
    { name: 'last_reported', text: 'For a deviation or incident: the date of the latest report that lists it.' },
  ],
  rows: (graph) =>
    projectsOf(graph).flatMap((project) => {
      const latestReport = reportsOf(project).at(-1);
      const deviations = latestMentions(project, (d) => d.architecture.deviations, (v) => (v.id !== undefined ? `id:${v.id}` : `text:${v.description}`)).map(({ item, report }) => ({
        project: project.id, record: report.id, source: 'deviation', item: item.id, subject: item.description, decision: item.decision, action: item.action,
        owner: item.owner, owner_name: personName(project, item.owner), due: item.due, state: report === latestReport ? 'open' : 'not-reported', last_reported: report.data.date,
      }));
      const incidents = latestMentions(project, (d) => d.security, (i) => i.id).map(({ item, report }) => ({
        project: project.id, record: report.id, source: 'incident', item: item.id, subject: item.description, severity: item.severity, action: item.action,
        owner: item.owner, owner_name: personName(project, item.owner), due: item.due, closed: item.closed, state: item.closed ? 'closed' : 'open', last_reported: report.data.date,
      }));
      const providerActions = project.evaluations.flatMap((e) =>
        (e.data?.actions ?? []).map((a) => ({
          project: project.id, record: e.id, source: 'provider-action', subject: e.title, provider: e.data!.provider, period: e.data!.period, action: a.action,
          owner: a.owner, owner_name: personName(project, a.owner), due: a.due, closed: a.closed, state: a.closed ? 'closed' : 'open',
        })),
      );
      return [...deviations, ...incidents, ...providerActions];
    }),
};

const milestones: Register = {
  name: 'milestones',
  summary: 'every milestone in the plans',
  columns: [
    PROJECT,
    record('The plan.'),
    { name: 'milestone', text: 'The milestone\'s id.' },
    { name: 'title', text: 'The milestone\'s name.' },
    { name: 'workstream', text: 'The workstream\'s id in the charter.' },
    ...OWNER,
    { name: 'baseline', text: 'The due date the plan was first approved with, when the milestone has moved.' },
    { name: 'due', text: 'The due date.' },
    { name: 'slip_days', text: 'Days from baseline to due (negative when brought forward); empty without a baseline.', numeric: true },
    { name: 'done', text: 'When it was achieved.' },
    { name: 'depends_on', text: 'The ids of the milestones it depends on, separated by "; ".' },
    { name: 'state', text: '`done`; `at-risk` when the project\'s latest status report lists it at risk; else `open`.' },
  ],
  rows: (graph) =>
    projectsOf(graph).flatMap((project) => {
      const plan = project.plan;
      if (!plan?.data) return [];
      const atRisk = new Set(reportsOf(project).at(-1)?.data.milestonesAtRisk);
      return plan.data.milestones.map((m) => ({
        project: project.id, record: plan.id, milestone: m.id, title: m.title, workstream: m.workstream, owner: m.owner, owner_name: personName(project, m.owner),
        baseline: m.baseline, due: m.due, slip_days: m.baseline ? days(m.baseline, m.due) : undefined, done: m.done, depends_on: m.dependsOn.join('; ') || undefined,
        state: m.done ? 'done' : atRisk.has(m.id) ? 'at-risk' : 'open',
      }));
    }),
};

const budget: Register = {
  name: 'budget',
  summary: 'every budget line in the plans, then each plan\'s contingency',
  columns: [
    PROJECT,
    record('The plan.'),
    { name: 'kind', text: '`line` for a budget line, `contingency` for the contingency held outside the lines.' },
    { name: 'line', text: 'The budget line\'s id (empty for contingency).' },
    { name: 'title', text: 'What the line pays for.' },
    { name: 'currency', text: 'The plan\'s ISO 4217 currency.' },
    { name: 'amount', text: 'The approved amount (for contingency: the contingency held).', numeric: true },
    { name: 'baseline', text: 'The amount first approved, before change requests moved it, when given.', numeric: true },
    { name: 'actual', text: 'Spent so far (empty for contingency).', numeric: true },
    { name: 'remaining', text: 'amount - actual: negative when the line is overspent (empty for contingency).', numeric: true },
  ],
  rows: (graph) =>
    projectsOf(graph).flatMap((project) => {
      const plan = project.plan;
      if (!plan?.data) return [];
      const { currency } = plan.data;
      const lines = plan.data.budget.map((b) => ({
        project: project.id, record: plan.id, kind: 'line', line: b.line, title: b.title, currency, amount: b.amount, baseline: b.baseline, actual: b.actual,
        remaining: (minorUnits(b.amount) - minorUnits(b.actual)) / 100,
      }));
      return [...lines, { project: project.id, record: plan.id, kind: 'contingency', title: 'Contingency', currency, amount: plan.data.contingency, baseline: plan.data.contingencyBaseline }];
    }),
};

const SCORES = ['quality', 'timeliness', 'cost', 'communication', 'security'] as const;

const providerScores: Register = {
  name: 'provider-scores',
  summary: 'every provider evaluation\'s scores',
  columns: [
    PROJECT,
    record('The evaluation.'),
    { name: 'provider', text: 'The provider\'s id.' },
    { name: 'provider_name', text: 'The provider\'s title (empty when the audience may not read the provider\'s record).' },
    { name: 'period', text: 'The period evaluated: YYYY-Qn, YYYY-Hn or YYYY-MM.' },
    { name: 'evaluator', text: 'The evaluator\'s id in the stakeholder register.' },
    { name: 'evaluator_name', text: 'The evaluator\'s name (empty when the audience may not read the register).' },
    ...SCORES.map((s) => ({ name: s, text: `The ${s} score, 1 (poor) to 5 (excellent).`, numeric: true })),
    { name: 'average', text: 'The mean of the five scores, to two decimal places.', numeric: true },
    { name: 'actions', text: 'Actions agreed with the provider.', numeric: true },
    { name: 'open_actions', text: 'Of those, the ones not closed.', numeric: true },
  ],
  rows: (graph) =>
    projectsOf(graph).flatMap((project) =>
      project.evaluations.flatMap((e) => {
        const d = e.data;
        if (!d) return [];
        const sum = SCORES.reduce((total, s) => total + d.scores[s], 0);
        return [{
          project: project.id, record: e.id, provider: d.provider, provider_name: graph.providers.get(d.provider)?.title, period: d.period,
          evaluator: d.evaluator, evaluator_name: personName(project, d.evaluator), ...d.scores,
          average: Math.round((sum / SCORES.length) * 100) / 100, actions: d.actions.length, open_actions: d.actions.filter((a) => !a.closed).length,
        }];
      }),
    ),
};

/** The registers `seam export csv` writes, in the order the usage message lists them. */
export const registers: readonly Register[] = [issues, actions, milestones, budget, providerScores];

/** The register called `name`, if there is one. */
export function registerNamed(name: string): Register | undefined {
  return registers.find((r) => r.name === name);
}

export interface RegisterExport {
  csv: string;
  /** Records the audience may read but whose frontmatter failed its schema: they give no rows, for the caller to report. */
  invalid: ContentRecord[];
}

/** The register as CSV, from the records readers of `audience` may see. */
export function exportRegister(register: Register, graph: RecordGraph, forAudience: Audience): RegisterExport {
  const visible = restrictGraph(graph, forAudience);
  const rows = register.rows(visible).map((row) => register.columns.map((c) => row[c.name]));
  return { csv: toCsv(register.columns.map((c) => c.name), rows), invalid: visible.records.filter((r) => r.data === undefined) };
}
