// Mermaid in the browser: diagrams are drawn as SVG from the bundled `mermaid` (never a CDN), in the
// reader's theme and again when they switch it; pages without a diagram never load Mermaid; a diagram
// Mermaid cannot draw shows its source and the reason; one that asks for more than the handbook allows
// (loosened security, click handlers, outside images) is not drawn and fetches nothing; what the
// linter accepts — the whole valid diagram corpus, coloured sequence boxes included — the browser draws.
// Every diagram fits its column (a gantt chart keeps its width and scrolls), handbook pages draw theirs
// too, and the full-screen viewer opens at a legible scale, zooms and pans by keyboard and wheel, shows
// the source, downloads the SVG and gives focus back when Escape closes it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/content.ts';
import { openPage, sharedSite, useBrowser } from './harness.ts';

const browser = useBrowser();
const site = () => sharedSite().url;
const MERMAID_CHUNK = /\/_astro\/mermaid\.core\.[\w-]+\.js$/;

/** Every script the page requested. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  return scripts;
}

const rendered = (page: Page, theme: string) =>
  page.waitForFunction((t) => {
    const hosts = [...document.querySelectorAll<HTMLElement>('.seam-mermaid')];
    return hosts.length > 0 && hosts.every((h) => h.dataset.state === 'rendered' && h.dataset.theme === t && h.querySelector('svg'));
  }, theme);

/** The fill of the diagram's first node as the browser paints it. */
const nodeFill = (page: Page) => page.locator('.seam-mermaid svg').first().locator('.node rect, .node path, .node polygon').first().evaluate((el) => getComputedStyle(el).fill);

