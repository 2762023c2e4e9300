// bin/typescript-cache.js: `seam` keeps what stripping its TypeScript sources gave and serves it on the
// next start. Checked on a package of its own (a copy of the module beside a small TypeScript source,
// as bin/ and src/ sit in Seam), in real processes: the kept code is what runs, an edited source is
// never served stale, positions are the source's, nothing is printed, and a folder it cannot write to
// (a file in its place) changes nothing but the speed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A package holding bin/typescript-cache.js and src/answer.ts, whose default export is `answer`. */
function pkg(answer: string): { root: string; cache: string; source: string } {
  const root = mkdtempSync(join(tmpdir(), 'seam-ts-cache-'));
  made.push(root);
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'src'));
  cpSync(join(REPO, 'bin/typescript-cache.js'), join(root, 'bin/typescript-cache.js'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  const source = join(root, 'src/answer.ts');
  writeAnswer(source, answer);
  return { root, cache: join(root, 'cache'), source };
}

const writeAnswer = (file: string, answer: string) =>
  writeFileSync(file, `interface Answer { value: string }\nconst answer: Answer = { value: ${JSON.stringify(answer)} };\nexport default answer.value as string;\nexport function fail(): never {\n  throw new Error('here');\n}\n`);

/** Starts Node with the cache on `cache`, imports the source and prints its answer (or, with `fail`, the stack's first frame). */
function run(root: string, cache: string, fail = false) {
  const script = `import { cacheTypeScript } from ${JSON.stringify(pathToFileURL(join(root, 'bin/typescript-cache.js')).href)};
cacheTypeScript(${JSON.stringify(cache)});
const m = await import(${JSON.stringify(pathToFileURL(join(root, 'src/answer.ts')).href)});
if (${fail}) { try { m.fail(); } catch (e) { console.log(e.stack.split('\\n')[1].trim()); } } else console.log(m.default);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

describe('the TypeScript cache of bin/seam.js', () => {
  it('keeps what stripping gave and runs it on the next start, silently', () => {
    const { root, cache } = pkg('forty-two');
    expect(run(root, cache)).toEqual({ code: 0, stdout: 'forty-two', stderr: '' });
    const kept = readdirSync(cache);
    expect(kept).toHaveLength(1);
    // What is kept is what runs: changed behind the cache's back, the changed code answers.
    const file = join(cache, kept[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace('forty-two', 'from the cache'));
    expect(run(root, cache)).toEqual({ code: 0, stdout: 'from the cache', stderr: '' });
  });

  it('replaces a kept file a crash left empty', () => {
    const { root, cache } = pkg('whole');
    run(root, cache);
    const file = join(cache, readdirSync(cache)[0]!);
    writeFileSync(file, '');
    expect(run(root, cache)).toEqual({ code: 0, stdout: 'whole', stderr: '' });
    expect(readFileSync(file, 'utf8')).toContain('"whole"');
    expect(readdirSync(cache)).toHaveLength(1);
  });

  it('never serves an edited source stale', () => {
    const { root, cache, source } = pkg('before');
    expect(run(root, cache).stdout).toBe('before');
    writeAnswer(source, 'after');
    expect(run(root, cache).stdout).toBe('after');
    expect(readdirSync(cache)).toHaveLength(2);
  });

  it('keeps every line and column of the source', () => {
    const { root, cache } = pkg('x');
    const fresh = run(root, cache, true).stdout;
    expect(fresh).toMatch(/answer\.ts:5:9\)?$/);
    expect(run(root, cache, true).stdout).toBe(fresh);
  });

  it('runs the source as Node would when the cache folder is a file', () => {
    const { root, cache } = pkg('no folder');
    writeFileSync(cache, 'not a folder');
    expect(run(root, cache)).toEqual({ code: 0, stdout: 'no folder', stderr: '' });
  });
});

describe('the compile cache of bin/seam.js', () => {
  it('keeps V8\'s compiled code under node_modules/.cache/seam-v8 and answers as a start without it does, silently', () => {
    // A copy of bin/ beside Seam's sources (linked), with a node_modules of its own for the cache.
    const root = mkdtempSync(join(tmpdir(), 'seam-compile-cache-'));
    made.push(root);
    cpSync(join(REPO, 'bin'), join(root, 'bin'), { recursive: true });
    cpSync(join(REPO, 'package.json'), join(root, 'package.json'));
    symlinkSync(join(REPO, 'src'), join(root, 'src'));
    mkdirSync(join(root, 'node_modules'));
    const seam = (env: NodeJS.ProcessEnv) => {
      const r = spawnSync(process.execPath, [join(root, 'bin/seam.js'), 'lint', '--help'], { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const folder = join(root, 'node_modules/.cache/seam-v8');
    const without = seam({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(without.code).toBe(0);
    expect(existsSync(folder)).toBe(false);
    // Twice: the first start writes the cache, the second reads it.
    expect(seam({})).toEqual(without);
    expect(readdirSync(folder, { recursive: true }).length).toBeGreaterThan(10);
    expect(seam({})).toEqual(without);
  });
});
