// The link index of a record graph, built once per graph and shared by the rules that follow links
// (`links`, `classification`), plus the file-system view the `links` rule checks assets against.
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Root } from 'mdast';
import { graphUpdateOf } from '../model/graph.ts';
import type { ContentRecord, RecordGraph } from '../model/graph.ts';
import { buildLinkIndex, updateLinkIndex } from '../model/links.ts';
import type { AssetView, LinkIndex } from '../model/links.ts';
import { parseSourceBody } from './parse.ts';

const indexes = new WeakMap<RecordGraph, LinkIndex>();

/**
 * The graph's link index; bodies of linked pages are parsed on first need. A graph updated from another
 * by changing a few files (an editor's text over the disk graph, on every keystroke) gets the other's
 * index with those files' pages replaced, not a new index of every record.
 */
export function linkIndexOf(graph: RecordGraph): LinkIndex {
  let index = indexes.get(graph);
  if (!index) {
    const update = graphUpdateOf(graph);
    index = update ? updateLinkIndex(indexes.get(update.base) ?? newIndex(update.base), graph, update.changed) : buildLinkIndex(graph, bodyOf);
    indexes.set(graph, index);
  }
  return index;
}

function newIndex(graph: RecordGraph): LinkIndex {
  const index = buildLinkIndex(graph, bodyOf);
  indexes.set(graph, index);
  return index;
}

function bodyOf(record: ContentRecord): Root | undefined {
  const parsed = parseSourceBody(record.source);
  return parsed.ok ? parsed.tree : undefined;
}

/**
 * Assets on disk: files under the content root, and files under `publicDir` (absolute). A symbolic
 * link counts only when its real target is still inside the folder, so a link cannot reach beyond it.
 */
export function diskAssets(contentRoot: string, publicDir: string): AssetView {
  return {
    contentFile: (path) => isFileInside(contentRoot, resolve(contentRoot, path)),
    publicFile: (path) => isFileInside(publicDir, resolve(publicDir, `.${path}`)),
  };
}

function isFileInside(folder: string, path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    const inside = relative(realpathSync(folder), realpathSync(path));
    return inside !== '' && !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside);
  } catch {
    return false;
  }
}
