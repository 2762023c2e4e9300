// `seam links` end to end: the internal check alone, and `--external` against a local web server on
// 127.0.0.1 (never the network) — statuses, retries, the cache on disk and offline mode.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressGuard } from '../../src/lint/address-guard.ts';
import { checkExternalLinks } from '../../src/lint/external-links.ts';
import { RULE_BASE, tempContent } from '../helpers/content.ts';
import { seam } from '../helpers/cli.ts';
import { answer, startServer } from '../helpers/http.ts';
import type { TestServer } from '../helpers/http.ts';

const made: string[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    '/ok': answer.status(200),
    '/moved': answer.status(301, { location: '/ok' }),
    '/flaky': answer.failing(500, 2),
    '/about': answer.status(200),
  });
  // The first request of a process loads undici and compiles its HTTP parser (seconds on a busy
  // machine), which the tests' timeouts must not count.
  await checkExternalLinks([`${server.origin}/warm-up`], { timeoutMs: 60_000, retries: 0, backoffMs: 0, concurrency: 1, maxAgeMs: 0, guard: addressGuard(['127.0.0.1']) });
  server.requests.length = 0;
});
afterAll(async () => {
  await server.close();
  made.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** A content root with a config file beside it: retries without real waits. */
const temp = (files: Record<string, string | null> = {}, links = 'retries: 2\n  backoffMs: 1\n  timeoutMs: 2000') => {
  const dir = tempContent(RULE_BASE, files);
  made.push(dir);
  // The test server is on 127.0.0.1: allowed here, as an intranet would be.
  writeFileSync(join(dir, 'seam.config.yaml'), `content: .\ntoday: 2026-06-15\nlinks:\n  allowPrivate: ['127.0.0.1']\n  ${links}\n`);
  return dir;
};

const doc = (body: string) => `---\ntitle: Links\n---\n\n## Overview\n\n${body}\n`;
const organisation = (website: string) => `---\ntitle: Beta Ltd\nkind: target\nclassification: public\nwebsite: ${website}\n---\n\n## Role in the integration\n\nThe acquired company.\n`;

describe('seam links', () => {
  it('exits 0 with no output when every internal link resolves', async () => {
    const dir = temp({ 'docs/links.mdx': doc('See [the CRM](../systems/crm.mdx#purpose), [Acme](organisation:acme) and [the plan](/projects/alpha/plan/).') });
    expect(await seam(['links'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('reports broken links, missing anchors and links out of the content folder, and nothing else', async () => {
    const dir = temp({
      'docs/links.mdx': doc('See [the CRM](../systems/crm.mdx#scope), [billing](system:biling) and [this](../../etc/passwd).'),
      // A schema error: `seam lint` reports it, `seam links` does not.
      'systems/billing.mdx': '---\ntitle: Beta Billing\nowner: beta\nkind: app\nlifecycle: migrating\n---\n\n## Purpose\n\nBills customers.\n',
    });
    const r = await seam(['links', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.findings.map((f: { ruleId: string; file: string; line: number; column: number; message: string }) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      'links docs/links.mdx:7:5 No heading on systems/crm.mdx has the anchor "#scope". Its anchors are: #purpose.',
      'links docs/links.mdx:7:42 Unknown system "biling" in the link "system:biling". Did you mean "system:billing"?',
      'links docs/links.mdx:7:71 The link "../../etc/passwd" leaves the content folder and is refused: links may only reach pages and files inside it. To link another page, link a page by its path from this file (../systems/crm.mdx), its id (system:crm) or its site address (/systems/crm/).',
    ]);
    expect((await seam(['lint'], { cwd: dir })).stdout).toContain('"kind" must be one of');
  });

  it('limits the check to the paths given, and refuses bad usage with exit 2', async () => {
    const dir = temp({ 'docs/links.mdx': doc('See [nothing](nothing.mdx).') });
    expect((await seam(['links', 'systems'], { cwd: dir })).code).toBe(0);
    expect((await seam(['links', 'docs'], { cwd: dir })).code).toBe(1);
    expect((await seam(['links', 'no/such/dir'], { cwd: dir })).code).toBe(2);
    const bad = await seam(['links', '--external', '--concurrency', 'lots'], { cwd: dir });
    expect(bad).toMatchObject({ code: 2, stderr: 'seam: --concurrency takes a whole number above 0 (got "lots").\n' });
  });

  it('leaves web addresses alone without --external', async () => {
    const dir = temp({ 'docs/links.mdx': doc(`[Gone](${server.origin}/missing)`) });
    server.requests.length = 0;
    expect((await seam(['links'], { cwd: dir })).code).toBe(0);
    expect(server.requests).toEqual([]);
  });

  it('with --external, checks web addresses in bodies and frontmatter, then answers from the cache', async () => {
    const o = server.origin;
    const dir = temp({
      'docs/links.mdx': doc(`[Fine](${o}/ok), [gone](${o}/missing), [moved](${o}/moved), [flaky](${o}/flaky) and [fine again](${o}/ok).\n\n[Example](https://www.acme.example/)`),
      'organisations/beta.mdx': organisation(`${o}/about`),
    });
    server.requests.length = 0;
    const r = await seam(['links', '--external', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).findings.map((f: { severity: string; file: string; line: number; column: number; message: string }) => `${f.severity} ${f.file}:${f.line}:${f.column} ${f.message}`);
    expect(found).toEqual([
      `error docs/links.mdx:7:${14 + o.length} The web address "${o}/missing" is broken: the server answered 404 Not Found. Update the link or remove it.`,
      `warning docs/links.mdx:7:${32 + 2 * o.length} The web address "${o}/moved" has moved permanently to "${o}/ok". Update the link.`,
    ]);
    expect(r.stderr).toBe('seam: 5 web addresses: 5 checked, 0 from the cache.\n');
    // Each address once; the flaky one answered 500 twice (HEAD, then GET) and 200 on the retry; the
    // reserved .example domain is never asked.
    expect(server.requests.filter((q) => q.endsWith('/flaky'))).toEqual(['HEAD /flaky', 'GET /flaky', 'HEAD /flaky']);
    expect(server.requests.filter((q) => q.endsWith('/ok'))).toEqual(['HEAD /ok', 'HEAD /ok']); // the link, and the redirect's target

    const cache = JSON.parse(readFileSync(join(dir, '.seam-cache/links.json'), 'utf8'));
    expect(Object.keys(cache.entries)).toEqual([`${o}/about`, `${o}/flaky`, `${o}/missing`, `${o}/moved`, `${o}/ok`]);

    server.requests.length = 0;
    const again = await seam(['links', '--external', '--format', 'json'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).findings).toHaveLength(2);
    expect(again.stderr).toBe('seam: 5 web addresses: 0 checked, 5 from the cache.\n');
    expect(server.requests).toEqual([]);

    // Both halves report as the one rule `links`.
    const sarif = JSON.parse((await seam(['links', '--external', '--format', 'sarif'], { cwd: dir })).stdout);
    expect(sarif.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['links']);

    // --no-cache asks again; a max age of 0 days trusts nothing in the cache.
    expect((await seam(['links', '--external', '--no-cache'], { cwd: dir })).stderr).toBe('seam: 5 web addresses: 5 checked, 0 from the cache.\n');
    const fresh = temp({ 'organisations/beta.mdx': organisation(`${o}/about`) }, 'cacheMaxAgeDays: 0');
    await seam(['links', '--external'], { cwd: fresh });
    server.requests.length = 0;
    await seam(['links', '--external'], { cwd: fresh });
    expect(server.requests).toEqual(['HEAD /about']);
  });

  it('never requests a private or local address that the config does not allow', async () => {
    const o = server.origin;
    const dir = tempContent(RULE_BASE, { 'docs/links.mdx': doc(`[Admin](${o}/ok) and [metadata](http://169.254.169.254/latest/meta-data/).`) });
    made.push(dir);
    writeFileSync(join(dir, 'seam.config.yaml'), 'content: .\ntoday: 2026-06-15\n');
    server.requests.length = 0;
    const r = await seam(['links', '--external', '--format', 'json', '--no-cache'], { cwd: dir });
    expect(r.code).toBe(0);
    const messages = JSON.parse(r.stdout).findings.map((f: { message: string }) => f.message);
    expect(messages).toEqual([
      `Not checked: "${o}/ok" is never requested, because it is 127.0.0.1, a private, local or reserved address. If it is your own intranet, name its host or network in "links.allowPrivate" in seam.config.yaml.`,
      'Not checked: "http://169.254.169.254/latest/meta-data/" is never requested, because it is 169.254.169.254, a private, local or reserved address. If it is your own intranet, name its host or network in "links.allowPrivate" in seam.config.yaml.',
    ]);
    expect(server.requests).toEqual([]);
  });

  it('with --offline, reports what it could not check as warnings and exits 0', async () => {
    const dir = temp({ 'organisations/beta.mdx': organisation(`${server.origin}/missing`) });
    server.requests.length = 0;
    const r = await seam(['links', '--offline'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('organisations/beta.mdx\n');
    expect(r.stdout).toMatch(/5:10\s+warning\s+Not checked \(offline\): "http:\/\/127\.0\.0\.1:\d+\/missing"\. Run "seam links --external" with network access to check it\s+links/);
    expect(r.stderr).toBe('seam: 1 web address: 0 checked, 0 from the cache, 1 not checked (offline).\n');
    expect(server.requests).toEqual([]);
    expect(existsSync(join(dir, '.seam-cache'))).toBe(false);

    // Once checked online, offline mode answers from the cache: a known broken page is still an error.
    expect((await seam(['links', '--external'], { cwd: dir })).code).toBe(1);
    const cached = await seam(['links', '--offline'], { cwd: dir });
    expect(cached.code).toBe(1);
    expect(cached.stdout).toContain('is broken: the server answered 404 Not Found');
  });

  it('honours disable comments and the "ignore" prefixes', async () => {
    const o = server.origin;
    const dir = temp({ 'docs/links.mdx': doc(`{/* seam-disable-next-line links */}\n[gone](${o}/missing) and [also gone](${o}/missing/too)`) }, `ignore: ["${o}/missing/"]`);
    server.requests.length = 0;
    expect(await seam(['links', '--external'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
    expect(server.requests).toEqual(['HEAD /missing', 'GET /missing']);
  });
});
