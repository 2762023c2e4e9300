// The built site opens in a real browser: the home page renders its sections without a console error.
import { describe, expect, it } from 'vitest';
import { openPage, sharedSite, useBrowser } from './harness.ts';

const browser = useBrowser();

describe('the built site in a browser', () => {
  it('shows the home page without console errors', async () => {
    const { page, errors } = await openPage(browser(), `${sharedSite().url}/`);
    await expect(page.title()).resolves.toContain('Seam');
    await expect(page.locator('main h1').first().textContent()).resolves.toBeTruthy();
    expect(await page.locator('main a[href="/policies/"]').count()).toBeGreaterThan(0);
    // Let deferred scripts (search, theme) run before judging.
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers a missing address with the 404 page', async () => {
    const { page, errors } = await openPage(browser(), `${sharedSite().url}/no/such/page/`);
    await expect(page.locator('main').textContent()).resolves.toContain('There is no page at this address');
    // The only problem on the page is the 404 itself (reported as a response and by the console).
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((e) => !e.includes('/no/such/page/'))).toEqual([]);
    await page.close();
  });
});
