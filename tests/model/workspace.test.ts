// The one workspace opener: every setting in one order (flag > environment > seam.config.yaml >
// default), the repository root at the config file's folder, and problems as values.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace, problemLines } from '../../src/model/workspace.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A repository with seam.config.yaml holding `config` (none when undefined) and a sub-folder `docs/deep`. */
function repo(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'seam-workspace-'));
  made.push(dir);
  mkdirSync(join(dir, 'docs/deep'), { recursive: true });
  if (config !== undefined) writeFileSync(join(dir, 'seam.config.yaml'), config);
  return dir;
}

const clock = () => new Date('2030-03-04T12:00:00Z');

describe('openWorkspace', () => {
  it('finds the config upwards and takes the repository root from its folder', () => {
    const dir = repo('content: records\ntoday: 2026-11-20\nsite:\n  audience: internal\n');
    const workspace = openWorkspace({ cwd: join(dir, 'docs/deep'), env: {}, clock });
    expect(workspace).toMatchObject({
      configFile: join(dir, 'seam.config.yaml'),
      repoRoot: dir,
      contentRoot: join(dir, 'records'),
      today: '2026-11-20',
      audience: 'internal',
      audienceSource: 'config',
      problems: [],
    });
  });

  it('without a config, uses the working directory and every default: content/, the clock, public', () => {
    const dir = repo();
    const workspace = openWorkspace({ cwd: dir, env: {}, clock });
    expect(workspace).toMatchObject({ repoRoot: dir, contentRoot: join(dir, 'content'), today: '2030-03-04', audience: 'public', audienceSource: 'default', problems: [] });
    expect(workspace.configFile).toBeUndefined();
  });

  it('lets a flag beat the environment, and the environment beat the config', () => {
    const dir = repo('content: records\ntoday: 2026-11-20\nsite:\n  audience: internal\n');
    const env = { SEAM_CONTENT: 'from-env', SEAM_TODAY: '2027-01-01', SEAM_AUDIENCE: 'confidential' };
    const fromEnv = openWorkspace({ cwd: dir, env, clock });
    expect(fromEnv).toMatchObject({ contentRoot: join(dir, 'from-env'), today: '2027-01-01', audience: 'confidential', audienceSource: 'env' });
    const fromFlags = openWorkspace({ cwd: join(dir, 'docs'), contentFlag: 'flagged', todayFlag: '2028-02-02', env, clock });
    // A relative flag is relative to the working directory, not to the config file.
    expect(fromFlags).toMatchObject({ contentRoot: join(dir, 'docs/flagged'), today: '2028-02-02' });
    expect(openWorkspace({ cwd: dir, contentFlag: '/abs/content', env, clock }).contentRoot).toBe('/abs/content');
    // An absolute `content:` in the config is kept as it is.
    writeFileSync(join(dir, 'seam.config.yaml'), 'content: /abs/configured\n');
    expect(openWorkspace({ cwd: dir, env: {}, clock }).contentRoot).toBe('/abs/configured');
  });

  it('reads the config file it is given instead of searching', () => {
    const dir = repo('content: found\n');
    writeFileSync(join(dir, 'docs/other.yaml'), 'content: given\n');
    const workspace = openWorkspace({ cwd: dir, configFile: 'docs/other.yaml', env: {}, clock });
    expect(workspace).toMatchObject({ configFile: join(dir, 'docs/other.yaml'), repoRoot: join(dir, 'docs'), contentRoot: join(dir, 'docs/given') });
  });

  it('reports config problems with their place, and keeps the defaults', () => {
    const dir = repo('content: content\ntoday: 20261120\nrulez: {}\n');
    const workspace = openWorkspace({ cwd: dir, env: {}, clock });
    expect(workspace.problems.map((p) => p.setting)).toEqual(['config', 'config']);
    const lines = problemLines(workspace, 'config', (file) => file.replace(dir, '<repo>'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^<repo>\/seam\.config\.yaml:2:8: /);
    expect(lines[1]).toMatch(/^<repo>\/seam\.config\.yaml:1:1: .*rulez/);
    expect(workspace.today).toBe('2030-03-04');
  });

  it('reports broken YAML in the config', () => {
    const dir = repo('content: [content\n');
    const [line] = problemLines(openWorkspace({ cwd: dir, env: {}, clock }), 'config');
    expect(line).toMatch(/seam\.config\.yaml:\d+:\d+: Broken YAML in the config/);
  });

  it('reports a bad date or audience by where it came from, falling back to the clock and the public', () => {
    const dir = repo('site:\n  audience: internal\n');
    const workspace = openWorkspace({ cwd: dir, env: { SEAM_TODAY: 'tomorrow', SEAM_AUDIENCE: 'partners' }, clock });
    expect(workspace.problems.map((p) => p.setting)).toEqual(['today', 'audience']);
    expect(problemLines(workspace, 'today')).toEqual(['SEAM_TODAY must be a date written as YYYY-MM-DD (got "tomorrow").']);
    expect(problemLines(workspace, 'audience')[0]).toMatch(/^SEAM_AUDIENCE is "partners"; it must be one of: public, internal, confidential/);
    expect(workspace).toMatchObject({ today: '2030-03-04', audience: 'public' });
    expect(problemLines(openWorkspace({ cwd: dir, todayFlag: '2026-13-01', env: {}, clock }), 'today')).toEqual(['--today must be a date written as YYYY-MM-DD (got "2026-13-01").']);
  });
});
