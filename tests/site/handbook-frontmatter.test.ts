// Handbook pages accept the safe part of Starlight's page frontmatter, so existing Starlight docs move
// in, and refuse the rest (raw tags, attributes, script addresses) with a located finding. What Starlight
// would write as raw HTML (hero and banner strings) reaches it escaped, so it shows as text.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordTypes } from '../../src/model/record-types.ts';
import { starlightFrontmatter } from '../../src/site/views/handbook-frontmatter.ts';
import { seam } from '../helpers/cli.ts';
import { EXAMPLE_CONTENT, tempContent } from '../helpers/content.ts';

const docs = recordTypes.find((t) => t.name === 'docs')!;

/** A page as Starlight's own docs write them: every field Seam takes over. */
const STARLIGHT_PAGE = `---
title: Getting started
description: Install and run the handbook.
template: splash
tableOfContents:
  minHeadingLevel: 2
  maxHeadingLevel: 4
lastUpdated: 2026-01-15
editUrl: https://github.com/example/docs/edit/main/getting-started.mdx
pagefind: true
draft: false
sidebar:
  order: 3
  label: Start here
  hidden: false
  badge:
    text: New
    variant: tip
hero:
  title: Welcome
  tagline: Everything in one place.
  actions:
    - text: Read the guide
      link: /handbook/about/
      variant: primary
    - text: Source
      link: https://github.com/example/docs
      variant: minimal
banner:
  content: This page moved from the old wiki.
---

Body text.
`;

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
function page(text: string): string {
  const root = tempContent(EXAMPLE_CONTENT, { 'docs/starlight-page.mdx': text });
  roots.push(root);
  return root;
}

describe('a handbook page with Starlight frontmatter', () => {
  it('is accepted as Starlight writes it', async () => {
    const root = page(STARLIGHT_PAGE);
    const run = await seam(['lint', '--content', root, '--format', 'json']);
    const findings = (JSON.parse(run.stdout) as { findings: { file: string; ruleId: string }[] }).findings.filter((f) => f.file.endsWith('starlight-page.mdx'));
    expect(findings).toEqual([]);
  });

  it('takes the short forms too: a text badge, no table of contents, no edit link, a boolean date', () => {
    const parsed = docs.schema.safeParse({ title: 'T', sidebar: { badge: 'Beta' }, tableOfContents: false, editUrl: false, lastUpdated: false });
    expect(parsed.success).toBe(true);
  });

  it.each([
    ['head', 'head:\n  - tag: script\n    content: alert(1)', 5, 1, /Unknown field "head"/],
    ['sidebar.attrs', 'sidebar:\n  attrs:\n    onclick: alert(1)', 6, 3, /Unknown field "attrs"/],
    ['hero.image', 'hero:\n  image:\n    html: <img src=x onerror=alert(1)>', 6, 3, /Unknown field "image"/],
    ['a script address in a hero action', 'hero:\n  actions:\n    - text: Go\n      link: "javascript:alert(1)"', 8, 13, /other schemes \(javascript:, data:…\) are refused/],
    ['a protocol-relative edit address', 'editUrl: //evil.example/x', 5, 10, /expected a web address starting with https:\/\/ \(or http:\/\/\); other schemes .* and paths are refused/],
  ])('refuses %s with a finding at the field', async (_, yaml, line, column, message) => {
    const text = `---\ntitle: A page\ndescription: One line.\nclassification: public\n${yaml}\n---\n\nBody.\n`;
    const root = page(text);
    const run = await seam(['lint', '--content', root, '--format', 'json']);
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: { file: string; ruleId: string; line: number; column: number; message: string }[] }).findings.filter((f) => f.file.endsWith('starlight-page.mdx'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'schema', line, column });
    expect(findings[0]!.message).toMatch(message);
    // Linting reads; it never rewrites the page.
    expect(readFileSync(join(root, 'docs/starlight-page.mdx'), 'utf8')).toBe(text);
  });
});

describe('what Starlight receives', () => {
  const hostile = '<img src=x onerror="alert(1)"> & <b>bold</b>';

  it('escapes the hero and banner strings it writes as HTML, and nothing else', () => {
    const raw = { title: hostile, hero: { tagline: hostile, actions: [{ text: hostile, link: '/x/' }] }, banner: { content: hostile }, sidebar: { label: hostile } };
    const out = starlightFrontmatter(raw) as typeof raw & { hero: { title: string } };
    const escaped = '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;b&gt;bold&lt;/b&gt;';
    expect(out.hero.title).toBe(escaped);
    expect(out.hero.tagline).toBe(escaped);
    expect(out.banner.content).toBe(escaped);
    // Starlight renders these as text itself.
    expect(out.title).toBe(hostile);
    expect(out.hero.actions[0]!.text).toBe(hostile);
    expect(out.sidebar.label).toBe(hostile);
    // The author's frontmatter is not changed.
    expect(raw.hero.tagline).toBe(hostile);
    expect(raw.banner.content).toBe(hostile);
  });

  it('gives lastUpdated as the date Starlight expects', () => {
    expect(starlightFrontmatter({ title: 'T', lastUpdated: '2026-01-15' }).lastUpdated).toEqual(new Date('2026-01-15T00:00:00Z'));
    expect(starlightFrontmatter({ title: 'T', lastUpdated: false }).lastUpdated).toBe(false);
  });
});
