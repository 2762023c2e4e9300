// Hostile input stays bounded: a body too long or nested too deep, a frontmatter too long, a paragraph
// full of prompts, a file full of broken links, a mapping with too many keys, YAML nested too deep, a
// duplicate key, a diagram too long and one with too many connections each get a located finding that
// says the content was refused or what is wrong — never an internal error — the rest of the run is
// still checked, and `--fix` leaves every hostile file as it was. Each case uses the smallest input that crosses its bound (33 levels, not
// 5,000): the huge inputs, and how long they take, are the hostile-input benchmark's business
// (`npm run bench -- --hostile`, bench/HOSTILE.md).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS, MAX_DIAGRAM_CHARS, MAX_DIAGRAM_EDGES, MAX_FRONTMATTER_CHARS, MAX_NESTING, MAX_YAML_DEPTH, MAX_YAML_ENTRIES } from '../../src/model/bounds.ts';
import { excessiveNesting } from '../../src/model/nesting.ts';
import { parseSource } from '../../src/model/source.ts';
import { parseSourceBody } from '../../src/rule-kit/parse.ts';
import { MAX_FINDINGS_PER_FILE } from '../../src/rule-kit/report-cap.ts';
import { renderBody } from '../../src/site/views/render.ts';
import { seam } from '../helpers/cli.ts';
import { RULE_BASE, tempContent } from '../helpers/content.ts';

interface Finding { ruleId: string; line: number; column: number; message: string; file: string }

const doc = (body: string) => `---\ntitle: Hostile\n---\n\n${body}\n`;
const quotes = `${'>'.repeat(MAX_NESTING + 1)} deep`;
const edges = Array.from({ length: 3_000 }, (_, i) => `  n${i} --> n${i + 1}`).join('\n');
const relations = Array.from({ length: 501 }, (_, i) => `  A${i % 7} <|-- B${i % 9}`).join('\n');
const keys = Array.from({ length: MAX_YAML_ENTRIES + 1 }, (_, i) => `  k${i}: ${i}`).join('\n');
// Eight characters a prompt: the body passes the bound by a few characters (and its prompts are not read).
const longBody = `## Notes\n\n${'TODO: x '.repeat(MAX_BODY_CHARS / 8 + 1)}`;
const longFrontmatter = `---\ntitle: Long\nnotes: "${'x'.repeat(MAX_FRONTMATTER_CHARS)}"\n---\n\n## Notes\n\nTODO: x [a](missing.md)\n`;
const brokenLinks = Array.from({ length: MAX_FINDINGS_PER_FILE + 50 }, (_, i) => `[a](missing-${i}.md)`).join('\n');

// One lint run over every hostile file at once, beside an ordinary file with one prompt: each file
// gets its own finding, and the ordinary file is still checked (nothing is lost to a hostile one).
const HOSTILE = {
  'docs/lists.md': doc('- '.repeat(MAX_NESTING + 1)),
  'docs/quotes.md': doc(quotes),
  'docs/todo.md': doc(`## Notes\n\n${'TODO: x '.repeat(150)}`),
  'docs/long-body.md': doc(longBody),
  'docs/long-frontmatter.md': longFrontmatter,
  'docs/links.md': doc(`## Links\n\n${brokenLinks}`),
  'docs/keys.md': `---\ntitle: Keys\nextra: [${'0,'.repeat(MAX_YAML_ENTRIES)}0]\n---\n`,
  'standards/keys.yaml': `extra:\n${keys}\n`,
  'docs/deep.md': `---\ntitle: Deep\nextra: ${'['.repeat(MAX_YAML_DEPTH)}${']'.repeat(MAX_YAML_DEPTH)}\n---\n`,
  'docs/brackets.md': `---\ntitle: Brackets\nextra: ${'['.repeat(MAX_YAML_DEPTH + 1)}${']'.repeat(MAX_YAML_DEPTH + 1)}\n---\n`,
  'docs/dup.md': '---\ntitle: A\ndescription: x\ntitle: B\n---\n',
  'docs/diagram.md': doc(`## Diagram\n\n\`\`\`mermaid\nflowchart LR\n${edges}\n  click n1 href "https://example.com"\n\`\`\``),
  'docs/classes.md': doc(`## Classes\n\n\`\`\`mermaid\nclassDiagram\n${relations}\n\`\`\``),
  'docs/ordinary.md': doc('## Notes\n\nTODO: write this.'),
};

