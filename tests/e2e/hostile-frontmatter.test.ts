// No script from frontmatter. Every string field of every record type, in the example content, gets
// an HTML/script payload at once. Each field is then either refused by the schema (the build's own
// check) with a finding at that field's line, or, carrying its payload into a real build, shown as
// inert text: in Chromium no payload script runs, no payload element or handler attribute exists and no
// request leaves for a payload's image, on any page of the site. The fields are derived from the
// schemas, so a field added later is covered without editing this test.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import schemaRule from '../../rules/schema.ts';
import { lint } from '../../src/lint/engine.ts';
import { configSchema } from '../../src/model/config.ts';
import { loadGraph, type ContentRecord } from '../../src/model/graph.ts';
import { recordJsonSchema, type JsonSchema } from '../../src/model/json-schema.ts';
import { recordTypes } from '../../src/model/record-types.ts';
import { readSource } from '../../src/model/source.ts';
import { tempContent } from '../helpers/content.ts';
import { allFiles, buildSite, EXAMPLE_CONTENT, launchBrowser, openPage, serveStatic, type SiteBuild } from './harness.ts';
import { EXAMPLE_GRAPH } from '../helpers/content.ts';

/** The string fields of a JSON schema, as paths with `[]` for list items and `*` for map values. */
function stringFields(schema: JsonSchema, prefix = '', out = new Set<string>()): Set<string> {
  for (const variant of schema.anyOf ?? schema.oneOf ?? []) stringFields(variant, prefix, out);
  if (schema.type === 'string' && !schema.enum) out.add(prefix);
  if (schema.type === 'object') {
    for (const [key, field] of Object.entries(schema.properties ?? {})) stringFields(field, prefix ? `${prefix}.${key}` : key, out);
    if (typeof schema.additionalProperties === 'object') stringFields(schema.additionalProperties, `${prefix}.*`, out);
  }
  if (schema.type === 'array' && schema.items) stringFields(schema.items, `${prefix}[]`, out);
  return out;
}

interface Occurrence {
  n: number;
  file: string;
  path: (string | number)[];
  /** The path as a field: `milestones[].title`. */
  field: string;
  type: string;
}

/** Every string value in a record's frontmatter (or YAML file), with its path. */
function occurrences(record: ContentRecord, start: number): Occurrence[] {
  const out: Occurrence[] = [];
  const walk = (value: unknown, path: (string | number)[], field: string) => {
    if (typeof value === 'string') out.push({ n: start + out.length, file: record.file, path, field, type: record.type });
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i], `${field}[]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k], field ? `${field}.${k}` : k);
  };
  walk(record.source.data, [], '');
  return out;
}

/** Text that would run script, load an image or inject an element if written into a page unescaped. */
function payload(o: Occurrence): string {
  if (/(^|\.)(url|website)$/.test(o.field)) return `javascript:window.__seamXss=${o.n}`;
  return `P${o.n} "'><img src=seam-x${o.n}.png id=seam-inj-${o.n} onerror="window.__seamXss=${o.n}"><script>window.__seamXss=${o.n}</script></title></textarea>--> seam-inj-${o.n}`;
}

/** A field added to a record for the test: the value set at `at` holds the occurrence's payload. */
interface Addition {
  o: Occurrence;
  at: (string | number)[];
  value: unknown;
}

/**
 * Fields of the schema that no record of the example fills are added to the first record of their
 * type: down the existing frontmatter as far as it goes (the first item of a list), then built.
 */
