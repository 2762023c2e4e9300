// Search with filters in a real browser: the search page offers Pagefind's filters for record type,
// project, phase, organisation and criterion; a filter narrows the results to records it describes,
// each result shows its type (and project, status and date), and a result opens its page. Excerpts
// keep words apart: badges are not indexed, and table cells, terms and values are separated.
import { describe, expect, it } from 'vitest';
import { REPO_HAS_HISTORY } from '../helpers/content.ts';
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
    // The message changes before the filtered results are drawn: wait for results, all policies.
    const typeTags = async () => (await page.locator(`${results} [data-pagefind-ui-meta="type"]`).allInnerTexts()).map((t) => t.trim());
    await expect.poll(async () => { const tags = await typeTags(); return tags.length > 0 && tags.every((t) => t === 'Type: Policy'); }).toBe(true);
    expect(new Set(await typeTags())).toEqual(new Set(['Type: Policy']));

    const first = page.locator(`${results} .pagefind-ui__result-link`).first();
    const title = (await first.innerText()).trim();
    expect(await first.getAttribute('href')).toMatch(/^\/policies\/[a-z0-9-]+\/$/);
    await first.click();
    await page.waitForURL(/\/policies\/[a-z0-9-]+\/$/);
    await expect(page.locator('main h1').first().innerText()).resolves.toBe(title);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds a record from the search box every page carries, and opens it', async () => {
    // Starlight's own search dialog: a production build only (a dev or test-mode build shows a notice).
    const { page, errors } = await openPage(browser(), `${sharedSite().url}/search/`);
    await page.locator('site-search button[data-open-modal]').click();
    const dialog = page.locator('site-search dialog');
    await dialog.locator('.pagefind-ui__search-input').fill('Policy administration migration');
    const link = dialog.locator('.pagefind-ui__result-link').first();
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/projects\/policy-admin-migration\//);
    await link.click();
    await page.waitForURL((url) => url.pathname === href!.replace(/#.*$/, ''));
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

  it('keeps words apart in excerpts, and leaves badges out of the index', async () => {
    const { page, errors } = await openPage(browser(), `${sharedSite().url}/search/`);
    const queries = ['Oliver Mensah', 'organisation', 'Harbour Mutual', 'Eleanor Whitcombe', 'owner', 'policy', 'kind', 'decision', 'budget', 'aligned', 'integration platform', 'develop'];
    // Pagefind's own search API, from the built site: the index readers search. Passed as text, so the
    // test runner does not rewrite its dynamic import.
    const found: { term: string; url: string; excerpt: string }[] = await page.evaluate(`(async (terms) => {
      const pagefind = await import('/pagefind/pagefind.js');
      const excerpts = [];
      const text = (excerpt) => excerpt.replace(/<\\/?mark>/g, '');
      for (const term of terms) {
        const { results } = await pagefind.search(term);
        for (const result of results.slice(0, 10)) {
          const data = await result.data();
          excerpts.push({ term, url: data.url, excerpt: text(data.excerpt) });
          for (const sub of data.sub_results ?? []) excerpts.push({ term, url: sub.url, excerpt: text(sub.excerpt) });
        }
      }
      return excerpts;
    })(${JSON.stringify(queries)})`);
    expect(new Set(found.map((f) => f.term)).size).toBe(queries.length);
    // Texts that sit side by side on the pages (header cells, a term and its value, badges, an id and
    // its text) and once ran together.
    const joined = [
      /NameRole/, /RoleProject/, /offOliver/, /NameRoleEmail/, /TitleKind/, /OwnerHarbour/, /KindPolicy/, /Kind(supplier|partner|acquirer)/, /CountryUnited/,
      /WhitcombeChief/, /AlignedYes/, /DecisionRejected/, /(organisation|policy|system|provider)(public|internal|confidential)/, /Checks pass/,
      /P1Develop/, /consolidation(Planning|Closed)/,
    ];
    const offending = found.filter(({ excerpt }) => joined.some((pattern) => pattern.test(excerpt)));
    expect(offending).toEqual([]);
    // The separated forms are what readers get instead.
    const all = found.map((f) => f.excerpt).join('\n');
    expect(all).toMatch(/Name Role/);
    expect(all).toMatch(/Owner Harbour Mutual/);
    // Two capitalised words glued together are a join, unless they are a name written that way.
    const names = new Set(['JavaScript', 'TypeScript', 'GitHub', 'OpenID', 'McIntyre', 'PolicyCenter', 'BillingCenter', 'ClaimCenter', 'MuleSoft', 'FileNet', 'OnBase']);
    const glued = [...all.matchAll(/(?<![\w/.-])[A-Z][a-z]+[A-Z][a-z]+\w*/g)].map((m) => m[0]).filter((word) => !names.has(word));
    expect(glued).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows each result\'s type, project and date', async () => {
    const { page, errors } = await openPage(browser(), `${sharedSite().url}/search/?q=${encodeURIComponent('reconciliation')}&type=${encodeURIComponent('Status report')}`);
    await page.locator(results).first().waitFor();
    const result = page.locator(results).first();
    expect((await result.locator('[data-pagefind-ui-meta="type"]').innerText()).trim()).toBe('Type: Status report');
    expect((await result.locator('[data-pagefind-ui-meta="project"]').innerText()).trim()).toMatch(/^Project: \S/);
    // A status report's date is its reporting date, as the page's address says.
    const href = (await result.locator('.pagefind-ui__result-link').first().getAttribute('href')) ?? '';
    const [, year, month, day] = /\/status\/(\d{4})-(\d{2})-(\d{2})\/$/.exec(href) ?? [];
    expect(year).toBeDefined();
    const expected = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${year}-${month}-${day}T00:00:00Z`));
    expect((await result.locator('[data-pagefind-ui-meta="date"]').innerText()).trim()).toBe(`Date: ${expected}`);

    // A handbook page, which Starlight renders itself, has its type and when it last changed.
    await page.goto(`${sharedSite().url}/search/?q=${encodeURIComponent('classification')}&type=${encodeURIComponent('Handbook page')}`);
    await page.locator(results).first().waitFor();
    const handbook = page.locator(results).first();
    expect((await handbook.locator('[data-pagefind-ui-meta="type"]').innerText()).trim()).toBe('Type: Handbook page');
    // When it last changed comes from git, so a checkout without full history shows no date.
    if (REPO_HAS_HISTORY) expect((await handbook.locator('[data-pagefind-ui-meta="updated"]').innerText()).trim()).toMatch(/^Updated: \d{1,2} [A-Z][a-z]{2,4} \d{4}$/);
    else expect(await handbook.locator('[data-pagefind-ui-meta="updated"]').count()).toBe(0);
    expect(await handbook.locator('.pagefind-ui__result-link').first().getAttribute('href')).toMatch(/^\/handbook\//);
    expect(errors).toEqual([]);
    await page.close();
  });
});
