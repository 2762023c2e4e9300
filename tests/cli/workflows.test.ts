// The example GitHub Actions workflows run commands Seam really has: every `npm run seam -- …` names a
// subcommand and flags that `seam … --help` lists, every `npm run X` a script in package.json, and the
// publishing workflow builds the public edition only. A renamed flag fails here, not in a user's CI.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { seam } from '../helpers/cli.ts';
import { REPO } from '../helpers/content.ts';

interface Step {
  id?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { steps?: Step[] }>;
}

const folder = join(REPO, '.github/workflows');
const workflows = readdirSync(folder)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((file) => ({ file, workflow: parse(readFileSync(join(folder, file), 'utf8')) as Workflow }));
const steps = workflows.flatMap(({ file, workflow }) => Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).map((step) => ({ file, step }))));
const scripts = Object.keys((JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

/** The words of each `npm run …` command in a step's script, up to the first shell operator. */
function npmRuns(run: string): string[][] {
  return run
    .split('\n')
    .flatMap((line) => [...line.matchAll(/npm run (.*?)(?=\s*(?:\|\||&&|>>?|\||;|$))/g)])
    .map((m) => m[1]!.replace(/\$\{\{[^}]*\}\}/g, 'X').split(/\s+/).filter(Boolean));
}

describe('the example workflows', () => {
  it('exist: checks on pull requests, publishing and the scheduled link check', () => {
    expect(workflows.map((w) => w.file)).toEqual(expect.arrayContaining(['links.yml', 'publish.yml', 'seam.yml']));
  });

  it('run only npm scripts that exist', () => {
    const used = steps.flatMap(({ step }) => (step.run ? npmRuns(step.run) : [])).map((words) => words[0]);
    expect(used.length).toBeGreaterThan(3);
    expect(used.filter((name) => !scripts.includes(name!))).toEqual([]);
  });

  it('call seam with subcommands and flags it has', async () => {
    const calls = steps.flatMap(({ file, step }) => (step.run ? npmRuns(step.run) : []).filter((w) => w[0] === 'seam' && w[1] === '--').map((w) => ({ file, args: w.slice(2) })));
    expect(calls.length).toBeGreaterThan(3);
    for (const { file, args } of calls) {
      const command = args.filter((a, i) => !a.startsWith('-') && (i === 0 || !args[i - 1]!.startsWith('--')) && /^[a-z][a-z-]*$/.test(a)).slice(0, 1);
      const help = await seam([...command, '--help']);
      expect(help.code, `${file}: seam ${command.join(' ')}`).toBe(0);
      for (const flag of args.filter((a) => a.startsWith('--'))) expect(help.stdout, `${file}: seam ${args.join(' ')}`).toContain(flag.split('=')[0]);
    }
  });

  it('name the project\'s Node version file', () => {
    const setups = steps.filter(({ step }) => step.uses?.startsWith('actions/setup-node'));
    expect(new Set(setups.map((s) => s.file))).toEqual(new Set(workflows.map((w) => w.file)));
    for (const { file, step } of setups) expect(step.with?.['node-version-file'], file).toBe('.nvmrc');
    expect(readFileSync(join(REPO, '.nvmrc'), 'utf8').trim()).toBe('22');
  });

  it('publish the public edition only', () => {
    const builds = steps.filter(({ file, step }) => file === 'publish.yml' && step.run && /npm run build/.test(step.run));
    expect(builds).toHaveLength(1);
    expect(builds[0]!.step.env).toMatchObject({ SEAM_AUDIENCE: 'public' });
    const uploads = steps.filter(({ file, step }) => file === 'publish.yml' && step.uses?.startsWith('actions/upload-pages-artifact'));
    expect(uploads.map(({ step }) => step.with?.path)).toEqual(['dist']);
  });

  it('publish under the address and base path Pages gives the site (a project site is under /<repository>/)', () => {
    const publish = steps.filter(({ file }) => file === 'publish.yml').map(({ step }) => step);
    const pages = publish.findIndex((step) => step.uses?.startsWith('actions/configure-pages'));
    const build = publish.findIndex((step) => step.run && /npm run build/.test(step.run));
    expect(pages).toBeGreaterThanOrEqual(0);
    expect(pages).toBeLessThan(build);
    const { run, env } = publish[build]!;
    const id = publish[pages]!.id;
    // Pages' base_path is `/<repository>` or empty, so the build's base is `/<repository>/` or `/`.
    expect(npmRuns(run!)[0]).toEqual(['build', '--', '--site', '"$PAGES_URL/"', '--base', '"$PAGES_PATH/"']);
    expect(env).toEqual({ SEAM_AUDIENCE: 'public', PAGES_URL: `\${{ steps.${id}.outputs.base_url }}`, PAGES_PATH: `\${{ steps.${id}.outputs.base_path }}` });
  });

  it('keep the link check\'s cache between scheduled runs', () => {
    const cache = steps.find(({ file, step }) => file === 'links.yml' && step.uses?.startsWith('actions/cache'));
    expect(cache?.step.with?.path).toBe('.seam-cache/links.json');
  });
});
