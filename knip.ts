// knip: files, exports and dependencies nothing uses. tests/architecture.test.ts runs it in `npm test`.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  // knip's Astro, Vitest and remark plugins add astro.config.mjs, src/content.config.ts, vitest.config.ts
  // and .remarkrc.mjs themselves.
  entry: [
    'bin/*.js',
    'src/pages/**/*.astro',
    // Starlight loads it by path (`routeMiddleware` in astro.config.mjs).
    'src/site/integrations/route-middleware.ts',
    // Astro loads its middleware by path (addMiddleware in the file's own integration).
    'src/site/integrations/search-text.ts',
    // Starlight loads it by path (`components` in astro.config.mjs).
    'src/components/overrides/*.astro',
    // The lint pool loads it by path in each worker thread (src/lint/workers.ts).
    'src/lint/lint-worker.ts',
    // Expressive Code loads it by path from the project root.
    'ec.config.mjs',
    'scripts/*.ts',
    'tests/**/*.ts',
    'rules/index.ts',
  ],
  project: ['src/**/*.{ts,astro}', 'rules/**/*.ts', 'bin/*.js', 'scripts/*.ts', 'tests/**/*.ts'],
  // An export its own module uses is not dead code, only a wider interface than needed.
  ignoreExportsUsedInFile: true,
  ignoreDependencies: [
    // Only satisfies a peer dependency of astro and @astrojs/mdx (nothing imports it). The other such
    // peer, @astrojs/markdown-remark, knip's Astro plugin already counts as used.
    '@astrojs/markdown-satteri',
    // Listed directly although @astrojs/starlight depends on both: its MDX integration and its search index.
    '@astrojs/mdx',
    'pagefind',
    // @axe-core/playwright's engine, listed directly for the accessibility tests (tests/e2e/a11y.test.ts).
    'axe-core',
    // Run by path, not imported: scripts/bench.ts compares Seam with it.
    'markdownlint-cli2',
    // Imported but not listed: `remark` (bin/seam-language-server.js) comes with remark-cli, and the
    // `hast` types with the unified packages. They should be listed; that needs `npm install`.
    'remark',
    'hast',
  ],
};

export default config;
