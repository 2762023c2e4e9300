// The handbook's sidebar is built from its pages: folders become groups, `sidebar.order` sorts.
import { describe, expect, it } from 'vitest';
import { handbookLanding, handbookSidebar, neighbours } from '../../src/site/views/sidebar.ts';

const pages = [
  { id: 'handbook/glossary', title: 'Glossary', sidebar: { order: 9, badge: { text: 'New', variant: 'tip' as const } } },
  { id: 'handbook/authoring/records', title: 'How to write a record' },
  { id: 'handbook/authoring', title: 'Authoring', sidebar: { order: 1 } },
  { id: 'handbook/about', title: 'About Seam', sidebar: { label: 'About', order: 0 } },
  { id: 'handbook/hidden', title: 'Hidden', sidebar: { hidden: true } },
];

describe('handbookSidebar', () => {
  it('orders pages, groups folders under their index page and marks the current page', () => {
    const sidebar = handbookSidebar(pages, '/handbook/authoring/records/');
    expect(sidebar.map((e) => e.label)).toEqual(['About', 'Authoring', 'Glossary']);
    const group = sidebar[1];
    expect(group?.type).toBe('group');
    if (group?.type !== 'group') return;
    expect(group.entries.map((e) => [e.label, e.type === 'link' && e.href, e.type === 'link' && e.isCurrent])).toEqual([
      ['Authoring', '/handbook/authoring/', false],
      ['How to write a record', '/handbook/authoring/records/', true],
    ]);
    expect(neighbours(sidebar)).toMatchObject({ prev: { href: '/handbook/authoring/' }, next: { href: '/handbook/glossary/' } });
  });

  it('carries a page\'s sidebar badge to its link', () => {
    const glossary = handbookSidebar(pages, '/').find((e) => e.label === 'Glossary');
    expect(glossary).toMatchObject({ type: 'link', badge: { text: 'New', variant: 'tip' } });
    expect(handbookSidebar(pages, '/').find((e) => e.label === 'About')).toMatchObject({ badge: undefined });
  });

  it('starts the handbook at its index page, or else at its first page', () => {
    expect(handbookLanding(pages)).toBe('/handbook/about/');
    expect(handbookLanding([...pages, { id: 'handbook', title: 'Handbook' }])).toBe('/handbook/');
    expect(handbookLanding([])).toBeUndefined();
  });
});
