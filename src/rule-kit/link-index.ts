// The link index of a record graph, built once per graph and shared by the rules that follow links
// (`links`, `classification`), plus the file-system view the `links` rule checks assets against.
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Root } from 'mdast';
import type { RecordGraph } from '../model/graph.ts';
import { buildLinkIndex } from '../model/links.ts';
import type { AssetView, LinkIndex } from '../model/links.ts';
import { parseSourceBody } from './parse.ts';

const indexes = new WeakMap<RecordGraph, LinkIndex>();

/** The graph's link index; bodies of linked pages are parsed on first need. */
export function linkIndexOf(graph: RecordGraph): LinkIndex {
  let index = indexes.get(graph);
  if (!index) {
    index = buildLinkIndex(graph, (record): Root | undefined => {
      const parsed = parseSourceBody(record.source);
      return parsed.ok ? parsed.tree : undefined;
    });
    indexes.set(graph, index);
  }
  return index;
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
