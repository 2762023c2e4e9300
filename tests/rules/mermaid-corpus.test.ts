// The mermaid rule over a handbook page holding every diagram of the valid corpus (all diagram types, and
// for the common ones every documented option: boxes, colours, themes, config, classes, notes, subgraphs):
// no finding but the two links out the handbook refuses; the same page with each diagram corrupted: one
// finding per diagram, at the corrupted line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExample, lintExample } from '../../src/lint/rule-tester.ts';
import mermaid from '../../rules/mermaid.ts';
import { REPO } from '../helpers/content.ts';

const CORPUS = join(REPO, 'tests/fixtures/mermaid/valid');
const diagrams = readdirSync(CORPUS).filter((f) => f.endsWith('.mmd')).sort().map((f) => ({ name: f, source: readFileSync(join(CORPUS, f), 'utf8').trimEnd() }));

/** A handbook page with each diagram in its own fenced block; returns the page and each block's first content line. */
function page(sources: string[]): { text: string; starts: number[] } {
  const lines = ['---', 'title: Diagram gallery', '---', ''];
  const starts: number[] = [];
  for (const source of sources) {
    lines.push('```mermaid');
    starts.push(lines.length + 1);
    lines.push(...source.split('\n'), '```', '');
  }
  return { text: lines.join('\n'), starts };
}

/** The page as an example of the rule tester: over an empty folder. */
const gallery = (text: string) => ({ title: 'the diagram gallery', base: false as const, files: { 'docs/gallery.mdx': text } });

describe('mermaid rule on the diagram corpus', () => {
  it(`finds in ${diagrams.length} valid diagrams of every type only what the handbook refuses`, async () => {
    expect(diagrams.length).toBeGreaterThan(70);
    // Two diagrams of the corpus are valid Mermaid that links out: a flowchart `click` and a kanban
    // board's ticket links. Every other diagram, `<<interface>>` annotations included, is clean. The
    // page marks the two lines as an example marks its findings.
    const marks: Record<string, [string, string]> = {
      'flowchart-2.mmd': ['click api', '%% ^ mermaid:3 /^A `click` statement makes part of the diagram run a script/'],
      'kanban-2.mmd': ['ticketBaseUrl', '# ^ mermaid:5 /^The diagram’s front matter config sets `kanban\\.ticketBaseUrl` to a value that is not plain\\./'],
    };
    const sources = diagrams.map((d) => {
      const mark = marks[d.name];
      return mark ? d.source.split('\n').map((line) => (line.includes(mark[0]) ? `${line} ${mark[1]}` : line)).join('\n') : d.source;
    });
    expect(sources.join('\n').match(/ \^ mermaid:/g)).toHaveLength(2);
    await checkExample(mermaid, gallery(page(sources).text), 'invalid');
  });

  it('reports each corrupted diagram at the corrupted line of the page', async () => {
    // An unbalanced bracket on a new last line breaks every grammar that reads brackets; the state,
    // timeline, ishikawa and treeView grammars accept almost any text, so they are left out here (the
    // model's own tests corrupt them differently).
    const tolerant = /^(state|timeline|ishikawa|treeview|mindmap|kanban|info|journey)/i;
    const chosen = diagrams.filter((d) => !tolerant.test(d.name)).filter((_, i) => i % 3 === 0);
    const corrupted = chosen.map((d) => `${d.source}\n  ][ %%% ]] ((`);
    const { text, starts } = page(corrupted);
    // Where in the last line a grammar gives up varies, so the page is linted without markers.
    const { findings } = await lintExample(mermaid, gallery(text));
    const broken = chosen.map((d, i) => ({ name: d.name, line: starts[i] + d.source.split('\n').length }));
    for (const { name, line } of broken) {
      const f = findings.find((x) => x.line >= line - 1 && x.line <= line);
      expect(f, `${name} at line ${line}`).toBeDefined();
    }
    expect(findings.every((f) => f.ruleId === 'mermaid' && f.file === 'docs/gallery.mdx')).toBe(true);
  });
});
