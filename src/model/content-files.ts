// Which entries under a content root Seam reads, listed without following links. Content comes from
// other organisations: a symbolic link could point the linter and the site build at files outside the
// content folder, and a folder Seam may not read would hide everything in it. Neither is skipped
// silently (a misconfigured CI would go green): each is listed with a located problem that says why it
// was not read and what to do. The CLI, the editor integration and the site build all list content here.
import { lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';
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
 *
 * With `tree`, the same walk also fills it with every entry under `absRoot`, hidden ones included
 * (links not followed; `.git` and `node_modules` left out), by path relative to it, with what it is:
 * `file`, `folder`, a link's target (`link:…`), another kind (`other`), or an unreadable folder
 * (`unreadable:<code>`; the root's path is `.`). The lint cache's dependency digests read it
 * (src/lint/affected.ts): a link may point at any entry, so one more or fewer can change findings.
 */
export function listContentFiles(absRoot: string, tree?: Map<string, string>): ContentEntry[] {
  const entries: ContentEntry[] = [];
  // Each folder to list, whether it is hidden (not content) and whether it is left out of `tree`.
  const folders: [folder: string, hidden: boolean, untracked: boolean][] = [['', false, !tree]];
  while (folders.length) {
    const [folder, hidden, untracked] = folders.pop()!;
    let dirents: Dirent[];
    try {
      dirents = readdirSync(join(absRoot, folder), { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!untracked) tree!.set(folder || '.', `unreadable:${code ?? ''}`);
      if (hidden) continue;
      const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'an unknown error');
      entries.push({ file: folder || '.', refused: { file: folder || '.', line: 1, column: 1, code: 'unreadable', message: `Seam cannot read this folder (${why}), so nothing in it was checked. Make it readable (for example chmod a+rx), or move it out of the content folder.` } });
      continue;
    }
    for (const d of dirents) {
      const file = folder ? `${folder}/${d.name}` : d.name;
      const isHidden = hidden || d.name.startsWith('.');
      if (d.isDirectory()) {
        const leftOut = untracked || d.name === '.git' || d.name === 'node_modules';
        if (!leftOut) tree!.set(file, 'folder');
        if (!isHidden || !leftOut) folders.push([file, isHidden, leftOut]);
        continue;
      }
      if (!untracked) tree!.set(file, d.isSymbolicLink() ? linkEntry(join(absRoot, file)) : d.isFile() ? 'file' : 'other');
      if (isHidden) continue;
      if (d.isSymbolicLink()) {
        if (CONTENT_FILE.test(d.name) || pointsToFolder(join(absRoot, file))) entries.push({ file, refused: symlinkProblem(file) });
      } else if (CONTENT_FILE.test(d.name)) entries.push(d.isFile() ? { file } : { file, refused: notAFileProblem(file) });
    }
  }
  return entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** What a link is for `tree`: its target (never followed), or what it turned into since it was listed. */
function linkEntry(path: string): string {
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return `link:${readlinkSync(path)}`;
    return stat.isFile() ? 'file' : `other:${stat.mode}`;
  } catch (error) {
    return `missing:${(error as NodeJS.ErrnoException).code ?? ''}`;
  }
}

function pointsToFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a dangling link to something not content-named: nothing was lost
  }
}
