// The engagement log and the handover checklist in a real browser: a project's page shows each
// stakeholder's last contact against their cadence and the timeline newest first, linking each entry's
// page; a closed project's page shows its handover checklist, every step done.
import { describe, expect, it } from 'vitest';
import { openPage, sharedSite, useBrowser } from './harness.ts';

const browser = useBrowser();
const site = () => sharedSite().url;

describe('engagement and handover on the project page', () => {
  it('shows the last contact per stakeholder and the engagement timeline, linking each entry', async () => {
    const { page, errors } = await openPage(browser(), `${site()}/projects/policy-admin-migration/`);
    await expect(page.locator('main h2#engagement').count()).resolves.toBe(1);
    // One row per person in the register (21), each within cadence on the example's today (2026-11-20).
    const rows = page.locator('table.seam-last-contact tbody tr');
    expect(await rows.count()).toBe(21);
    const priya = page.locator('table.seam-last-contact tr[data-stakeholder="priya-nandakumar"]');
    await expect(priya.textContent()).resolves.toMatch(/daily \(3 days\).*19 Nov(ember)? 2026.*Migration stand-up.*Yes/s);
    const amelia = page.locator('table.seam-last-contact tr[data-stakeholder="amelia-grant"]');
    await expect(amelia.textContent()).resolves.toMatch(/quarterly \(92 days\).*9 Nov(ember)? 2026/s);
    expect(await page.locator('table.seam-last-contact .seam-overdue').count()).toBe(0);
    // The timeline, newest first: the stand-up of 19 November leads, the August programme board closes it.
    const items = page.locator('ol.seam-engagement-timeline > li');
    expect(await items.count()).toBe(19);
    await expect(items.first().textContent()).resolves.toMatch(/Migration stand-up.*meeting: Reconciliation re-run and test entry/s);
    await expect(items.last().locator('time').getAttribute('datetime')).resolves.toBe('2026-08-20');
    await items.first().locator('a').click();
    await page.waitForURL(`${site()}/projects/policy-admin-migration/engagement/2026-11-19-daily-stand-up/`);
    await expect(page.locator('main h1').textContent()).resolves.toContain('Migration stand-up');
    await expect(page.locator('main').textContent()).resolves.toContain('Kestrel reported the premium reconciliation re-run clean');
    await expect(page.locator('.seam-project-nav a[aria-current]').textContent()).resolves.toContain('Engagement log');
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a closed project’s handover checklist with every step done, and an executing project’s open steps', async () => {
    const closed = await openPage(browser(), `${site()}/projects/finance-ledger-consolidation/`);
    const items = closed.page.locator('ul.seam-checklist > li');
    await expect(closed.page.locator('main h2#handover-checklist').count()).resolves.toBe(1);
    const labels = await items.locator('strong').allTextContents();
    expect(labels).toEqual(expect.arrayContaining([
      'Handover planned: Re-pointed journal feeds and runbooks handed over to finance systems support',
      'Depends on a test exit', 'Receiving organisation named', 'Handover done', 'Signed off by the receiving organisation',
      'Decommissioning of Fenwick ledger (retired) planned', 'Catalogue updated: Group general ledger',
    ]));
    expect(await closed.page.locator('ul.seam-checklist > li[data-done="false"]').count()).toBe(0);
    await expect(items.filter({ hasText: 'Signed off by the receiving organisation' }).textContent()).resolves.toContain('on 2025-09-05');
    await expect(items.filter({ hasText: 'Catalogue updated: Fenwick ledger (retired)' }).textContent()).resolves.toContain('retired');
    expect(closed.errors).toEqual([]);
    await closed.page.close();

    // Still executing: the handover is planned after the test exits but not done or signed off yet.
    const open = await openPage(browser(), `${site()}/projects/policy-admin-migration/`);
    const step = (label: string) => open.page.locator('ul.seam-checklist > li', { hasText: label });
    await expect(step('Depends on a test exit').getAttribute('data-done')).resolves.toBe('true');
    await expect(step('Handover done').getAttribute('data-done')).resolves.toBe('false');
    await expect(step('Signed off by the receiving organisation').getAttribute('data-done')).resolves.toBe('false');
    await expect(step('Decommissioning of Fenwick CRM (legacy) planned').getAttribute('data-done')).resolves.toBe('true');
    expect(open.errors).toEqual([]);
    await open.page.close();
  });
});

describe('results by organisation (K37)', () => {
  it('shows what each organisation of a project delivered, owes and is scored on, and prints without the site around it', async () => {
    const { page, errors } = await openPage(browser(), `${site()}/projects/policy-admin-migration/`);
    await page.locator('a.seam-results-link').click();
    await page.waitForURL(`${site()}/projects/policy-admin-migration/results/`);
    // One section per organisation in the charter (eight, with the Information Rights Office).
    expect(await page.locator('section.seam-results').count()).toBe(8);
    const kestrel = page.locator('section.seam-results[data-organisation="kestrel-data-migration"]');
    await expect(kestrel.locator('table.seam-results__scores tbody tr').count()).resolves.toBe(2);
    await expect(kestrel.locator('table.seam-results__scores').textContent()).resolves.toMatch(/2026-Q2.*2026-Q3/s);
    const harbour = page.locator('section.seam-results[data-organisation="harbour-mutual"]');
    await expect(harbour.locator('.seam-results__delivered').textContent()).resolves.toContain('Migration design and source data profile approved');
    await expect(harbour.locator('.seam-results__actions').textContent()).resolves.toContain('Report the forecast at completion with the contingency drawn so far.');
    // On paper: the sections stay, the navigation goes.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.sidebar').first().isVisible()).resolves.toBe(false);
    await expect(harbour.isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();

    const org = await openPage(browser(), `${site()}/organisations/kestrel-data-migration/`);
    await org.page.locator('a.seam-results-link').click();
    await org.page.waitForURL(`${site()}/organisations/kestrel-data-migration/results/`);
    // Kestrel works on two projects: the closed ledger project (three quarters scored) and the migration.
    expect(await org.page.locator('section.seam-results').count()).toBe(2);
    await expect(org.page.locator('section.seam-results[data-organisation="kestrel-data-migration"] table.seam-results__scores tbody tr').count()).resolves.toBe(5);
    expect(org.errors).toEqual([]);
    await org.page.close();
  });
});
