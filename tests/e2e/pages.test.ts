// Reading the site in a real browser: from the home dashboard to a project and its records, the
// coverage matrix's links reaching their evidence, and no console errors on the pages a reader visits.
import { describe, expect, it } from 'vitest';
import { openPage, sharedSite, useBrowser } from './harness.ts';

const browser = useBrowser();
const site = () => sharedSite().url;

describe('navigating the site', () => {
  it('goes from the home dashboard to a project, then to its plan', async () => {
    const { page, errors } = await openPage(browser(), `${site()}/`);
    await expect(page.locator('main h2#projects-by-phase').count()).resolves.toBe(1);
    await page.locator('.seam-board a', { hasText: 'Policy administration migration' }).click();
    await page.waitForURL(`${site()}/projects/policy-admin-migration/`);
    await expect(page.locator('main h1').textContent()).resolves.toContain('Policy administration migration');
    // Where the project stands, judged against the configured today (2026-11-20), not the clock.
    await expect(page.locator('.seam-kpis').first().textContent()).resolves.toContain('Amber');
    expect(await page.locator('.seam-timeline__item').count()).toBe(5);
    // Let the architecture diagram finish drawing: leaving mid-load would cancel Mermaid's requests.
    await page.waitForSelector('.seam-mermaid[data-state="rendered"] svg');
    await page.locator('.seam-project-nav a', { hasText: 'Plan and budget' }).click();
    await page.waitForURL(`${site()}/projects/policy-admin-migration/plan/`);
    await expect(page.locator('table.seam-budget caption').textContent()).resolves.toMatch(/£1,916,800 of £3,420,000 spent \(56%\)/);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows each record’s own lint status, and flags an overdue review', async () => {
    const { page, errors } = await openPage(browser(), `${site()}/projects/policy-admin-migration/stakeholders/`);
    await expect(page.locator('#checks ~ .seam-checks__summary, .seam-checks .seam-checks__summary').first().textContent()).resolves.toMatch(/passes all \d+ rules/);
    await page.close();
    // The shipped standard is past its review date (2014-03): its page carries the warning and the badge.
    const standard = await openPage(browser(), `${site()}/standard/`);
    await expect(standard.page.locator('.seam-checks .seam-finding--warning').first().textContent()).resolves.toContain('Review overdue');
    await expect(standard.page.locator('[data-review="overdue"]').count()).resolves.toBeGreaterThan(0);
    expect([...errors, ...standard.errors]).toEqual([]);
    await standard.page.close();
  });

  it('links every coverage cell to a page that exists, and the heading a claim names', async () => {
    const { page, errors } = await openPage(browser(), `${site()}/coverage/`);
    const hrefs = [...new Set(await page.locator('.seam-matrix a.seam-cell').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!)))];
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) {
      const [path, anchor] = href.split('#');
      const response = await page.request.get(`${site()}${path}`);
      expect(response.status(), href).toBe(200);
      if (anchor) expect(await response.text(), href).toContain(`id="${anchor}"`);
    }
    // Following a cell lands on the evidence.
    const cell = page.locator('.seam-matrix tr', { has: page.locator('a[href="/standard/#p5"]') }).locator('a.seam-cell').last();
    const label = await cell.getAttribute('aria-label');
    expect(label).toMatch(/^P5, .*: evidenced by /);
    await cell.click();
    await page.waitForURL(/\/projects\/[^/]+\/plan\//);
    await expect(page.locator('main h1').textContent()).resolves.toMatch(/Plan/);
    // Chromium prefetches a link on pointer-down and cancels the prefetch when the click navigates.
    const target = new URL(page.url()).pathname;
    expect(errors.filter((e) => !(e.includes(`${target} net::ERR_ABORTED`)))).toEqual([]);
    await page.close();
  });

  it('shows all 131 criteria per project with the same figures as seam coverage, and explains how they are earned', async () => {
    const { page, errors } = await openPage(browser(), `${site()}/coverage/`);
    expect(await page.locator('.seam-coverage .seam-matrix tbody tr').count()).toBe(131);
    // Every cell says its state and why, in words.
    const labels = await page.locator('.seam-coverage .seam-matrix .seam-cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label') ?? ''));
    expect(labels).toHaveLength(131 * 3);
    expect(labels.filter((l) => !/: (evidenced by|evidenced by policy,|not required in the \w+ phase\. .+|not applicable\. .+|missing, needs|the evidence)/.test(l))).toEqual([]);
    // Policy evidence names the policy in every project's column; a criterion that does not apply says why.
    const row = (id: string) => page.locator('.seam-coverage .seam-matrix tr', { has: page.locator(`a[href="/standard/#${id}"]`) });
    await expect(row('k32').locator('.seam-cell').first().getAttribute('aria-label')).resolves.toMatch(/^K32, .*: evidenced by policy, Supplier management procedure/);
    expect(await row('k32').locator('.seam-cell--policy').count()).toBe(3);
    await expect(row('k25-7').locator('.seam-cell').first().getAttribute('aria-label')).resolves.toMatch(/not applicable\. Compliance with professional and ethical standards/);
    await expect(page.locator('#not-applicable + dl').textContent()).resolves.toContain('K25.7');
    await expect(page.locator('h2#how-the-figure-is-earned').count()).resolves.toBe(1);
    // The figures agree with the engine's: evidenced of required, and what is not counted.
    const summary = page.locator('#project-policy-admin-migration');
    await expect(summary.textContent()).resolves.toMatch(/\d+ of \d+/);
    await expect(summary.locator('[data-count="not-counted"]').textContent()).resolves.toMatch(/^\d+ not required yet, 1 not applicable$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows under each criterion of the standard what evidences it and the rules that really check it', async () => {
    const { page, errors } = await openPage(browser(), `${site()}/standard/`);
    const entry = (id: string) => page.locator(`li#${id} > .seam-backlinks`);
    // P5: the plan from planning, and the budget rule (whose examples demonstrate it).
    await expect(entry('p5').locator('[data-how="mapped"]').textContent()).resolves.toContain('plan and budget, from planning');
    await expect(entry('p5').locator('a[href="/rules/budget/"]').count()).resolves.toBe(1);
    // Claims the rules no longer make are gone: no rule checks K36 or K15.
    await expect(entry('k36').locator('a[href^="/rules/"]').count()).resolves.toBe(0);
    await expect(entry('k15').locator('a[href="/rules/classification/"]').count()).resolves.toBe(0);
    await expect(entry('p1').locator('a[href="/rules/criteria-refs/"]').count()).resolves.toBe(0);
    // A sub-item shows its own rules and its policy, named.
    await expect(entry('k25-8').locator('a[href="/rules/providers/"]').count()).resolves.toBe(1);
    await expect(entry('k32').locator('[data-how="mapped"]').textContent()).resolves.toMatch(/policy Supplier management procedure for integration providers, for every project/);
    await expect(entry('k25-7').locator('[data-how="not-applicable"]').textContent()).resolves.toContain('code of conduct');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters the matrix to performance or knowledge criteria without a script', async () => {
    const { page } = await openPage(browser(), `${site()}/coverage/`);
    const visible = (kind: string) => page.locator(`.seam-coverage .seam-matrix tr[data-kind="${kind}"]:visible`).count();
    expect(await visible('knowledge')).toBeGreaterThan(0);
    await page.getByLabel('Performance (P)').check();
    expect(await visible('knowledge')).toBe(0);
    expect(await visible('performance')).toBe(20);
    await page.getByLabel('Knowledge (K)').check();
    expect(await visible('performance')).toBe(0);
    await page.getByLabel('Hide sub-items').check();
    expect(await page.locator('.seam-coverage .seam-matrix tr.seam-matrix__item:visible').count()).toBe(0);
    await page.close();
  });

  it('visits every kind of page without a console error', { timeout: 240_000 }, async () => {
    const paths = [
      '/', '/standard/', '/policies/', '/policies/integration-policy/', '/organisations/', '/organisations/fenwick-assurance/',
      '/systems/', '/systems/integration-platform/', '/providers/', '/providers/kestrel-data-migration/', '/projects/',
      '/projects/policy-admin-migration/', '/projects/policy-admin-migration/stakeholders/', '/projects/policy-admin-migration/plan/',
      '/projects/policy-admin-migration/status/2026-11-13/', '/projects/policy-admin-migration/evaluations/kestrel-data-migration-2026-q3/',
      '/projects/policy-admin-migration/changes/cr-003-data-remediation-contingency/', '/projects/finance-ledger-consolidation/signoff/',
      '/projects/finance-ledger-consolidation/lessons/', '/lessons/', '/coverage/', '/rules/', '/rules/budget/',
    ];
    const problems: string[] = [];
    for (const path of paths) {
      const { page, errors } = await openPage(browser(), `${site()}${path}`, { waitUntil: 'networkidle' });
      // Diagrams are drawn after load; wait for them so their errors count too.
      await page.waitForFunction(() => [...document.querySelectorAll('.seam-mermaid')].every((d) => (d as HTMLElement).dataset.state !== 'loading'));
      await expect(page.locator('main h1').count(), path).resolves.toBe(1);
      // Every anchor is unique: generated sections never collide with the record's own headings.
      const duplicates = await page.evaluate(() => {
        const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
        return ids.filter((id, i) => ids.indexOf(id) !== i);
      });
      expect(duplicates, path).toEqual([]);
      problems.push(...errors.map((e) => `${path}: ${e}`));
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('prints a record as a document: no navigation, link addresses shown', async () => {
    const { page } = await openPage(browser(), `${site()}/projects/policy-admin-migration/status/2026-11-13/`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.sidebar', 'starlight-theme-select', 'site-search', '.right-sidebar-container', '.seam-project-nav ul', '.pagination-links']) {
      const shown = await page.locator(selector).first().evaluate((el) => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0).catch(() => false);
      expect(shown, selector).toBe(false);
    }
    const after = await page.locator('.seam-timeline a').first().evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('/projects/policy-admin-migration/status/');
    const breaks = await page.locator('#checks').evaluate((h) => getComputedStyle(h.closest('section')!).breakBefore);
    expect(breaks).toBe('page');
    await page.close();
  });
});