function fillMissing(records: ContentRecord[], found: Occurrence[]): { additions: Addition[]; unfilled: string[] } {
  const additions: Addition[] = [];
  const unfilled: string[] = [];
  for (const type of recordTypes) {
    const have = new Set(found.filter((o) => o.type === type.name).map((o) => o.field));
    const record = records.find((r) => r.type === type.name && r.source.data && typeof r.source.data === 'object');
    for (const field of stringFields(recordJsonSchema(type))) {
      if (have.has(field)) continue;
      if (!record || field.includes('*')) {
        unfilled.push(`${type.name}: ${field}`);
        continue;
      }
      const segments = field.match(/[^.[\]]+|\[\]/g)!;
      const path: (string | number)[] = segments.map((seg) => (seg === '[]' ? 0 : seg));
      const o: Occurrence = { n: found.length + additions.length, file: record.file, path, field, type: type.name };
      // How far the record already has the path (taking lists' first items), so other fields stay valid.
      let depth = 0;
      let value: unknown = record.source.data;
      while (depth < path.length - 1 && value && typeof value === 'object') {
        const next = (value as Record<string | number, unknown>)[path[depth]!];
        if (next === undefined || (Array.isArray(next) && next.length === 0)) break;
        value = next;
        depth++;
      }
      const build = (i: number): unknown => (i === path.length ? payload(o) : typeof path[i] === 'number' ? [build(i + 1)] : { [path[i] as string]: build(i + 1) });
      // A string in a list of strings (`interfaces[]`) is added as a further item.
      if (Array.isArray(value) && depth === path.length - 1) path[depth] = value.length;
      additions.push({ o, at: path.slice(0, depth + 1), value: build(depth + 1) });
      have.add(field);
    }
  }
  return { additions, unfilled };
}

/** Sets every leaf of `value` under `at`, creating the maps and lists on the way (yaml's `setIn`). */
function setLeaves(doc: ReturnType<typeof parseDocument>, at: (string | number)[], value: unknown): void {
  if (Array.isArray(value)) value.forEach((item, i) => setLeaves(doc, [...at, i], item));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) setLeaves(doc, [...at, k], v);
  else doc.setIn(at, value);
}

/** Writes the payloads of `chosen` into a copy of the example content. */
function withPayloads(chosen: Occurrence[], additions: Addition[]): string {
  const root = tempContent(EXAMPLE_CONTENT);
  const byFile = Map.groupBy(chosen, (o) => o.file);
  for (const [file, list] of byFile) {
    const abs = join(root, file);
    const text = readFileSync(abs, 'utf8');
    const source = readSource(abs, file);
    const doc = parseDocument(source.text.slice(source.yamlOffset, /\.ya?ml$/.test(file) ? undefined : source.bodyOffset).replace(/^---\r?\n/, '').replace(/\r?\n---\r?\n?$/, ''));
    // Added fields are set with the value built around their payload; the others get it in place.
    for (const o of list) {
      const added = additions.find((a) => a.o === o);
      // Leaf by leaf, so two fields added under the same missing parent (`hero.title`, `hero.tagline`)
      // both land instead of the second replacing the first.
      // A field of two shapes (a badge as text or as `{ text }`) replaces its other shape whole.
      if (added) {
        try {
          setLeaves(doc, added.at, added.value);
        } catch {
          doc.setIn(added.at, added.value);
        }
      }
      else doc.setIn(o.path, payload(o));
    }
    const yaml = doc.toString({ lineWidth: 0 });
    writeFileSync(abs, /\.ya?ml$/.test(file) ? yaml : `---\n${yaml}---\n${text.slice(source.bodyOffset)}`);
  }
  return root;
}

