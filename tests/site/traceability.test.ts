// The traceability view's rows: rules, records and the systems the records concern, per criterion.
import { describe, expect, it } from 'vitest';
import type { Backlink } from '../../src/site/views/backlinks.ts';
import { traceRows } from '../../src/site/views/traceability.ts';

const record = (href: string, project?: string): Backlink => ({ href, title: href, kind: project ? 'status report' : 'policy', via: project ? 'evidences' : 'addresses', failing: false, ...(project ? { project } : {}) });
const systems: Record<string, { id: string; href: string; title: string }[]> = {
  alpha: [{ id: 'crm', href: '/systems/crm/', title: 'CRM' }, { id: 'ledger', href: '/systems/ledger/', title: 'Ledger' }],
  beta: [{ id: 'crm', href: '/systems/crm/', title: 'CRM' }],
};

describe('traceRows', () => {
  const rows = traceRows({
    criteria: [{ id: 'P1', text: 'Plan' }, { id: 'K3.1', text: 'Know', parent: 'K3' }, { id: 'P2', text: 'Nothing yet' }],
    backlinks: new Map([
      ['P1', [record('/policies/p/'), record('/projects/alpha/status/1/', 'alpha'), record('/projects/beta/plan/', 'beta')]],
      ['K3.1', [record('/projects/beta/plan/', 'beta')]],
    ]),
    rules: new Map([['P1', ['status-cadence', 'budget']]]),
    systemsOf: (project) => systems[project] ?? [],
  });

  it('keeps every criterion, in order, with its rules and records as given', () => {
    expect(rows.map((r) => r.id)).toEqual(['P1', 'K3.1', 'P2']);
    expect(rows[0]!.rules).toEqual(['status-cadence', 'budget']);
    expect(rows[0]!.records.map((r) => r.href)).toEqual(['/policies/p/', '/projects/alpha/status/1/', '/projects/beta/plan/']);
    expect(rows[1]!.parent).toBe('K3');
    expect(rows[2]).toMatchObject({ rules: [], records: [], systems: [] });
  });

  it('gives each system the projects whose evidence concerns it; policies concern none', () => {
    expect(rows[0]!.systems).toEqual([
      { id: 'crm', href: '/systems/crm/', title: 'CRM', projects: ['alpha', 'beta'] },
      { id: 'ledger', href: '/systems/ledger/', title: 'Ledger', projects: ['alpha'] },
    ]);
    expect(rows[1]!.systems).toEqual([{ id: 'crm', href: '/systems/crm/', title: 'CRM', projects: ['beta'] }]);
  });
});
