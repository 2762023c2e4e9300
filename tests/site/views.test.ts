// The site's pure view modules: what the dashboards, catalogues and record pages show, from the
// frontmatter and the engine's results, judged against a given today.
import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../src/rule-kit/coverage.ts';
import type { RecordType } from '../../src/model/record-types.ts';
import { backlinksShown, criterionBacklinks, groupBacklinks, howEvidenced, rulesByCriterion, type Backlink } from '../../src/site/views/backlinks.ts';
import { coverageMatrix, matrixPages } from '../../src/site/views/coverage-matrix.ts';
import { furtherPageRoutes, PROJECTS_PER_PAGE } from '../../src/site/views/project-pages.ts';
import { byPhase, dueReviews, openHighIssues, projectSummary, upcomingMilestones } from '../../src/site/views/dashboard.ts';
import { formatMoney } from '../../src/model/money.ts';
import { formatDate, formatDays, formatPercent } from '../../src/site/views/format.ts';
import { connections, diagramDraws, interfacesOf, landscapeSource, mermaidBlocks, neighbourhoodSource, systemsDrawn } from '../../src/site/views/landscape.ts';
import { lessonsLibrary } from '../../src/site/views/lessons.ts';
import { reviewState } from '../../src/site/views/reviews.ts';
import { exampleView, ruleOptions } from '../../src/site/views/rules.ts';
import { scorecard } from '../../src/site/views/scorecards.ts';
import { latestReport, statusTimeline } from '../../src/site/views/status.ts';
import { z } from 'zod';
import type * as S from '../../src/model/schemas.ts';

const TODAY = '2026-06-15';

function report(date: string, rag: 'red' | 'amber' | 'green', issues: Partial<S.StatusReport['issues'][number]>[] = []): { id: string; data: S.StatusReport } {
  return {
    id: `alpha/status/${date}`,
    data: {
      title: `Status ${date}`, classification: 'internal', date, rag, spend: { toDate: 1000, forecast: 5000 }, milestonesAtRisk: [], compliance: [],
      architecture: { aligned: true, deviations: [] }, quality: { openDefects: 0, summary: 'Fine.' }, security: [],
      issues: issues.map((i, n) => ({ id: `i${n}`, title: `Issue ${n}`, severity: 'low', ...i })),
    },
  };
}

