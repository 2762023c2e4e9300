// The handbook's part of the sidebar, built from the `docs` collection. Starlight's `autogenerate`
// cannot do it: it matches pages by file path under src/content/docs/, and Seam's handbook lives in
// the content root.
import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import { HANDBOOK_PREFIX } from '../../model/identity.ts';
import { siteHref } from '../../model/site-address.ts';

type SidebarEntry = StarlightRouteData['sidebar'][number];
type SidebarLink = Extract<SidebarEntry, { type: 'link' }>;

export interface HandbookPage {
  /** The page id, e.g. `handbook/authoring/records`. */
  id: string;
  title: string;
  sidebar?: { order?: number; label?: string; hidden?: boolean; badge?: SidebarLink['badge'] };
}

/** `/a/b/` and `/a/b` are the same page. */
function samePath(a: string, b: string): boolean {
  const strip = (p: string) => decodeURI(p).replace(/\/+$/, '') || '/';
  return strip(a) === strip(b);
}

function humanise(folder: string): string {
  const words = folder.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface Node {
  page?: HandbookPage;
  children: Map<string, Node>;
}

/**
 * Sidebar entries for the handbook: a link per page and a group per folder, ordered by
 * `sidebar.order` then address. `root` is the id prefix of the handbook (`handbook`); its own page
 * comes first. `currentPath` (the address as requested, with the site's base path) marks the page being
 * rendered. The links are the addresses the site writes (with the base path).
 */
export function handbookSidebar(pages: HandbookPage[], currentPath: string, root = HANDBOOK_PREFIX): SidebarEntry[] {
  const tree: Node = { children: new Map() };
  for (const page of pages) {
    if (page.sidebar?.hidden) continue;
    const parts = page.id === root ? [] : page.id.slice(root.length + 1).split('/');
    let node = tree;
    for (const part of parts) {
      let child = node.children.get(part);
      if (!child) node.children.set(part, (child = { children: new Map() }));
      node = child;
    }
    node.page = page;
  }

  const link = (page: HandbookPage): SidebarLink => {
    const href = siteHref(`/${page.id}/`);
    return { type: 'link', label: page.sidebar?.label ?? page.title, href, isCurrent: samePath(href, currentPath), badge: page.sidebar?.badge, attrs: {} };
  };
  const order = (node: Node) => node.page?.sidebar?.order ?? Number.POSITIVE_INFINITY;

  const entriesOf = (node: Node): SidebarEntry[] =>
    [...node.children.entries()]
      .sort(([a, x], [b, y]) => order(x) - order(y) || a.localeCompare(b))
      .map(([name, child]): SidebarEntry => {
        if (child.children.size === 0 && child.page) return link(child.page);
        const entries = [...(child.page ? [link(child.page)] : []), ...entriesOf(child)];
        return { type: 'group', label: child.page?.sidebar?.label ?? child.page?.title ?? humanise(name), entries, collapsed: false, badge: undefined };
      });

  return [...(tree.page ? [link(tree.page)] : []), ...entriesOf(tree)];
}

/** The links before and after the current page, reading the sidebar top to bottom. */
export function neighbours(sidebar: SidebarEntry[]): { prev?: SidebarLink; next?: SidebarLink } {
  const links: SidebarLink[] = [];
  const walk = (entries: SidebarEntry[]) => {
    for (const entry of entries) entry.type === 'link' ? links.push(entry) : walk(entry.entries);
  };
  walk(sidebar);
  const at = links.findIndex((l) => l.isCurrent);
  return at === -1 ? {} : { prev: links[at - 1], next: links[at + 1] };
}

/** Where the handbook starts: its index page if it has one, else its first page in sidebar order. */
export function handbookLanding(pages: HandbookPage[], root = HANDBOOK_PREFIX): string | undefined {
  const first = (entries: SidebarEntry[]): string | undefined => {
    for (const entry of entries) {
      const href = entry.type === 'link' ? entry.href : first(entry.entries);
      if (href) return href;
    }
    return undefined;
  };
  return first(handbookSidebar(pages, '', root));
}
