// `seam export pdf`: a sign-off pack printed from the built site by headless Chromium. The page is the
// one readers see (the record, its checks and its evidence), with a cover page in front and the site's
// navigation left out. The built site is served on 127.0.0.1 for the print and the browser may fetch
// nothing else, so content cannot make the export reach the network.
import { existsSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { AUDIENCE_META, AUDIENCES, type Audience } from '../model/audience.ts';
import { BASE_META, baseProblem, withBase } from '../model/site-address.ts';
import { serveStatic } from './static-host.ts';

/** Where Chromium usually is, after SEAM_CHROMIUM. */
const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

/** The Chromium to print with: SEAM_CHROMIUM if set (even when it does not exist, so a typo is reported), else the first one installed. */
export function findChromium(env: NodeJS.ProcessEnv): { path?: string; tried: string[] } {
  if (env.SEAM_CHROMIUM) return existsSync(env.SEAM_CHROMIUM) ? { path: env.SEAM_CHROMIUM, tried: [env.SEAM_CHROMIUM] } : { tried: [env.SEAM_CHROMIUM] };
  return { path: CHROMIUM_PATHS.find((p) => existsSync(p)), tried: CHROMIUM_PATHS };
}

/** The audience a built page says it was built for, if it says. */
export function builtAudience(html: string): Audience | undefined {
  const tag = new RegExp(`<meta\\b[^>]*\\bname="${AUDIENCE_META}"[^>]*>`).exec(html)?.[0];
  const content = tag && /\bcontent="([a-z]+)"/.exec(tag)?.[1];
  return AUDIENCES.find((a) => a === content);
}

/**
 * The base path a built page says it was built for (`site.base`: its links, scripts and styles start
 * with it), `/` when it does not say or says something that is not a base path.
 */
export function builtBase(html: string): string {
  const tag = new RegExp(`<meta\\b[^>]*\\bname="${BASE_META}"[^>]*>`).exec(html)?.[0];
  const content = tag && /\bcontent="([^"]*)"/.exec(tag)?.[1];
  return content !== undefined && baseProblem(content) === undefined ? content : '/';
}

/** The built page file for a site address (`/projects/alpha/plan/` → `<site>/projects/alpha/plan/index.html`), if it is inside the site. */
export function pageFile(siteDir: string, href: string): string | undefined {
  const file = normalize(join(siteDir, decodeURIComponent(href.split('#')[0]!), 'index.html'));
  return file.startsWith(normalize(siteDir) + sep) ? file : undefined;
}

export interface Cover {
  /** The record's title. */
  title: string;
  /** Lines under it: what the record is, its project, its classification, the edition. */
  lines: string[];
}

/** Leaves out the site's chrome when printing: header, sidebars, table of contents, search, pagination, footer. */
const PRINT_CSS = `
  header.header, .sidebar-pane, nav.sidebar, .right-sidebar-container, starlight-toc, mobile-starlight-toc,
  site-search, .pagination-links, footer, .sl-skip-link, starlight-menu-button, .seam-diagram-toolbar { display: none !important; }
  .main-frame { padding: 0 !important; }
  a[href]::after { content: none !important; }
  .seam-pdf-cover { break-after: page; min-height: 60vh; display: flex; flex-direction: column; justify-content: center; gap: 0.75rem; }
  .seam-pdf-cover h1 { font-size: 2.25rem; margin: 0; }
  .seam-pdf-cover p { margin: 0; font-size: 1.1rem; }
`;

/**
 * Prints the built page at the site path `href` with a cover page in front; resolves to the PDF's
 * bytes. `base` is the base path the site was built for (`builtBase`): it is served there.
 */
export async function printPage(options: { siteDir: string; href: string; base: string; cover: Cover; chromium: string }): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  const { url: origin, close } = await serveStatic(options.siteDir, { base: options.base });
  const browser = await chromium.launch({ executablePath: options.chromium, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
  try {
    const page = await browser.newPage();
    // The built site only: any other address (content can name any) is refused, never fetched.
    await page.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort()));
    await page.goto(`${origin}${withBase(options.base, options.href)}`, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await page.addStyleTag({ content: PRINT_CSS });
    // Built with text nodes only: the title and lines come from content.
    await page.evaluate(({ title, lines }) => {
      const cover = document.createElement('section');
      cover.className = 'seam-pdf-cover';
      const heading = document.createElement('h1');
      heading.textContent = title;
      cover.append(heading, ...lines.map((line) => Object.assign(document.createElement('p'), { textContent: line })));
      (document.querySelector('main') ?? document.body).prepend(cover);
    }, options.cover);
    // Diagrams are drawn after load: wait until none is still pending (drawn, or failed with its source shown).
    await page.waitForFunction(() => [...document.querySelectorAll('.seam-mermaid')].every((el) => ['rendered', 'failed'].includes(el.getAttribute('data-state') ?? '')), undefined, { timeout: 20_000 }).catch(() => undefined);
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
  } finally {
    await browser.close();
    await close();
  }
}
