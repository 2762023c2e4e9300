// Renders a record's body to HTML without running anything from it. Content comes from other
// organisations through pull requests, so the body is *parsed* as Markdown or MDX and never compiled or
// evaluated: MDX imports, exports and `{expressions}` are dropped, JSX elements are reduced to their
// text content, raw HTML is dropped, and link/image URLs with unsafe schemes lose their target.
// Mermaid code blocks become `<pre class="mermaid">` with the source escaped, ready for a client-side
// renderer.
import type { Element, Root as HastRoot } from 'hast';
import type { Code, Root as MdastRoot, RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype, { defaultHandlers, type Options as ToHastOptions } from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { headingAnchors } from '../../model/anchors.ts';
import { refusedBody } from '../../model/nesting.ts';
import { isSafeUrl } from '../../model/url-policy.ts';
import { siteHref } from '../../model/site-address.ts';

export interface BodyHeading {
  depth: number;
  /** The heading's `id` in the HTML. */
  slug: string;
  text: string;
}

export interface RenderedBody {
  html: string;
  headings: BodyHeading[];
}

export interface RenderOptions {
  /** `mdx` parses MDX syntax (so `{/* comments *\/}` and `<Tags>` are understood, then neutralised); `md` is CommonMark + GFM. */
  format: 'md' | 'mdx';
  /**
   * The site address for a link as written, when it points at another content file; `null` when it
   * points at a record this build leaves out, so the link becomes its plain text.
   */
  resolveLink?: (url: string) => string | null | undefined;
}

/** JSX elements whose content is code or embedding, not prose: dropped with their children. */
const DROPPED_ELEMENTS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript']);

/** Renders a Markdown or MDX body to safe HTML, with an `id` on every heading. */
export function renderBody(source: string, options: RenderOptions): RenderedBody {
  const headings: BodyHeading[] = [];
  // A body too long or nested too deeply to parse safely is refused with its place, as the linter refuses it.
  const refused = refusedBody(source);
  if (refused) {
    const before = source.slice(0, refused.offset);
    throw Object.assign(new Error(refused.message), { reason: refused.message, line: before.split('\n').length, column: refused.offset - before.lastIndexOf('\n') });
  }
  const parser = unified().use(remarkParse).use(remarkGfm);
  if (options.format === 'mdx') parser.use(remarkMdx);
  const mdast = parser.parse(source) as MdastRoot;

  neutraliseMdx(mdast);
  // The ids come from the one anchor algorithm the `links` rule also checks against.
  const anchors = headingAnchors(mdast);
  let next = 0;
  visit(mdast, 'heading', (node) => {
    const anchor = anchors[next++];
    node.data = { ...node.data, hProperties: { id: anchor.slug } };
    headings.push(anchor);
  });

  const toHast: ToHastOptions = {
    // Raw HTML (`html` nodes) is dropped, never passed through.
    allowDangerousHtml: false,
    handlers: {
      code(state, node: Code) {
        if (node.lang?.toLowerCase() !== 'mermaid') return defaultHandlers.code(state, node);
        const pre: Element = {
          type: 'element',
          tagName: 'pre',
          properties: { className: ['mermaid'] },
          children: [{ type: 'text', value: node.value }],
        };
        state.patch(node, pre);
        return pre;
      },
    },
  };
  const hast = unified().use(remarkRehype, toHast).runSync(mdast) as HastRoot;
  neutraliseUrls(hast, options.resolveLink);
  const html = unified().use(rehypeStringify).stringify(hast);
  return { html, headings };
}

type MdxNode = RootContent & { type: string; name?: string | null; children?: RootContent[] };

/** Removes MDX ESM and expressions and replaces JSX elements by their children, in place. */
function neutraliseMdx(parent: { children: RootContent[] }): void {
  const out: RootContent[] = [];
  for (const child of parent.children as MdxNode[]) {
    switch (child.type) {
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        if (child.name && DROPPED_ELEMENTS.has(child.name.toLowerCase())) break;
        if (child.children) {
          neutraliseMdx(child as { children: RootContent[] });
          out.push(...child.children);
        }
        break;
      default:
        if ('children' in child && Array.isArray(child.children)) neutraliseMdx(child as { children: RootContent[] });
        out.push(child);
    }
  }
  parent.children = out;
}

/**
 * Points links at site pages, unlinks links to records left out, drops `href`/`src` values that could
 * run script, and writes every site path (`/systems/crm/`, `/images/logo.svg`, as resolved or as
 * written) with the site's base path.
 */
function neutraliseUrls(tree: HastRoot, resolveLink: RenderOptions['resolveLink']): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    const { properties } = node;
    if (typeof properties.href === 'string') {
      const resolved = resolveLink?.(properties.href);
      if (resolved === null && node.tagName === 'a' && parent && index !== undefined) {
        // The link's text stays, in place of the link; its children are visited next.
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
      if (resolved === null) delete properties.href;
      else properties.href = resolved ?? properties.href;
    }
    if (typeof properties.href === 'string' && !isSafeUrl(properties.href, 'link')) delete properties.href;
    if (typeof properties.src === 'string' && !isSafeUrl(properties.src, 'image')) delete properties.src;
    if (typeof properties.href === 'string') properties.href = siteHref(properties.href);
    if (typeof properties.src === 'string') properties.src = siteHref(properties.src);
  });
}
