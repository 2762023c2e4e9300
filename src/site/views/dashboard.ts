// The home dashboard's figures, all judged against the configured "today": projects by phase and RAG,
// budget burn, the next milestones, open high-severity issues and reviews that are overdue.
import type { Charter, Plan, Policy, StatusReport } from '../../model/schemas.ts';
import { PHASES, type Phase } from '../../model/record-types.ts';
import { daysBetween } from '../../model/today.ts';
import { budgetChart } from './budget.ts';
import { milestoneState } from './gantt.ts';
import { reviewState, type ReviewState } from './reviews.ts';
import { isHigh, isOpen, latestReport, type Rag } from './status.ts';

type Issue = StatusReport['issues'][number];

export interface ProjectInputs {
  id: string;
  charter: Charter;
  plan?: Plan;
  status: { id: string; data: StatusReport }[];
  /** Criteria coverage, when computed. */
  coverage?: { evidenced: number; required: number };
}

export interface ProjectSummary {
  id: string;
  title: string;
  status: Charter['status'];
  phase: Phase;
  end: string;
  rag?: Rag;
  /** The latest report's id and date. */
  latest?: { id: string; date: string };
  budget?: { currency: string; total: number; actual: number; burn: number; forecast?: number };
  coverage?: { evidenced: number; required: number; ratio: number };
  openHigh: number;
}

export function projectSummary(p: ProjectInputs, today: string): ProjectSummary {
  const latest = latestReport(p.status, today);
  const chart = p.plan ? budgetChart(p.plan) : undefined;
  return {
    id: p.id,
    title: p.charter.title,
    status: p.charter.status,
    phase: p.charter.phase,
    end: p.charter.end,
    rag: latest?.data.rag,
    latest: latest && { id: latest.id, date: latest.data.date },
    budget: chart && p.plan && {
      currency: p.plan.currency,
      total: chart.total,
      actual: chart.actual,
      burn: chart.burn,
      forecast: latest?.data.spend.forecast,
    },
    coverage: p.coverage && { ...p.coverage, ratio: p.coverage.required ? p.coverage.evidenced / p.coverage.required : 1 },
    openHigh: latest ? latest.data.issues.filter((i) => isOpen(i, today) && isHigh(i)).length : 0,
  };
}

/** Projects per phase, in phase order; every phase is present, possibly empty. */
export function byPhase(projects: ProjectSummary[]): { phase: Phase; projects: ProjectSummary[] }[] {
  return PHASES.map((phase) => ({ phase, projects: projects.filter((p) => p.phase === phase) }));
}

export interface UpcomingMilestone {
  project: string;
  id: string;
  title: string;
  owner: string;
  due: string;
  /** Days from today: negative when overdue. */
  days: number;
  overdue: boolean;
}

/** Milestones not yet done in projects still under way, overdue first, then by due date. */
export function upcomingMilestones(projects: ProjectInputs[], today: string, limit = 8): UpcomingMilestone[] {
  const open = projects
    .filter((p) => p.charter.status !== 'closed' && p.charter.status !== 'cancelled' && p.plan)
    .flatMap((p) =>
      p.plan!.milestones
        .filter((m) => !m.done)
        .map((m) => ({ project: p.id, id: m.id, title: m.title, owner: m.owner, due: m.due, days: daysBetween(today, m.due), overdue: milestoneState(m, today) === 'overdue' })),
    )
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.project.localeCompare(b.project)));
  return open.slice(0, Math.max(limit, open.filter((m) => m.overdue).length));
}

export interface OpenIssue extends Issue {
  project: string;
  /** The status report the issue is carried in. */
  report: string;
  overdue: boolean;
}

/** Open high and critical issues in each project's latest report, critical first, then by due date. */
export function openHighIssues(projects: ProjectInputs[], today: string): OpenIssue[] {
  const rank = (i: Issue) => (i.severity === 'critical' ? 0 : 1);
  return projects
    .flatMap((p) => {
      const latest = latestReport(p.status, today);
      if (!latest) return [];
      return latest.data.issues
        .filter((i) => isOpen(i, today) && isHigh(i))
        .map((i) => ({ ...i, project: p.id, report: latest.id, overdue: i.due !== undefined && i.due < today }));
    })
    .sort((a, b) => rank(a) - rank(b) || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
}

export interface DueReview extends ReviewState {
  type: 'policies' | 'standards';
  id: string;
  title: string;
  owner?: string;
}

/** Policies and standards overdue (or due soon) for review, most overdue first. */
export function dueReviews(
  documents: { type: 'policies' | 'standards'; id: string; data: { title: string; reviewBy: string; owner?: Policy['owner'] } }[],
  today: string,
): DueReview[] {
  return documents
    .map((d) => ({ type: d.type, id: d.id, title: d.data.title, owner: d.data.owner, ...reviewState(d.data.reviewBy, today) }))
    .filter((r) => r.state !== 'current')
    .sort((a, b) => a.days - b.days);
}
