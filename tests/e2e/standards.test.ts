// More than one standard on the built example site: the example adopts NIST SP 800-53 LOW beside its
// primary standard, ESKITP5045. The standards page shows each in a section of its own (another
// standard's criteria anchored by qualified id), the coverage page gives the second standard its own
// figures, reasons and matrix, and search's criterion filter names each criterion's standard.
import { describe, expect, it } from 'vitest';
import { openPage, readOutputFile, sharedSite, useBrowser } from './harness.ts';
import { join } from 'node:path';

const browser = useBrowser();
const html = (path: string) => readOutputFile(join(sharedSite().outDir, path));

describe('a second standard on the site', () => {
  it('has its own section on the standards page, after the primary standard, with its criteria and what evidences them', async () => {
    const { page, errors } = await openPage(browser(), `${sharedSite().url}/standard/`);
    const sections = await page.locator('main section[data-standard]').evaluateAll((els) => els.map((e) => e.getAttribute('data-standard')));
    expect(sections).toEqual(['eskitp5045', 'sp800-53-low']);
    await expect(page.locator('h2#sp800-53-low').innerText()).resolves.toBe('SP800-53-LOW: NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE');
    await expect(page.locator('ul.seam-standards li').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^ESKITP5045: Systems Integration Level 5 Role \(eskitp5045\), the primary standard — 131 criteria, coverage$/),
      expect.stringMatching(/^SP800-53-LOW: .* \(sp800-53-low\) — 149 criteria, coverage$/),
    ]);
    // The primary standard keeps its anchors; the other's are qualified, so equal ids never collide.
    expect(await page.locator('li#k25-8').count()).toBe(1);
    const cm4 = page.locator('li#sp800-53-low-cm-4');
    await expect(cm4.locator('.seam-criterion-id').first().innerText()).resolves.toBe('cm-4');
    await expect(cm4.innerText()).resolves.toContain('Change control procedure for integration projects');
    await expect(page.locator('li#sp800-53-low-ac-2 [data-how="not-applicable"]').innerText()).resolves.toMatch(/Access control, identification, audit/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has its own figures, reasons and matrix on the coverage page, apart from the primary standard\'s', async () => {
    const { page, errors } = await openPage(browser(), `${sharedSite().url}/coverage/`);
    const section = page.locator('section[data-standard="sp800-53-low"]');
    await expect(section.locator('h2').innerText()).resolves.toMatch(/^SP800-53-LOW: /);
    const rows = await section.locator('table.seam-coverage-summary tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 4).map((c) => c.textContent!.trim())));
    expect(rows).toEqual([
      ['Claims consolidation', 'Planning', '2 of 2', '100%'],
      ['Finance ledger consolidation', 'Closed', '3 of 3', '100%'],
      ['Policy administration migration', 'Execution', '3 of 3', '100%'],
    ]);
    expect(await section.locator('table.seam-matrix tbody tr').count()).toBe(149);
    const sa9 = section.locator('table.seam-matrix tbody tr', { has: page.locator('a.seam-criterion-id', { hasText: /^sa-9$/ }) });
    expect(await sa9.locator('a.seam-criterion-id').getAttribute('href')).toBe('/standard/#sp800-53-low-sa-9');
    expect(await sa9.locator('td[data-state]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-state')))).toEqual(['not-required', 'evidenced', 'evidenced']);
    // The primary standard's matrix holds only its own 131 criteria.
    expect(await page.locator('#matrix ~ .seam-coverage table.seam-matrix tbody tr').count()).toBe(131);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names each criterion\'s standard in the search filter', () => {
    // The filter values a policy page gives Pagefind: its primary-standard criteria and the second standard's control.
    const page = html('policies/change-control-procedure/index.html');
    const values = [...page.matchAll(/<span data-pagefind-filter="criterion">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(values).toContain('ESKITP5045 K26.2');
    expect(values).toContain('SP800-53-LOW cm-4');
    expect(values.every((v) => /^(ESKITP5045|SP800-53-LOW) \S+$/.test(v!)), values.join(', ')).toBe(true);
  });

  it('offers the second standard\'s criteria in the search page\'s criterion filter', async () => {
    const { page, errors } = await openPage(browser(), `${sharedSite().url}/search/`);
    await page.locator('#seam-search .pagefind-ui__search-input').fill('change');
    await page.locator('#seam-search .pagefind-ui__result').first().waitFor();
    // Pagefind draws the filters once it has loaded them, which can take a while on a busy machine.
    const cm4 = page.locator('#seam-search input[name="criterion"][value="SP800-53-LOW cm-4"]');
    await cm4.waitFor({ state: 'attached' });
    expect(await cm4.count()).toBe(1);
    // The criterion filter starts closed (its list is long): open it.
    await page.locator('#seam-search .pagefind-ui__filter-name', { hasText: /criterion/i }).click();
    await cm4.check();
    await expect.poll(async () => (await page.locator('#seam-search .pagefind-ui__result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).includes('/policies/change-control-procedure/'), { timeout: 15_000 }).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
