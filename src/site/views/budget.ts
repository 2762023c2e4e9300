// A plan's budget against its actuals, ready to draw as bars: each line's approved amount and spend on
// one scale, what is over, and the project's burn. Computed from the plan's frontmatter at build time.
import type { Plan } from '../../model/schemas.ts';

export interface BudgetRow {
  line: string;
  title: string;
  amount: number;
  actual: number;
  /** Spend as a fraction of the line's amount (0 when the amount is 0 and nothing is spent). */
  used: number;
  /** Whether spend exceeds the line's amount. */
  over: boolean;
  /** Bar lengths as percentages of the chart's scale (the largest amount or actual). */
  amountWidth: number;
  actualWidth: number;
}

export interface BudgetChart {
  currency: string;
  rows: BudgetRow[];
  /** The lines' amounts added up. */
  lines: number;
  contingency: number;
  /** The approved total, as the plan states it. */
  total: number;
  /** Spend to date across all lines. */
  actual: number;
  /** Spend as a fraction of the approved total. */
  burn: number;
  /** Lines whose spend exceeds their amount. */
  overLines: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function budgetChart(plan: Pick<Plan, 'currency' | 'budget' | 'contingency' | 'total'>): BudgetChart {
  const scale = Math.max(1, ...plan.budget.flatMap((b) => [b.amount, b.actual]));
  const rows = plan.budget.map((b): BudgetRow => ({
    line: b.line,
    title: b.title,
    amount: b.amount,
    actual: b.actual,
    used: b.amount > 0 ? b.actual / b.amount : b.actual > 0 ? Number.POSITIVE_INFINITY : 0,
    over: b.actual > b.amount,
    amountWidth: round((b.amount / scale) * 100),
    actualWidth: round((b.actual / scale) * 100),
  }));
  const actual = plan.budget.reduce((sum, b) => sum + b.actual, 0);
  return {
    currency: plan.currency,
    rows,
    lines: plan.budget.reduce((sum, b) => sum + b.amount, 0),
    contingency: plan.contingency,
    total: plan.total,
    actual,
    burn: plan.total > 0 ? actual / plan.total : 0,
    overLines: rows.filter((r) => r.over).length,
  };
}
