// Cross-organisation results (K37): for each organisation in a project, what it delivered (milestones
// its people own and have done, deliverables its people signed off), its open actions (engagement
// follow-ups and provider-evaluation actions its people own), its open issues in the latest status
// report, and the scores of the providers it is. People belong to an organisation through the
// project's stakeholder register.
import type * as S from '../../model/schemas.ts';
import { latestReport } from './status.ts';

interface Dated<T> {
  id: string;
  data: T;
}

export interface ResultsInput {
  charter: S.Charter;
  register?: S.StakeholderRegister;
  plan?: S.Plan;
  signoff?: S.Signoff;
  status: Dated<S.StatusReport>[];
  evaluations: Dated<S.Evaluation>[];
  engagement: Dated<S.Engagement>[];
  /** The catalogue's providers, by id: which organisation each is. */
  providers: Map<string, S.Provider>;
  today: string;
}

export interface OpenAction {
  action: string;
  owner: string;
  due?: string;
  overdue: boolean;
  /** The record it is in. */
  record: { type: 'engagement' | 'evaluations'; id: string; title: string };
}

export interface OrganisationResults {
  organisation: string;
  delivered: { title: string; done: string; owner: string }[];
  signedOff: { deliverable: string; by: string; date: string }[];
  openActions: OpenAction[];
  openIssues: { id: string; title: string; severity: string; owner: string; due?: string; overdue: boolean; report: string }[];
  providerScores: { provider: string; period: string; average: number; scores: S.Evaluation['scores']; record: string }[];
}

const average = (s: S.Evaluation['scores']) => Math.round(((s.quality + s.timeliness + s.cost + s.communication + s.security) / 5) * 10) / 10;

/** The results of every organisation in the charter, in the charter's order. */
export function projectResults({ charter, register, plan, signoff, status, evaluations, engagement, providers, today }: ResultsInput): OrganisationResults[] {
  const people = new Map((register?.stakeholders ?? []).map((p) => [p.id, p]));
  const orgOf = (id: string | undefined) => (id ? people.get(id)?.organisation : undefined);
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const latest = latestReport(status, today);
  return charter.organisations.map((organisation) => {
    const ours = (id: string | undefined) => orgOf(id) === organisation;
    const openActions: OpenAction[] = [
      ...engagement.filter((e) => e.data.date <= today).flatMap((e) => e.data.followUps
        .filter((f) => !f.closed && ours(f.owner))
        .map((f) => ({ action: f.action, owner: nameOf(f.owner!), due: f.due, overdue: !!f.due && f.due < today, record: { type: 'engagement' as const, id: e.id, title: e.data.title } }))),
      ...evaluations.flatMap((e) => e.data.actions
        .filter((a) => !a.closed && ours(a.owner))
        .map((a) => ({ action: a.action, owner: nameOf(a.owner), due: a.due, overdue: a.due < today, record: { type: 'evaluations' as const, id: e.id, title: e.data.title } }))),
    ].sort((a, b) => ((a.due ?? '9999') < (b.due ?? '9999') ? -1 : 1));
    return {
      organisation,
      delivered: (plan?.milestones ?? []).filter((m) => m.done && m.done <= today && ours(m.owner)).map((m) => ({ title: m.title, done: m.done!, owner: nameOf(m.owner) })),
      signedOff: (signoff?.signoffs ?? []).filter((s) => s.date <= today && ours(s.by)).map((s) => ({ deliverable: s.deliverable, by: nameOf(s.by), date: s.date })),
      openActions,
      openIssues: (latest?.data.issues ?? []).filter((i) => !i.closed && ours(i.owner)).map((i) => ({ id: i.id, title: i.title, severity: i.severity, owner: nameOf(i.owner!), due: i.due, overdue: !!i.due && i.due < today, report: latest!.id })),
      providerScores: evaluations
        .filter((e) => providers.get(e.data.provider)?.organisation === organisation)
        .sort((a, b) => (a.data.period < b.data.period ? -1 : 1))
        .map((e) => ({ provider: e.data.provider, period: e.data.period, average: average(e.data.scores), scores: e.data.scores, record: e.id })),
    };
  });
}
