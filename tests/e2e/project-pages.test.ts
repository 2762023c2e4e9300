// The views of every project at scale: with more projects than one page shows (25), the coverage page
// keeps every project's figures but shows the matrix for the first 25, and /coverage/matrix/<n>/ shows
// the rest, every standard split the same way; the traceability table shows the policies and the first
// 25 projects' records, /standard/traceability/<n>/ the rest, and its project filter finds a project on
// whichever page shows it — so no page grows with the whole organisation (at 1,000 projects each of the
// two was about 150 MB of HTML); the standard page lists under each criterion the evidence of the
// matrix's first page of projects and counts the rest, linking to the matrix. Built from 30 projects of
// the benchmark's generator, read and clicked in a real browser.
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
    for (const path of ['/coverage/matrix/3/', '/standard/traceability/3/']) {
      const { page } = await openPage(browser(), `${server.url}${path}`);
      await expect(page.locator('main h1').textContent()).resolves.toMatch(/not found/i);
      await page.close();
    }
  });
});

describe('the traceability table across pages', () => {
  const projectsShown = (page: import('playwright-core').Page) => page.locator('table.seam-trace li[data-project]').evaluateAll((items) => [...new Set(items.map((li) => (li as HTMLElement).dataset.project!))].sort());

  it('shows each page\'s projects\' records with the policies, and the filter goes to the page of the project picked', async () => {
    const { page, errors } = await openPage(browser(), `${server.url}/standard/traceability/`);
    const select = page.locator('select[data-trace-project]');
    // Every project is offered (by title); those shown on another page name it.
    const options = await select.locator('option').evaluateAll((os) => os.filter((o) => (o as HTMLOptionElement).value).map((o) => ({ id: (o as HTMLOptionElement).value, page: (o as HTMLOptionElement).dataset.page })));
    expect(options).toHaveLength(30);
    const here = options.filter((o) => o.page === undefined).map((o) => o.id);
    const later = options.filter((o) => o.page !== undefined);
    expect(here).toHaveLength(25);
    expect(later.map((o) => o.page)).toEqual(Array(5).fill('/standard/traceability/2/'));
    const first = await projectsShown(page);
    expect(first.length).toBeGreaterThan(0);
    for (const id of first) expect(here).toContain(id);
    const policies = await page.locator('table.seam-trace td:nth-child(3) li:not([data-project])').count();
    expect(policies).toBeGreaterThan(0);
    await expect(page.locator('nav.seam-pager[aria-label="Pages of the traceability table"]').textContent()).resolves.toContain('Projects 1–25 of 30');

    // Picking a project of the second page opens that page, narrowed to it.
    const wanted = later[0]!.id;
    await select.selectOption(wanted);
    await page.waitForURL(`${server.url}/standard/traceability/2/?project=${wanted}`);
    await expect(page.locator('main h1').textContent()).resolves.toContain('Traceability: projects 26–30');
    await expect.poll(() => page.locator(`table.seam-trace li[data-project]:visible`).evaluateAll((items) => [...new Set(items.map((li) => (li as HTMLElement).dataset.project))]), { timeout: 20_000 }).toEqual([wanted]);
    expect(await page.locator('select[data-trace-project]').inputValue()).toBe(wanted);
    // The policies are on every page.
    expect(await page.locator('table.seam-trace td:nth-child(3) li:not([data-project])').count()).toBe(policies);
    // Its records are those of the last five projects only.
    for (const id of await projectsShown(page)) expect(later.map((o) => o.id)).toContain(id);

    // And back: a project of the first page, picked here, opens the first page.
    await page.locator('select[data-trace-project]').selectOption(here[0]!);
    await page.waitForURL(`${server.url}/standard/traceability/?project=${here[0]}`);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the standard page at scale', () => {
  it('lists the evidence of the matrix\'s first page of projects under each criterion, and counts and links the rest', async () => {
    const { page: coverage } = await openPage(browser(), `${server.url}/coverage/`);
    const everyProject = await coverage.locator('table.seam-coverage-summary').first().locator('tbody th[scope="row"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    await coverage.close();
    const idOf = (href: string) => /\/projects\/([^/]+)\//.exec(href)?.[1];
    const first = new Set(everyProject.slice(0, 25).map(idOf));
    expect(first.size).toBe(25);

    const { page, errors } = await openPage(browser(), `${server.url}/standard/`);
    const evidence = await page.locator('.seam-backlinks a[href*="/projects/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(evidence.length).toBeGreaterThan(0);
    // No record of a project on the matrix's second page is listed here.
    expect(evidence.map(idOf).filter((id) => !first.has(id))).toEqual([]);
    const more = page.locator('[data-more-evidence]');
    expect(await more.count()).toBeGreaterThan(0);
    const counts = await more.evaluateAll((ps) => ps.map((p) => Number((p as HTMLElement).dataset.moreEvidence)));
    expect(counts.filter((n) => n < 1 || n > 5)).toEqual([]);
    await expect(more.first().textContent().then((t) => t?.replace(/\s+/g, ' ').trim())).resolves.toMatch(new RegExp(`^More evidence in ${counts[0]} more projects?, on the coverage matrix's further page$`));
    await more.first().locator('a').click();
    await page.waitForURL(`${server.url}/coverage/matrix/2/`);
    expect(await columns(page)).toEqual(everyProject.slice(25));
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    await page.close();
  });
});
