// A record's id (and so its address) follows from its file, exactly as the record graph names it.
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/model/graph.ts';
import { pathInProject, projectOf, recordId } from '../../src/site/record-id.ts';
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

  it('puts handbook pages under a prefix, an index taking its folder’s address', () => {
    expect(recordId('docs/index.mdx', { prefix: 'handbook' })).toBe('handbook');
    expect(recordId('docs/authoring/records.md', { prefix: 'handbook' })).toBe('handbook/authoring/records');
    expect(recordId('docs/authoring/index.md', { prefix: 'handbook' })).toBe('handbook/authoring');
  });

  it('splits a project record id into its project and its path in the project', () => {
    expect(projectOf('crm-merge/status/2026-06-01')).toBe('crm-merge');
    expect(pathInProject('crm-merge/status/2026-06-01')).toBe('status/2026-06-01');
  });

  it('agrees with the record graph on every record of the fixture (handbook pages aside)', async () => {
    const fixture = contentMin();
    const graph = await loadGraph(fixture);
    rmSync(fixture, { recursive: true, force: true });
    const records = graph.records.filter((r) => r.type !== 'docs');
    expect(records.length).toBeGreaterThan(10);
    for (const record of records) expect(recordId(record.file), record.file).toBe(record.id);
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
