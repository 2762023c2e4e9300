// The build's safety check: mdx-safety over the whole content root, which content cannot switch off.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitOutDir } from '../../scripts/build-site.ts';
import { contentSafetyFindings, formatSafetyFindings } from '../../src/site/content-safety.ts';
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
});

describe('splitOutDir', () => {
  it('takes --outDir out of the arguments passed on to astro build', () => {
    expect(splitOutDir(['--outDir', 'out', '--site', 'https://x.example'])).toEqual({ outDir: 'out', rest: ['--site', 'https://x.example'] });
    expect(splitOutDir(['--outDir=out'])).toEqual({ outDir: 'out', rest: [] });
    expect(splitOutDir([])).toEqual({ outDir: undefined, rest: [] });
  });
});
