// `seam import oscal FILE` and `seam export oscal [standard]` as people run them: the catalogue on
// standard output or in --output; the export byte-identical and importable back to the file it came
// from; bad input a message with exit 2, never a stack trace, and nothing written.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_OSCAL_BYTES } from '../../src/oscal/catalog.ts';
import { EXAMPLE_CONTENT, REPO, tempContent } from '../helpers/content.ts';
import { seam, seamProcess } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'seam-oscal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LOW = 'tests/fixtures/oscal/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json';
const ESKITP_YAML = readFileSync(join(EXAMPLE_CONTENT, 'standards/eskitp5045.yaml'), 'utf8');

describe('seam import oscal', () => {
  it('writes the catalogue to --output, named after the file, and says what it imported', async () => {
    const output = join(dir, 'sp800-53-low.yaml');
    const run = await seam(['import', 'oscal', LOW, '--output', output]);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toBe(`seam: imported 131 criteria with 18 sub-items in 18 groups from ${LOW} into ${output}. Add a coverage map (standards/sp800-53-low.coverage.yaml) before it counts.\n`);
    const yaml = readFileSync(output, 'utf8');
    expect(yaml).toMatch(/^title: NIST Special Publication 800-53 Revision 5\.1\.1 LOW IMPACT BASELINE\ncode: SP800-53-LOW\n/);
    expect(yaml).toContain('  - id: ac-2\n    title: Account Management\n    group: ac\n');
  });

  it('writes to standard output without --output, with the id from --id', async () => {
    const run = await seam(['import', 'oscal', 'tests/fixtures/oscal/basic-catalog.json', '--id', 'iso-27002-sample']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^title: Sample Security Catalog \*for Demonstration\* and Testing\ncode: ISO-27002-SAMPLE\n/);
    expect(run.stderr).toBe('seam: imported 4 criteria in 4 groups from tests/fixtures/oscal/basic-catalog.json; save it as content/standards/iso-27002-sample.yaml.\n');
  });

  const refusals: [string, string | (() => string), RegExp][] = [
    ['not JSON', 'README.md', /^seam: README\.md: The file is not JSON\./],
    ['not a catalog', 'package.json', /^seam: package\.json: The file is JSON but not an OSCAL catalog/],
    ['a profile', () => write('profile.json', '{"profile": {"uuid": "x"}}'), /: The file is an OSCAL profile, not a catalog\. Seam imports catalogs; resolve a profile/],
    ['too deep', () => write('deep.json', `{"catalog": ${'['.repeat(200)}${']'.repeat(200)}}`), /: The file nests 201 levels deep; Seam reads OSCAL catalogs nested at most 64 levels/],
    ['too large', () => write('large.json', `{"catalog": {"metadata": {"title": "${'x'.repeat(MAX_OSCAL_BYTES)}"}}}`), /large\.json is 16\.0 MiB; Seam imports OSCAL catalogs up to 16 MiB/],
    ['missing', 'no-such-catalog.json', /^seam: Cannot read no-such-catalog\.json: no such file\.\n$/],
    ['an id that cannot be a file name', () => write('named.json', readFileSync(join(REPO, 'tests/fixtures/oscal/basic-catalog.json'), 'utf8')), /is not kebab-case/],
  ];
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it.each(refusals)('refuses %s with a message and exit 2, writing nothing', async (what, input, message) => {
    const file = typeof input === 'string' ? input : input();
    const output = join(dir, `out-${what.replace(/\W+/g, '-')}.yaml`);
    const args = ['import', 'oscal', file, '--output', output, ...(what.startsWith('an id') ? ['--id', 'Not An Id'] : [])];
    const run = await seam(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(output)).toBe(false);
  });

  it('refuses an --output in a folder that does not exist, as a usage error', async () => {
    const run = await seam(['import', 'oscal', LOW, '--output', join(dir, 'missing/sp.yaml')]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^seam: Cannot write .*missing\/sp\.yaml: its folder does not exist\.\n$/);
  });
});

