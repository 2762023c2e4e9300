// One parse per file per build: the safety check reads every file afresh and records what each read
// gave; the lint state (and the loader's publication) take a file's parse from that record only when
// its text is the text the safety check read, and come out the same as reading every file themselves.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildReads, endBuildReads } from '../../src/site/data/build-reads.ts';
import { computeSiteLint } from '../../src/site/data/lint-state.ts';
import { contentSafetyFindings } from '../../src/site/integrations/content-safety.ts';
import { EXAMPLE_CONTENT, REPO, tempContent } from '../helpers/content.ts';

const made: string[] = [];
afterEach(() => endBuildReads());
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const content = (files: Record<string, string> = {}) => {
  const dir = tempContent(EXAMPLE_CONTENT, files);
  made.push(dir);
  return dir;
};

describe('the build’s reads', () => {
  it('are recorded by the safety check only when asked (a build), and let go by the lint state that uses them', async () => {
    const dir = content();
    await contentSafetyFindings({ SEAM_CONTENT: dir });
    expect(buildReads()).toBeUndefined();
    await contentSafetyFindings({ SEAM_CONTENT: dir }, { record: true });
    const reads = buildReads()!;
    const file = 'organisations/harbour-mutual.mdx';
    const text = readFileSync(join(dir, file), 'utf8');
    // Keyed by the exact text: another text of the same file is not known.
    expect(reads.get(file, text)?.record?.title).toBeTruthy();
    expect(reads.get(file, `${text}\n`)).toBeUndefined();
    // Each reader gets its own objects.
    expect(reads.get(file, text)).not.toBe(reads.get(file, text));
    expect(reads.get(file, text)).toEqual(reads.get(file, text));
    await computeSiteLint({ cwd: REPO, env: { SEAM_CONTENT: dir }, notice: () => {} });
    expect(buildReads()).toBeUndefined();
  });

  it('give the lint state the same findings, coverage and records as reading every file itself', async () => {
    const dir = content();
    const env = { SEAM_CONTENT: dir };
    const alone = await computeSiteLint({ cwd: REPO, env, notice: () => {} });
    await contentSafetyFindings(env, { record: true });
    const shared = await computeSiteLint({ cwd: REPO, env, notice: () => {} });
    expect(shared.findings).toEqual(alone.findings);
    expect(shared.coverage).toEqual(alone.coverage);
    expect(shared.graph.problems).toEqual(alone.graph.problems);
    expect(shared.graph.records.map((r) => [r.file, r.title, r.classification, r.data])).toEqual(alone.graph.records.map((r) => [r.file, r.title, r.classification, r.data]));
    // Where a field is, too (its YAML is parsed again only for that).
    const charter = alone.graph.records.find((r) => r.type === 'charter')!;
    expect(shared.recordOf('charter', charter.id)!.source.locate(['title'])).toEqual(charter.source.locate(['title']));
  });

  it('are not used for a file whose text changed after the safety check read it', async () => {
    const dir = content();
    const env = { SEAM_CONTENT: dir };
    await contentSafetyFindings(env, { record: true });
    const file = join(dir, 'organisations/harbour-mutual.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Harbour Mutual Renamed'));
    const state = await computeSiteLint({ cwd: REPO, env, notice: () => {} });
    expect(state.graph.byFile.get('organisations/harbour-mutual.mdx')?.title).toBe('Harbour Mutual Renamed');
  });

  it('never make the safety check pass: it reads every file afresh however many reads were recorded', async () => {
    const file = 'organisations/harbour-mutual.mdx';
    const dir = content();
    const env = { SEAM_CONTENT: dir };
    expect(await contentSafetyFindings(env, { record: true })).toEqual([]);
    writeFileSync(join(dir, file), `${readFileSync(join(dir, file), 'utf8')}\nexport const x = 1\n`);
    const findings = await contentSafetyFindings(env, { record: true });
    expect(findings.map((f) => [f.file.endsWith(file), f.ruleId])).toEqual([[true, 'mdx-safety']]);
  });
});
