// `npm run build`: builds the site into a fresh folder beside the output folder and swaps it into place
// only when `astro build` (and Pagefind, which runs inside it) succeeded, so a failed build never
// leaves a half-written site where the previous one stood. Astro empties its outDir before it renders
// the first page, so building straight into dist/ would.
//
// Usage: node scripts/build-site.ts [--outDir DIR] [any other `astro build` flags]
// DIR defaults to dist/ in the repository. The exit code is astro's.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeStale } from '../src/site/integrations/stale-folders.ts';

const repo = fileURLToPath(new URL('..', import.meta.url)); // with a trailing separator
const astroBin = join(repo, 'node_modules/astro/bin/astro.mjs');

/** Splits `--outDir DIR` / `--outDir=DIR` out of the arguments passed on to astro. */
export function splitOutDir(args: string[]): { outDir?: string; rest: string[] } {
  const rest: string[] = [];
  let outDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--outDir') outDir = args[++i];
    else if (arg.startsWith('--outDir=')) outDir = arg.slice('--outDir='.length);
    else rest.push(arg);
  }
  return { outDir, rest };
}

/**
 * V8's flags for the build. After each full collection V8 lets the heap grow to up to four times what
 * survived before it collects again: a site build keeps its records, findings and indexes (a few
 * hundred MiB at 300 projects) while rendering pages makes gigabytes of short-lived strings, so the
 * heap stood at 2.4 GiB, mostly garbage, at its peak. Growing by half of what survived instead keeps
 * the peak near the data the build holds, for a few more collections (measured in bench/SITE.md).
 */
export const BUILD_NODE_FLAGS = ['--heap-growing-percent=50'];

/**
 * The build's environment, with the native allocators told to hand memory they no longer use back to
 * the system (unless the environment already says otherwise). Astro bundles the site with Rolldown,
 * whose allocator (mimalloc) otherwise keeps what the bundling used, and glibc keeps an arena per
 * thread: together about half a gigabyte that stayed resident while every page was rendered.
 * mimalloc commits its 1 GiB arenas up front by default; memory it purges from a committed arena
 * stayed resident (about 300 MiB after bundling, measured in bench/SITE.md), while an arena committed
 * as it is used gives purged memory back. So arenas are committed on demand.
 */
export function allocatorSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ARENA_EAGER_COMMIT: '0', MALLOC_ARENA_MAX: '2', ...env };
}

async function main(): Promise<number> {
  const { outDir = join(repo, 'dist'), rest } = splitOutDir(process.argv.slice(2));
  const final = resolve(outDir);
  const parent = dirname(final);
  const base = basename(final);
  mkdirSync(parent, { recursive: true });
  // Siblings of the output folder, so the swap is a rename on one file system.
  const building = `.${base}.building-`;
  const old = `.${base}.old-`;
  // Astro writes its server chunks inside the output folder only when that is inside the working
  // directory; otherwise into the project's shared .astro/, where two builds running at once (tests, CI
  // jobs) delete each other's. So a site headed outside the repository is built inside it, then moved.
  const inRepo = final.startsWith(repo);
  removeStale(parent, building);
  removeStale(parent, old);
  if (!inRepo) removeStale(repo, building);
  const staging = mkdtempSync(join(inRepo ? parent : repo, `${building}${process.pid}-`));
  // mkdtemp makes the folder private; a site folder is read by web servers running as other users.
  chmodSync(staging, 0o755);

  const child = spawn(process.execPath, [...BUILD_NODE_FLAGS, astroBin, 'build', '--outDir', staging, ...rest], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...allocatorSettings(process.env), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise<number>((done) => {
    child.on('error', (e) => {
      console.error(`seam: could not start astro: ${e.message}`);
      done(1);
    });
    child.on('exit', (status, signal) => done(status ?? (signal ? 1 : 0)));
  });
  process.off('SIGINT', forward);
  process.off('SIGTERM', forward);

  if (code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nseam: the build failed, so ${final} was left as it was.`);
    return code;
  }
  let ready = staging;
  const beside = join(parent, basename(staging));
  try {
    if (!inRepo) ready = moveBeside(staging, beside);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    rmSync(beside, { recursive: true, force: true });
    console.error(`seam: could not move the new site next to ${final}: ${(e as Error).message}`);
    return 1;
  }
  // The previous site moves aside, the new one takes its place, then the previous one goes.
  const previous = existsSync(final) ? join(parent, `${old}${process.pid}`) : undefined;
  if (previous) renameSync(final, previous);
  try {
    renameSync(ready, final);
  } catch (e) {
    if (previous) renameSync(previous, final);
    rmSync(ready, { recursive: true, force: true });
    console.error(`seam: could not move the new site into ${final}: ${(e as Error).message}`);
    return 1;
  }
  if (previous) rmSync(previous, { recursive: true, force: true });
  return 0;
}

/** Moves a finished build to `target` (beside the output folder): a rename, or a copy across file systems. */
function moveBeside(from: string, target: string): string {
  try {
    renameSync(from, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(from, target, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
  return target;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