describe('seam export oscal', () => {
  it('writes a catalogue as OSCAL, byte-identically, and it imports back to the same file', async () => {
    const first = seamProcess(['export', 'oscal', 'eskitp5045']);
    const second = await seam(['export', 'oscal', 'eskitp5045']);
    expect(first).toMatchObject({ code: 0, stderr: 'seam: exporting for the internal audience (site.audience in seam.config.yaml): records classified above "internal" are left out, as on the site.\n' });
    expect(second.stdout).toBe(first.stdout);
    expect(JSON.parse(first.stdout).catalog.metadata['oscal-version']).toBe('1.1.2');
    const exported = join(dir, 'eskitp5045.json');
    writeFileSync(exported, first.stdout);
    const back = await seam(['import', 'oscal', exported, '--id', 'eskitp5045']);
    expect(back.code).toBe(0);
    expect(back.stdout).toBe(ESKITP_YAML);
  });

  it('writes the example\'s second standard too, and it imports back to the catalogue the example holds', async () => {
    const out = await seam(['export', 'oscal', 'sp800-53-low']);
    expect(out.code).toBe(0);
    const catalog = JSON.parse(out.stdout).catalog;
    expect(catalog.metadata.title).toBe('NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE');
    expect(catalog.groups.map((g: { id: string }) => g.id)).toContain('cm');
    const exported = join(dir, 'sp800-53-low.json');
    writeFileSync(exported, out.stdout);
    const back = await seam(['import', 'oscal', exported, '--id', 'sp800-53-low']);
    expect(back.stdout).toBe(readFileSync(join(EXAMPLE_CONTENT, 'standards/sp800-53-low.yaml'), 'utf8'));
    // Without a standard, among several, it says which there are.
    const several = await seam(['export', 'oscal']);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('needs a standard when there is not exactly one: seam export oscal <standard>. The catalogues are: eskitp5045, sp800-53-low.');
  });

  it('names the catalogues when the standard is unknown, or not given among several', async () => {
    const unknown = await seam(['export', 'oscal', 'nist']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/\nseam: There is no criteria catalogue "nist"\. The catalogues are: eskitp5045, sp800-53-low\.\n$/);
    const root = tempContent(EXAMPLE_CONTENT, { 'standards/basic.yaml': (await seam(['import', 'oscal', 'tests/fixtures/oscal/basic-catalog.json', '--id', 'basic'])).stdout });
    const several = await seam(['export', 'oscal', '--content', root]);
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/needs a standard when there is not exactly one: seam export oscal <standard>\. The catalogues are: (basic, eskitp5045, sp800-53-low|eskitp5045, sp800-53-low, basic)\./);
    const basic = await seam(['export', 'oscal', 'basic', '--content', root]);
    expect(basic.code).toBe(0);
    expect(JSON.parse(basic.stdout).catalog.groups[0].groups[0].controls[0].id).toBe('s1.1.1');
    rmSync(root, { recursive: true, force: true });
  });

  it('leaves out a catalogue classified above the audience, as the site does', async () => {
    const basicYaml = (await seam(['import', 'oscal', 'tests/fixtures/oscal/basic-catalog.json', '--id', 'basic'])).stdout;
    const root = tempContent(EXAMPLE_CONTENT, { 'standards/basic.yaml': basicYaml.replace(/^classification: .*$/m, 'classification: internal') });
    expect(readFileSync(join(root, 'standards/basic.yaml'), 'utf8')).toMatch(/^classification: internal$/m);
    const hidden = await seam(['export', 'oscal', 'basic', '--content', root, '--audience', 'public']);
    expect(hidden).toMatchObject({ code: 2, stdout: '' });
    expect(hidden.stderr).toMatch(/\nseam: There is no criteria catalogue "basic"\. The catalogues are: eskitp5045, sp800-53-low\.\n$/);
    const shown = await seam(['export', 'oscal', 'basic', '--content', root, '--audience', 'internal']);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toBe('seam: exporting for the internal audience (--audience): records classified above "internal" are left out, as on the site.\n');
    expect(JSON.parse(shown.stdout).catalog.metadata.title).toBeTruthy();
    rmSync(root, { recursive: true, force: true });
  });
});
