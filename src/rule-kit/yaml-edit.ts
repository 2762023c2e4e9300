// Text edits on a record's frontmatter, as file offsets: what rules build their fixes from. Only plain
// block-style YAML is edited; for anything else these return undefined and the rule offers no fix.
import { isScalar, isSeq } from 'yaml';
import type { SourceFile } from '../model/source.ts';

type YamlPath = readonly (string | number)[];

/** The `[start, end)` file offsets of the scalar value at `path`, if there is one. */
export function scalarRange(source: SourceFile, path: YamlPath): [number, number] | undefined {
  const node = source.yaml?.getIn(path, true);
  if (!isScalar(node) || !node.range) return undefined;
  return [source.yamlOffset + node.range[0], source.yamlOffset + node.range[1]];
}

/**
 * Where an item starts once the comment lines directly above it are counted as its own: a comment (a
 * `# seam-disable-next-line`, say) moves with the item it is written above.
 */
function withCommentsAbove(text: string, lineStart: number, floor: number): number {
  let start = lineStart;
  while (start > floor) {
    const previous = text.lastIndexOf('\n', start - 2) + 1;
    if (previous < floor || !/^[ \t]*#[^\n]*\n$/.test(text.slice(previous, start))) break;
    start = previous;
  }
  return start;
}

/**
 * The items of the block sequence at `path` as whole lines of text: each runs from the start of its
 * `- ` line (or of the comment lines directly above it) to the start of the next item, the last to the
 * end of its last line. Joining them in
 * another order and replacing `[start, end)` reorders the list without touching anything else.
 * Undefined for flow sequences (`[a, b]`) and items that do not start a line of their own.
 */
export function blockSequenceItems(source: SourceFile, path: YamlPath): { start: number; end: number; items: string[] } | undefined {
  const node = source.yaml?.getIn(path, true);
  if (!isSeq(node) || node.flow || !node.items.length) return undefined;
  const { text, yamlOffset } = source;
  const starts: number[] = [];
  for (const item of node.items) {
    const range = (item as { range?: [number, number, number] }).range;
    if (!range) return undefined;
    const at = yamlOffset + range[0];
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, at))) return undefined;
    starts.push(withCommentsAbove(text, lineStart, yamlOffset));
  }
  const last = (node.items.at(-1) as { range: [number, number, number] }).range;
  let valueEnd = yamlOffset + last[1];
  while (valueEnd > starts.at(-1)! && /\s/.test(text[valueEnd - 1])) valueEnd--;
  const lineEnd = text.indexOf('\n', valueEnd);
  const end = lineEnd === -1 ? text.length : lineEnd + 1;
  const items = starts.map((s, i) => text.slice(s, i + 1 < starts.length ? starts[i + 1] : end));
  if (!items.at(-1)!.endsWith('\n')) return undefined;
  return { start: starts[0], end, items };
}
