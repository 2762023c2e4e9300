// Search with filters in a real browser: the search page offers Pagefind's filters for record type,
// project, phase, organisation and criterion; a filter narrows the results to records it describes,
// each result shows its type (and project and status), and a result opens its page.
import { describe, expect, it } from 'vitest';
import { openPage, sharedSite, useBrowser } from './harness.ts';

const browser = useBrowser();
const results = '#seam-search .pagefind-ui__result';

describe('the search page', () => {
  it('narrows a search with a filter and opens a result', async () => {
    const { page, errors } = await openPage(browser(), `${sharedSite().url}/search/`);
    await page.locator('#seam-search .pagefind-ui__search-input').fill('integration');
    await page.locator(results).first().waitFor();
    const unfiltered = await page.locator('#seam-search .pagefind-ui__message').innerText();

    const filterNames = await page.locator('#seam-search .pagefind-ui__filter-name').allInnerTexts();
    expect(filterNames.map((n) => n.toLowerCase()).sort()).toEqual(['criterion', 'organisation', 'phase', 'project', 'type']);

    await page.locator('#seam-search input[name="type"][value="Policy"]').check();
    await expect.poll(() => page.locator('#seam-search .pagefind-ui__message').innerText()).not.toBe(unfiltered);
    const tags = await page.locator(`${results} [data-pagefind-ui-meta="type"]`).allInnerTexts();
    expect(tags.length).toBeGreaterThan(0);
    expect(new Set(tags.map((t) => t.trim()))).toEqual(new Set(['Type: Policy']));

    const first = page.locator(`${results} .pagefind-ui__result-link`).first();
    const title = (await first.innerText()).trim();
    expect(await first.getAttribute('href')).toMatch(/^\/policies\/[a-z0-9-]+\/$/);
    await first.click();
    await page.waitForURL(/\/policies\/[a-z0-9-]+\/$/);
    await expect(page.locator('main h1').first().innerText()).resolves.toBe(title);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes its words and filters from the address, and shows each result\'s project and status', async () => {
    const project = 'Policy administration migration';
    const { page, errors } = await openPage(browser(), `${sharedSite().url}/search/?q=budget&project=${encodeURIComponent(project)}&type=${encodeURIComponent('Plan and budget')}`);
    await page.locator(results).first().waitFor();
    expect(await page.locator('#seam-search .pagefind-ui__search-input').inputValue()).toBe('budget');
    await expect.poll(() => page.locator(results).count()).toBe(1);
    const result = page.locator(results).first();
    expect(await result.locator('.pagefind-ui__result-link').first().getAttribute('href')).toBe('/projects/policy-admin-migration/plan/');
    expect((await result.locator('[data-pagefind-ui-meta="project"]').innerText()).trim()).toBe(`Project: ${project}`);
    expect((await result.locator('[data-pagefind-ui-meta="status"]').innerText()).trim()).toMatch(/^Status: (proposed|active|closed|cancelled)$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