let dir: string;
let code: number;
let findings: Finding[];
beforeAll(async () => {
  dir = tempContent(RULE_BASE, { ...HOSTILE, 'seam.config.yaml': 'content: .\ntoday: 2026-06-15\n' });
  const r = await seam(['lint', '--format', 'json'], { cwd: dir });
  code = r.code;
  findings = JSON.parse(r.stdout).findings;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inFile = (file: string) => findings.filter((f) => f.file === file).map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message }));

describe('hostile content', () => {
  it('exits 1, reports no internal error, and still checks the ordinary file beside the hostile ones', () => {
    expect(code).toBe(1);
    expect(findings.filter((f) => /Internal error/.test(f.message))).toEqual([]);
    expect(inFile('docs/ordinary.md')).toEqual([expect.objectContaining({ ruleId: 'unfinished', line: 7, column: 1 })]);
  });

  it('refuses list markers nested one level too deep on one line, at the place it goes too deep', () => {
    expect(inFile('docs/lists.md')).toEqual([{ ruleId: 'mdx-syntax', line: 5, column: 2 * MAX_NESTING + 3, message: `The text nests lists or quotes ${MAX_NESTING + 1} levels deep; Seam reads at most ${MAX_NESTING}, so this body was refused, not checked. Flatten the structure.` }]);
  });

  it('refuses block quotes nested one level too deep, in the linter and the renderer', () => {
    expect(inFile('docs/quotes.md')).toEqual([{ ruleId: 'mdx-syntax', line: 5, column: MAX_NESTING + 2, message: expect.stringMatching(/^The text nests lists or quotes 33 levels deep; Seam reads at most 32, so this body was refused, not checked\./) }]);
    expect(() => renderBody(quotes, { format: 'md' })).toThrow(/refused, not checked/);
  });

  it('reports the first 100 prompts of a paragraph, then how many more', () => {
    const prompts = inFile('docs/todo.md').filter((f) => f.ruleId === 'unfinished');
    expect(prompts).toHaveLength(101);
    expect(prompts[1]).toMatchObject({ line: 7, column: 9, message: expect.stringMatching(/^Unfinished: replace the prompt “TODO: x TODO: x/) });
    expect(prompts[100]).toMatchObject({ line: 7, column: 801, message: 'Unfinished: 50 more prompts in this file after the first 100. Replace every "TODO:" prompt.' });
    expect(MAX_FINDINGS_PER_FILE).toBe(100);
  });

  it('refuses a mapping with one key more than the bound, unvalidated, at the mapping', () => {
    expect(inFile('standards/keys.yaml')).toEqual([{ ruleId: 'schema', line: 2, column: 3, message: `This mapping has ${MAX_YAML_ENTRIES + 1} entries; Seam reads at most ${MAX_YAML_ENTRIES}, so the file was refused, not checked. Split the data into smaller records.` }]);
    expect(parseSource(HOSTILE['standards/keys.yaml'], 'standards/keys.yaml').data).toBeUndefined();
  });

  it('refuses a frontmatter list with one entry more than the bound, at the list', () => {
    expect(inFile('docs/keys.md')).toEqual([{ ruleId: 'schema', line: 3, column: 8, message: `This list has ${MAX_YAML_ENTRIES + 1} entries; Seam reads at most ${MAX_YAML_ENTRIES}, so the file was refused, not checked. Split the data into smaller records.` }]);
  });

  it('refuses a body longer than the bound before parsing it, at the first character past the bound, in the linter and the renderer', () => {
    // Line 7 holds the prompts; the body starts with the blank line 4 (11 characters before line 7).
    expect(inFile('docs/long-body.md')).toEqual([{ ruleId: 'mdx-syntax', line: 7, column: MAX_BODY_CHARS - 10, message: `The body is ${(MAX_BODY_CHARS + 20).toLocaleString('en')} characters long; Seam reads at most ${MAX_BODY_CHARS.toLocaleString('en')} (a record's body is a few thousand), so this body was refused, not checked. Split it into smaller records.` }]);
    expect(() => renderBody(`x${longBody}`, { format: 'md' })).toThrow(/^The body is [\d,]+ characters long; .*refused, not checked/);
    expect(() => renderBody('x'.repeat(MAX_BODY_CHARS), { format: 'md' })).not.toThrow();
  });

  it('refuses a frontmatter longer than the bound before the YAML or Markdown parser sees it: the whole file, once', () => {
    // The place is the first character past the bound (line 3 starts 16 characters into the file, the YAML 4).
    expect(inFile('docs/long-frontmatter.md')).toEqual([{ ruleId: 'schema', line: 3, column: MAX_FRONTMATTER_CHARS - 11, message: `The frontmatter is ${(MAX_FRONTMATTER_CHARS + 22).toLocaleString('en')} characters long; Seam reads at most ${MAX_FRONTMATTER_CHARS.toLocaleString('en')} (a record's frontmatter is a few thousand), so the file was refused, not checked. Move the data into smaller records.` }]);
    const source = parseSource(longFrontmatter, 'docs/long-frontmatter.md');
    expect([source.data, source.yaml]).toEqual([undefined, undefined]);
    // Nothing of it is read by the rules' shared parse either: no link, no heading, no diagram.
    expect(parseSourceBody(source)).toEqual({ ok: true, tree: { type: 'root', children: [] } });
    expect(parseSource(`---\nnotes: "${'x'.repeat(MAX_FRONTMATTER_CHARS - 12)}"\n---\n`, 'docs/ok.md').problems).toEqual([]);
  });

  it(`reports the first ${MAX_FINDINGS_PER_FILE} broken links of a file, then how many more, at the first not listed`, () => {
    const links = inFile('docs/links.md').filter((f) => f.ruleId === 'links');
    expect(links).toHaveLength(MAX_FINDINGS_PER_FILE + 1);
    expect(links[0]).toMatchObject({ line: 7, column: 1, message: 'The link "missing-0.md" points at docs/missing-0.md, which does not exist.' });
    expect(links[MAX_FINDINGS_PER_FILE]).toEqual({ ruleId: 'links', line: 7 + MAX_FINDINGS_PER_FILE, column: 1, message: `50 more links in this file do not resolve, after the first ${MAX_FINDINGS_PER_FILE} reported. Fix those, then check again to see the rest.` });
  });

  it('leaves every hostile file as it was under --fix, and exits 1', async () => {
    const fixed = await seam(['lint', '--fix', '--format', 'json'], { cwd: dir });
    expect(fixed.code).toBe(1);
    for (const [file, text] of Object.entries(HOSTILE)) expect(readFileSync(join(dir, file), 'utf8'), file).toBe(text);
  });

  it('refuses YAML nested one level too deep, at the deepest node', () => {
    expect(inFile('docs/deep.md')).toEqual([{ ruleId: 'schema', line: 3, column: 8 + MAX_YAML_DEPTH - 1, message: `The YAML is nested ${MAX_YAML_DEPTH + 1} levels deep; Seam accepts at most ${MAX_YAML_DEPTH}. Flatten the structure.` }]);
  });

  it('refuses flow brackets nested past the bound before the YAML parser sees them', () => {
    expect(inFile('docs/brackets.md')).toEqual([{ ruleId: 'schema', line: 3, column: 8 + MAX_YAML_DEPTH, message: `The YAML is nested ${MAX_YAML_DEPTH + 2} levels deep; Seam accepts at most ${MAX_YAML_DEPTH}. Flatten the structure.` }]);
    expect(parseSource('---\ntitle: "[[[[ a quoted [ is text"\nlist: [a, [b, {c: d}]] # [[[[ a comment\n---\n', 'docs/ok.md').problems).toEqual([]);
  });

  it('finds a duplicate key, at the second one', () => {
    expect(inFile('docs/dup.md')).toEqual([{ ruleId: 'schema', line: 4, column: 1, message: 'Broken YAML: Map keys must be unique' }]);
  });

  it('refuses a diagram longer than Mermaid draws, without parsing or scanning it (its click is not reported)', () => {
    expect(inFile('docs/diagram.md').filter((f) => f.ruleId === 'mermaid')).toEqual([
      { ruleId: 'mermaid', line: 8, column: 1, message: expect.stringMatching(/^The Mermaid diagram does not parse: the diagram is \d+ characters long; Seam and the site read at most 50000, so it was refused, not checked\./) },
    ]);
  });

  it('refuses a diagram of more connections than Mermaid draws, at the first one past the bound, without parsing it', () => {
    expect(inFile('docs/classes.md').filter((f) => f.ruleId === 'mermaid')).toEqual([
      expect.objectContaining({ line: 8 + 501, column: 3, message: expect.stringMatching(/^The Mermaid diagram does not parse: the diagram draws more than 500 connections, and this is the first past that; Seam reads at most 500 .*so it was refused, not checked\./) }),
    ]);
  });

  it('lets ordinary nesting through', () => {
    expect(excessiveNesting('- a\n  - b\n    > c\n1. d\n')).toBeUndefined();
    expect(excessiveNesting('> '.repeat(MAX_NESTING))).toBeUndefined();
    expect(excessiveNesting('> '.repeat(MAX_NESTING + 1))).toEqual({ offset: 2 * MAX_NESTING + 1, depth: MAX_NESTING + 1 });
  });
});

