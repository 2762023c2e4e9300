// One parse per file per build: the safety check reads every file afresh and records what each read
// gave; the lint state (and the loader's publication) take a file's parse from that record only when
// its text is the text the safety check read, and come out the same as reading every file themselves.
// And a build is closed to a file changed after the check: what the site publishes is what was checked.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { recordTypes } from '../../src/model/record-types.ts';
import { buildReads, forgetBuildReads } from '../../src/site/data/build-reads.ts';
import { computeSiteLint } from '../../src/site/data/lint-state.ts';
import { contentSafetyFindings } from '../../src/site/integrations/content-safety.ts';
import { recordLoader } from '../../src/site/integrations/loader.ts';
import { EXAMPLE_CONTENT, REPO, tempContent } from '../helpers/content.ts';

const made: string[] = [];
afterEach(() => forgetBuildReads());
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
    // Keyed by the exact text: another text of the same file stops the build.
    expect(reads.get(file, text)?.record?.title).toBeTruthy();
    expect(() => reads.get(file, `${text}\n`)).toThrow(/changed after the build checked the content/);
    // Each reader gets its own objects.
    expect(reads.get(file, text)).not.toBe(reads.get(file, text));
    expect(reads.get(file, text)).toEqual(reads.get(file, text));
    await computeSiteLint({ cwd: REPO, env: { SEAM_CONTENT: dir }, notice: () => {} });
    // The parses are let go; what the check read is still what the rest of the build is held to.
    expect(buildReads()!.get(file, text)).toBeUndefined();
    expect(() => buildReads()!.get(file, `${text}\n`)).toThrow(/changed after the build checked the content/);
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

  it('stop the lint state at a file whose text changed after the safety check read it, with or without the CLI’s lint cache', async () => {
    const dir = content();
    const env = { SEAM_CONTENT: dir };
    await contentSafetyFindings(env, { record: true });
    const file = join(dir, 'organisations/harbour-mutual.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Harbour Mutual Renamed'));
    await expect(computeSiteLint({ cwd: REPO, env, notice: () => {} })).rejects.toThrow(`${file}:1:1: This file changed after the build checked the content for unsafe MDX and credentials, so nothing was built: the site would have published text that was not checked.`);
    // The CLI's cache does not get past it either.
    let over = 0;
    const cache = { get: () => (over++, undefined), set: () => {} };
    expect(() => buildReads(cache)!.get('organisations/harbour-mutual.mdx', readFileSync(file, 'utf8'))).toThrow(/changed after/);
    expect(over).toBe(0);
    // Outside a build (no check recorded: `astro dev`), the lint state shows what the file says now.
    forgetBuildReads();
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

/** The content loader of one record type over `contentRoot`, as Astro makes it for a build; `sync` runs it as the content sync does, `stored` is what it stored, by id. */
function loaderOf(contentRoot: string, typeName: string): { sync(): Promise<void>; stored: Map<string, { data: Record<string, unknown> }> } {
  const type = recordTypes.find((t) => t.name === typeName)!;
  const stored = new Map<string, { data: Record<string, unknown> }>();
  const context = {
    store: { set: (entry: { id: string; data: Record<string, unknown> }) => (stored.set(entry.id, entry), true), keys: () => [...stored.keys()], delete: (id: string) => stored.delete(id) },
    config: { root: pathToFileURL(`${REPO}/`) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (text: string) => String(text.length),
  } as unknown as LoaderContext;
  const loader = recordLoader(type, { contentRoot, audience: 'confidential' });
  return { sync: async () => void (await loader.load(context)), stored };
}

/** Runs the content loader of one record type over `contentRoot`, as Astro's content sync does in a build; what it stores, by id. */
async function publish(contentRoot: string, typeName = 'organisations'): Promise<Map<string, { data: Record<string, unknown> }>> {
  const { sync, stored } = loaderOf(contentRoot, typeName);
  await sync();
  return stored;
}

describe('the content loader in a build', () => {
  const file = 'organisations/harbour-mutual.mdx';

  it('publishes what the safety check read', async () => {
    const dir = content();
    await contentSafetyFindings({ SEAM_CONTENT: dir }, { record: true });
    expect((await publish(dir)).get('harbour-mutual')?.data.title).toBe(readFileSync(join(dir, file), 'utf8').match(/^title: (.*)$/m)![1]);
  });

  it('refuses a file edited after the safety check, naming it and what to do, rather than publish it unchecked', async () => {
    const dir = content();
    await contentSafetyFindings({ SEAM_CONTENT: dir }, { record: true });
    // Edited after the check: a token the check would have refused.
    writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(/^title: .*$/m, 'title: ghp_0123456789abcdefghijklmnopqrstuvwxyzAB'));
    const refusal = await publish(dir).then(() => undefined, (e: Error & { hint?: string }) => e);
    expect(refusal?.name).toBe('ContentError');
    expect(refusal?.message).toBe(`${join(dir, file)}:1:1: This file changed after the build checked the content for unsafe MDX and credentials, so nothing was built: the site would have published text that was not checked.`);
    expect(refusal?.hint).toMatch(/^Build again, and leave the content folder as it is until the build finishes/);
    expect(refusal?.stack).toBe('');
  });

  it('refuses a file added after the safety check', async () => {
    const dir = content();
    await contentSafetyFindings({ SEAM_CONTENT: dir }, { record: true });
    writeFileSync(join(dir, 'organisations/late.mdx'), '---\ntitle: Late Ltd\nkind: supplier\n---\n\nAdded while the site was building.\n');
    await expect(publish(dir)).rejects.toThrow(`${join(dir, 'organisations/late.mdx')}:1:1: This file was added, or became readable, after the build checked the content`);
  });

  it('refuses a file added after the collections began to load, which the loader reads itself', async () => {
    const dir = content();
    await contentSafetyFindings({ SEAM_CONTENT: dir }, { record: true });
    // Astro makes every collection's loader, then syncs them one by one; they share one read of the
    // publication's graph until the last is synced. A file that lands in a later collection's folder
    // after the first sync is not in that graph, so its collection's sync reads it on its own.
    const [organisations, systems] = (['organisations', 'systems'] as const).map((name) => loaderOf(dir, name));
    await organisations!.sync();
    const late = join(dir, 'systems/late.mdx');
    writeFileSync(late, '---\ntitle: Late system\nkind: application\nowner: harbour-mutual\n---\n\nAdded while the site was building.\n');
    await expect(systems!.sync()).rejects.toThrow(`${late}:1:1: This file was added, or became readable, after the build checked the content`);
  });

  it('publishes what it reads when no check recorded its reads (astro dev, which refuses nothing)', async () => {
    const dir = content();
    writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(/^title: .*$/m, 'title: Harbour Mutual Renamed'));
    expect((await publish(dir)).get('harbour-mutual')?.data.title).toBe('Harbour Mutual Renamed');
  });
});
