// Reporting periods as date ranges: what an evaluation's `period` covers and which periods an
// engagement spans.
import { describe, expect, it } from 'vitest';
import { overlaps, parsePeriod, periodOf, periodsBetween, within } from '../../src/model/periods.ts';

describe('parsePeriod', () => {
  it('reads quarters, halves and months', () => {
    expect(parsePeriod('2026-Q1')).toEqual({ label: '2026-Q1', kind: 'quarter', start: '2026-01-01', end: '2026-03-31' });
    expect(parsePeriod('2026-H2')).toEqual({ label: '2026-H2', kind: 'half', start: '2026-07-01', end: '2026-12-31' });
    expect(parsePeriod('2028-02')).toEqual({ label: '2028-02', kind: 'month', start: '2028-02-01', end: '2028-02-29' });
  });
  it('refuses anything else', () => {
    for (const label of ['2026-Q5', '2026-H3', '2026-13', '2026-q1', '26-Q1', '2026-05-01']) expect(parsePeriod(label)).toBeUndefined();
  });
});

describe('periodOf and periodsBetween', () => {
  it('finds the period holding a date', () => {
    expect(periodOf('2026-06-30', 'quarter').label).toBe('2026-Q2');
    expect(periodOf('2026-07-01', 'half').label).toBe('2026-H2');
    expect(periodOf('2026-12-31', 'month').label).toBe('2026-12');
  });
  it('lists every period overlapping an engagement, across years', () => {
    expect(periodsBetween('2025-11-20', '2026-04-01', 'quarter').map((p) => p.label)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodsBetween('2026-01-31', '2026-03-01', 'month').map((p) => p.label)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(periodsBetween('2026-05-01', '2026-04-01', 'month')).toEqual([]);
  });
});

describe('overlaps and within', () => {
  const q1 = parsePeriod('2026-Q1')!;
  it('compare inclusive date ranges', () => {
    expect(overlaps(q1, { start: '2026-03-31', end: '2026-05-01' })).toBe(true);
    expect(overlaps(q1, { start: '2026-04-01', end: '2026-05-01' })).toBe(false);
    expect(within(parsePeriod('2026-03')!, q1)).toBe(true);
    expect(within(parsePeriod('2026-H1')!, q1)).toBe(false);
  });
});
