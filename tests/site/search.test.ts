// What search knows of a record's page: filters by type, project, phase, organisation and criterion,
// and the type, project, status and date shown with each result.
import { describe, expect, it } from 'vitest';
import type { RecordData } from '../../src/model/record-data.ts';
import type { ReferenceLookup } from '../../src/site/views/routes.ts';
import { criterionFacet, recordDate, searchFacets, valuesAt } from '../../src/site/views/search.ts';
import { loadGraph } from '../../src/model/graph.ts';
import { EXAMPLE_CONTENT, EXAMPLE_GRAPH } from '../helpers/content.ts';

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
    const { filters, meta } = searchFacets({ type: 'plan', data }, { charter, lookup, updated: '2026-11-27', typeCriteria });
    expect(filters.filter(([key]) => key !== 'criterion')).toEqual([
      ['type', 'Plan and budget'],
      ['project', 'Alpha merger'],
      ['phase', 'execution'],
      ['organisation', 'Acme Group'],
      ['organisation', 'Beta Ltd'],
    ]);
    expect(filters.filter(([key]) => key === 'criterion').map(([, c]) => c)).toEqual(['P5', 'P12', 'P15', 'K10', 'K14', 'K28.3', 'K28.5', 'K26.2']);
    expect(meta).toEqual([['type', 'Plan and budget'], ['project', 'Alpha merger'], ['status', 'active'], ['updated', '27 Nov 2026']]);
  });

  it('names each criterion\'s standard in the criterion filter, the primary standard\'s ids and qualified ones alike', async () => {
    const graph = await loadGraph(EXAMPLE_CONTENT, EXAMPLE_GRAPH);
    const data = { title: 'Change control', criteria: ['K26.2', 'eskitp5045:P9', 'sp800-53-low:cm-4', 'K99'], approved: '2026-03-02' } as unknown as RecordData['policies'];
    const { filters } = searchFacets({ type: 'policies', data }, { lookup, criterionFacet: criterionFacet(graph) });
    expect(filters.filter(([key]) => key === 'criterion').map(([, value]) => value)).toEqual(['ESKITP5045 K26.2', 'ESKITP5045 P9', 'SP800-53-LOW cm-4', 'K99']);
  });

  it('files a policy under the criteria it addresses, once each', () => {
    const data = { title: 'Integration policy', criteria: ['P1', 'K7', 'K25.8'], approved: '2026-03-02' } as unknown as RecordData['policies'];
    const { filters, meta } = searchFacets({ type: 'policies', data }, { lookup, updated: '2026-11-27' });
    expect(filters).toEqual([['type', 'Policy'], ...['P1', 'K7', 'K25.8'].map((c) => ['criterion', c])]);
    // A record with a date of its own shows it, not when its file last changed.
    expect(meta).toEqual([['type', 'Policy'], ['date', '2 Mar 2026']]);
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

describe('recordDate', () => {
  it('is the date a record is about, where its type has one', () => {
    expect(recordDate('status', { date: '2026-11-13' })).toBe('2026-11-13');
    expect(recordDate('policies', { approved: '2026-03-02', reviewBy: '2027-03-02' })).toBe('2026-03-02');
    expect(recordDate('changes', { raised: '2026-08-01', decided: '2026-09-02' })).toBe('2026-09-02');
    expect(recordDate('changes', { raised: '2026-08-01' })).toBe('2026-08-01');
    expect(recordDate('signoff', { signoffs: [{ date: '2026-05-01' }, { date: '2026-07-20' }, { date: '2026-06-03' }] })).toBe('2026-07-20');
    expect(recordDate('organisations', { title: 'Beta Ltd' })).toBeUndefined();
    expect(recordDate('charter', { start: '2026-03-02' })).toBeUndefined();
  });

  it('leaves a result without a date when neither the record nor git gives one', () => {
    expect(searchFacets({ type: 'organisations', data: { title: 'Beta Ltd' } as RecordData['organisations'] }, { lookup }).meta).toEqual([['type', 'Organisation']]);
  });
});
