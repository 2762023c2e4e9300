// The coverage matrix at scale: with more projects than one page of the matrix shows (25), the coverage
// page keeps every project's figures but shows the matrix for the first 25, and /coverage/matrix/<n>/
// shows the rest, every standard split the same way — so no page grows with the whole organisation
// (at 1,000 projects one matrix was about 150 MB of HTML). Built from 30 projects of the benchmark's
// generator, read and clicked in a real browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { buildSite, openPage, serveStatic, useBrowser, type SiteBuild, type StaticServer } from './harness.ts';

const browser = useBrowser();
const dir = mkdtempSync(join(tmpdir(), 'seam-e2e-coverage-pages-'));
let build: SiteBuild;
let server: StaticServer;

beforeAll(async () => {
  generateCorpus(join(dir, 'content'), 30, 3);
  build = await buildSite({ content: join(dir, 'content') });
  if (!build.ok) throw new Error(`The build failed:\n${build.output}`);
  server = await serveStatic(build.outDir);
}, 600_000);

afterAll(async () => {
  await server?.close();
  build?.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** The project columns of the primary standard's matrix on the open page, by their charter links. */
const columns = (page: import('playwright-core').Page) => page.locator('.seam-coverage .seam-matrix thead th.seam-matrix__project a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));

describe('the coverage matrix across pages', () => {
  it('shows every project once across the pages, in the figures\' order, 25 to a page', async () => {
    const { page, errors } = await openPage(browser(), `${server.url}/coverage/`);
    const everyProject = await page.locator('table.seam-coverage-summary').first().locator('tbody th[scope="row"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(everyProject).toHaveLength(30);
    const first = await columns(page);
    expect(first).toEqual(everyProject.slice(0, 25));
    // Each row of the first page has a cell per column, for every standard's matrix.
    expect(await page.locator('.seam-coverage .seam-matrix tbody tr').first().locator('td').count()).toBe(25);
    const nav = page.locator('nav.seam-pager[aria-label="Pages of the matrix"]');
    await expect(nav.textContent()).resolves.toContain('Projects 1–25 of 30');
    await expect(nav.locator('a[aria-current="page"]').textContent()).resolves.toBe('1–25');

    await nav.locator('a', { hasText: '26–30' }).click();
    await page.waitForURL(`${server.url}/coverage/matrix/2/#matrix`);
    await expect(page.locator('main h1').textContent()).resolves.toContain('Coverage matrix: projects 26–30');
    expect(await columns(page)).toEqual(everyProject.slice(25));
    await expect(page.locator('nav.seam-pager[aria-label="Pages of the matrix"] a[aria-current="page"]').textContent()).resolves.toBe('26–30');
    // The other standard's matrix is split the same way, with a list of pages of its own name.
    const other = page.locator('section.seam-coverage-standard');
    expect(await other.count()).toBe(1);
    expect(await other.locator('.seam-matrix thead th.seam-matrix__project').count()).toBe(5);
    expect(await other.locator('nav.seam-pager').getAttribute('aria-label')).toMatch(/^Pages of the .+ matrix$/);
    // The filter works here as on the first page.
    await page.locator('#seam-show-knowledge').check();
    expect(await page.locator('.seam-coverage .seam-matrix tr[data-kind="performance"]:visible').count()).toBe(0);
    expect(await page.locator('.seam-coverage .seam-matrix tr[data-kind="knowledge"]:visible').count()).toBeGreaterThan(0);

    await page.locator('nav.seam-pager[aria-label="Pages of the matrix"] a', { hasText: '1–25' }).click();
    await page.waitForURL(`${server.url}/coverage/#matrix`);
    expect(await columns(page)).toEqual(first);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    await page.close();
  });

  // The pager is what these pages add (the matrix itself is checked on the coverage page's own tests);
  // axe over thousands of cells takes minutes on a shared machine.
  it('has no serious or critical axe violations in the lists of pages', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/coverage/matrix/2/`, { waitUntil: 'networkidle' });
    const results = await new AxeBuilder({ page }).include('nav.seam-pager').analyze();
    expect(results.passes.length).toBeGreaterThan(0); // it checked something
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
    expect(serious).toEqual([]);
    await context.close();
  });

  it('builds no page past the last one', async () => {
    const { page } = await openPage(browser(), `${server.url}/coverage/matrix/3/`);
    await expect(page.locator('main h1').textContent()).resolves.toMatch(/not found/i);
    await page.close();
  });
});
