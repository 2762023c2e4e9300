// The browser-test harness: real `npm run build` output, served over HTTP on 127.0.0.1, read by
// Debian's chromium through playwright-core. Nothing here reaches the network: the server is local and
// every page blocks requests to any other host (and reports them as errors).
//
// API
//
//   The shared site — built ONCE per `vitest run` by tests/e2e/global-setup.ts (example content,
//   every record, i.e. the `confidential` audience) and served for all e2e test files:
//     sharedSite(): { url, outDir, buildStats }     url is 'http://127.0.0.1:<port>' (no trailing /);
//                                                   buildStats: the build's step counts (JSON file)
//
//   A browser per test file:
//     const browser = useBrowser();                 registers beforeAll/afterAll; call browser() in tests
//     const { page, errors } = await openPage(browser(), `${sharedSite().url}/policies/`);
//     expect(errors).toEqual([]);                   console errors, uncaught exceptions, failed requests
//                                                   (not those the browser cancels on navigating),
//                                                   HTTP >= 400 responses and blocked remote requests
//     await page.close();
//
//   Other builds (a different content root or audience, or one expected to fail):
//     const built = await buildSite({ content, audience: 'public', site: 'https://seam.example' });
//     built.ok / built.status / built.output (stdout+stderr, no colours) / built.outDir / built.remove()
//     (options: content, audience, outDir, site, base, env, onOutput(text, stop) to watch or interrupt it)
//     const server = await serveStatic(built.outDir);   server.url, await server.close()
//     serveStatic(outDir, { base: '/repo/' }) serves it under a base path, as a project site is
//     (server.url is still the origin; the site is at `${server.url}/repo/`)
//   buildSite runs `node scripts/build-site.ts --outDir <dir>` (the atomic build `npm run build` runs)
//   with its own Astro cache dir, so builds can run side by side. `outDir` defaults to a new temp dir.
//
//   Lower level: launchBrowser(), contentType(file), allFiles(dir), readOutputFile(path) (gunzips
//   Pagefind's .pf_* files), SEAM_CHROMIUM (env) picks the browser binary (default /usr/bin/chromium).
//   SEAM_E2E_KEEP=1 keeps the shared build's folder for inspection.
//
//   Assertions are Vitest's, which has no Playwright matchers (toHaveCount, toHaveText…): wait with
//   `await locator.waitFor()` or `await expect.poll(() => locator.count()).toBe(3)`.
//   Run only these tests: `npx vitest run --project e2e` (the `unit` project runs no build:
//   every test that builds the site lives here).
//   Builds are child processes with their own Astro cache and staging folder, so files may build at
//   once; each costs 15–40 s, so prefer the shared site and build only what a test is about.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const REPO = resolve(import.meta.dirname, '../..');
export const EXAMPLE_CONTENT = join(REPO, 'content');

declare module 'vitest' {
  export interface ProvidedContext {
    seamSite: SharedSite;
  }
}

export interface SharedSite {
  /** The server's origin, without a trailing slash. */
  url: string;
  outDir: string;
  /** The JSON file of how many times the build ran each graph-wide step (src/site/data/build-stats.ts). */
  buildStats: string;
}

/** The site global-setup.ts built and serves for every e2e test file. */
export function sharedSite(): SharedSite {
  return inject('seamSite');
}

// ---------------------------------------------------------------------------------------------------
// Building

export interface BuildOptions {
  /** The content root (SEAM_CONTENT); the example content by default. */
  content?: string;
  /** SEAM_AUDIENCE; unset leaves the choice to seam.config.yaml (the example pins `internal`), else `public`. */
  audience?: string;
  /** Where the site goes; a new temp dir by default. */
  outDir?: string;
  /** `--site`, so the sitemap is generated. */
  site?: string;
  /** `--base`: the path the site is built to be served under (`site.base`), e.g. `/repo/`. */
  base?: string;
  /** Extra environment. */
  env?: NodeJS.ProcessEnv;
  /** Sees the build's output as it comes; `stop()` sends the build SIGTERM (to test an interrupted build). */
  onOutput?: (text: string, stop: () => void) => void;
}

export interface SiteBuild {
  ok: boolean;
  status: number | null;
  /** stdout and stderr, interleaved, without colours. */
  output: string;
  outDir: string;
  /** Deletes the output folder (and the build's cache). */
  remove(): void;
}

/** Runs the real build (scripts/build-site.ts → astro build → Pagefind) in a child process. */
export async function buildSite(options: BuildOptions = {}): Promise<SiteBuild> {
  const outDir = options.outDir ?? join(mkdtempSync(join(tmpdir(), 'seam-e2e-')), 'site');
  const cacheDir = mkdtempSync(join(tmpdir(), 'seam-e2e-cache-'));
  // NODE_ENV=production: the site is built as `npm run build` builds it from a shell, not in the test
  // runner's `test` mode, which turns Vite's PROD off and swaps Starlight's search box for a notice.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...options.env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', SEAM_CACHE_DIR: cacheDir };
  env.SEAM_CONTENT = options.content ?? EXAMPLE_CONTENT;
  if (options.audience === undefined) delete env.SEAM_AUDIENCE;
  else env.SEAM_AUDIENCE = options.audience;
  const args = [join(REPO, 'scripts/build-site.ts'), '--outDir', outDir, ...(options.site ? ['--site', options.site] : []), ...(options.base ? ['--base', options.base] : [])];
  const child = spawn(process.execPath, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = () => child.kill('SIGTERM');
  const collect = (chunk: Buffer) => {
    output += chunk;
    options.onOutput?.(chunk.toString(), stop);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  rmSync(cacheDir, { recursive: true, force: true });
  const owned = options.outDir === undefined;
  return {
    ok: status === 0,
    status,
    output,
    outDir,
    remove: () => rmSync(owned ? resolve(outDir, '..') : outDir, { recursive: true, force: true }),
  };
}

// ---------------------------------------------------------------------------------------------------
// Serving

export { contentType, serveStatic, type StaticServer } from '../../src/export/static-host.ts';

// ---------------------------------------------------------------------------------------------------
// The browser

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.SEAM_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
}

/** Launches chromium before the file's tests and closes it after; call the returned function in tests. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useBrowser(): the browser is only available inside tests.');
    return browser;
  };
}

export interface OpenedPage {
  page: Page;
  /** Problems seen so far on this page; keeps growing while the page is open. */
  errors: string[];
}

/** Opens `url` in a new page and collects every console error and failed request on it. */
export async function openPage(browser: Browser, url: string, options: { waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' } = {}): Promise<OpenedPage> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const origin = new URL(url).origin;
  await page.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith(origin) || target.startsWith('data:') || target.startsWith('blob:')) return route.continue();
    errors.push(`remote request blocked: ${target}`);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // Blocked remote requests are reported above; ERR_ABORTED is the browser cancelling a request
    // because the page moved on (a click during a prefetch or a load), not a failure of the site.
    if (reason === 'net::ERR_BLOCKED_BY_CLIENT' || reason === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${request.url()} ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(url, { waitUntil: options.waitUntil ?? 'load' });
  return { page, errors };
}

// ---------------------------------------------------------------------------------------------------
// Reading the output

/** Every file under `dir`, absolute paths. */
export function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A built file as text; gzip-compressed files (Pagefind's .pf_* index) are decompressed first. */
export function readOutputFile(path: string): string {
  const bytes = readFileSync(path);
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return raw.toString('utf8');
}