describe('Mermaid diagrams', () => {
  it('draws the charter’s architecture as SVG, in light and then in dark', async () => {
    const page = await browser().newPage();
    await page.addInitScript(() => localStorage.setItem('starlight-theme', 'light'));
    const scripts = scriptsOf(page);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site()}/projects/policy-admin-migration/`);
    await rendered(page, 'light');
    const svg = page.locator('#architecture ~ .seam-mermaid svg, .seam-mermaid svg').first();
    await expect(svg.getAttribute('aria-roledescription')).resolves.toMatch(/flowchart/);
    expect(await svg.locator('.node').count()).toBeGreaterThan(10);
    // Labels are SVG text, never HTML inside a foreignObject (htmlLabels: false).
    expect(await svg.locator('foreignObject').count()).toBe(0);
    const light = await nodeFill(page);

    // Switch Starlight's theme the way a reader does: its theme select.
    await page.locator('starlight-theme-select select').first().selectOption('dark');
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    await rendered(page, 'dark');
    const dark = await nodeFill(page);
    expect(dark).not.toBe(light);

    await page.locator('starlight-theme-select select').first().selectOption('light');
    await rendered(page, 'light');
    expect(await nodeFill(page)).toBe(light);
    expect(scripts.some((url) => MERMAID_CHUNK.test(url))).toBe(true);
    expect(scripts.every((url) => url.startsWith(site()))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the generated gantt chart and systems landscape', async () => {
    for (const [path, type] of [
      ['/projects/policy-admin-migration/plan/', 'gantt'],
      ['/systems/', 'flowchart'],
    ]) {
      const { page, errors } = await openPage(browser(), `${site()}${path}`);
      await page.waitForSelector('.seam-mermaid[data-state="rendered"] svg');
      await expect(page.locator('.seam-mermaid svg').first().getAttribute('aria-roledescription')).resolves.toContain(type);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('does not load Mermaid on pages without a diagram', async () => {
    for (const path of ['/', '/policies/', '/policies/integration-policy/', '/coverage/', '/projects/policy-admin-migration/stakeholders/']) {
      const page = await browser().newPage();
      const scripts = scriptsOf(page);
      await page.goto(`${site()}${path}`, { waitUntil: 'networkidle' });
      expect(await page.locator('pre.mermaid, .seam-mermaid').count(), path).toBe(0);
      expect(scripts.filter((url) => MERMAID_CHUNK.test(url)), path).toEqual([]);
      await page.close();
    }
  });

  it('shows the source and Mermaid’s reason when a diagram cannot be drawn', async () => {
    const page = await browser().newPage();
    // Serve the systems page with its landscape replaced by a broken diagram.
    await page.route(`${site()}/systems/`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/<pre class="mermaid">[\s\S]*?<\/pre>/, '<pre class="mermaid">flowchart LR\n  a --&gt; b --&gt;\n</pre>');
      await route.fulfill({ response, body: html });
    });
    await page.goto(`${site()}/systems/`);
    await page.waitForSelector('.seam-mermaid[data-state="failed"]');
    const box = page.locator('.seam-diagram-error');
    await expect(box.textContent()).resolves.toContain('This diagram could not be drawn.');
    await expect(box.locator('.seam-diagram-error__message').textContent()).resolves.toMatch(/\S/);
    await expect(box.locator('.seam-diagram-error__source').textContent()).resolves.toBe('flowchart LR\n  a --> b -->\n');
    await expect(box.getAttribute('role')).resolves.toBe('note');
    await page.close();
  });

  it('does not draw a diagram that asks to loosen security, click or load an outside image', async () => {
    const diagram = [
      '%%{init: {"securityLevel": "loose", "htmlLabels": true}}%%',
      'flowchart LR',
      '  a["<img src=https://tracker.example/pixel.png>"] --> b[Billing]',
      '  click a callback',
      '  click b href "javascript:alert(1)"',
      '  b --> c@{ img: "https://tracker.example/shape.png", label: "C" }',
      '',
    ].join('\n');
    const escaped = diagram.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const page = await browser().newPage();
    const outside: string[] = [];
    page.on('request', (r) => !r.url().startsWith(site()) && outside.push(r.url()));
    await page.route(`${site()}/systems/`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/<pre class="mermaid">[\s\S]*?<\/pre>/, `<pre class="mermaid">${escaped}</pre>`);
      await route.fulfill({ response, body: html });
    });
    await page.goto(`${site()}/systems/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('.seam-mermaid[data-state="failed"]');
    const box = page.locator('.seam-diagram-error');
    await expect(box.textContent()).resolves.toContain('This diagram was not drawn.');
    const reasons = (await box.locator('.seam-diagram-error__message').textContent()) ?? '';
    expect(reasons).toMatch(/^Line 1, column 11: The diagram’s init directive sets `securityLevel`/);
    expect(reasons).toContain('Line 3, column 6: The diagram’s text holds `<img>`');
    expect(reasons).toContain('Line 4, column 3: A `click` statement');
    expect(reasons).toContain('Line 6, column 13: An image shape (`img:`)');
    await expect(box.locator('.seam-diagram-error__source').textContent()).resolves.toBe(diagram);
    // Nothing was drawn, nothing was fetched, nothing can run.
    expect(await page.locator('.seam-mermaid svg, .seam-mermaid img, main [onclick], main [onerror]').count()).toBe(0);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('draws every diagram the linter accepts, a sequence diagram with coloured boxes among them', async () => {
    // The valid corpus of the linter's tests (tests/rules/mermaid-corpus.test.ts): every one parses
    // there; two link out, which the handbook refuses, so the site does not draw them either.
    const corpus = join(REPO, 'tests/fixtures/mermaid/valid');
    const refused = ['flowchart-2.mmd', 'kanban-2.mmd'];
    const files = readdirSync(corpus).filter((f) => f.endsWith('.mmd')).sort();
    expect(files).toContain('sequenceDiagram-3.mmd');
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const blocks = files.map((f) => `<pre class="mermaid">${escape(readFileSync(join(corpus, f), 'utf8'))}</pre>`).join('\n');
    const { page, errors } = await openPage(browser(), `${site()}/`);
    await page.route(`${site()}/systems/`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/<pre class="mermaid">[\s\S]*?<\/pre>/, blocks);
      await route.fulfill({ response, body: html });
    });
    await page.goto(`${site()}/systems/`);
    await page.waitForFunction((n) => {
      const hosts = [...document.querySelectorAll<HTMLElement>('.seam-mermaid')];
      return hosts.length === n && hosts.every((h) => h.dataset.state !== 'loading');
    }, files.length, { timeout: 240_000 });
    const states = await page.locator('.seam-mermaid').evaluateAll((hosts) =>
      hosts.map((h) => (h.dataset.state === 'rendered' && h.querySelector('svg') ? 'drawn' : `${h.dataset.state}: ${h.querySelector('.seam-diagram-error__message')?.textContent ?? ''}`)),
    );
    const outcome = Object.fromEntries(files.map((f, i) => [f, refused.includes(f) ? states[i].split(':')[0] : states[i]]));
    expect(outcome).toEqual(Object.fromEntries(files.map((f) => [f, refused.includes(f) ? 'failed' : 'drawn'])));
    // The coloured boxes are drawn in their colours.
    const sequence = page.locator('.seam-mermaid').nth(files.indexOf('sequenceDiagram-3.mmd'));
    const fills = await sequence.locator('svg rect').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill') ?? ''));
    expect(fills).toEqual(expect.arrayContaining(['Purple', 'rgb(33, 66, 99)']));
    expect(errors.filter((e) => !/^console: /.test(e))).toEqual([]);
    await page.close();
  }, 300_000); // a hundred and twenty diagrams, drawn one after another

  it('draws the diagram on a handbook page, which Starlight renders itself', async () => {
    const { page, errors } = await openPage(browser(), `${site()}/handbook/how-to-author/`);
    await page.waitForSelector('.seam-mermaid[data-state="rendered"] svg');
    await expect(page.locator('.seam-mermaid svg').first().getAttribute('aria-roledescription')).resolves.toMatch(/flowchart/);
    expect(await page.locator('main pre.mermaid').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const path of ['/projects/policy-admin-migration/', '/handbook/how-to-author/']) {
    it(`fits every diagram on ${path} to its column, and opens, zooms and closes it full screen`, async () => {
      const { page, errors } = await openPage(browser(), `${site()}${path}`);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.waitForFunction(() => {
        const hosts = [...document.querySelectorAll<HTMLElement>('.seam-mermaid')];
        return hosts.length > 0 && hosts.every((h) => h.dataset.state === 'rendered' && h.querySelector('svg'));
      });
      const sizes = await page.$$eval('.seam-mermaid', (hosts) =>
        hosts.map((host) => ({
          column: host.closest('.sl-markdown-content')!.getBoundingClientRect().width,
          drawing: host.querySelector('svg')!.getBoundingClientRect().width,
          natural: host.querySelector('svg')!.viewBox.baseVal.width,
        })),
      );
      for (const { column, drawing } of sizes) {
        expect(drawing).toBeGreaterThan(0);
        expect(drawing).toBeLessThanOrEqual(column);
      }
      // The charter's architecture is wider than the column: it was scaled down, not cut off.
      if (path.startsWith('/projects/')) expect(sizes[0]!.natural).toBeGreaterThan(sizes[0]!.column);

      for (let at = 0; at < sizes.length; at++) {
        const opener = page.locator('.seam-mermaid__open').nth(at);
        await opener.click();
        const dialog = page.locator('dialog.seam-viewer[open]');
        await dialog.waitFor();
        const canvas = dialog.locator('.seam-viewer__canvas');
        await expect.poll(() => scaleOf(canvas)).toBeGreaterThan(0);
        const start = await scaleOf(canvas);
        // Legible: whole when it fits at its natural size, never under 0.75 of it.
        expect(start).toBeGreaterThanOrEqual(0.75);
        expect(start).toBeLessThanOrEqual(1);
        await expect(page.evaluate(() => document.activeElement?.className)).resolves.toContain('seam-viewer__stage');
        await expect(dialog.locator('svg').first().getAttribute('aria-roledescription')).resolves.toMatch(/flowchart/);

        await page.keyboard.press('+');
        await expect.poll(() => scaleOf(canvas)).toBeGreaterThan(start);
        const zoomed = await scaleOf(canvas);
        const box = (await dialog.locator('.seam-viewer__stage').boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, -300);
        await expect.poll(() => scaleOf(canvas)).toBeGreaterThan(zoomed);
        await page.keyboard.press('0');
        await expect.poll(() => scaleOf(canvas)).toBeCloseTo(start, 5);
        const before = await panOf(canvas);
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => panOf(canvas)).toBeLessThan(before);
        await dialog.locator('.seam-viewer__zoom-in').click();
        await expect.poll(() => scaleOf(canvas)).toBeGreaterThan(start);

        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('dialog.seam-viewer[open]').count()).toBe(0);
        // Focus is back on the button that opened it.
        expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('shows the Mermaid source in the viewer and downloads the SVG as drawn', async () => {
    const { page, errors } = await openPage(browser(), `${site()}/projects/policy-admin-migration/`);
    await page.waitForSelector('.seam-mermaid[data-state="rendered"] svg');
    const onPage = page.locator('.seam-mermaid svg').first();
    await page.locator('.seam-mermaid__open').first().click();
    const dialog = page.locator('dialog.seam-viewer[open]');
    await dialog.waitFor();
    const source = dialog.locator('.seam-viewer__source');
    expect(await source.locator('pre').isVisible()).toBe(false);
    await source.locator('summary').click();
    const text = (await source.locator('pre').textContent()) ?? '';
    expect(text).toMatch(/^flowchart /m);
    expect(text).toContain('integration-platform');

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('.seam-viewer__download').click()]);
    expect(download.suggestedFilename()).toBe('projects-policy-admin-migration-diagram-1.svg');
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // The file is what Mermaid drew under the strict settings: no script, no handler, no HTML labels.
    expect(svg).not.toMatch(/<script|\son\w+=|<foreignObject|javascript:/i);
    // The same drawing as on the page: same id, same nodes.
    const drawn = await page.evaluate((markup) => {
      const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
      return { id: doc.documentElement.id, nodes: doc.querySelectorAll('.node').length, error: doc.querySelector('parsererror') !== null };
    }, svg);
    expect(drawn).toEqual({ id: await onPage.getAttribute('id'), nodes: await onPage.locator('.node').count(), error: false });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no serious accessibility violations in the open viewer', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${site()}/projects/policy-admin-migration/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('.seam-mermaid[data-state="rendered"] svg');
    await page.locator('.seam-mermaid__open').first().click();
    await page.locator('dialog.seam-viewer[open]').waitFor();
    const results = await new AxeBuilder({ page }).include('dialog.seam-viewer').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
    expect(serious).toEqual([]);
    await context.close();
  });
});

/** The scale panzoom applied to the viewer's canvas (0 before it has). */
const scaleOf = (canvas: ReturnType<Page['locator']>) => canvas.evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a || 0);
/** The canvas's horizontal position on screen. */
const panOf = (canvas: ReturnType<Page['locator']>) => canvas.evaluate((el) => el.getBoundingClientRect().x);
