// Reads a record body's headings and what sits under each: the shared helper for rules that need a
// section to exist and hold real prose (required-sections, coverage's evidence claims).
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

export interface Section {
  title: string;
  depth: number;
  heading: Heading;
  /** Nodes between this heading and the next heading of the same or a higher level. */
  content: RootContent[];
  /** Words of prose (paragraphs, lists, tables, blockquotes) under the heading, placeholders excluded. */
  words: number;
}

/** A prompt left by `seam new` or an obvious placeholder: the section is not written yet. */
export const PLACEHOLDER = /\b(TODO|TBD|TBC|FIXME|lorem ipsum)\b/i;

const PROSE = new Set(['paragraph', 'list', 'table', 'blockquote']);

export function sections(tree: Root): Section[] {
  const out: Section[] = [];
  const children = tree.children;
  children.forEach((node, i) => {
    if (node.type !== 'heading') return;
    const content: RootContent[] = [];
    for (let j = i + 1; j < children.length; j++) {
      const next = children[j];
      if (next.type === 'heading' && next.depth <= node.depth) break;
      content.push(next);
    }
    const prose = content.filter((n) => PROSE.has(n.type)).map((n) => toString(n)).join(' ');
    const words = PLACEHOLDER.test(prose) ? 0 : prose.split(/\s+/).filter((w) => /\w/.test(w)).length;
    const hasDiagram = content.some((n) => n.type === 'code' && n.lang === 'mermaid');
    out.push({ title: toString(node).trim(), depth: node.depth, heading: node, content, words: words + (hasDiagram ? 5 : 0) });
  });
  return out;
}

/** Headings compare case-insensitively, ignoring surrounding punctuation and spacing. */
export function sameHeading(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}
