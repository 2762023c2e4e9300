// Starlight route middleware: puts the handbook's pages into the sidebar's Handbook group, then
// recomputes previous/next links, since Starlight computed them before the group was filled.
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { getHandbookPages } from './entries.ts';
import { HANDBOOK_LABEL } from './sections.ts';
import { handbookSidebar, neighbours } from './sidebar.ts';

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
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
