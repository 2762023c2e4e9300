// The budget chart's data: lines against actuals on one scale, overspends, and the project's burn.
import { describe, expect, it } from 'vitest';
import { budgetChart } from '../../src/site/views/budget.ts';

const plan = {
  currency: 'GBP',
  budget: [
    { line: 'tooling', title: 'Migration tooling', amount: 50_000, actual: 20_000 },
    { line: 'people', title: 'Integration team', amount: 150_000, actual: 165_000 },
    { line: 'licences', title: 'Licences', amount: 0, actual: 0 },
  ],
  contingency: 20_000,
  total: 220_000,
};

describe('budgetChart', () => {
  const chart = budgetChart(plan);

  it('adds up the lines, the spend and the burn against the approved total', () => {
    expect(chart).toMatchObject({ currency: 'GBP', lines: 200_000, contingency: 20_000, total: 220_000, actual: 185_000, overLines: 1 });
    expect(chart.burn).toBeCloseTo(185 / 220);
  });

  it('draws every bar on the scale of the largest amount or actual', () => {
    expect(chart.rows.map((r) => [r.line, r.amountWidth, r.actualWidth])).toEqual([
      ['tooling', 30.3, 12.1],
      ['people', 90.9, 100],
      ['licences', 0, 0],
    ]);
  });

  it('flags a line whose spend exceeds its amount', () => {
    expect(chart.rows.map((r) => [r.line, r.over, r.used])).toEqual([
      ['tooling', false, 0.4],
      ['people', true, 1.1],
      ['licences', false, 0],
    ]);
  });

  it('calls spend on a line with no amount infinitely over, not a division by zero', () => {
    const row = budgetChart({ ...plan, budget: [{ line: 'x', title: 'X', amount: 0, actual: 10 }] }).rows[0]!;
    expect(row).toMatchObject({ over: true, used: Number.POSITIVE_INFINITY, amountWidth: 0, actualWidth: 100 });
  });

  it('has no burn when the total is zero', () => {
    expect(budgetChart({ ...plan, total: 0 }).burn).toBe(0);
  });
});
