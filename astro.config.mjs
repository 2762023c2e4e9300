// The Seam site: Starlight over the content collections declared in src/content.config.ts.
// Which content folder is read, and for which audience, is decided in one place,
// src/site/integrations/content-root.ts (SEAM_CONTENT / `content:`, SEAM_AUDIENCE / `site.audience` in
// seam.config.yaml). Build with `npm run build` (scripts/build-site.ts): it builds beside dist/ and
// swaps the result in only when the whole build, Pagefind included, succeeded.
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { openWorkspace } from './src/model/workspace.ts';
import { editBaseOf } from './src/site/data/authoring.ts';
import { contentSafety } from './src/site/integrations/content-safety.ts';
import { contentStoreFromFile } from './src/site/integrations/content-store.ts';
import { searchText } from './src/site/integrations/search-text.ts';
import { HANDBOOK_LABEL, sections } from './src/site/views/sections.ts';

// Never send usage data: Astro checks this variable when it records a command, which happens after it
// has loaded this file, so it covers `npm run build` and `npx astro build` alike, on any OS.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
// Astro lets the environment answer `import.meta.env.*` in server-rendered code, so a BASE_URL variable
// (Vitest sets one for its child processes, and some CI systems do) would replace the base path below
// in every page the build renders, and PROD, DEV or MODE (Vitest sets `PROD=''`, `DEV=1`, `MODE=test`)
// would make a production build render as a development one (Starlight then swaps its search box for a
// notice): only `site.base` (or `--base`) and the command decide them.
for (const reserved of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX']) delete process.env[reserved];

// seam.config.yaml's `site.url` gives the sitemap and canonical links their address (problems with the
// file are reported when content.config.ts loads it). Opened from the working directory, as every part
// of the site opens it (src/site/integrations/content-root.ts).
const { config: seam } = openWorkspace({ cwd: process.cwd() });
// "Edit this page" on handbook pages: the same base as record pages (`site.editUrl`, or `site.repository`
// + `site.branch`), checked by the URL policy; the route middleware encodes each page's file path.
const editBase = editBaseOf(seam.site);

export default defineConfig({
  site: seam.site.url,
  // `site.base`: the path a project site is served under (`/repo/` on GitHub Pages), `/` by default.
  // Every address the site writes gets it from src/model/site-address.ts, which reads it back from
  // Astro; Starlight adds it to the sidebar's links below itself, so they are written as site paths.
  base: seam.site.base ?? '/',
  outDir: './dist',
  // Builds that run side by side (the test suite's) each get their own cache, so they never read each
  // other's half-written content store.
  ...(process.env.SEAM_CACHE_DIR ? { cacheDir: process.env.SEAM_CACHE_DIR } : {}),
  // The dev toolbar loads integration listings from the network; a reading-first site does not need it.
  devToolbar: { enabled: false },
  integrations: [
    // First: refuses content that fails mdx-safety before any record is loaded.
    contentSafety(),
    starlight({
      title: 'Seam',
      description: 'The systems-integration handbook, policies and project records, checked against ESKITP5045.',
      sidebar: [
        ...sections.map((section) =>
          section.label === HANDBOOK_LABEL
            ? // Filled with the handbook's pages by src/site/integrations/route-middleware.ts.
              { label: HANDBOOK_LABEL, items: [{ label: 'Handbook', link: section.href }] }
            : { label: section.label, link: section.href },
        ),
        // Search with filters (record type, project, phase, organisation, criterion): src/pages/search.astro.
        { label: 'Search', link: '/search/' },
      ],
      // Escapes titles, fills the handbook's sidebar group and its pages' edit links.
      routeMiddleware: './src/site/integrations/route-middleware.ts',
      ...(editBase ? { editLink: { baseUrl: editBase } } : {}),
      customCss: ['./src/styles/seam.css'],
      // The content column also loads the diagram script, so every page with a Mermaid block draws it.
      components: { MarkdownContent: './src/components/overrides/MarkdownContent.astro' },
      // src/pages/404.astro replaces Starlight's, which expects a docs entry named 404.
      disable404Route: true,
    }),
    // Keeps table cells, terms and captions apart in the pages Pagefind indexes.
    searchText(),
    // The pages read the content store from a file instead of holding it inlined in their bundle.
    contentStoreFromFile(),
  ],
});
