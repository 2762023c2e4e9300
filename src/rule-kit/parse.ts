// Parses a content file's text into an mdast tree with file positions: frontmatter, GFM, and MDX for
// `.mdx`. A syntax error is returned as a value (with its place), never thrown.
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { refusedBody } from '../model/nesting.ts';
import type { Position } from '../model/problem.ts';
import { refusedWhole, type SourceFile } from '../model/source.ts';

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
const mdx = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx).freeze();

/** `refused`: the body was not parsed at all because it is too long or too deeply nested (its message says so). */
export type ParseResult = { ok: true; tree: Root } | { ok: false; error: Position & { message: string; refused?: true } };

const parsedSources = new WeakMap<SourceFile, ParseResult>();

/** The parse of a loaded source, computed once however many rules and reports ask for it. */
export function parseSourceBody(source: SourceFile): ParseResult {
  let parsed = parsedSources.get(source);
  // A file refused as a whole (its problem says why) has nothing parsed, its body included.
  if (!parsed) parsedSources.set(source, (parsed = refusedWhole(source) ? EMPTY : parseBody(source.text, source.file, source.bodyOffset)));
  return parsed;
}

const EMPTY: ParseResult = { ok: true, tree: { type: 'root', children: [] } };

/** Parses `text`, whose body (what the body bounds apply to) starts at `bodyOffset`, after the frontmatter. */
export function parseBody(text: string, file: string, bodyOffset = 0): ParseResult {
  if (/\.ya?ml$/i.test(file)) return { ok: true, tree: { type: 'root', children: [] } };
  const processor = file.endsWith('.mdx') ? mdx : markdown;
  // Refused before the parser sees it: a hostile length or nesting would stall the parser, exhaust
  // memory or overflow its stack.
  const refused = refusedBody(text, bodyOffset);
  if (refused) {
    const before = text.slice(0, refused.offset);
    const line = before.split('\n').length;
    return { ok: false, error: { line, column: refused.offset - before.lastIndexOf('\n'), message: refused.message, refused: true } };
  }
  try {
    return { ok: true, tree: processor.parse(text) as Root };
  } catch (error) {
    const e = error as { reason?: string; message: string; line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
    const place = e.place && 'start' in e.place && e.place.start ? e.place.start : (e.place as { line?: number; column?: number } | undefined);
    return { ok: false, error: { line: place?.line ?? e.line ?? 1, column: place?.column ?? e.column ?? 1, message: (e.reason ?? e.message).split('\n')[0] } };
  }
}
