// The heading anchors a page really has on the site, computed from its Markdown tree exactly as the site
// renders them (src/site/views/render.ts): MDX expressions and ESM dropped, JSX elements reduced to their
// text, then github-slugger over each heading's text in order — the algorithm Astro's rehypeHeadingIds
// and Starlight use, so `## Scope` is `#scope` and a second `## Scope` is `#scope-1`.
import GithubSlugger, { slug } from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** JSX elements the site drops with their children (their text never reaches a heading). */
const DROPPED_ELEMENTS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript']);

interface AnyNode {
  type: string;
  value?: string;
  alt?: string | null;
  name?: string | null;
  children?: AnyNode[];
}

/** A heading's text as the site reads it (mdast-util-to-string over the neutralised heading). */
export function headingText(heading: Heading): string {
  const text = (node: AnyNode): string => {
    switch (node.type) {
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return '';
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        if (node.name && DROPPED_ELEMENTS.has(node.name.toLowerCase())) return '';
    }
    if (typeof node.value === 'string') return node.value;
    if (node.alt) return node.alt;
    return (node.children ?? []).map(text).join('');
  };
  return text(heading as AnyNode).trim();
}

export interface HeadingAnchor {
  /** The `id` the heading gets on the site. */
  slug: string;
  text: string;
  depth: number;
}

/** Every heading of a body with the anchor the site gives it, in document order. */
export function headingAnchors(tree: Root): HeadingAnchor[] {
  const slugger = new GithubSlugger();
  const out: HeadingAnchor[] = [];
  visit(tree, 'heading', (node: Heading) => {
    const text = headingText(node);
    out.push({ slug: slugger.slug(text), text, depth: node.depth });
  });
  return out;
}

/** The anchor github-slugger makes of `text`, ignoring repeats (`Scope` → `scope`). */
export function anchorOf(text: string): string {
  return slug(text);
}

/** Anchors every Starlight page has besides its headings: `_top` is the page title. */
export const PAGE_ANCHORS: readonly string[] = ['_top'];
