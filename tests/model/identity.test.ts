// A record's id (and so its address) follows from its file, exactly as the record graph names it, and
// the file a record of a type has in a project follows from its record type.
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph, loadGraph } from '../../src/model/graph.ts';
import { parseSource } from '../../src/model/source.ts';
import { evaluationName, handbookId, handbookLinkId, pathInProject, projectFile, projectOf, recordFile, recordId, recordTypeOf } from '../../src/model/identity.ts';
import { linkHref } from '../../src/model/links.ts';
import { contentMin } from '../helpers/content.ts';

describe('recordId', () => {
  it.each([
    ['policies/integration-policy.mdx', 'integration-policy'],
    ['standards/eskitp5045.yaml', 'eskitp5045'],
    ['projects/crm-merge/index.mdx', 'crm-merge'],
    ['projects/crm-merge/plan.mdx', 'crm-merge/plan'],
    ['projects/crm-merge/status/2026-06-01.mdx', 'crm-merge/status/2026-06-01'],
  ])('%s → %s', (file, id) => {
    expect(recordId(file)).toBe(id);
  });

  it('puts handbook pages under the handbook, an index taking its folder’s address', () => {
    expect(recordId('docs/index.mdx')).toBe('handbook');
    expect(recordId('docs/glossary.mdx')).toBe('handbook/glossary');
    expect(recordId('docs/authoring/records.md')).toBe('handbook/authoring/records');
    expect(recordId('docs/authoring/index.md')).toBe('handbook/authoring');
  });

  it('names a handbook page in a handbook: link by its path in the handbook', () => {
    expect(handbookId('glossary')).toBe('handbook/glossary');
    expect(handbookId('authoring/index')).toBe('handbook/authoring');
    expect(handbookId('authoring')).toBe('handbook/authoring');
    expect(handbookId('')).toBe('handbook');
    expect(handbookId('index')).toBe('handbook');
    expect(handbookLinkId('handbook/authoring/records')).toBe('authoring/records');
    expect(handbookLinkId('handbook')).toBe('index');
  });

  it('splits a project record id into its project and its path in the project', () => {
    expect(projectOf('crm-merge/status/2026-06-01')).toBe('crm-merge');
    expect(pathInProject('crm-merge/status/2026-06-01')).toBe('status/2026-06-01');
  });

  it('is the record graph\'s id for every record of the fixture, handbook pages included', async () => {
    const fixture = contentMin();
    const graph = await loadGraph(fixture);
    rmSync(fixture, { recursive: true, force: true });
    expect(graph.records.length).toBeGreaterThan(10);
    for (const record of graph.records) expect(recordId(record.file), record.file).toBe(record.id);
    expect([...graph.docs.keys()].sort()).toEqual(['handbook', 'handbook/authoring/records']);
  });

  it('gives a handbook folder\'s index page its folder\'s id in the graph, so a page and an index of the same name collide', () => {
    const page = (title: string) => `---\ntitle: ${title}\n---\n\nText.\n`;
    const files = { 'docs/guide/index.mdx': page('Guide'), 'docs/faq.mdx': page('FAQ'), 'docs/faq/index.mdx': page('FAQ again') };
    const graph = buildGraph('/content', Object.entries(files).map(([file, text]) => ({ file, read: () => parseSource(text, file) })));
    expect(graph.docs.get('handbook/guide')?.file).toBe('docs/guide/index.mdx');
    expect(graph.docs.get('handbook/faq')?.file).toBe('docs/faq.mdx');
    // The site would publish both at /handbook/faq/: the graph reports it as it reports any duplicate id.
    expect(graph.problems.map((p) => `${p.file} ${p.code}`)).toEqual(['docs/faq/index.mdx duplicate-id']);
  });
});

describe('projectFile', () => {
  it.each([
    ['charter', undefined, 'projects/alpha/index.mdx'],
    ['stakeholders', undefined, 'projects/alpha/stakeholders.mdx'],
    ['plan', undefined, 'projects/alpha/plan.mdx'],
    ['status', '2026-06-12', 'projects/alpha/status/2026-06-12.mdx'],
    ['evaluations', evaluationName('bridgeworks', '2026-Q2'), 'projects/alpha/evaluations/bridgeworks-2026-q2.mdx'],
    ['changes', 'cr-004', 'projects/alpha/changes/cr-004.mdx'],
    ['signoff', undefined, 'projects/alpha/signoff.mdx'],
    ['lessons', undefined, 'projects/alpha/lessons.mdx'],
  ])('a %s record of project alpha (%s) is %s', (type, name, file) => {
    expect(projectFile('alpha', type, name)).toBe(file);
    // The file is where its record type lives, and its id is the project's.
    expect(recordTypeOf(file)?.name).toBe(type);
    expect(projectOf(recordId(file))).toBe('alpha');
  });

  it('shows the form a name takes when none is given', () => {
    expect(projectFile('alpha', 'status')).toBe('projects/alpha/status/YYYY-MM-DD.mdx');
    expect(projectFile('alpha', 'evaluations')).toBe('projects/alpha/evaluations/<provider>-<period>.mdx');
  });

  it('names a record outside projects by its id', () => {
    expect(recordFile('policies', 'data-retention')).toBe('policies/data-retention.mdx');
    expect(recordTypeOf(recordFile('systems', 'crm'))?.name).toBe('systems');
  });
});

describe('linkHref (how the site rewrites content links)', () => {
  it.each([
    ['projects/pam/plan.mdx', 'changes/cr-001.mdx', '/projects/pam/changes/cr-001/'],
    ['projects/pam/index.mdx', '../../systems/crm.mdx#interfaces', '/systems/crm/#interfaces'],
    ['projects/pam/index.mdx', '../claims/index.mdx', '/projects/claims/'],
    ['docs/how-to-author.mdx', 'glossary.mdx', '/handbook/glossary/'],
    ['policies/a.mdx', '../standards/eskitp5045.yaml', '/standard/'],
  ])('in %s, %s → %s', (from, url, href) => {
    expect(linkHref(from, url)).toBe(href);
  });

  it.each([
    ['https://example.org/a.mdx'],
    ['#scope'],
    ['/policies/a/'],
    ['diagram.png'],
    ['../../../outside.mdx'],
    ['notes/not-a-record.mdx'],
  ])('leaves %s as written', (url) => {
    expect(linkHref('projects/pam/index.mdx', url)).toBeUndefined();
  });
});
