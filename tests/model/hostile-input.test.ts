// Hostile input stays bounded: a body nested thousands of levels deep, a paragraph of 250,000 prompts,
// a mapping of 50,000 keys, a duplicate key or a diagram of 501 connections each get a located finding that says the content was
// refused or what is wrong — promptly, never an internal error. Timing is not asserted (speed is the
// benchmark's business); a quadratic or recursive path would make these tests time out or crash.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_NESTING, excessiveNesting } from '../../src/model/nesting.ts';
import { MAX_YAML_ENTRIES, parseSource } from '../../src/model/source.ts';
import { renderBody } from '../../src/site/views/render.ts';
import { seam } from '../helpers/cli.ts';
import { RULE_BASE, tempContent } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const doc = (body: string) => `---\ntitle: Hostile\n---\n\n${body}\n`;

async function lintOne(file: string, text: string) {
  const dir = tempContent(RULE_BASE, { [file]: text, 'seam.config.yaml': 'content: .\ntoday: 2026-06-15\n' });
  made.push(dir);
  const r = await seam(['lint', '--format', 'json', file], { cwd: dir });
  return { code: r.code, findings: JSON.parse(r.stdout).findings as { ruleId: string; line: number; column: number; message: string }[] };
}

describe('hostile content', () => {
  it('refuses 20,000 nested list markers on one line, at the place it goes too deep', async () => {
    const { code, findings } = await lintOne('docs/lists.md', doc('- '.repeat(20_000)));
    expect(code).toBe(1);
    expect(findings).toEqual([{ ruleId: 'mdx-syntax', severity: 'error', file: 'docs/lists.md', line: 5, column: 2 * MAX_NESTING + 3, message: `The text nests lists or quotes 20000 levels deep; Seam reads at most ${MAX_NESTING}, so this body was refused, not checked. Flatten the structure.` }].map(({ severity: _, file: __, ...f }) => expect.objectContaining(f)));
  });

  it('refuses 5,000 nested block quotes without overflowing the stack or reporting an internal error', async () => {
    const body = `${'>'.repeat(5_000)} deep`;
    const { findings } = await lintOne('docs/quotes.md', doc(body));
    expect(findings.some((f) => /Internal error/.test(f.message))).toBe(false);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'mdx-syntax', line: 5, column: MAX_NESTING + 2, message: expect.stringMatching(/^The text nests lists or quotes 5000 levels deep; Seam reads at most 32, so this body was refused, not checked\./) })]);
    expect(() => renderBody(body, { format: 'md' })).toThrow(/refused, not checked/);
  });

  it('reports 250,000 prompts in one paragraph in linear time: the first 100, then how many more', async () => {
    const { findings } = await lintOne('docs/todo.md', doc(`## Notes\n\n${'TODO: x '.repeat(250_000)}`));
    const prompts = findings.filter((f) => f.ruleId === 'unfinished');
    expect(prompts).toHaveLength(101);
    expect(prompts[1]).toMatchObject({ line: 7, column: 9, message: expect.stringMatching(/^Unfinished: replace the prompt “TODO: x TODO: x/) });
    expect(prompts[100]).toMatchObject({ line: 7, column: 801, message: 'Unfinished: 249900 more prompts in this file after the first 100. Replace every "TODO:" prompt.' });
  }, 120_000);

  it('refuses a mapping of 50,000 keys, and finds a duplicate key once per key', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const big = parseSource(`---\ntitle: Big\nextra:\n${keys.replace(/^/gm, '  ')}\n---\n`, 'docs/big.md');
    expect(big.data).toBeUndefined();
    expect(big.problems).toEqual([expect.objectContaining({ code: 'yaml', line: 4, message: `This mapping has 50000 entries; Seam reads at most ${MAX_YAML_ENTRIES}, so the file was refused, not checked. Split the data into smaller records.` })]);
    const dup = parseSource('---\ntitle: A\nkind: x\ntitle: B\n---\n', 'docs/dup.md');
    expect(dup.problems).toEqual([expect.objectContaining({ code: 'yaml', line: 4, column: 1, message: 'Broken YAML: Map keys must be unique' })]);
  });

  it('refuses a diagram longer than Mermaid draws, without parsing it', async () => {
    const edges = Array.from({ length: 6_000 }, (_, i) => `  n${i} --> n${i + 1}`).join('\n');
    const { findings } = await lintOne('docs/diagram.md', doc(`## Diagram\n\n\`\`\`mermaid\nflowchart LR\n${edges}\n\`\`\``));
    expect(findings.filter((f) => f.ruleId === 'mermaid')).toEqual([
      expect.objectContaining({ line: 8, column: 1, message: expect.stringMatching(/^The Mermaid diagram does not parse: the diagram is \d+ characters long; Seam and the site read at most 50000, so it was refused, not checked\./) }),
    ]);
  });

  it('refuses a diagram of more connections than Mermaid draws, at the first one past the bound, without parsing it', async () => {
    const relations = Array.from({ length: 501 }, (_, i) => `  A${i % 7} <|-- B${i % 9}`).join('\n');
    const { code, findings } = await lintOne('docs/classes.md', doc(`## Classes\n\n\`\`\`mermaid\nclassDiagram\n${relations}\n\`\`\``));
    expect(code).toBe(1);
    expect(findings.filter((f) => f.ruleId === 'mermaid')).toEqual([
      expect.objectContaining({ line: 8 + 501, column: 3, message: expect.stringMatching(/^The Mermaid diagram does not parse: the diagram draws more than 500 connections, and this is the first past that; Seam reads at most 500 .*so it was refused, not checked\./) }),
    ]);
  });

  it('lets ordinary nesting through', () => {
    expect(excessiveNesting('- a\n  - b\n    > c\n1. d\n')).toBeUndefined();
    expect(excessiveNesting('> '.repeat(MAX_NESTING))).toBeUndefined();
    expect(excessiveNesting('> '.repeat(MAX_NESTING + 1))).toEqual({ offset: 2 * MAX_NESTING + 1, depth: MAX_NESTING + 1 });
  });
});