describe('the documented bounds', () => {
  it('are the values the checks enforce, wherever the docs quote them', () => {
    const read = (file: string) => readFileSync(join(import.meta.dirname, '../..', file), 'utf8');
    const quoted = [MAX_BODY_CHARS, MAX_FRONTMATTER_CHARS, MAX_NESTING, MAX_YAML_DEPTH, MAX_YAML_ENTRIES, MAX_DIAGRAM_CHARS, MAX_DIAGRAM_EDGES].map((n) => n.toLocaleString('en'));
    for (const file of ['SECURITY.md', 'content/docs/how-to-author.mdx', 'content/docs/reviewing-outside-prs.mdx']) {
      for (const value of quoted) expect(read(file), `${file} quotes ${value}`).toContain(value);
    }
    expect(read('content/docs/how-to-author.mdx')).toContain(`more than ${MAX_FINDINGS_PER_FILE} unfinished prompts or broken links`);
  });
});

describe('locating many findings in one file', () => {
  it('finds every key of a large mapping and every item of a list at its own line', () => {
    const n = 800;
    const text = `---\ntitle: Many\nextra:\n${Array.from({ length: n }, (_, i) => `  k${i}: ${i}`).join('\n')}\nitems:\n${Array.from({ length: n }, (_, i) => `  - name: item${i}\n    owner: o${i}`).join('\n')}\n---\n`;
    const source = parseSource(text, 'docs/many.md');
    expect(source.problems).toEqual([]);
    for (let i = 0; i < n; i++) {
      expect(source.locate(['extra', `k${i}`])).toMatchObject({ line: 4 + i, column: 6 + String(i).length });
      expect(source.locate(['extra', `k${i}`], { key: true })).toMatchObject({ line: 4 + i, column: 3 });
      expect(source.locate(['items', i, 'owner'])).toMatchObject({ line: 6 + n + 2 * i, column: 12 });
    }
    // A missing key or item reports the deepest node that exists.
    expect(source.locate(['extra', 'nope'])).toMatchObject({ line: 4, column: 3 });
    expect(source.locate(['items', n, 'owner'])).toMatchObject({ line: 5 + n, column: 3 });
  });
});
