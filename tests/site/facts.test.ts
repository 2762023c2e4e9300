// Every frontmatter field becomes something a reader can scan, and references become links.
import { describe, expect, it } from 'vitest';
import { factsOf, labelOf } from '../../src/site/views/facts.ts';
import { referenceLinker } from '../../src/site/views/routes.ts';

describe('labelOf', () => {
  it.each([
    ['reviewBy', 'Review by'],
    ['dataClasses', 'Data classes'],
    ['rag', 'RAG'],
    ['openDefects', 'Open defects'],
  ])('%s → %s', (key, label) => expect(labelOf(key)).toBe(label));
});

describe('factsOf', () => {
  const titles: Record<string, string> = { 'organisation:northwind': 'Northwind Holdings', 'system:crm': 'CRM', 'criterion:K7': 'design and develop policies' };
  const lookup = (target: string, id: string) => {
    const title = titles[`${target}:${id}`];
    return title === undefined ? undefined : { title };
  };

  it('shows scalars as text, lists as lists and leaves out empty values', () => {
    const facts = factsOf({ title: 'x', kind: 'saas', dataClasses: ['personal'], interfaces: [], total: 165000, signoff: true }, { omit: ['title'] });
    expect(facts).toEqual([
      { key: 'kind', label: 'Kind', value: { kind: 'text', text: 'saas' } },
      { key: 'dataClasses', label: 'Data classes', value: { kind: 'list', items: [{ kind: 'text', text: 'personal' }] } },
      { key: 'total', label: 'Total', value: { kind: 'text', text: '165,000' } },
      { key: 'signoff', label: 'Signoff', value: { kind: 'text', text: 'Yes' } },
    ]);
  });

  it('shows lists of objects as tables without columns nobody filled in', () => {
    const [fact] = factsOf({ issues: [{ id: 'a', owner: undefined, due: '2026-06-20' }, { id: 'b', due: '2026-07-01' }] });
    expect(fact?.value).toEqual({
      kind: 'table',
      columns: [{ key: 'id', label: 'ID' }, { key: 'due', label: 'Due' }],
      rows: [
        [{ kind: 'text', text: 'a' }, { kind: 'text', text: '2026-06-20' }],
        [{ kind: 'text', text: 'b' }, { kind: 'text', text: '2026-07-01' }],
      ],
    });
  });

  it('links references that resolve, shown by title, and leaves dangling ones as text', () => {
    const link = referenceLinker('systems', lookup);
    const facts = factsOf({ owner: 'northwind', interfaces: ['crm', { system: 'gone' }], evidence: [{ criterion: 'K7', section: 'Purpose' }] }, { link });
    expect(facts[0]?.value).toEqual({ kind: 'text', text: 'Northwind Holdings', href: '/organisations/northwind/', hint: 'northwind' });
    expect(facts[1]?.value).toEqual({
      kind: 'list',
      items: [
        { kind: 'text', text: 'CRM', href: '/systems/crm/', hint: 'crm' },
        { kind: 'fields', fields: [{ key: 'system', label: 'System', value: { kind: 'text', text: 'gone' } }] },
      ],
    });
    expect(facts[2]?.value).toMatchObject({ rows: [[{ text: 'K7', href: '/standard/#k7', hint: 'design and develop policies' }, { text: 'Purpose' }]] });
  });
});
