// Starlight route middleware: escapes the page title where it enters the head, gives a handbook page
// its "edit this page" address the way record pages get theirs, puts the handbook's pages into the
// sidebar's Handbook group, then recomputes previous/next links, since Starlight computed them before
// the group was filled.
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { AUDIENCE_META } from '../../model/audience.ts';
import { HANDBOOK_PREFIX } from '../../model/identity.ts';
import { BASE_META, SITE_BASE } from '../../model/site-address.ts';
import { editBaseOf, editUrlFor } from '../data/authoring.ts';
import { getSiteLint } from '../data/lint-state.ts';
import { escapeHtml } from '../views/escape.ts';
import { siteAudience } from './content-root.ts';
import { getHandbookPages } from '../data/entries.ts';
import { HANDBOOK_LABEL } from '../views/sections.ts';
import { handbookSidebar, neighbours } from '../views/sidebar.ts';

/** The build's audience, read once. */
let builtFor: string | undefined;

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  // Starlight writes every head entry's content as raw HTML (`set:html`), and builds the <title> entry
  // from the page's title without escaping it: a record titled `x</title><script>…` would run script.
  // Titles come from content, so the title entry is escaped here, once; the visible heading is
  // rendered as text by Astro and stays unescaped.
  for (const entry of route.head) if (entry.tag === 'title' && typeof entry.content === 'string') entry.content = escapeHtml(entry.content);
  // Which edition this page belongs to, for tools that read the built site (`seam export pdf`).
  builtFor ??= siteAudience().audience;
  route.head.push({ tag: 'meta', attrs: { name: AUDIENCE_META, content: builtFor } });
  // And the base path it was built for, so such a tool can serve it where its addresses point.
  route.head.push({ tag: 'meta', attrs: { name: BASE_META, content: SITE_BASE } });
  // Starlight joins `editLink.baseUrl` and the file's path as they are; a handbook page's address is
  // rebuilt by editUrlFor instead, which encodes the path and applies the URL policy, as on record
  // pages (which pass theirs to <StarlightPage>; the site's other pages have none).
  const { id, filePath } = route.entry;
  // A page's own `editUrl` (Starlight frontmatter, checked by the schema) is kept as written.
  if (route.editUrl && typeof route.entry.data.editUrl !== 'string' && (id === HANDBOOK_PREFIX || id.startsWith(`${HANDBOOK_PREFIX}/`))) {
    const href = editUrlFor(editBaseOf((await getSiteLint()).config.site), filePath);
    route.editUrl = href ? new URL(href) : undefined;
  }
  const at = route.sidebar.findIndex((entry) => entry.type === 'group' && entry.label === HANDBOOK_LABEL);
  const group = route.sidebar[at];
  if (!group || group.type !== 'group') return;
  group.entries = handbookSidebar(await getHandbookPages(), context.url.pathname);
  if (group.entries.length === 0) route.sidebar.splice(at, 1);
  const { prev, next } = neighbours(route.sidebar);
  const { prev: prevConfig, next: nextConfig } = route.entry.data;
  route.pagination = {
    prev: prevConfig === false ? undefined : prev,
    next: nextConfig === false ? undefined : next,
  };
});
