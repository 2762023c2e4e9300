// A provider's scorecard across every project and period it was evaluated in: the five scores per
// evaluation, in period order, with averages per measure, so a sponsor sees the trend at a glance.
import { parsePeriod } from '../../model/periods.ts';
import type { Evaluation } from '../../model/schemas.ts';

export const MEASURES = ['quality', 'timeliness', 'cost', 'communication', 'security'] as const;
export type Measure = (typeof MEASURES)[number];

export interface ScoredEvaluation {
  /** The evaluation record's id (`<project>/evaluations/<file>`). */
  id: string;
  project: string;
  period: string;
  /** The period's first day, for ordering. */
  start: string;
  scores: Record<Measure, number>;
  /** The five scores' mean, to one decimal. */
  mean: number;
  /** The lowest score: a low one needs an action. */
  lowest: number;
  openActions: number;
}

export interface Scorecard {
  provider: string;
  evaluations: ScoredEvaluation[];
  /** Mean per measure over all evaluations (undefined with none). */
  averages?: Record<Measure, number>;
  mean?: number;
  projects: string[];
}

const one = (n: number) => Math.round(n * 10) / 10;

/** The scorecard of `provider` from evaluations of every project, oldest period first. */
export function scorecard(provider: string, evaluations: { id: string; data: Evaluation }[], today: string): Scorecard {
  const rows = evaluations
    .filter((e) => e.data.provider === provider)
    .map(({ id, data }): ScoredEvaluation => {
      const values = MEASURES.map((m) => data.scores[m]);
      return {
        id,
        project: id.split('/')[0]!,
        period: data.period,
        start: parsePeriod(data.period)?.start ?? data.period,
        scores: { ...data.scores },
        mean: one(values.reduce((a, b) => a + b, 0) / values.length),
        lowest: Math.min(...values),
        openActions: data.actions.filter((a) => a.closed === undefined || a.closed > today).length,
      };
    })
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.project < b.project ? -1 : 1));
  if (!rows.length) return { provider, evaluations: [], projects: [] };
  const averages = Object.fromEntries(MEASURES.map((m) => [m, one(rows.reduce((sum, r) => sum + r.scores[m], 0) / rows.length)])) as Record<Measure, number>;
  return {
    provider,
    evaluations: rows,
    averages,
    mean: one(MEASURES.reduce((sum, m) => sum + averages[m], 0) / MEASURES.length),
    projects: [...new Set(rows.map((r) => r.project))],
  };
}
