// Expected findings marked beside the input: each comment syntax a marker may use, what it states,
// and the text the tester lints once the markers are gone.
import { describe, expect, it } from 'vitest';
import { readExample, readMarkers } from '../../src/rule-kit/example-markers.ts';

describe('readMarkers', () => {
  it('reads a marker in YAML, MDX, Markdown and Mermaid comments and removes it with the spaces before it', () => {
    const text = [
      '---',
      'kind: app   # ^ schema:7',
      '---',
      'See [x](./y.mdx). {/* ^ links:5 */}',
      'See [x](./y.md). <!-- ^ links:5 -->',
      '```mermaid',
      '  crm --> biling %% ^ mermaid:14',
      '```',
      '',
    ].join('\n');
    const { text: stripped, expected } = readMarkers('a.mdx', text);
    expect(stripped).toBe('---\nkind: app\n---\nSee [x](./y.mdx).\nSee [x](./y.md).\n```mermaid\n  crm --> biling\n```\n');
    expect(expected).toEqual([
      { file: 'a.mdx', rule: 'schema', line: 2, column: 7 },
      { file: 'a.mdx', rule: 'links', line: 4, column: 5 },
      { file: 'a.mdx', rule: 'links', line: 5, column: 5 },
      { file: 'a.mdx', rule: 'mermaid', line: 7, column: 14 },
    ]);
  });

  it('reads ends, severity and exact or pattern messages, several markers to a line, and a marker alone on a line', () => {
    const text = 'a: 1 # ^ budget:4-9 [warning] Too much. # ^ budget:1-2:3 /^Over \\/ under$/i\n{/* ^ unfinished:1 */}\n';
    const { text: stripped, expected } = readMarkers('p.mdx', text);
    expect(stripped).toBe('a: 1\n\n');
    expect(expected).toEqual([
      { file: 'p.mdx', rule: 'budget', line: 1, column: 4, endLine: 1, endColumn: 9, severity: 'warning', message: 'Too much.' },
      { file: 'p.mdx', rule: 'budget', line: 1, column: 1, endLine: 2, endColumn: 3, message: /^Over \/ under$/i },
      { file: 'p.mdx', rule: 'unfinished', line: 2, column: 1 },
    ]);
  });

  it('leaves comments that are no marker alone, and refuses a marker it cannot read', () => {
    const text = 'title: A # a note\nlist: [a, b] # ^ see above\ncolour: x#^ schema:1\n';
    expect(readMarkers('a.yaml', text)).toEqual({ text, expected: [] });
    expect(readMarkers('a.yaml', 'a: 1 # ^ schema:x\n').expected).toEqual([]);
    expect(() => readMarkers('a.yaml', 'a: 1\nb: 2 # ^ schema:3 [fatal] no\n')).toThrow(/a\.yaml:2: a marker must read/);
  });
});

describe('readExample', () => {
  it('strips every file’s markers and lists its findings with the explicit ones, in file and line order', () => {
    const { files, expected } = readExample({
      title: 't',
      files: { 'b.mdx': 'x {/* ^ links:1 */}\n', 'a.mdx': '\ny # ^ schema:3\n', 'c.mdx': null },
      expect: [{ file: 'standards/s.yaml', line: 8, column: 11, message: /^Review/ }],
    });
    expect(files).toEqual({ 'b.mdx': 'x\n', 'a.mdx': '\ny\n', 'c.mdx': null });
    expect(expected.map((e) => `${e.file}:${e.line}:${e.column} ${e.rule ?? '(the rule)'}`)).toEqual(['a.mdx:2:3 schema', 'b.mdx:1:1 links', 'standards/s.yaml:8:11 (the rule)']);
  });
});
