// Audience builds leave records out completely: built for `public` (or `internal`), the example site
// holds no trace of a record above its clearance in any file it writes —
// pages, scripts, the sitemap and Pagefind's compressed index — while the full build (the shared one)
// does, which shows that the traces looked for are real. Each is built where a full build stood, so
// this also shows the swap leaves nothing of the previous site behind.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Paragraph } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleFiles, type Audience } from '../../src/model/audience.ts';
import { loadGraph, type ContentRecord, type RecordGraph } from '../../src/model/graph.ts';
import { recordHref, recordId } from '../../src/model/identity.ts';
import { allFiles, buildSite, EXAMPLE_CONTENT, launchBrowser, openPage, readOutputFile, REPO, serveStatic, sharedSite, type SiteBuild } from './harness.ts';
import { EXAMPLE_GRAPH } from '../helpers/content.ts';

const SITE = 'https://seam.example';

/** Everything a build wrote, as one searchable text: entities decoded, whitespace collapsed, and HTML also without its tags. */
function outputText(outDir: string): string {
  const decode = (text: string) =>
    text
      .replace(/&#x([\da-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&')
      .replace(/\\u([\da-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\s+/g, ' ');
  return allFiles(outDir)
    .map((file) => {
      const text = readOutputFile(file);
      return file.endsWith('.html') ? `${decode(text)}\n${decode(text.replace(/<[^>]*>/g, ' '))}` : decode(text);
    })
    .join('\n');
}

/** Runs of six plain words from a record's prose paragraphs (never from tables or diagrams). */
function phrases(record: ContentRecord): string[] {
  if (!record.source.hasFrontmatter || !/\.mdx?$/.test(record.file)) return [];
  const tree = unified().use(remarkParse).use(remarkMdx).parse(record.source.body);
  const found: string[] = [];
  visit(tree, 'paragraph', (node: Paragraph) => {
    if (found.length >= 2 || !node.children.every((c) => c.type === 'text')) return;
    const words = node.children.map((c) => (c as { value: string }).value).join('').split(/\s+/);
    for (let i = 0; i + 6 <= words.length; i++) {
      const run = words.slice(i, i + 6);
      if (run.every((w) => /^[A-Za-z]{2,}$/.test(w))) {
        found.push(run.join(' '));
        return;
      }
    }
  });
  return found;
}

interface Trace {
  record: string;
  text: string;
}

/** The site's own words: the rule catalogue's pages quote the rules' docs and examples (`/systems/crm/`). */
const ruleText = allFiles(join(REPO, 'rules'))
  .filter((file) => /\.(ts|mdx?|ya?ml)$/.test(file))
  .map((file) => readFileSync(file, 'utf8').replace(/\s+/g, ' '))
  .join('\n');

/** What would betray each record left out of an `audience` build, minus what the site may say anyway. */
function tracesOfHidden(graph: RecordGraph, audience: Audience): Trace[] {
  const visible = visibleFiles(graph, audience);
  const shown = graph.records.filter((r) => visible.has(r.file));
  // A visible record's own words and ids (an organisation and a provider may share an id; a public
  // handbook page may name a project in an example command) are no leak.
  const visibleText = [ruleText, ...shown.flatMap((r) => [r.source.text.replace(/\s+/g, ' '), recordId(r.file)])].join('\n');
  const traces: Trace[] = [];
  const hiddenProjects = new Set<string>();
  for (const record of graph.records) {
    if (visible.has(record.file)) continue;
    const data = (record.data ?? {}) as { title?: string; description?: string };
    const id = recordId(record.file);
    const candidates = [data.title, data.description, recordHref(record.type, id), ...phrases(record)];
    if (record.type !== 'standards' && !record.project && id.includes('-')) candidates.push(id);
    if (record.type === 'charter') hiddenProjects.add(id);
    for (const text of candidates) if (text && text.length >= 8) traces.push({ record: record.file, text });
  }
  for (const project of hiddenProjects) traces.push({ record: `projects/${project}/`, text: project });
  return traces.filter((t) => !visibleText.includes(t.text));
}

describe.each([
  { audience: 'public' as const, leftOut: 'internal and confidential' },
  { audience: 'internal' as const, leftOut: 'confidential' },
])('a build for the $audience audience', ({ audience, leftOut }) => {
  let built: SiteBuild;
  let graph: RecordGraph;
  // Built over a copy of the full site, as when dist/ last held every record: nothing of it may survive.
  const parent = mkdtempSync(join(tmpdir(), 'seam-audience-'));
  beforeAll(async () => {
    cpSync(sharedSite().outDir, join(parent, 'site'), { recursive: true });
    [built, graph] = await Promise.all([buildSite({ audience, site: SITE, outDir: join(parent, 'site') }), loadGraph(EXAMPLE_CONTENT, EXAMPLE_GRAPH)]);
  }, 300_000);
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('builds, replacing the previous site', () => {
    expect(built.status, built.output).toBe(0);
    expect(readdirSync(parent)).toEqual(['site']);
  });

  it(`holds no trace of ${leftOut} records in any file, the search index and sitemap included`, () => {
    const traces = tracesOfHidden(graph, audience);
    const full = outputText(sharedSite().outDir);
    // Every trace looked for is in the full build; otherwise this test could not see a leak.
    const unseen = traces.filter((t) => !full.includes(t.text));
    expect(unseen, 'traces missing from the full build').toEqual([]);
    const hiddenRecords = new Set(traces.map((t) => t.record));
    expect(hiddenRecords.size).toBeGreaterThan(audience === 'public' ? 30 : 1);

    const output = outputText(built.outDir);
    const leaks = traces.filter((t) => output.includes(t.text));
    expect(leaks).toEqual([]);
  });

  it('searches only what its audience may read, in the browser', async () => {
    const server = await serveStatic(built.outDir);
    const browser = await launchBrowser();
    try {
      const { page, errors } = await openPage(browser, `${server.url}/search/`);
      // A string, so Vitest does not rewrite the page's own import().
      const { filters, urls } = (await page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        await pagefind.init();
        const search = await pagefind.search('migration');
        const data = await Promise.all(search.results.map((r) => r.data()));
        return { filters: await pagefind.filters(), urls: data.map((d) => d.url) };
      })()`)) as { filters: Record<string, Record<string, number>>; urls: string[] };
      const visible = visibleFiles(graph, audience);
      const charters = graph.byType.get('charter') ?? [];
      const projectTitles = (shown: boolean) => charters.filter((c) => visible.has(c.file) === shown).map((c) => String((c.data as { title: string }).title));
      expect(Object.keys(filters.project ?? {}).sort()).toEqual(projectTitles(true).sort());
      for (const title of projectTitles(false)) expect(Object.keys(filters.project ?? {})).not.toContain(title);
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(existsSync(join(built.outDir, url, 'index.html')), url).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('has no page for them, and still has every page its audience may read', () => {
    const visible = visibleFiles(graph, audience);
    for (const record of graph.records) {
      const href = recordHref(record.type, recordId(record.file));
      if (record.type === 'standards') continue;
      expect(existsSync(join(built.outDir, href, 'index.html')), href).toBe(visible.has(record.file));
    }
    expect(existsSync(join(built.outDir, 'sitemap-0.xml'))).toBe(true);
    expect(allFiles(join(built.outDir, 'pagefind')).some((f) => f.endsWith('.pf_fragment'))).toBe(true);
  });
});
