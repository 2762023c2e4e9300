// A project site: the public edition built with a base path (`site.base`, here through `astro build
// --base`, which the publish workflow's config setting amounts to) and served under it, as GitHub Pages
// serves https://<owner>.github.io/<repository>/. Every internal address a page writes — links,
// scripts, stylesheets, images, the sidebar, the search index and its results, diagram code — must
// stay inside the base: the server answers 404 to anything outside it, as the real host would.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seam } from '../helpers/cli.ts';
import { EXAMPLE_CONTENT } from '../helpers/content.ts';
import { allFiles, buildSite, openPage, serveStatic, useBrowser, type SiteBuild, type StaticServer } from './harness.ts';

const BASE = '/seam-example/';
const SITE = 'https://seam-example.github.io/seam-example/';
const ATTRIBUTES: Record<string, string> = { a: 'href', link: 'href', script: 'src', img: 'src', source: 'src', iframe: 'src' };

const browser = useBrowser();
let built: SiteBuild;
let server: StaticServer;

beforeAll(async () => {
  built = await buildSite({ audience: 'public', base: BASE, site: SITE });
  if (!built.ok) throw new Error(`The build under ${BASE} failed:\n${built.output.slice(-3000)}`);
  server = await serveStatic(built.outDir, { base: BASE });
}, 600_000);

afterAll(async () => {
  await server?.close();
  if (process.env.SEAM_E2E_KEEP) console.log(`base-path: kept ${built?.outDir}`);
  else built?.remove();
});

describe(`the public site built for ${BASE}`, () => {
  it('writes every internal address inside the base path, each naming a built file', () => {
    const pages = allFiles(built.outDir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(30);
    const files = new Set(allFiles(built.outDir).map((f) => `/${relative(built.outDir, f).split(sep).join('/')}`));
    const served = (path: string) => files.has(path) || files.has(`${path.replace(/\/?$/, '/')}index.html`);
    const escaping: string[] = [];
    const missing: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const at = `/${relative(built.outDir, page).split(sep).join('/').replace(/index\.html$/, '')}`;
      const pageUrl = new URL(`${BASE.slice(0, -1)}${at}`, 'http://site.test');
      visit(fromHtml(readFileSync(page, 'utf8')), 'element', (e: Element) => {
        const attribute = ATTRIBUTES[e.tagName];
        const raw = attribute && e.properties[attribute];
        if (typeof raw !== 'string' || raw === '' || /^(mailto:|tel:|data:|javascript:)/i.test(raw)) return;
        const url = new URL(raw, pageUrl);
        if (url.origin !== pageUrl.origin) return;
        checked++;
        if (!url.pathname.startsWith(BASE)) escaping.push(`${at}: <${e.tagName} ${attribute}="${raw}">`);
        else if (!served(decodeURIComponent(url.pathname.slice(BASE.length - 1)))) missing.push(`${at}: ${raw}`);
      });
    }
    expect(checked).toBeGreaterThan(1000);
    expect(escaping).toEqual([]);
    expect(missing).toEqual([]);
    // The stylesheets' own addresses (fonts, images) are inside it too.
    const cssEscapes = allFiles(built.outDir)
      .filter((f) => f.endsWith('.css'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/url\((['"]?)(\/[^)'"]*)\1\)/g)].map((m) => m[2]!).filter((u) => !u.startsWith(BASE)));
    expect(cssEscapes).toEqual([]);
  });

  it('gives canonical links and the sitemap the published address', () => {
    const html = readFileSync(`${built.outDir}/policies/integration-policy/index.html`, 'utf8');
    expect(html).toContain(`<link rel="canonical" href="${SITE}policies/integration-policy/"`);
    expect(readFileSync(`${built.outDir}/sitemap-index.xml`, 'utf8')).toContain(`<loc>${SITE}sitemap-0.xml</loc>`);
    const sitemap = allFiles(built.outDir).filter((f) => /sitemap-\d+\.xml$/.test(f)).map((f) => readFileSync(f, 'utf8')).join('');
    expect(sitemap).toContain(`<loc>${SITE}policies/integration-policy/</loc>`);
    expect(sitemap).not.toMatch(/<loc>https:\/\/seam-example\.github\.io\/(?!seam-example\/)/);
  });

  it('works in a browser: pages, their diagrams, the sidebar and the 404 page', async () => {
    const { page, errors } = await openPage(browser(), `${server.url}${BASE}`, { waitUntil: 'networkidle' });
    await expect(page.title()).resolves.toContain('Seam');
    expect(await page.locator(`main a[href="${BASE}policies/"]`).count()).toBeGreaterThan(0);
    await page.locator(`nav.sidebar a[href="${BASE}policies/"]`).first().click();
    await page.waitForURL(`${server.url}${BASE}policies/`);
    // A handbook page with a Mermaid diagram: the sidebar's handbook links, and Mermaid's code loaded on demand.
    await page.goto(`${server.url}${BASE}handbook/how-to-author/`, { waitUntil: 'networkidle' });
    await page.locator('.seam-mermaid[data-state="rendered"]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator(`nav.sidebar a[aria-current="page"]`).getAttribute('href')).toBe(`${BASE}handbook/how-to-author/`);
    await page.goto(`${server.url}${BASE}no/such/page/`, { waitUntil: 'networkidle' });
    await expect(page.locator('main').textContent()).resolves.toContain('There is no page at this address');
    expect(await page.locator(`main a[href="${BASE}policies/"]`).count()).toBe(1);
    // The only problem is the missing page itself.
    expect(errors.filter((e) => !e.includes('/no/such/page/'))).toEqual([]);
    await page.close();
  });

  it('searches: the index, the interface and each result are under the base path', async () => {
    const { page, errors } = await openPage(browser(), `${server.url}${BASE}search/?q=integration`);
    const first = page.locator('#seam-search .pagefind-ui__result-link').first();
    await first.waitFor({ timeout: 30_000 });
    const href = await first.getAttribute('href');
    expect(href).toMatch(new RegExp(`^${BASE}[a-z]`));
    await first.click();
    await page.waitForURL(`${server.url}${href}`);
    await expect(page.locator('main h1').first().textContent()).resolves.toBeTruthy();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints a PDF from it: the export serves the site under the base its pages state', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seam-pdf-base-'));
    try {
      const run = await seam(['export', 'pdf', '--content', EXAMPLE_CONTENT, 'policy:integration-policy', '--site', built.outDir, '--audience', 'public'], { cwd: dir, env: { ...process.env, SEAM_CHROMIUM: process.env.SEAM_CHROMIUM ?? '/usr/bin/chromium' } });
      expect(run.code, run.stderr).toBe(0);
      const parser = new PDFParse({ data: new Uint8Array(readFileSync(join(dir, 'policy-integration-policy.pdf'))) });
      const text = await parser.getText().finally(() => parser.destroy());
      const body = text.pages.slice(1).map((p) => p.text).join('\n');
      // The record's page itself, not the 404 an address outside the base would get.
      expect(body).toMatch(/Purpose/);
      expect(body).not.toMatch(/Skip to content|There is no page at this address/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
