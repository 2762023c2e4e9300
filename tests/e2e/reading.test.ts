// Reading the site: "edit this page" on handbook and record pages (never on generated pages), no text
// that runs together for a screen reader or in copied text on the main kinds of page, and the criteria
// traceability view with its project filter (and the whole table without JavaScript).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, sharedSite, useBrowser } from './harness.ts';

const browser = useBrowser();
const EDIT = 'https://github.com/seam-example/seam/edit/main/';

describe('"edit this page"', () => {
  it('links a handbook page and a record page to their files on the configured repository, and a generated page nowhere', async () => {
    const expected: Record<string, string | undefined> = {
      '/handbook/reading/': `${EDIT}content/docs/reading.mdx`,
      '/projects/policy-admin-migration/': `${EDIT}content/projects/policy-admin-migration/index.mdx`,
      '/policies/integration-policy/': `${EDIT}content/policies/integration-policy.mdx`,
      '/coverage/': undefined,
      '/standard/traceability/': undefined,
    };
    for (const [path, href] of Object.entries(expected)) {
      const { page, errors } = await openPage(browser(), `${sharedSite().url}${path}`);
      // Starlight's edit link is the one link to the repository's edit address.
      const links = await page.locator(`a[href^="${EDIT}"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links, path).toEqual(href ? [href] : []);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

/** A join: the text of one node ends in a lower-case letter or digit and the next node's starts upper-case, nothing between. */
interface Join {
  /** The element whose children meet, e.g. `th.seam-row`. */
  where: string;
  /** The last word of the one and the first of the other, together: `P1Develop`. */
  joined: string;
}

/**
 * Candidate joins in the page: for every element, its children's texts (hidden ones left out) in order;
 * where two neighbours, at least one of them an element, meet without whitespace and read as two words
 * run together ("…1" + "Develop…"). Text inside one text node ("JavaScript") is never a candidate, nor
 * is code or an SVG diagram's text.
 */
function candidateJoins(page: Page): Promise<Join[]> {
  return page.evaluate(() => {
    const hidden = (el: Element) => {
      const style = getComputedStyle(el);
      return style.display === 'none' || style.visibility === 'hidden' || el.getAttribute('aria-hidden') === 'true' || (el as HTMLElement).hidden;
    };
    const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'svg', 'CODE', 'PRE', 'SELECT', 'OPTION']);
    // Each node's text once (pages such as the traceability table have thousands of elements).
    const texts = new Map<Node, string>();
    const textOf = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
      const known = texts.get(node);
      if (known !== undefined) return known;
      const text = node.nodeType !== Node.ELEMENT_NODE || SKIP.has(node.nodeName) || hidden(node as Element) ? '' : [...node.childNodes].map(textOf).join('');
      texts.set(node, text);
      return text;
    };
    const joins: { where: string; joined: string }[] = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg, script, style, template, code, pre, select') || textOf(el) === '') continue;
      const parts = [...el.childNodes].map((node) => ({ node, text: textOf(node) })).filter((p) => p.text !== '');
      for (let i = 1; i < parts.length; i++) {
        const [a, b] = [parts[i - 1]!, parts[i]!];
        if (a.node.nodeType === Node.TEXT_NODE && b.node.nodeType === Node.TEXT_NODE) continue;
        if (!/[\p{Ll}\p{Nd}]$/u.test(a.text) || !/^\p{Lu}/u.test(b.text)) continue;
        joins.push({ where: `${el.nodeName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`, joined: /\S*$/u.exec(a.text)![0] + /^\S*/u.exec(b.text)![0] });
      }
    }
    return joins;
  });
}

/**
 * The joins a reader meets: candidates whose run-together words are in the accessibility tree (what a
 * screen reader reads, e.g. a table row's name) or in the page's rendered text (what copy-paste gives).
 * Neighbours that layout or the tree keep apart (list items, blocks, table cells) are not joins.
 */
async function readerJoins(page: Page): Promise<Join[]> {
  const candidates = await candidateJoins(page);
  const tree = await page.locator('body').ariaSnapshot();
  const text = await page.evaluate(() => document.body.innerText);
  return candidates.filter((c) => tree.includes(c.joined) || text.includes(c.joined));
}

const PAGES = {
  home: '/',
  project: '/projects/policy-admin-migration/',
  'status report': '/projects/policy-admin-migration/status/2026-08-31/',
  system: '/systems/crm/',
  policy: '/policies/integration-policy/',
  'standard (policy record)': '/policies/interface-standard/',
  standard: '/standard/',
  coverage: '/coverage/',
  rules: '/rules/',
  rule: '/rules/coverage/',
  traceability: '/standard/traceability/',
};

describe('text that runs together', () => {
  it('finds a join the page did not have: an id and its text in adjacent elements, unlike words inside one text', async () => {
    const { page } = await openPage(browser(), `${sharedSite().url}/coverage/`);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.innerHTML = '<a href="#p1">P1</a><span>Develop and maintain policies</span> in JavaScript';
      document.querySelector('main')!.append(p);
    });
    expect((await readerJoins(page)).map((j) => j.joined)).toEqual(['P1Develop']);
    await page.close();
  });

  for (const [name, path] of Object.entries(PAGES)) {
    it(`has none on the ${name} page`, async () => {
      const { page, errors } = await openPage(browser(), `${sharedSite().url}${path}`);
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.seam-mermaid')].every((d) => d.dataset.state !== 'loading'));
      expect(await readerJoins(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('criteria traceability', () => {
  const PATH = '/standard/traceability/';
  const shown = (page: Page, project: string) => page.locator(`table.seam-trace li[data-project="${project}"]:visible`).count();

  it('narrows evidence and systems to the project a reader picks, keeping policies, and remembers the choice in the address', async () => {
    const { page, errors } = await openPage(browser(), `${sharedSite().url}${PATH}`);
    const select = page.locator('select[data-trace-project]');
    const projects = (await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
    expect(projects).toEqual(expect.arrayContaining(['policy-admin-migration', 'claims-consolidation']));
    // Everything at first: records of several projects, policies, and the systems their charters name.
    expect(await shown(page, 'policy-admin-migration')).toBeGreaterThan(0);
    expect(await shown(page, 'claims-consolidation')).toBeGreaterThan(0);
    const policies = await page.locator('table.seam-trace td:nth-child(3) li:not([data-project]):visible').count();
    expect(policies).toBeGreaterThan(0);
    const allSystems = await page.locator('table.seam-trace li[data-projects]:visible').count();
    expect(allSystems).toBeGreaterThan(0);

    await select.selectOption('claims-consolidation');
    await expect.poll(() => shown(page, 'policy-admin-migration'), { timeout: 20_000 }).toBe(0);
    expect(await shown(page, 'claims-consolidation')).toBeGreaterThan(0);
    expect(await page.locator('table.seam-trace td:nth-child(3) li:not([data-project]):visible').count()).toBe(policies);
    const systems = await page.locator('table.seam-trace li[data-projects]:visible').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.projects!.split(' ')));
    expect(systems.length).toBeLessThan(allSystems);
    for (const projectsOfSystem of systems) expect(projectsOfSystem).toContain('claims-consolidation');
    expect(await page.locator('[data-trace-summary]').innerText()).toMatch(/^\d+ criteria evidenced by records of Claims consolidation/);
    expect(new URL(page.url()).searchParams.get('project')).toBe('claims-consolidation');

    // The address opens the same view; "All projects" brings everything back.
    await page.reload();
    await expect.poll(() => shown(page, 'policy-admin-migration'), { timeout: 20_000 }).toBe(0);
    expect(await select.inputValue()).toBe('claims-consolidation');
    await select.selectOption('');
    await expect.poll(() => shown(page, 'policy-admin-migration'), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator('table.seam-trace li[data-projects]:visible').count()).toBe(allSystems);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is the whole table, without a filter, when JavaScript is off', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${sharedSite().url}${PATH}?project=claims-consolidation`);
    expect(await page.locator('[data-trace-filter]').isVisible()).toBe(false);
    expect(await shown(page, 'policy-admin-migration')).toBeGreaterThan(0);
    expect(await shown(page, 'claims-consolidation')).toBeGreaterThan(0);
    // Each criterion links to its entry on the standard page, and its rules to their pages.
    const first = page.locator('table.seam-trace tbody tr').first();
    expect(await first.locator('th a').getAttribute('href')).toMatch(/^\/standard\/#[a-z0-9-]+$/);
    expect(await page.locator('table.seam-trace a[href^="/rules/"]').count()).toBeGreaterThan(0);
    await context.close();
  });
});