describe('the coverage matrix\'s pages', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i + 1}`);

  it('is one page, the coverage page, up to a page\'s worth of projects (none included)', () => {
    expect(matrixPages([])).toEqual([{ number: 1, path: '/coverage/', projects: [], first: 1, last: 0 }]);
    expect(matrixPages(ids(PROJECTS_PER_PAGE))).toEqual([{ number: 1, path: '/coverage/', projects: ids(PROJECTS_PER_PAGE), first: 1, last: PROJECTS_PER_PAGE }]);
  });

  it('splits the projects in order, every one on exactly one page, the last page holding the rest', () => {
    const pages = matrixPages(ids(51), 25);
    expect(pages.map((p) => [p.number, p.path, p.first, p.last, p.projects.length])).toEqual([
      [1, '/coverage/', 1, 25, 25],
      [2, '/coverage/matrix/2/', 26, 50, 25],
      [3, '/coverage/matrix/3/', 51, 51, 1],
    ]);
    expect(pages.flatMap((p) => p.projects)).toEqual(ids(51));
    // The further pages' routes: every page but the first (the view's own address), numbered from 2.
    expect(furtherPageRoutes(pages)).toEqual([{ params: { page: '2' }, props: { page: pages[1] } }, { params: { page: '3' }, props: { page: pages[2] } }]);
    expect(furtherPageRoutes(matrixPages(ids(3)))).toEqual([]);
  });
});

describe('reviews', () => {
  it('flags a review date that has passed, one due soon, and a current one', () => {
    expect(reviewState('2026-06-14', TODAY)).toEqual({ state: 'overdue', reviewBy: '2026-06-14', days: -1 });
    expect(reviewState('2026-07-15', TODAY)).toMatchObject({ state: 'due-soon', days: 30 });
    expect(reviewState('2027-01-01', TODAY)).toMatchObject({ state: 'current' });
  });

  it('reads a month as its last day, as the currency rule does', () => {
    expect(reviewState('2026-06', TODAY)).toMatchObject({ state: 'due-soon', days: 15 });
    expect(reviewState('2014-03', TODAY).state).toBe('overdue');
  });
});

describe('status', () => {
  const reports = [report('2026-05-31', 'amber', [{ severity: 'high' }, { severity: 'low', closed: '2026-05-20' }]), report('2026-04-30', 'green'), report('2026-06-30', 'red')];

  it('takes the latest report dated on or before today', () => {
    expect(latestReport(reports, TODAY)?.data.date).toBe('2026-05-31');
  });

  it('orders the timeline oldest first, counting open and high issues as of each report', () => {
    expect(statusTimeline(reports, TODAY).map((p) => [p.date, p.rag, p.openIssues, p.highIssues, p.latest])).toEqual([
      ['2026-04-30', 'green', 0, 0, false],
      ['2026-05-31', 'amber', 1, 1, true],
      ['2026-06-30', 'red', 0, 0, false],
    ]);
  });
});

describe('dashboard', () => {
  const charter = (status: S.Charter['status'], phase: S.Charter['phase']) => ({ title: 'Alpha', status, phase, start: '2026-01-01', end: '2026-12-31' }) as S.Charter;
  const plan = {
    currency: 'GBP', contingency: 0, total: 1000, budget: [{ line: 'a', title: 'A', amount: 1000, actual: 250 }],
    milestones: [
      { id: 'late', title: 'Late', workstream: 'w', owner: 'ana', due: '2026-06-01', dependsOn: [] },
      { id: 'next', title: 'Next', workstream: 'w', owner: 'ana', due: '2026-07-01', dependsOn: [] },
      { id: 'done', title: 'Done', workstream: 'w', owner: 'ana', due: '2026-05-01', done: '2026-05-01', dependsOn: [] },
    ],
  } as unknown as S.Plan;
  const project = { id: 'alpha', charter: charter('active', 'execution'), plan, status: [report('2026-05-31', 'amber', [{ severity: 'critical', due: '2026-06-01' }, { severity: 'high', closed: '2026-06-10' }])], coverage: { evidenced: 9, required: 12 } };

  it('summarises a project: RAG from the latest report, burn, coverage and open high issues', () => {
    expect(projectSummary(project, TODAY)).toMatchObject({
      rag: 'amber', latest: { id: 'alpha/status/2026-05-31', date: '2026-05-31' },
      budget: { currency: 'GBP', total: 1000, actual: 250, burn: 0.25, forecast: 5000 },
      coverage: { evidenced: 9, required: 12, ratio: 0.75 },
      openHigh: 1,
    });
  });

  it('groups projects by phase, every phase present', () => {
    const groups = byPhase([projectSummary(project, TODAY)]);
    expect(groups.map((g) => [g.phase, g.projects.length])).toEqual([['planning', 0], ['execution', 1], ['handover', 0], ['closed', 0]]);
  });

  it('lists open milestones of projects under way, overdue first', () => {
    expect(upcomingMilestones([project], TODAY).map((m) => [m.id, m.overdue, m.days])).toEqual([['late', true, -14], ['next', false, 16]]);
    expect(upcomingMilestones([{ ...project, charter: charter('closed', 'closed') }], TODAY)).toEqual([]);
  });

  it('lists open high and critical issues of the latest reports, flagging overdue ones', () => {
    expect(openHighIssues([project], TODAY).map((i) => [i.severity, i.overdue, i.report])).toEqual([['critical', true, 'alpha/status/2026-05-31']]);
  });

  it('lists documents due for review, most overdue first', () => {
    const due = dueReviews([
      { type: 'policies', id: 'soon', data: { title: 'Soon', reviewBy: '2026-07-01', owner: 'Head of IT' } },
      { type: 'standards', id: 'old', data: { title: 'Old', reviewBy: '2014-03' } },
      { type: 'policies', id: 'fine', data: { title: 'Fine', reviewBy: '2028-01-01' } },
    ], TODAY);
    expect(due.map((d) => [d.id, d.state])).toEqual([['old', 'overdue'], ['soon', 'due-soon']]);
  });
});

describe('systems landscape', () => {
  const systems = [
    { id: 'crm', data: { title: 'CRM "new"', owner: 'acme', lifecycle: 'live', kind: 'saas', interfaces: [{ system: 'erp', protocol: 'REST' }, 'legacy'] } },
    { id: 'erp', data: { title: 'ERP', owner: 'acme', lifecycle: 'live', kind: 'application', interfaces: ['crm'] } },
    { id: 'legacy', data: { title: 'Legacy DB', owner: 'beta', lifecycle: 'retiring', kind: 'data-store', interfaces: ['gone'] } },
  ] as const;
  const catalogue = systems as unknown as Parameters<typeof landscapeSource>[0];

  it('draws each interfacing pair once, whichever side declared it, leaving out unknown systems', () => {
    expect(connections(catalogue)).toEqual([{ a: 'crm', b: 'erp', protocol: 'REST' }, { a: 'crm', b: 'legacy', protocol: undefined }]);
  });

  it('lists a system’s interfaces from both sides', () => {
    expect(interfacesOf('erp', catalogue)).toEqual([{ system: 'crm', side: 'declared' }, { system: 'crm', protocol: 'REST', description: undefined, side: 'received' }]);
  });

  it('groups systems by owner, shapes data stores as cylinders and dashes retiring systems', () => {
    const source = landscapeSource(catalogue, (id) => ({ acme: 'Acme Ltd' })[id]);
    expect(source).toContain('  subgraph org-acme ["Acme Ltd"]\n    sys-crm["CRM #quot;new#quot;"]\n    sys-erp["ERP"]\n  end');
    expect(source).toContain('  subgraph org-beta ["beta"]\n    sys-legacy[("Legacy DB")]\n  end');
    expect(source).toContain('  sys-crm --- sys-erp\n  sys-crm --- sys-legacy');
    expect(source).toContain('  class sys-legacy retiring');
  });

  it('draws one system’s neighbourhood with protocols on the edges', () => {
    expect(neighbourhoodSource('crm', catalogue)).toContain('  sys-crm ---|"REST"| sys-erp\n  sys-crm --- sys-legacy');
    expect(neighbourhoodSource('nowhere', catalogue)).toBeUndefined();
  });

  it('finds the systems a rendered diagram draws by their node ids', () => {
    const [block] = mermaidBlocks('<p>x</p><pre class="mermaid">flowchart LR\n  fenwick-crm --&gt; crm[&quot;CRM&quot;]</pre>');
    expect(block).toBe('flowchart LR\n  fenwick-crm --> crm["CRM"]');
    expect(diagramDraws(block!, 'crm')).toBe(true);
    expect(diagramDraws(block!, 'fenwick-crm')).toBe(true);
    expect(diagramDraws(block!, 'fenwick')).toBe(false);
  });

  it('finds every system a body draws in one pass, as diagramDraws would one system at a time', () => {
    const html =
      '<pre class="mermaid">flowchart LR\n  fenwick-crm --&gt; crm[&quot;CRM&quot;]\n  a--&gt;erp_2\n  sys.x --- ledger</pre><p>erp</p><pre class="mermaid">graph TD\n  payments</pre>';
    const ids = ['crm', 'fenwick-crm', 'fenwick', 'erp', 'erp_2', 'a', 'ledger', 'payments', 'sys.x', 'sys', 'x', 'missing'];
    const one = ids.filter((id) => mermaidBlocks(html).some((source) => diagramDraws(source, id)));
    expect(systemsDrawn(html, ids)).toEqual(one);
    expect(one).toEqual(['crm', 'fenwick-crm', 'erp_2', 'ledger', 'payments', 'sys.x', 'sys', 'x']);
    expect(systemsDrawn('<p>crm</p>', ids)).toEqual([]);
  });
});

describe('provider scorecards', () => {
  const evaluation = (id: string, provider: string, period: string, scores: number[], actions: { closed?: string }[] = []) => ({
    id,
    data: {
      title: id, classification: 'internal', provider, period,
      scores: { quality: scores[0]!, timeliness: scores[1]!, cost: scores[2]!, communication: scores[3]!, security: scores[4]! },
      actions: actions.map((a) => ({ action: 'Do it', owner: 'ana', due: '2026-07-01', ...a })),
    } as S.Evaluation,
  });

  it('orders a provider’s evaluations across projects by period and averages each measure', () => {
    const card = scorecard('kestrel', [
      evaluation('beta/evaluations/kestrel-2026-q2', 'kestrel', '2026-Q2', [4, 2, 3, 4, 5], [{}, { closed: '2026-06-01' }]),
      evaluation('alpha/evaluations/kestrel-2026-q1', 'kestrel', '2026-Q1', [4, 4, 4, 4, 4]),
      evaluation('alpha/evaluations/other-2026-q1', 'other', '2026-Q1', [1, 1, 1, 1, 1]),
    ], TODAY);
    expect(card.evaluations.map((e) => [e.project, e.period, e.mean, e.lowest, e.openActions])).toEqual([
      ['alpha', '2026-Q1', 4, 4, 0],
      ['beta', '2026-Q2', 3.6, 2, 1],
    ]);
    expect(card.averages).toEqual({ quality: 4, timeliness: 3, cost: 3.5, communication: 4, security: 4.5 });
    expect(card.mean).toBe(3.8);
    expect(card.projects).toEqual(['alpha', 'beta']);
  });

  it('is empty for a provider never evaluated', () => {
    expect(scorecard('none', [], TODAY)).toEqual({ provider: 'none', evaluations: [], projects: [] });
  });
});

describe('lessons library', () => {
  it('lists every lesson with the projects that apply it', () => {
    const library = lessonsLibrary(
      [{ id: 'alpha/lessons', data: { title: 'L', classification: 'internal', lessons: [{ id: 'freeze', category: 'data', what: 'Codes changed.', recommendation: 'Freeze codes before mapping.' }] } }],
      [{ id: 'beta', data: { lessonsApplied: [{ project: 'alpha', lesson: 'freeze', how: 'Frozen on 1 June.' }] } }, { id: 'gamma', data: { lessonsApplied: [] } }],
    );
    expect(library).toEqual([
      { id: 'freeze', category: 'data', what: 'Codes changed.', recommendation: 'Freeze codes before mapping.', project: 'alpha', record: 'alpha/lessons', appliedIn: [{ project: 'beta', how: 'Frozen on 1 June.' }] },
    ]);
  });
});

describe('coverage matrix and backlinks', () => {
  const counts = (c: Partial<Coverage['projects'][number]['counts']>) => ({ evidenced: 0, policy: 0, failing: 0, missing: 0, 'not-required': 0, 'not-applicable': 0, unaccounted: 0, ...c });
  const unmapped = { records: [], policies: [], claimable: [] };
  const coverage: Coverage = {
    criteria: [
      { id: 'P5', key: 's:P5', kind: 'performance', group: 'g', text: 'Prepare budgets', items: [], standard: 's' },
      { id: 'K3', key: 's:K3', kind: 'knowledge', group: 'g', text: 'Stakeholders', items: ['K3.1'], standard: 's' },
      { id: 'K3.1', key: 's:K3.1', kind: 'knowledge', group: 'g', text: 'Sponsors', parent: 'K3', items: [], standard: 's' },
    ],
    mappings: [unmapped, unmapped, unmapped],
    projects: [
      { id: 'alpha', title: 'Alpha', phase: 'planning', evidenced: 1, required: 2, counts: counts({ evidenced: 2, missing: 1 }) },
      { id: 'secret', title: 'Secret', phase: 'planning', evidenced: 0, required: 0, counts: counts({ 'not-required': 3 }) },
    ],
    cells: [
      [
        { criterion: 'P5', project: 'alpha', state: 'evidenced', reason: 'Evidenced.', evidence: [{ file: 'projects/alpha/plan.mdx', type: 'plan', via: 'type', failing: false }], expected: ['plan'] },
        { criterion: 'P5', project: 'secret', state: 'not-required', reason: 'Required from the execution phase: a plan.', evidence: [], expected: ['plan'] },
      ],
      [
        { criterion: 'K3', project: 'alpha', state: 'missing', reason: 'Missing.', evidence: [], expected: ['stakeholders'] },
        { criterion: 'K3', project: 'secret', state: 'not-required', reason: 'Not yet.', evidence: [], expected: ['stakeholders'] },
      ],
      [
        {
          criterion: 'K3.1', project: 'alpha', state: 'evidenced', reason: 'Evidenced.', expected: ['stakeholders'],
          evidence: [
            { file: 'projects/alpha/status/2026-05-01.mdx', type: 'status', via: 'claim', section: 'Risks and issues', failing: true },
            { file: 'projects/alpha/index.mdx', type: 'charter', via: 'claim', section: 'Who is involved', failing: false },
          ],
        },
        { criterion: 'K3.1', project: 'secret', state: 'not-required', reason: 'Not yet.', evidence: [], expected: [] },
      ],
    ],
  };
  const pages: Record<string, { href: string; title: string }> = {
    'projects/alpha/plan.mdx': { href: '/projects/alpha/plan/', title: 'Alpha plan' },
    'projects/alpha/index.mdx': { href: '/projects/alpha/', title: 'Alpha' },
    'policies/budgeting.mdx': { href: '/policies/budgeting/', title: 'Budgeting' },
  };
  const pageOf = (file: string) => pages[file];

  it('gives each cell its state in words and a link to published evidence, passing evidence and claimed sections first', () => {
    const matrix = coverageMatrix(coverage, pageOf, (id) => id !== 'secret');
    expect(matrix.projects.map((p) => [p.id, p.ratio])).toEqual([['alpha', 0.5]]);
    expect(matrix.rows.map((r) => r.cells[0])).toEqual([
      { state: 'evidenced', href: '/projects/alpha/plan/', label: 'P5, Alpha: evidenced by Alpha plan' },
      { state: 'missing', label: 'K3, Alpha: missing, needs a stakeholder register' },
      { state: 'evidenced', href: '/projects/alpha/#who-is-involved', label: 'K3.1, Alpha: evidenced by Alpha, “Who is involved”' },
    ]);
  });

  it('links a criterion to the policies that address it and the records that evidence it', () => {
    const links = criterionBacklinks(coverage, [{ id: 'budgeting', href: '/policies/budgeting/', title: 'Budgeting', criteria: ['s:P5', 's:K3'] }], pageOf, (file) => file.split('/')[1]);
    expect(links.get('s:P5')).toEqual([
      { href: '/policies/budgeting/', title: 'Budgeting', kind: 'policy', via: 'addresses', failing: false },
      { href: '/projects/alpha/plan/', title: 'Alpha plan', kind: 'plan and budget', project: 'alpha', via: 'evidences', failing: false },
    ]);
    // A policy addressing K3 addresses its sub-items; an unpublished status report is left out.
    expect(links.get('s:K3.1')!.map((l) => [l.title, l.via])).toEqual([['Budgeting', 'addresses'], ['Alpha, “Who is involved”', 'claims']]);
    expect(groupBacklinks(links.get('s:P5')!)).toEqual({
      policies: [links.get('s:P5')![0]],
      projects: [{ project: 'alpha', records: [{ kind: 'plan and budget', href: '/projects/alpha/plan/', title: 'Alpha plan', count: 1, failing: false, via: 'evidences' }] }],
    });
  });

  it('leaves the records of projects shown on the matrix\'s further pages off the standard page, and counts those projects', () => {
    const link = (project: string | undefined, href: string): Backlink => ({ href, title: href, kind: 'status report', ...(project ? { project } : {}), via: project ? 'evidences' : 'addresses', failing: false });
    const links = [link(undefined, '/policies/p/'), link('a', '/a/1/'), link('b', '/b/1/'), link('b', '/b/2/'), link('c', '/c/1/'), link('orphan', '/o/1/')];
    // b and c are on later pages; a project on no page of the matrix (its charter unpublished) stays here.
    expect(backlinksShown(links, new Set(['b', 'c', 'd']))).toEqual({ links: [links[0], links[1], links[5]], more: 2 });
    expect(backlinksShown(links, new Set())).toEqual({ links, more: 0 });
  });

  it('shows a not-applicable or policy cell with its reason, and a link to the policy', () => {
    const cells = { ...coverage, cells: [[
      { criterion: 'P5', project: 'alpha', state: 'policy' as const, reason: 'Evidenced by policy.', evidence: [{ file: 'policies/budgeting.mdx', type: 'policies', via: 'policy' as const, failing: false }], expected: [] },
      { criterion: 'P5', project: 'secret', state: 'not-applicable' as const, reason: 'No budget is kept.', evidence: [], expected: [] },
    ], coverage.cells[1]!, coverage.cells[2]!] };
    const matrix = coverageMatrix(cells, pageOf);
    expect(matrix.rows[0]!.cells).toEqual([
      { state: 'policy', href: '/policies/budgeting/', label: 'P5, Alpha: evidenced by policy, Budgeting' },
      { state: 'not-applicable', label: 'P5, Secret: not applicable. No budget is kept.' },
    ]);
  });

  it('says in words what the coverage map says evidences a criterion', () => {
    const plan = { name: 'plan', label: 'plan and budget' } as RecordType;
    expect(howEvidenced({ records: [{ type: plan, section: 'Coordination', from: 'planning' }], policies: [{ policy: 'budgeting' }], claimable: [] })).toEqual({
      records: ['plan and budget (“Coordination”), from planning'], policies: [{ id: 'budgeting' }], unmapped: false,
    });
    expect(howEvidenced({ records: [], policies: [], notApplicable: 'Not kept.', claimable: [] })).toEqual({ records: [], policies: [], notApplicable: 'Not kept.', unmapped: false });
    expect(howEvidenced(undefined).unmapped).toBe(true);
  });

  it('lists the rules protecting a criterion, a parent’s rules covering its sub-items', () => {
    const rules = rulesByCriterion([{ id: 'budget', criteria: ['s:P5'] }, { id: 'stakeholders', criteria: ['s:K3'] }, { id: 'other', criteria: ['t:K3'] }], coverage.criteria);
    // Keys are qualified: a rule protecting another standard's K3 protects nothing here.
    expect(Object.fromEntries(rules)).toEqual({ 's:P5': ['budget'], 's:K3': ['stakeholders'], 's:K3.1': ['stakeholders'] });
  });
});

describe('rule catalogue', () => {
  it('lists a rule’s options from its schema, with types, defaults and descriptions', () => {
    const options = z.strictObject({
      period: z.enum(['quarter', 'half']).default('quarter').describe('How often.'),
      threshold: z.number().int().min(1).max(5).default(3),
      severities: z.array(z.enum(['low', 'high'])).default(['high']),
    });
    expect(ruleOptions(options)).toEqual([
      { name: 'period', type: '"quarter" | "half"', defaultValue: '"quarter"', description: 'How often.' },
      { name: 'threshold', type: 'integer, 1–5', defaultValue: '3', description: undefined },
      { name: 'severities', type: '("low" | "high")[]', defaultValue: '["high"]', description: undefined },
    ]);
  });

  it('shows an example’s files, base and expected findings', () => {
    expect(exampleView({ title: 'a bad total', criteria: ['P5'], base: 'execution', files: { 'projects/a/plan.mdx': '---\n', 'projects/a/lessons.mdx': null }, expect: [{ file: 'projects/a/plan.mdx', line: 12, column: 8, message: /total/ }] })).toEqual({
      title: 'a bad total', criteria: ['P5'], base: 'execution', today: undefined, options: undefined,
      files: [{ path: 'projects/a/plan.mdx', lang: 'mdx', text: '---\n' }, { path: 'projects/a/lessons.mdx', lang: 'mdx', text: null }],
      expect: [{ where: 'projects/a/plan.mdx:12:8', message: 'matching /total/', severity: undefined }],
    });
  });

  it('shows an example’s markers in its files and lists the findings they expect', () => {
    const text = '---\ntitle: Acme CRM\nkind: app # ^ schema:7 [warning] /must be one of/\n---\n\nSee [x](./y.mdx). {/* ^ links:5 The link has no target. */}\n';
    const view = exampleView({ title: 'bad kind', files: { 'systems/crm.mdx': text } });
    expect(view.files).toEqual([{ path: 'systems/crm.mdx', lang: 'mdx', text }]);
    expect(view.expect).toEqual([
      { where: 'systems/crm.mdx:3:7', message: 'matching /must be one of/', severity: 'warning' },
      { where: 'systems/crm.mdx:6:5', message: 'The link has no target.', severity: undefined },
    ]);
  });
});

describe('format', () => {
  it('reads numbers and dates the British way, locale-fixed', () => {
    expect(formatMoney(1_916_800, 'GBP')).toBe('£1,916,800');
    expect(formatMoney(12.5, 'EUR')).toBe('€12.50');
    expect(formatMoney(10, 'ZZZ')).toMatch(/10/);
    expect(formatPercent(0.564)).toBe('56%');
    expect(formatDate('2026-11-20')).toBe('20 Nov 2026');
    expect(formatDate('2014-03')).toBe('Mar 2014');
    expect(formatDays(-1)).toBe('1 day');
    expect(formatDays(4617)).toBe('12 years');
  });
});

describe('people in project records', () => {
  it('shows a stakeholder id as the person’s name, linking to the register', async () => {
    const { stakeholderLinker, stakeholderPaths } = await import('../../src/site/views/people.ts');
    expect([...stakeholderPaths('status')].sort()).toEqual(['architecture.deviations.owner', 'issues.owner', 'security.owner']);
    expect([...stakeholderPaths('charter')]).toEqual(['sponsors']);
    const link = stakeholderLinker('status', new Map([['ana', 'Ana Ruiz']]), '/projects/alpha/stakeholders/');
    expect(link('issues.owner', 'ana')).toEqual({ href: '/projects/alpha/stakeholders/#stakeholder-ana', text: 'Ana Ruiz', hint: 'ana' });
    expect(link('issues.owner', 'nobody')).toBeUndefined();
    expect(link('issues.title', 'ana')).toBeUndefined();
  });
});
