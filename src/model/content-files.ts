// Which entries under a content root Seam reads, listed without following links. Content comes from
// other organisations: a symbolic link could point the linter and the site build at files outside the
// content folder, and a folder Seam may not read would hide everything in it. Neither is skipped
// silently (a misconfigured CI would go green): each is listed with a located problem that says why it
// was not read and what to do. The CLI, the editor integration and the site build all list content here.
import { readdirSync, statSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './problem.ts';
import { notAFileProblem, symlinkProblem } from './source.ts';

/** What `CONTENT_GLOB` (`**\/*.{md,mdx,yaml,yml}`) matches: the files that hold records. */
export const CONTENT_FILE = /\.(?:md|mdx|yaml|yml)$/;

export interface ContentEntry {
  /** Relative to the content root, forward slashes (a folder's path for an unreadable or linked folder). */
  file: string;
  /** Why the entry was not read, when it was not: a link, or a folder Seam may not list. */
  refused?: Problem;
}

/**
 * Every content file under `absRoot` (hidden files and folders left out), sorted, plus each symbolic
 * link to a content file or to a folder, each content-named entry that is not a regular file (a named
 * pipe would block a read forever) and each unreadable folder, with its problem.
 */
export function listContentFiles(absRoot: string): ContentEntry[] {
  const entries: ContentEntry[] = [];
  const folders = [''];
  while (folders.length) {
    const folder = folders.pop()!;
    let dirents: Dirent[];
    try {
      dirents = readdirSync(join(absRoot, folder), { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'an unknown error');
      entries.push({ file: folder || '.', refused: { file: folder || '.', line: 1, column: 1, code: 'unreadable', message: `Seam cannot read this folder (${why}), so nothing in it was checked. Make it readable (for example chmod a+rx), or move it out of the content folder.` } });
      continue;
    }
    for (const d of dirents) {
      if (d.name.startsWith('.')) continue;
      const file = folder ? `${folder}/${d.name}` : d.name;
      if (d.isDirectory()) folders.push(file);
      else if (d.isSymbolicLink()) {
        if (CONTENT_FILE.test(d.name) || pointsToFolder(join(absRoot, file))) entries.push({ file, refused: symlinkProblem(file) });
      } else if (CONTENT_FILE.test(d.name)) entries.push(d.isFile() ? { file } : { file, refused: notAFileProblem(file) });
    }
  }
  return entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function pointsToFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a dangling link to something not content-named: nothing was lost
  }
}
