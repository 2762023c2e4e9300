// The build's safety check: mdx-safety and secrets over the whole content root, which content cannot
// switch off.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitOutDir } from '../../scripts/build-site.ts';
import { contentSafetyFindings, describeFindings, formatSafetyFindings } from '../../src/site/integrations/content-safety.ts';
import { FAKE_GITHUB_TOKEN } from '../../rules/examples/fake-secrets.ts';
import { EXAMPLE_CONTENT, tempContent } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('contentSafetyFindings', () => {
  it('finds nothing in the example content', async () => {
    expect(await contentSafetyFindings({ SEAM_CONTENT: EXAMPLE_CONTENT })).toEqual([]);
  });

  it('names every import and expression, even under a disable comment', async () => {
    const file = 'organisations/harbour-mutual.mdx';
    const text = readFileSync(join(EXAMPLE_CONTENT, file), 'utf8');
    const lines = text.split('\n').length;
    const dir = tempContent(EXAMPLE_CONTENT, { [file]: `${text}\n{/* seam-disable mdx-safety */}\nexport const x = 1\n\nWorth {x} millions.\n` });
    made.push(dir);
    const findings = await contentSafetyFindings({ SEAM_CONTENT: dir });
    // A content root outside the repository is named by its absolute path.
    const shown = join(dir, file);
    expect(formatSafetyFindings(findings).split('\n')).toEqual([
      `${shown}:${lines + 2}:1: An import/export statement runs code when the site is built, so content may not contain one. Remove it; to show code, put it in a fenced code block. (mdx-safety)`,
      `${shown}:${lines + 4}:7: A JavaScript expression "{x}" runs code at build time. Write the value as text; to show braces literally, escape them as \\{ and \\}. (mdx-safety)`,
    ]);
  });

  it('names every credential, masked, even under a disable comment', async () => {
    const file = 'organisations/harbour-mutual.mdx';
    const text = readFileSync(join(EXAMPLE_CONTENT, file), 'utf8');
    const lines = text.split('\n').length;
    const dir = tempContent(EXAMPLE_CONTENT, { [file]: `${text}\n{/* seam-disable secrets */}\nThe export job signs in with ${FAKE_GITHUB_TOKEN}.\n` });
    made.push(dir);
    const findings = await contentSafetyFindings({ SEAM_CONTENT: dir });
    const formatted = formatSafetyFindings(findings);
    expect(formatted.split('\n')).toEqual([
      `${join(dir, file)}:${lines + 2}:30: A GitHub token in the body would be published ("ghp_…", 40 characters). Remove it, then revoke or rotate the credential: it has been exposed. If it is a documented sample that grants nothing, a maintainer can allow exactly it in seam.config.yaml: secrets: { allow: ["sha256:e1c1f14a474ff1418fd1616245852b34caf141d50c80124a36e14efff16a5af3"] }. (secrets)`,
    ]);
    expect(formatted).not.toContain(FAKE_GITHUB_TOKEN.slice(4));
    expect(describeFindings(findings).problem).toBe('holds credentials that the site would publish');
  });

  it('checks the files the config ignores too: ignores quiet the linter, never the build\'s refusal', async () => {
    // The repository's seam.config.yaml ignores docs/drafts/** (drafts are still published).
    expect(readFileSync(join(EXAMPLE_CONTENT, '../seam.config.yaml'), 'utf8')).toMatch(/^ignores:\n\s+- docs\/drafts\/\*\*/m);
    const file = 'docs/drafts/leak.mdx';
    const dir = tempContent(EXAMPLE_CONTENT, { [file]: `---\ntitle: A draft\n---\n\nimport x from './x.js'\n\nThe export job signs in with ${FAKE_GITHUB_TOKEN}.\n` });
    made.push(dir);
    const findings = await contentSafetyFindings({ SEAM_CONTENT: dir });
    expect(findings.map((f) => [f.file.endsWith(file), f.line, f.column, f.ruleId])).toEqual([
      [true, 5, 1, 'mdx-safety'],
      [true, 7, 30, 'secrets'],
    ]);
  });
});

describe('describeFindings', () => {
  it('says what is wrong and how to fix it for each rule that found something', () => {
    const finding = (ruleId: string) => ({ ruleId, severity: 'error' as const, file: 'a.mdx', line: 1, column: 1, message: '' });
    expect(describeFindings([finding('mdx-safety')]).problem).toBe('would run code when the site is built');
    const both = describeFindings([finding('mdx-safety'), finding('secrets')]);
    expect(both.problem).toBe('would run code when the site is built and holds credentials that the site would publish');
    expect(both.fix).toMatch(/^Remove the imports, .* Remove the credentials named above and revoke or rotate them: .*"secrets\.allow" in seam\.config\.yaml\.$/);
  });
});

describe('splitOutDir', () => {
  it('takes --outDir out of the arguments passed on to astro build', () => {
    expect(splitOutDir(['--outDir', 'out', '--site', 'https://x.example'])).toEqual({ outDir: 'out', rest: ['--site', 'https://x.example'] });
    expect(splitOutDir(['--outDir=out'])).toEqual({ outDir: 'out', rest: [] });
    expect(splitOutDir([])).toEqual({ outDir: undefined, rest: [] });
  });
});