describe('a string field of any record type holding HTML and script', () => {
  let all: Occurrence[] = [];
  let refused: Occurrence[] = [];
  let accepted: Occurrence[] = [];
  let unlocated: string[] = [];
  let unfilled: string[] = [];
  const roots: string[] = [];
  let built: SiteBuild | undefined;

  beforeAll(async () => {
    const graph = await loadGraph(EXAMPLE_CONTENT, EXAMPLE_GRAPH);
    for (const record of graph.records) all.push(...occurrences(record, all.length));
    const filled = fillMissing(graph.records, all);
    all.push(...filled.additions.map((a) => a.o));
    unfilled = filled.unfilled;
    const hostile = withPayloads(all, filled.additions);
    roots.push(hostile);
    // The schema rule is the build's own check (the loader holds each file to the same schemas).
    const { result } = await lint({ root: hostile, cwd: hostile, config: configSchema.parse({}), today: '2026-11-20', settings: [{ rule: schemaRule, severity: 'error', options: {} }] });
    const findingsAt = new Set(result.findings.map((f) => `${f.file}:${f.line}`));
    for (const o of all) {
      const at = readSource(join(hostile, o.file), o.file).locate(o.path);
      (findingsAt.has(`${o.file}:${at.line}`) ? refused : accepted).push(o);
    }
    unlocated = result.findings.filter((f) => !all.some((o) => o.file === f.file)).map((f) => `${f.file}:${f.line}: ${f.message}`);

    const inert = withPayloads(accepted, filled.additions);
    roots.push(inert);
    built = await buildSite({ content: inert, audience: 'confidential' });
  }, 600_000);

  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
    built?.remove();
  });

  it('covers every string field of every record type', () => {
    expect(all.length).toBeGreaterThan(500);
    // Map values keyed by ids (a stakeholder's RACI letters) are choices, filled wherever the example has them.
    expect(unfilled).toEqual([]);
  });

  it('is refused with a finding at its line when it is a name, an id, a date or a choice', () => {
    expect(unlocated).toEqual([]);
    const names = all.filter((o) => /(^|\.)(title|name|role|owner|approver|deliverable|channel|publisher|code)$/.test(o.field) && o.field !== 'interfaces[].description');
    expect(names.length).toBeGreaterThan(100);
    const through = names.filter((o) => !refused.includes(o)).map((o) => `${o.file}: ${o.field}`);
    expect(through).toEqual([]);
    expect(accepted.length, 'prose fields keep "<" and "&"').toBeGreaterThan(20);
  });

  it('builds with every prose field carrying its payload', () => {
    expect(built?.status, built?.output.slice(-3000)).toBe(0);
  });

  it('is inert text on every page: no payload script ran, no payload element, handler or request', { timeout: 600_000 }, async () => {
    const server = await serveStatic(built!.outDir);
    const browser = await launchBrowser();
    const seen = new Set<number>();
    const problems: string[] = [];
    try {
      const pages = allFiles(built!.outDir).filter((f) => f.endsWith('index.html')).map((f) => `/${relative(built!.outDir, f).replace(/index\.html$/, '')}`);
      expect(pages.length).toBeGreaterThan(40);
      pages.push('/search/?q=seam-inj');
      // Three pages at a time: the check is per page, and the machine has two cores.
      const visit = async (path: string) => {
        const { page, errors } = await openPage(browser, `${server.url}${path}`);
        // Search results (titles, excerpts, metadata) are drawn by Pagefind's interface after load.
        if (path.startsWith('/search/')) await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
        const found = (await page.evaluate(`(() => {
          const handlers = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name) && /seamXss/.test(a.value)).map((a) => el.tagName + ' ' + a.name));
          const injected = [...document.querySelectorAll('[id^="seam-inj-"], img[src*="seam-x"], script')].filter((el) => el.id.startsWith('seam-inj-') || /seam-x|seamXss/.test(el.getAttribute('src') || '') || /seamXss/.test(el.textContent || '')).map((el) => el.outerHTML.slice(0, 120));
          const links = [...document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i]')].map((el) => el.outerHTML.slice(0, 120));
          const text = document.documentElement.textContent || '';
          return { ran: window.__seamXss ?? null, handlers, injected, links, shown: [...text.matchAll(/seam-inj-(\\d+)/g)].map((m) => Number(m[1])) };
        })()`)) as { ran: number | null; handlers: string[]; injected: string[]; links: string[]; shown: number[] };
        for (const n of found.shown) seen.add(n);
        if (found.ran !== null) problems.push(`${path}: the payload of field #${found.ran} ran`);
        for (const h of [...found.handlers, ...found.injected, ...found.links]) problems.push(`${path}: ${h}`);
        for (const e of errors.filter((e) => /seam-x|seamXss/.test(e))) problems.push(`${path}: ${e}`);
        await page.close();
      };
      for (let i = 0; i < pages.length; i += 3) await Promise.all(pages.slice(i, i + 3).map(visit));
    } finally {
      await browser.close();
      await server.close();
    }
    expect(problems).toEqual([]);
    // The payloads were really on the pages, as text: most accepted fields are shown somewhere.
    const shown = accepted.filter((o) => seen.has(o.n)).length;
    expect(shown, `${shown} of ${accepted.length} accepted fields shown`).toBeGreaterThan(accepted.length / 2);
  });
});
