// Visual baselines: the main kinds of page, in the light and dark themes, at desktop (1280 px) and phone
// (390 px) widths, compared pixel by pixel (pixelmatch) with the PNGs committed in tests/e2e/visual/, so
// a layout change shows up in review as a changed image. Each screenshot is the first screen of the page
// (a short viewport, not the full page) stored in grey levels, to keep the files a few dozen KB: a change
// of layout, size, spacing or contrast shows; a change of hue alone at equal brightness does not. What
// varies with the checkout (the history git gives a page, its "last updated" date) is masked.
//
// Debian's Chromium is not pinned and renders text a little differently from one version to the next:
// baselines.json records the version that drew them, and under another version the comparisons are
// skipped with a notice. Refresh the baselines (and review the images) with
//   SEAM_UPDATE_BASELINES=1 npx vitest run tests/e2e/visual.test.ts
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, REPO, sharedSite } from './harness.ts';

const DIR = join(REPO, 'tests/e2e/visual');
const MANIFEST = join(DIR, 'baselines.json');
const UPDATE = process.env.SEAM_UPDATE_BASELINES === '1';
const REFRESH = 'SEAM_UPDATE_BASELINES=1 npx vitest run tests/e2e/visual.test.ts';

const PAGES = {
  home: '/',
  project: '/projects/policy-admin-migration/',
  status: '/projects/policy-admin-migration/status/2026-08-31/',
  system: '/systems/crm/',
  policy: '/policies/integration-policy/',
  standard: '/standard/',
  coverage: '/coverage/',
  rules: '/rules/',
};
const WIDTHS = { desktop: { width: 1280, height: 640 }, phone: { width: 390, height: 700 } };
const THEMES = ['light', 'dark'] as const;
/** pixelmatch's per-pixel colour threshold (0–1), and the share of pixels that may differ. */
const THRESHOLD = 0.1;
const MAX_DIFF_RATIO = 0.002;
/** Parts of a page that depend on the checkout's git history, not on the content. */
const VOLATILE = ['.seam-history', 'footer .meta p:has(time)'];

interface Manifest {
  chromium: string;
  images: string[];
}

let browser: Browser;
let version = '';
let manifest: Manifest | undefined;
const written: string[] = [];
let diffDir: string | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  version = browser.version();
  manifest = existsSync(MANIFEST) ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest) : undefined;
  if (!UPDATE && manifest?.chromium !== version) {
    console.warn(
      `visual: the baselines were drawn by Chromium ${manifest?.chromium ?? '(none yet)'}, this is ${version}: comparisons skipped. ` +
        `Refresh them with \`${REFRESH}\` and review the changed images.`,
    );
  }
});

afterAll(async () => {
  await browser?.close();
  if (UPDATE) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(MANIFEST, `${JSON.stringify({ chromium: version, images: written.sort() }, null, 2)}\n`);
  }
});

/** The first screen of `path` in `theme` at `viewport`, volatile parts masked, as PNG bytes. */
async function screenshot(path: string, theme: (typeof THEMES)[number], viewport: { width: number; height: number }): Promise<Buffer> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce', colorScheme: theme });
  const page = await context.newPage();
  // A page that is missing anything it loads is no picture of the site: fail rather than draw a baseline of it.
  const errors: string[] = [];
  const origin = sharedSite().url;
  await page.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith(origin) || target.startsWith('data:') || target.startsWith('blob:')) return route.continue();
    errors.push(`remote request blocked: ${target}`);
    return route.abort('blockedbyclient');
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.seam-mermaid')].every((d) => d.dataset.state !== 'loading'));
  await page.evaluate(() => document.fonts.ready);
  const png = await page.screenshot({
    animations: 'disabled',
    caret: 'hide',
    mask: VOLATILE.map((selector) => page.locator(selector)),
    maskColor: '#808080',
  });
  await context.close();
  expect(errors, path).toEqual([]);
  return greyscale(png);
}

/** `png` in 8-bit grey levels, as the baselines are stored (a third of the size of colour). */
function greyscale(png: Buffer): Buffer {
  return PNG.sync.write(PNG.sync.read(png), { colorType: 0, deflateLevel: 9 });
}

/** How many pixels of `actual` differ from `expected` (both PNG), with a diff image; undefined when the sizes differ. */
function compare(actual: Buffer, expected: Buffer): { pixels: number; total: number; diff: Buffer } | undefined {
  const a = PNG.sync.read(actual);
  const e = PNG.sync.read(expected);
  if (a.width !== e.width || a.height !== e.height) return undefined;
  const diff = new PNG({ width: a.width, height: a.height });
  const pixels = pixelmatch(a.data, e.data, diff.data, a.width, a.height, { threshold: THRESHOLD });
  return { pixels, total: a.width * a.height, diff: PNG.sync.write(diff) };
}

describe('visual baselines', () => {
  for (const [name, path] of Object.entries(PAGES)) {
    for (const [size, viewport] of Object.entries(WIDTHS)) {
      for (const theme of THEMES) {
        const image = `${name}-${size}-${theme}.png`;
        it(`${name} at ${size} width (${theme}) looks as its baseline`, async (ctx) => {
          const actual = await screenshot(path, theme, viewport);
          if (UPDATE) {
            mkdirSync(DIR, { recursive: true });
            writeFileSync(join(DIR, image), actual);
            written.push(image);
            return;
          }
          if (manifest?.chromium !== version) return ctx.skip();
          const baseline = join(DIR, image);
          expect(existsSync(baseline), `no baseline ${image}: run \`${REFRESH}\``).toBe(true);
          const result = compare(actual, readFileSync(baseline));
          diffDir ??= mkdtempSync(join(tmpdir(), 'seam-visual-'));
          if (!result || result.pixels / result.total > MAX_DIFF_RATIO) {
            writeFileSync(join(diffDir, image), actual);
            if (result) writeFileSync(join(diffDir, image.replace(/\.png$/, '.diff.png')), result.diff);
          }
          expect(result, `${image} changed size; the new screenshot is in ${diffDir}`).toBeDefined();
          expect(
            result!.pixels / result!.total,
            `${image}: ${result!.pixels} of ${result!.total} pixels differ; the screenshot and a diff are in ${diffDir}. ` +
              `If the change is intended, run \`${REFRESH}\`.`,
          ).toBeLessThanOrEqual(MAX_DIFF_RATIO);
        });
      }
    }
  }
});
