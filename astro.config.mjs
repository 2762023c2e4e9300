// The Seam site: Starlight over the content collections declared in src/content.config.ts.
// Which content folder is read is decided in one place, src/site/content-root.ts (SEAM_CONTENT, or
// `content:` in seam.config.yaml).
import { fileURLToPath } from 'node:url';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { loadConfig } from './src/model/config.ts';
import { HANDBOOK_LABEL, sections } from './src/site/sections.ts';

// Never send usage data: Astro checks this variable when it records a command, which happens after it
// has loaded this file, so it covers `npm run build` and `npx astro build` alike, on any OS.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

// seam.config.yaml's `site.url` gives the sitemap and canonical links their address (problems with the
// file are reported when content.config.ts loads it).
const { config: seam } = loadConfig(fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
  site: seam.site.url,
  outDir: './dist',
  // The dev toolbar loads integration listings from the network; a reading-first site does not need it.
  devToolbar: { enabled: false },
  integrations: [
    starlight({
      title: 'Seam',
      description: 'The systems-integration handbook, policies and project records, checked against ESKITP5045.',
      sidebar: sections.map((section) =>
        section.label === HANDBOOK_LABEL
          ? // Filled with the handbook's pages by src/site/route-middleware.ts.
            { label: HANDBOOK_LABEL, items: [{ label: 'Handbook', link: section.href }] }
          : { label: section.label, link: section.href },
      ),
      routeMiddleware: './src/site/route-middleware.ts',
      customCss: ['./src/styles/seam.css'],
      // src/pages/404.astro replaces Starlight's, which expects a docs entry named 404.
      disable404Route: true,
    }),
  ],
});
