// Folders a build names after its process (`<prefix><pid>-…`) so that, when the build is killed before
// it can remove them (Ctrl-C, a cancelled CI job, the kernel's out-of-memory killer: Node runs no exit
// handler for a signal it does not catch), the next build finds and removes them. Used by
// scripts/build-site.ts (its staging and old output folders) and the content-store integration (its
// temporary copy of the content store).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Whether process `pid` still runs (EPERM: it runs as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the folders in `parent` named `<prefix><pid>-…` whose process is gone. */
export function removeStale(parent: string, prefix: string): void {
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const match = name.startsWith(prefix) ? /^(\d+)-/.exec(name.slice(prefix.length)) : null;
    if (match && !alive(Number(match[1]))) rmSync(join(parent, name), { recursive: true, force: true });
  }
}
