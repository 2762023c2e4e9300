// Mermaid in the browser: diagrams are drawn as SVG from the bundled `mermaid` (never a CDN), in the
// reader's theme and again when they switch it; pages without a diagram never load Mermaid; a diagram
// Mermaid cannot draw shows its source and the reason.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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
});
