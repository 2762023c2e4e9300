// The RACI chart: stakeholders against the charter's workstreams, from the stakeholder register.
import { describe, expect, it } from 'vitest';
import { raciMatrix } from '../../src/site/views/raci.ts';

const person = (id: string, raci: Record<string, 'R' | 'A' | 'C' | 'I'>) => ({
  id,
  name: id.toUpperCase(),
  role: 'Role',
  organisation: 'contoso',
  kind: 'stakeholder' as const,
  signoff: false,
  raci,
});

describe('raciMatrix', () => {
  const workstreams = [
    { id: 'data', title: 'Data migration' },
    { id: 'testing', title: 'Testing' },
  ];

  it('lays stakeholders (rows, register order) against workstreams (columns, charter order)', () => {
    const matrix = raciMatrix(workstreams, [person('ana', { testing: 'R', data: 'A' }), person('ben', { data: 'C' })]);
    expect(matrix.columns.map((c) => c.title)).toEqual(['Data migration', 'Testing']);
    expect(matrix.rows.map((r) => [r.id, r.cells])).toEqual([
      ['ana', ['A', 'R']],
      ['ben', ['C', undefined]],
    ]);
  });

  it('names who is accountable for each workstream, so none or several can be flagged', () => {
    const matrix = raciMatrix(workstreams, [person('ana', { data: 'A' }), person('ben', { data: 'A', testing: 'R' })]);
    expect(matrix.columns.map((c) => [c.id, c.accountable])).toEqual([
      ['data', ['ana', 'ben']],
      ['testing', []],
    ]);
  });

  it('keeps a workstream the register names but the charter does not, marked unknown', () => {
    const matrix = raciMatrix(workstreams, [person('ana', { cutover: 'A' })]);
    expect(matrix.columns.at(-1)).toEqual({ id: 'cutover', title: 'cutover', known: false, accountable: ['ana'] });
    expect(matrix.rows[0]!.cells).toEqual([undefined, undefined, 'A']);
  });
});
