// What an audience build does with links in a body: a link to a record the build leaves out becomes
// plain text; a link to a record it publishes points at the record's page.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/model/graph.ts';
import { bodyLinkResolver, publicationOf } from '../../src/site/integrations/loader.ts';
import { RULE_BASE, tempContent } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('bodyLinkResolver', () => {
  it('unlinks records the audience may not see, however they are linked', async () => {
    const graph = await loadGraph(RULE_BASE);
    // organisations/beta.mdx is public; systems/crm.mdx and the alpha project are internal.
    const forPublic = bodyLinkResolver(publicationOf(graph, 'public'), 'organisations/beta.mdx');
    const forInternal = bodyLinkResolver(publicationOf(graph, 'internal'), 'organisations/beta.mdx');
    const links = ['../systems/crm.mdx', '../systems/crm', 'system:crm', '/systems/crm/', 'project:alpha/plan#budget', '../projects/alpha/plan.mdx'];
    expect(links.map(forPublic)).toEqual([null, null, null, null, null, null]);
    expect(links.map(forInternal)).toEqual(['/systems/crm/', '/systems/crm/', '/systems/crm/', undefined, '/projects/alpha/plan/#budget', '/projects/alpha/plan/']);
  });

  it('leaves public pages, web addresses and anchors as they are', async () => {
    const graph = await loadGraph(RULE_BASE);
    const resolve = bodyLinkResolver(publicationOf(graph, 'public'), 'organisations/beta.mdx');
    expect(resolve('acme.mdx')).toBe('/organisations/acme/');
    expect(resolve('https://beta.example')).toBeUndefined();
    expect(resolve('#role-in-the-integration')).toBeUndefined();
  });

  it('keeps a public record of an internal project out of a public build', async () => {
    const register = readFileSync(join(RULE_BASE, 'projects/alpha/stakeholders.mdx'), 'utf8').replace('title: Alpha stakeholders', 'title: Alpha stakeholders\nclassification: public');
    const dir = tempContent(RULE_BASE, {
      'projects/alpha/stakeholders.mdx': register,
      'docs/guide.mdx': '---\ntitle: Guide\n---\n\nSee [the register](project:alpha/stakeholders).\n',
    });
    made.push(dir);
    const graph = await loadGraph(dir);
    expect(bodyLinkResolver(publicationOf(graph, 'public'), 'docs/guide.mdx')('project:alpha/stakeholders')).toBeNull();
  });
});
