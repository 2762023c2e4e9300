// What search knows of a record's page: filters by type, project, phase, organisation and criterion,
// and the type, project and status shown with each result.
import { describe, expect, it } from 'vitest';
import type { RecordData } from '../../src/model/record-data.ts';
import type { ReferenceLookup } from '../../src/site/views/routes.ts';
import { searchFacets, valuesAt } from '../../src/site/views/search.ts';

const organisations: Record<string, string> = { acme: 'Acme Group', beta: 'Beta Ltd' };
const lookup: ReferenceLookup = (target, id) => (target === 'organisation' && organisations[id] ? { title: organisations[id] } : undefined);
const charter = {
  id: 'alpha',
  data: { title: 'Alpha merger', status: 'active', phase: 'execution', organisations: ['acme', 'beta', 'gone'] } as unknown as RecordData['charter'],
};

describe('valuesAt', () => {
  it('collects values at a dotted path through arrays', () => {
    expect(valuesAt({ stakeholders: [{ organisation: 'acme' }, { organisation: 'beta' }, {}] }, 'stakeholders.organisation')).toEqual(['acme', 'beta']);
    expect(valuesAt({ criteria: ['K1', 'P2'] }, 'criteria')).toEqual(['K1', 'P2']);
    expect(valuesAt({}, 'evidence.criterion')).toEqual([]);
  });
});

describe('searchFacets', () => {
  it('files a project record under its type, project, phase, the project\'s organisations and the criteria it evidences', () => {
    const data = { title: 'Alpha plan', evidence: [{ criterion: 'K26.2', section: 'Coordination' }] } as unknown as RecordData['plan'];
    const typeCriteria = (type: string) => (type === 'plan' ? ['P5', 'P12', 'P15', 'K10', 'K14', 'K28.3', 'K28.5'] : []);
    const { filters, meta } = searchFacets({ type: 'plan', data }, { charter, lookup, typeCriteria });
    expect(filters.filter(([key]) => key !== 'criterion')).toEqual([
      ['type', 'Plan and budget'],
      ['project', 'Alpha merger'],
      ['phase', 'execution'],
      ['organisation', 'Acme Group'],
      ['organisation', 'Beta Ltd'],
    ]);
    expect(filters.filter(([key]) => key === 'criterion').map(([, c]) => c)).toEqual(['P5', 'P12', 'P15', 'K10', 'K14', 'K28.3', 'K28.5', 'K26.2']);
    expect(meta).toEqual([['type', 'Plan and budget'], ['project', 'Alpha merger'], ['status', 'active']]);
  });

  it('files a policy under the criteria it addresses, once each', () => {
    const data = { title: 'Integration policy', criteria: ['P1', 'K7', 'K25.8'] } as unknown as RecordData['policies'];
    const { filters, meta } = searchFacets({ type: 'policies', data }, { lookup });
    expect(filters).toEqual([['type', 'Policy'], ...['P1', 'K7', 'K25.8'].map((c) => ['criterion', c])]);
    expect(meta).toEqual([['type', 'Policy']]);
  });

  it('files an organisation under itself and a system under its owner', () => {
    expect(searchFacets({ type: 'organisations', data: { title: 'Beta Ltd' } as RecordData['organisations'] }, { lookup }).filters).toEqual([
      ['type', 'Organisation'],
      ['organisation', 'Beta Ltd'],
    ]);
    expect(searchFacets({ type: 'systems', data: { title: 'CRM', owner: 'acme' } as unknown as RecordData['systems'] }, { lookup }).filters).toEqual([
      ['type', 'System'],
      ['organisation', 'Acme Group'],
    ]);
  });
});
