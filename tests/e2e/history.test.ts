// Every record page shows its history from git, and a status report links its neighbours. The shared
// site (this repository's example, internal readers' view of every record) shows each commit's date,
// subject and author linked to the commit on the configured repository; builds of a fixture content
// root committed to its own repository, with a hostile commit subject, show that subject as inert text
// to internal readers and only dates to the public.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentMin, REPO, REPO_HAS_HISTORY } from '../helpers/content.ts';
import { buildSite, openPage, serveStatic, sharedSite, useBrowser, type SiteBuild } from './harness.ts';

const browser = useBrowser();
const STATUS = '/projects/policy-admin-migration/status';

/** The subjects of the commits that touched `file` in this repository, newest first (what the page must show). */
function subjectsOf(file: string): string[] {
  return execFileSync('git', ['log', '--format=%s', '--no-renames', '--', file], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('a record page’s history (example site)', () => {
  it('lists the commits that touched the record, newest first, each dated and linked to the commit', async () => {
    const { page, errors } = await openPage(browser(), `${sharedSite().url}${STATUS}/2026-08-31/`);
    if (!REPO_HAS_HISTORY) {
      // A shallow clone or an export: the section says so rather than misdating the record.
      expect(await page.locator('section.seam-history').innerText()).toContain('No history available.');
      expect(await page.locator('section.seam-history li').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
      return;
    }
    const items = page.locator('section.seam-history li');
    const lines = await items.evaluateAll((lis) =>
      lis.map((li) => ({ date: li.querySelector('time')?.getAttribute('datetime'), subject: li.querySelector('a')?.textContent, href: li.querySelector('a')?.getAttribute('href') })),
    );
    expect(lines.length).toBeGreaterThan(0);
    // Renames are followed by the page, but this file was never renamed, so git's plain log is the truth.
    expect(lines.map((l) => l.subject)).toEqual(subjectsOf('content/projects/policy-admin-migration/status/2026-08-31.mdx'));
    for (const line of lines) {
      expect(line.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(line.href).toMatch(/^https:\/\/github\.com\/seam-example\/seam\/commit\/[0-9a-f]{40}$/);
    }
    expect(await page.locator('a[href="https://github.com/seam-example/seam/edit/main/content/projects/policy-admin-migration/status/2026-08-31.mdx"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('links a status report to the previous and next report of its project, by date', async () => {
    const { page, errors } = await openPage(browser(), `${sharedSite().url}${STATUS}/2026-08-31/`);
    expect(await page.locator('a[rel="prev"]').getAttribute('href')).toBe(`${STATUS}/2026-07-31/`);
    expect(await page.locator('a[rel="next"]').getAttribute('href')).toBe(`${STATUS}/2026-09-30/`);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`**${STATUS}/2026-09-30/`);
    expect(await page.locator('a[rel="prev"]').getAttribute('href')).toBe(`${STATUS}/2026-08-31/`);
    expect(errors).toEqual([]);
    await page.close();
    const first = await openPage(browser(), `${sharedSite().url}${STATUS}/2026-07-31/`);
    expect(await first.page.locator('a[rel="prev"]').count()).toBe(0);
    expect(await first.page.locator('a[rel="next"]').getAttribute('href')).toBe(`${STATUS}/2026-08-31/`);
    await first.page.close();
    const last = await openPage(browser(), `${sharedSite().url}${STATUS}/2026-11-13/`);
    expect(await last.page.locator('a[rel="next"]').count()).toBe(0);
    await last.page.close();
  });
});

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('a record page’s history (fixture repository with a hostile commit subject)', () => {
  let content = '';
  const builds: Partial<Record<'internal' | 'public', SiteBuild>> = {};
  beforeAll(async () => {
    content = contentMin();
    const git = (args: string[], date: string) =>
      execFileSync('git', ['-c', 'user.name=Mallory Maintainer', '-c', 'user.email=m@example.org', ...args], {
        cwd: content,
        stdio: 'ignore',
        env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_DATE: `${date}T09:00:00Z`, GIT_COMMITTER_DATE: `${date}T09:00:00Z` },
      });
    git(['init', '-q', '-b', 'main'], '2026-01-01');
    git(['add', '.'], '2026-01-01');
    git(['commit', '-q', '-m', 'Import the fixture content'], '2026-01-02');
    const policy = join(content, 'policies/integration-policy.mdx');
    writeFileSync(policy, `${readFileSync(policy, 'utf8')}\nOne more line.\n`);
    git(['commit', '-q', '-am', HOSTILE], '2026-03-04');
    const [internal, publicBuild] = await Promise.all([buildSite({ content, audience: 'internal' }), buildSite({ content, audience: 'public' })]);
    builds.internal = internal;
    builds.public = publicBuild;
  }, 300_000);
  afterAll(() => {
    builds.internal?.remove();
    builds.public?.remove();
    if (content) rmSync(content, { recursive: true, force: true });
  });

  it('shows internal readers the hostile subject as text: no element, no handler, no script', async () => {
    const built = builds.internal;
    expect(built?.ok, built?.output).toBe(true);
    const html = readFileSync(join(built!.outDir, 'policies/integration-policy/index.html'), 'utf8');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const server = await serveStatic(built!.outDir);
    try {
      const { page, errors } = await openPage(browser(), `${server.url}/policies/integration-policy/`);
      const items = page.locator('section.seam-history li');
      expect((await items.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([`4 Mar 2026: ${HOSTILE} (Mallory Maintainer)`, '2 Jan 2026: Import the fixture content (Mallory Maintainer)']);
      expect(await page.locator('section.seam-history img, [onerror]').count()).toBe(0);
      // The repository's seam.config.yaml names the repository commits link to.
      expect(await page.locator('section.seam-history a').first().getAttribute('href')).toMatch(/^https:\/\/github\.com\/seam-example\/seam\/commit\/[0-9a-f]{40}$/);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('shows the public only the dates: no author, no subject, no commit link', () => {
    const built = builds.public;
    expect(built?.ok, built?.output).toBe(true);
    const html = readFileSync(join(built!.outDir, 'policies/integration-policy/index.html'), 'utf8');
    const section = /<section class="seam-history"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(section).toContain('datetime="2026-03-04"');
    expect(section).toContain('datetime="2026-01-02"');
    expect(section).not.toMatch(/Mallory|img|Import the fixture|\/commit\//);
    expect(html).not.toMatch(/Mallory|onerror|Import the fixture/);
  });
});
