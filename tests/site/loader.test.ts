// What an audience build does with links in a body: a link to a record the build leaves out becomes
// plain text; a link to a record it publishes points at the record's page, also when Astro's content
// store kept an earlier build's entries.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/model/graph.ts';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
// Astro's own content store, as a build keeps it between runs (not among astro's exports).
import { MutableDataStore } from '../../node_modules/astro/dist/content/mutable-data-store.js';
import type { Audience } from '../../src/model/audience.ts';
import { recordTypes } from '../../src/model/record-types.ts';
import { bodyLinkResolver, publicationOf, recordLoader } from '../../src/site/integrations/loader.ts';
import { REPO, RULE_BASE, tempContent } from '../helpers/content.ts';

const organisations = recordTypes.find((t) => t.name === 'organisations')!;

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

describe('the content loader across builds that share Astro\'s content store', () => {
  // `astro build` keeps its content store between runs (node_modules/.astro/) and skips an entry whose
  // digest is unchanged, keeping what was stored before. A record's page depends on more than its own
  // text: its links are resolved against what this build's audience may see, so a public build after an
  // internal one must not keep the internal build's links to internal records.
  it('stores what this build rendered, not what an earlier build with the same text rendered', async () => {
    const beta = `${readFileSync(join(RULE_BASE, 'organisations/beta.mdx'), 'utf8')}\nIts customers are held in [the CRM](system:crm).\n`;
    const dir = tempContent(RULE_BASE, { 'organisations/beta.mdx': beta });
    made.push(dir);
    const store = new MutableDataStore().scopedStore('organisations');
    const build = (audience: Audience) =>
      recordLoader(organisations, { contentRoot: dir, audience }).load({
        store,
        config: { root: pathToFileURL(`${REPO}/`) },
        parseData: async ({ data }: { data: Record<string, unknown> }) => data,
        // As Astro's: a string as it is, anything else by its JSON.
        generateDigest: (data: unknown) => (typeof data === 'string' ? data : JSON.stringify(data)),
      } as unknown as LoaderContext);
    const html = () => (store.get('beta') as { rendered?: { html: string } } | undefined)?.rendered?.html;

    await build('internal');
    expect(html()).toContain('href="/systems/crm/"');
    await build('public');
    expect(html()).toContain('the CRM');
    expect(html()).not.toContain('/systems/crm/');
  });
});
