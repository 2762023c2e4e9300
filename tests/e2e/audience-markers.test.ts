// Nothing above the audience, findings included. Every free-text field and every heading of every
// internal and confidential record in a copy of the example carries a marker (MKINT…, MKCONF…), and a
// public policy provokes findings about those records: wrong anchors on their pages, misspelt
// ids and paths whose nearest match is a hidden record. Built for `public` and for `internal`, no file
// the build writes — pages, scripts, JSON, the sitemap, Pagefind's decompressed index and fragments —
// holds a marker above its audience, while the internal build does hold the internal ones (so the
// markers are real) and the public page shows its findings with "a restricted record".
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveClassification } from '../../src/model/audience.ts';
import { loadGraph, type ContentRecord, type RecordGraph } from '../../src/model/graph.ts';
import { recordJsonSchema, type JsonSchema } from '../../src/model/json-schema.ts';
import { recordTypeByName } from '../../src/model/record-types.ts';
import { tempContent } from '../helpers/content.ts';
import { allFiles, buildSite, EXAMPLE_CONTENT, readOutputFile, type SiteBuild } from './harness.ts';
import { EXAMPLE_GRAPH } from '../helpers/content.ts';

/** The free-text fields of a schema (strings with no pattern, format or fixed values), `[]` for list items. */
function freeText(schema: JsonSchema, prefix = '', out = new Set<string>()): Set<string> {
  for (const variant of schema.anyOf ?? schema.oneOf ?? []) freeText(variant, prefix, out);
  if (schema.type === 'string' && !schema.enum && !schema.pattern && !schema.format) out.add(prefix);
  if (schema.type === 'object') for (const [key, field] of Object.entries(schema.properties ?? {})) freeText(field, prefix ? `${prefix}.${key}` : key, out);
  if (schema.type === 'array' && schema.items) freeText(schema.items, `${prefix}[]`, out);
  return out;
}

let counter = 0;

/** Appends a marker to every free-text field and heading of `record`'s file in `root`. */
function mark(root: string, record: ContentRecord, prefix: string): void {
  const abs = join(root, record.file);
  const { source } = record;
  const fields = freeText(recordJsonSchema(recordTypeByName.get(record.type)!));
  const yamlFile = /\.ya?ml$/.test(record.file);
  const yamlText = source.text.slice(source.yamlOffset, yamlFile ? undefined : source.bodyOffset).replace(/\r?\n(---|\.\.\.)[ \t]*\r?\n?$/, '\n');
  const doc = parseDocument(yamlText);
  const walk = (value: unknown, path: (string | number)[], field: string) => {
    if (typeof value === 'string' && fields.has(field)) doc.setIn(path, `${value} ${prefix}${++counter}`);
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i], `${field}[]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k], field ? `${field}.${k}` : k);
  };
  walk(source.data, [], '');
  const yaml = doc.toString({ lineWidth: 0 });
  const body = source.body.replace(/^(#{1,6} .*?)[ \t]*$/gm, (_, heading: string) => `${heading} ${prefix}${++counter}`);
  writeFileSync(abs, yamlFile ? yaml : `---\n${yaml}---\n${body}`);
}

/** A public policy whose links draw findings naming hidden records, if messages let them through. */
function provocations(graph: RecordGraph, hidden: ContentRecord[]): string {
  const lines: string[] = [];
  const ids: [string, ReadonlyMap<string, ContentRecord>][] = [['system', graph.systems], ['organisation', graph.organisations], ['provider', graph.providers], ['policy', graph.policies]];
  for (const record of hidden) {
    const path = posix.relative('policies', record.file);
    lines.push(`- [anchor](${path}#no-such-heading), [path](${path.replace(/\.mdx$/, 'x.mdx')})`);
    for (const [scheme, map] of ids) if (map.get(record.id) === record) lines.push(`- [id](${scheme}:${record.id}x)`);
  }
  return `---\ntitle: Provocations\nclassification: public\nkind: guideline\nowner: Integration office\nversion: 1\napproved: 2026-01-01\napprover: Head of integration\nreviewBy: 2027-06-01\n---\n\n## Links\n\n${lines.join('\n')}\n`;
}

/** Every file a build wrote, as text (Pagefind's compressed files decompressed). */
function outputText(outDir: string): string {
  return allFiles(outDir).map((file) => readOutputFile(file)).join('\n');
}

describe('audience builds of content whose hidden records carry markers', () => {
  let root: string;
  let builds: Record<'public' | 'internal', SiteBuild>;

  beforeAll(async () => {
    const graph = await loadGraph(EXAMPLE_CONTENT, EXAMPLE_GRAPH);
    root = tempContent(EXAMPLE_CONTENT);
    const hiddenFromPublic: ContentRecord[] = [];
    for (const record of graph.records) {
      const level = effectiveClassification(record, graph);
      if (level === 'public') continue;
      hiddenFromPublic.push(record);
      mark(root, record, level === 'confidential' ? 'MKCONF' : 'MKINT');
    }
    writeFileSync(join(root, 'policies/provocations.mdx'), provocations(graph, hiddenFromPublic));
    const [pub, internal] = await Promise.all([buildSite({ content: root, audience: 'public' }), buildSite({ content: root, audience: 'internal' })]);
    builds = { public: pub, internal };
  }, 600_000);

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    for (const build of Object.values(builds ?? {})) build.remove();
  });

  it('builds for both audiences, saying which', () => {
    for (const [audience, build] of Object.entries(builds)) {
      expect(build.status, build.output.slice(-3000)).toBe(0);
      expect(build.output).toContain(`Building for the ${audience} audience (SEAM_AUDIENCE)`);
    }
  });

  it('writes no internal or confidential marker into any file of the public build', () => {
    const leaks = [...outputText(builds.public.outDir).matchAll(/.{0,80}MK(?:INT|CONF)\d+.{0,40}/g)].map((m) => m[0]);
    expect(leaks).toEqual([]);
  });

  it('writes no confidential marker into any file of the internal build, and does show the internal ones', () => {
    const text = outputText(builds.internal.outDir);
    const leaks = [...text.matchAll(/.{0,80}MKCONF\d+.{0,40}/g)].map((m) => m[0]);
    expect(leaks).toEqual([]);
    expect(text).toMatch(/MKINT\d+/);
  });

  it('shows the public page\'s findings on it and on the rule pages, naming hidden records as restricted', () => {
    const page = readFileSync(join(builds.public.outDir, 'policies/provocations/index.html'), 'utf8');
    expect(page).toContain('No heading on a restricted record has the anchor');
    expect(page).toContain('links to a restricted record');
    const links = readFileSync(join(builds.public.outDir, 'rules/links/index.html'), 'utf8');
    expect(links).toContain('No heading on a restricted record has the anchor');
    const classification = readFileSync(join(builds.public.outDir, 'rules/classification/index.html'), 'utf8');
    expect(classification).toContain('links to a restricted record');
  });
});
