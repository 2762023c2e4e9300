// The Mermaid model: every diagram type Mermaid knows parses from the fixture corpus, a broken copy of
// each fails at the line that was broken with a sentence a person can read, fenced positions map into
// the Markdown file, and architecture diagrams yield their systems and connections where they are written.
import { readdirSync, readFileSync } from 'node:fs';
import type { Code } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { MAX_DIAGRAM_EDGES } from '../../src/model/bounds.ts';
import { analyseDiagram, diagramTypes, extractArchitecture, isSystemNode, mapToFile, parseDiagram, type DiagramParse } from '../../src/model/mermaid.ts';

const VALID = new URL('../fixtures/mermaid/valid/', import.meta.url);

/** The type Mermaid reports for each keyword a fixture starts with (fixtures are named `<keyword>-<n>.mmd`). */
const TYPE_OF_KEYWORD: Record<string, string> = {
  flowchart: 'flowchart-v2', graph: 'flowchart-v2', 'flowchart-elk': 'flowchart-elk', 'swimlane-beta': 'swimlane',
  sequenceDiagram: 'sequence', classDiagram: 'classDiagram', stateDiagram: 'stateDiagram', 'stateDiagram-v2': 'stateDiagram',
  erDiagram: 'er', journey: 'journey', gantt: 'gantt', pie: 'pie', quadrantChart: 'quadrantChart',
  requirementDiagram: 'requirement', gitGraph: 'gitGraph', C4Context: 'c4', C4Container: 'c4', C4Component: 'c4',
  C4Dynamic: 'c4', C4Deployment: 'c4', mindmap: 'mindmap', timeline: 'timeline', sankey: 'sankey', 'sankey-beta': 'sankey',
  xychart: 'xychart', 'xychart-beta': 'xychart', block: 'block', 'block-beta': 'block', packet: 'packet',
  'packet-beta': 'packet', 'architecture-beta': 'architecture', kanban: 'kanban', 'radar-beta': 'radar', treemap: 'treemap',
  'treemap-beta': 'treemap', info: 'info', 'agentflow-beta': 'agentflow', 'treeView-beta': 'treeView',
  eventmodeling: 'eventmodeling', 'ishikawa-beta': 'ishikawa', 'venn-beta': 'venn', 'wardley-beta': 'wardley',
  'cynefin-beta': 'cynefin', 'usecase-beta': 'usecase', 'railroad-beta': 'railroad', 'railroad-ebnf-beta': 'railroadEbnf',
  'railroad-abnf-beta': 'railroadAbnf', 'railroad-peg-beta': 'railroadPeg',
};

const fixtures = readdirSync(VALID)
  .filter((f) => f.endsWith('.mmd'))
  .sort()
  .map((file) => ({ file, keyword: file.replace(/-\d+\.mmd$/, ''), source: readFileSync(new URL(file, VALID), 'utf8') }));

/**
 * The line that breaks a diagram of each kind. Most grammars reject stray brackets; these read any text
 * as a state, a period, a cause or a file name, so they get something their grammar cannot place.
 */
const BREAKER: Record<string, string> = {
  stateDiagram: '  -->',
  'stateDiagram-v2': '  -->',
  timeline: '  :::',
  'ishikawa-beta': '  ishikawa-beta',
  'treeView-beta': '  :::',
};

/** The fixture with the breaking line inserted as line `at` (1-based). */
function broken(source: string, keyword: string, at: number): string {
  const lines = source.replace(/\n$/, '').split('\n');
  lines.splice(at - 1, 0, BREAKER[keyword] ?? '  }}} ((( unbalanced');
  return `${lines.join('\n')}\n`;
}

/** 1-based line of the line naming the diagram type (after any front matter, directive and comments). */
function headerLine(source: string, keyword: string): number {
  return source.split('\n').findIndex((line) => line.trimStart().startsWith(keyword)) + 1;
}

function failure(result: DiagramParse) {
  expect(result.ok).toBe(false);
  return result as Extract<DiagramParse, { ok: false }>;
}

describe('the fixture corpus', () => {
  it('has at least two diagrams of every type Mermaid registers', async () => {
    const types = await diagramTypes();
    expect(types.length).toBeGreaterThan(30);
    for (const type of types) {
      const keywords = Object.keys(TYPE_OF_KEYWORD).filter((k) => TYPE_OF_KEYWORD[k] === type);
      const count = fixtures.filter((f) => keywords.includes(f.keyword)).length;
      expect({ type, count: Math.min(count, 2) }).toEqual({ type, count: 2 });
    }
  });

  it('names every fixture after a known keyword', () => {
    for (const { file, keyword } of fixtures) expect({ file, known: keyword in TYPE_OF_KEYWORD }).toEqual({ file, known: true });
  });
});

describe('parseDiagram', () => {
  it.each(fixtures.map((f) => [f.file, f] as const))('parses %s', async (_file, { keyword, source }) => {
    expect(await parseDiagram(source)).toEqual({ ok: true, type: TYPE_OF_KEYWORD[keyword] });
  });

  // Every grammar reports a line for these breaks, so each broken copy must fail exactly there: right
  // after the line naming the type (past any front matter, directive and comments), in the middle, and
  // at the end. Mermaid's own semantic errors carry no position; see "errors without a position" below.
  it.each(fixtures.map((f) => [f.file, f] as const))('reports the broken line in %s', async (_file, { keyword, source }) => {
    const header = headerLine(source, keyword);
    const last = source.replace(/\n$/, '').split('\n').length + 1;
    for (const at of [header + 1, Math.floor((header + 1 + last) / 2), last]) {
      const result = failure(await parseDiagram(broken(source, keyword, at)));
      expect({ at, line: result.line }).toEqual({ at, line: at });
      expect(result.column).toBeGreaterThanOrEqual(1);
      expect(result.message).toMatch(/^[A-Z].*\.$/);
      expect(result.message).not.toMatch(/\n|Expecting '|    at /);
    }
  });

  it('summarises what the grammar expected instead of listing its tokens', async () => {
    const result = await parseDiagram('flowchart TD\n  a --> b\n  end\n');
    expect(result).toEqual({
      ok: false,
      message: "Unexpected 'end'; expected a name, a number, a keyword such as 'subgraph' or 'style', or a line break.",
      line: 3,
      column: 3,
    });
  });

  it('points after the last character when the diagram stops too early', async () => {
    expect(await parseDiagram('flowchart TD\n  a --> b\n  c -->\n')).toEqual({
      ok: false,
      message: 'Unexpected end of diagram; expected a name or a number.',
      line: 3,
      column: 8,
    });
    expect(failure(await parseDiagram('flowchart TD\n  c[unclosed --> d\n')).message).toBe(
      'Unexpected end of diagram; expected a name, text, or a closing bracket.',
    );
  });

  it('counts lines in the source, not in the text Mermaid parses', async () => {
    const frontMatter = '---\ntitle: Orders\nconfig:\n  theme: forest\n---\n\nflowchart LR\n  %% a comment\n\n  a --> b\n  c -> d\n';
    expect(failure(await parseDiagram(frontMatter))).toMatchObject({ line: 11, column: 5 });
    const directive = '%%{init: {\n  "theme": "dark"\n}}%%\nflowchart LR\n  a --> b\n  c -> d\n';
    expect(failure(await parseDiagram(directive))).toMatchObject({ line: 6, column: 5 });
    const crlf = 'flowchart LR\r\n  a --> b\r\n  %% c\r\n  c -> d\r\n';
    expect(failure(await parseDiagram(crlf))).toMatchObject({ line: 4, column: 5 });
    // Mermaid encodes `#quot;` as a longer code before parsing; columns after it still match the source.
    const entity = 'flowchart LR\n  c["#quot;"] -> d\n';
    expect(failure(await parseDiagram(entity))).toMatchObject({ line: 2, column: 15 });
  });

  it('reads Langium and Chevrotain errors as well as Jison ones', async () => {
    expect(await parseDiagram('pie title Traffic\n  "REST" 61\n')).toEqual({ ok: false, message: "Unexpected '61'; expected ':'.", line: 2, column: 10 });
    // The lexer skips a whole word it cannot read; the message names the word.
    expect(await parseDiagram('cynefin-beta\n  aporetic\n    "x"\n')).toMatchObject({ ok: false, message: "Unexpected 'aporetic'.", line: 2, column: 3 });
    expect(failure(await parseDiagram('usecase-beta\n  actor a\n  a --> \n'))).toMatchObject({ line: 3 });
  });

  it('reports a diagram that names no known type on its first line', async () => {
    expect(await parseDiagram('\n%% the shop\nflowchat LR\n  a --> b\n')).toEqual({
      ok: false,
      message: `Unknown diagram type 'flowchat': the first line must name one, such as "flowchart LR" or "sequenceDiagram".`,
      line: 3,
      column: 1,
    });
    expect(failure(await parseDiagram(''))).toMatchObject({ line: 1, column: 1, message: expect.stringMatching(/^The diagram is empty/) });
  });

  it('reports invalid YAML in the front matter inside the front matter', async () => {
    const result = failure(await parseDiagram('---\ntitle: ok\nconfig:\n  theme: [forest\n---\nflowchart LR\n  a --> b\n'));
    expect(result.message).toMatch(/^The front matter is not valid YAML: /);
    expect(result.line).toBeGreaterThanOrEqual(2);
    expect(result.line).toBeLessThanOrEqual(5);
  });

  it('tells invalid metadata YAML from invalid front matter', async () => {
    const result = failure(await parseDiagram('flowchart LR\n  %% the store\n  a@{ shape: [rect }\n  a --> b\n'));
    expect(result.message).toMatch(/^The metadata in @\{ … \} is not valid YAML: /);
    expect(result.line).toBe(3);
  });

  it("places errors Mermaid's databases raise", async () => {
    expect(await parseDiagram('gitGraph\n  commit\n  checkout release\n')).toEqual({
      ok: false,
      message: 'Trying to checkout branch which is not yet created. (Help try using "branch release").',
      line: 3,
      column: 3,
    });
    // Agentflow counts these lines from the top of the source, front matter included.
    const agentflow = '---\ntitle: Triage\n---\nagentflow-beta TB\n  %% a comment\n  a["Classify"]@{ shape: nosuch }\n';
    expect(await parseDiagram(agentflow)).toEqual({ ok: false, message: 'No such shape: nosuch.', line: 6, column: 16 });
  });

  // Errors without a position: a few databases reject a diagram after parsing it and say only why (a
  // mindmap with two roots). They are reported at the line naming the diagram type.
  it('reports errors without a position at the line naming the diagram type', async () => {
    const result = failure(await parseDiagram('%% map\nmindmap\n  root((Handbook))\n    Standards\n  Second root\n'));
    expect(result).toMatchObject({ line: 2, column: 1 });
    expect(result.message).toMatch(/only one root/);
  });

  it('gives the same answer for the same diagram, whatever runs beside it', async () => {
    const diagrams = fixtures.slice(0, 20).flatMap((f) => [f.source, broken(f.source, f.keyword, headerLine(f.source, f.keyword) + 1)]);
    const serial: DiagramParse[] = [];
    for (const d of diagrams) serial.push(await parseDiagram(d));
    expect(await Promise.all(diagrams.map((d) => parseDiagram(d)))).toEqual(serial);
  });

  // Mermaid runs in a browser window of its own; the process never looks like a browser, not even
  // while a diagram is parsed (a diagram that needs `window` parses all the same).
  it('never lends the process browser globals, not even while a diagram is parsed', async () => {
    const browserGlobals = () => ['window', 'document', 'Option', 'getComputedStyle'].filter((name) => name in globalThis);
    const seen: string[] = [];
    let done = false;
    const parsing = parseDiagram('sequenceDiagram\n  box Purple Alice & John\n    participant A\n  end\n').finally(() => (done = true));
    while (!done) {
      seen.push(...browserGlobals());
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await parsing).toEqual({ ok: true, type: 'sequence' });
    expect(seen).toEqual([]);
    expect(browserGlobals()).toEqual([]);
  });

  // Parsers that touch browser globals: each accepted as a browser accepts it (issue: "Window is not defined").
  it.each([
    ['a sequence box coloured by name', 'sequenceDiagram\n  box Purple Alice & John\n    participant Alice\n    participant John\n  end\n  Alice->>John: Hello\n'],
    ['a sequence box coloured by rgb() and hsl()', 'sequenceDiagram\n  box rgb(33, 66, 99) Ledger\n    participant L\n  end\n  box hsl(210, 40%, 90%)\n    participant B\n  end\n  L->>B: post\n'],
    ['a sequence box with a title only', 'sequenceDiagram\n  box Clearing house\n    participant CH\n  end\n'],
    ["a sequence actor's details", 'sequenceDiagram\n  participant A\n  details A: actor-details\n  A->>A: self\n'],
    ['a pie chart whose config is copied', 'pie showData\n  title Share\n  "A" : 40\n  "B" : 60\n'],
    ['a radar chart whose state is copied', 'radar-beta\n  axis a, b, c\n  curve x{1, 2, 3}\n'],
  ])('parses %s', async (_name, source) => {
    expect(await parseDiagram(source)).toMatchObject({ ok: true });
  });
});

describe('the bound on connections', () => {
  const refused = /^the diagram draws more than 500 connections, and this is the first past that; Seam reads at most 500 \(as many edges as Mermaid draws in a flowchart\), so it was refused, not checked\. Split it into smaller diagrams$/;
  /** A diagram of `header` and `n` lines, each drawing one connection. */
  const lines = (header: string, n: number, line: (i: number) => string) => [header, ...Array.from({ length: n }, (_, i) => line(i))].join('\n');

  it("is Mermaid's own maxEdges: 500 flowchart edges parse, the 501st is refused where it is written", async () => {
    expect(MAX_DIAGRAM_EDGES).toBe(500);
    expect(await parseDiagram(lines('flowchart LR', 500, (i) => `  n${i} --> n${i + 1}`))).toEqual({ ok: true, type: 'flowchart-v2' });
    expect(await parseDiagram(lines('flowchart LR', 501, (i) => `  n${i} --> n${i + 1}`))).toEqual({ ok: false, line: 502, column: 3, message: expect.stringMatching(refused) });
  });

  it('counts each pair an `&` statement joins, as Mermaid does, without listing millions of them', async () => {
    // 23 × 22 = 506 edges in one statement; the 501st starts at the 23rd source id.
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`).join(' & ');
    const statement = `  ${ids('a', 23)} --> ${ids('b', 22)}`;
    expect(await parseDiagram(`graph TD\n${statement}\n`)).toEqual({ ok: false, line: 2, column: statement.indexOf('a23') + 1, message: expect.stringMatching(refused) });
    // 3,000 × 3,000 pairs in under 50,000 characters.
    expect(await parseDiagram(`graph TD\n  ${ids('a', 3000)} --> ${ids('b', 3000)}\n`)).toMatchObject({ ok: false, line: 2, column: expect.any(Number) });
  });

  // Mermaid applies maxEdges to flowcharts only; Seam holds every diagram that connects things to it,
  // before Mermaid's databases (quadratic in connections for class and state diagrams) see it.
  it.each([
    ['a class diagram', lines('classDiagram', 501, (i) => `  A${i % 7} <|-- B${i % 9} : label`), 502, 3],
    ['a state diagram', lines('stateDiagram-v2', 501, (i) => `  s${i % 7} --> t${i % 9}`), 502, 3],
    ['an ER diagram', lines('erDiagram', 501, (i) => `  A${i % 7} ||--o{ B${i % 9} : has`), 502, 3],
    ['a requirement diagram', lines('requirementDiagram', 501, (i) => `  a${i} - satisfies -> b${i}`), 502, 3],
    ['a block diagram', lines('block-beta', 501, (i) => `  a${i} --> b${i}`), 502, 3],
    ['a C4 diagram', lines('C4Context', 501, (i) => `  Rel(a${i % 7}, b${i % 9}, "uses")`), 502, 7],
    ['an architecture diagram', lines('architecture-beta\n  service a(server)[A]\n  service b(server)[B]', 501, () => '  a:R -- L:b'), 504, 3],
  ])('refuses %s of 501 connections at the 501st', async (_name, source, line, column) => {
    expect(await parseDiagram(source)).toEqual({ ok: false, line, column, message: expect.stringMatching(refused) });
  });

  it('does not count text, comments or types that draw no connections', async () => {
    const text = lines('classDiagram', 501, (i) => `  %% A${i} --> B\n  note "x --> y ${i}"`);
    expect(await parseDiagram(text)).toEqual({ ok: true, type: 'classDiagram' });
    expect(await parseDiagram(lines('sequenceDiagram', 501, () => '  A->>B: hi'))).toEqual({ ok: true, type: 'sequence' });
  });
});

describe('mapToFile', () => {
  it('maps an error in a fenced block to the file position remark reports for the block', async () => {
    const markdown = '# Order flow\n\n- The shop:\n\n  ```mermaid\n  flowchart LR\n    web --> api\n    api -> db\n  ```\n';
    const blocks: Code[] = [];
    visit(unified().use(remarkParse).parse(markdown), 'code', (node) => void blocks.push(node));
    const [{ value, position }] = blocks;
    const result = failure(await parseDiagram(value));
    const at = mapToFile(result, position!.start.line, position!.start.column);
    expect(at).toEqual({ line: 8, column: 9 });
    expect(markdown.split('\n')[at.line - 1].slice(at.column - 1)).toBe('-> db');
  });

  it('puts the first content line on the line after the opening fence', () => {
    expect(mapToFile({ line: 1, column: 1 }, 10, 1)).toEqual({ line: 11, column: 1 });
    expect(mapToFile({ line: 3, column: 7 }, 10, 1)).toEqual({ line: 13, column: 7 });
  });

  it('adds the indentation of the fence, which CommonMark strips from the content', () => {
    // - item
    //   ```mermaid        <- line 4, column 3
    //   flowchart LR
    //     a -> b          <- diagram line 2, column 5; file column 7
    expect(mapToFile({ line: 2, column: 5 }, 4, 3)).toEqual({ line: 6, column: 7 });
  });
});

describe('extractArchitecture', () => {
  it('reads a flowchart: chains, &, labelled edges, shapes and hyphenated ids', async () => {
    const source = [
      'flowchart LR',
      '  %% the web shop and its neighbours: a --> zz is only a comment',
      '  actor-customer([Customer]) --> web[Web shop] --> api(Order API)',
      '  api & worker[[Batch worker]] --> db[(Orders DB)]',
      '  api -- publishes OrderPlaced --> bus{{Event bus}}',
      '  bus -->|"OrderPlaced (v2)"| billing>Billing] -.-> ext-crm{CRM?}',
      '  subgraph dc [Datacentre]',
      '    idp((Identity))',
      '  end',
      '  idp --> dc',
      '  classDef nonSystem fill:#eee',
      '  class worker nonSystem',
      '  style ghost fill:#f9f',
      '  click api "https://example.org" "Docs"',
      '  linkStyle 0 stroke:#f66',
    ].join('\n');
    const { nodes, edges } = await extractArchitecture(source, 'flowchart-v2');
    expect(nodes.map((n) => [n.id, n.label, n.line, n.column, n.system])).toEqual([
      ['actor-customer', 'Customer', 3, 3, false],
      ['web', 'Web shop', 3, 34, true],
      ['api', 'Order API', 3, 52, true],
      ['worker', 'Batch worker', 4, 9, false],
      ['db', 'Orders DB', 4, 36, true],
      ['bus', 'Event bus', 5, 36, true],
      ['billing', 'Billing', 6, 31, true],
      ['ext-crm', 'CRM?', 6, 53, false],
      ['idp', 'Identity', 8, 5, true],
    ]);
    expect(edges).toEqual([
      { from: 'actor-customer', to: 'web', line: 3, column: 3 },
      { from: 'web', to: 'api', line: 3, column: 34 },
      { from: 'api', to: 'db', line: 4, column: 3 },
      { from: 'worker', to: 'db', line: 4, column: 9 },
      { from: 'api', to: 'bus', label: 'publishes OrderPlaced', line: 5, column: 3 },
      { from: 'bus', to: 'billing', label: 'OrderPlaced (v2)', line: 6, column: 3 },
      { from: 'billing', to: 'ext-crm', line: 6, column: 31 },
      // An edge may point at a subgraph; the subgraph itself is a grouping, not a node.
      { from: 'idp', to: 'dc', line: 10, column: 3 },
    ]);
  });

  it('reads graph syntax with semicolons, ids without spaces and metadata shapes', async () => {
    const source = 'graph TD;\n  A-->B;B==>C[Done];\n  C@{ shape: cyl, label: "Store" } --- D:::nonSystem\n  D e1@--> A\n';
    const { nodes, edges } = await extractArchitecture(source, 'flowchart-v2');
    expect(nodes.map((n) => `${n.id}@${n.line}:${n.column}${n.system ? '' : ' (not a system)'}`)).toEqual(['A@2:3', 'B@2:7', 'C@2:13', 'D@3:40 (not a system)']);
    expect(edges.map((e) => `${e.from}->${e.to}@${e.line}:${e.column}`)).toEqual(['A->B@2:3', 'B->C@2:9', 'C->D@3:3', 'D->A@4:3']);
  });

  it('reads C4: elements and relationships, not boundaries or style updates', async () => {
    const source = [
      'C4Container',
      '  title Web shop',
      '  Person(customer, "Customer", "Buys (sometimes)")',
      '  System_Boundary(shop, "Web shop") {',
      '    Container(spa, "Single-page app", "TypeScript")',
      '    ContainerDb(db, "Shop database")',
      '  }',
      '  System_Ext(psp, "Payment provider")',
      '  System(audit, "Audit trail", $tags="nonSystem")',
      '  Rel(customer, spa, "Uses")',
      '  BiRel(spa, db, "Reads/writes")',
      '  Rel_R(spa, psp, "Pays")',
      '  UpdateRelStyle(customer, spa, $textColor="red")',
    ].join('\n');
    const { nodes, edges } = await extractArchitecture(source, 'c4');
    expect(nodes).toEqual([
      { id: 'customer', label: 'Customer', kind: 'person', classes: [], line: 3, column: 10, system: false },
      { id: 'spa', label: 'Single-page app', kind: 'container', classes: [], line: 5, column: 15, system: true },
      { id: 'db', label: 'Shop database', kind: 'container_db', classes: [], line: 6, column: 17, system: true },
      { id: 'psp', label: 'Payment provider', kind: 'external_system', classes: [], line: 8, column: 14, system: false },
      { id: 'audit', label: 'Audit trail', kind: 'system', classes: ['nonSystem'], line: 9, column: 10, system: false },
    ]);
    expect(edges).toEqual([
      { from: 'customer', to: 'spa', label: 'Uses', line: 10, column: 7 },
      { from: 'spa', to: 'db', label: 'Reads/writes', line: 11, column: 9 },
      { from: 'spa', to: 'psp', label: 'Pays', line: 12, column: 9 },
    ]);
  });

  it('reads numbered C4 relationships', async () => {
    const source = 'C4Dynamic\n  Container(gw, "Gateway")\n  Container(svc, "Quotes")\n  RelIndex(1, gw, svc, "GET /quotes")\n';
    expect((await extractArchitecture(source, 'c4')).edges).toEqual([{ from: 'gw', to: 'svc', label: 'GET /quotes', line: 4, column: 15 }]);
  });

  it('reads architecture-beta: services and junctions, not groups', async () => {
    const source = [
      'architecture-beta',
      '  group hub(server)[Integration hub]',
      '  group partners(cloud)[Partners]',
      '  service router(server)[Router] in hub',
      '  service ext-partner(internet)[Partner gateway] in partners',
      '  junction feed in hub',
      '  ext-partner{group}:R -[AS2]-> L:router{group}',
      '  feed:B -- T:router',
    ].join('\n');
    const { nodes, edges } = await extractArchitecture(source, 'architecture');
    expect(nodes).toEqual([
      { id: 'router', label: 'Router', kind: 'service', classes: [], line: 4, column: 11, system: true },
      { id: 'ext-partner', label: 'Partner gateway', kind: 'service', classes: [], line: 5, column: 11, system: false },
      { id: 'feed', kind: 'junction', classes: [], line: 6, column: 12, system: false },
    ]);
    expect(edges).toEqual([
      { from: 'ext-partner', to: 'router', label: 'AS2', line: 7, column: 3 },
      { from: 'feed', to: 'router', line: 8, column: 3 },
    ]);
  });

  it('finds every node and edge of the corpus diagrams where it is written', async () => {
    for (const { file, keyword, source } of fixtures.filter((f) => /^(?:flowchart|graph|swimlane|C4|architecture)/.test(f.keyword))) {
      const { nodes, edges } = await extractArchitecture(source, TYPE_OF_KEYWORD[keyword]);
      expect({ file, nodes: nodes.length > 0, edges: edges.length > 0 }).toEqual({ file, nodes: true, edges: true });
      const lines = source.split('\n');
      for (const n of nodes) expect({ file, id: n.id, at: lines[n.line - 1].slice(n.column - 1).startsWith(n.id) }).toEqual({ file, id: n.id, at: true });
      for (const e of edges) expect({ file, edge: e.from, at: lines[e.line - 1].slice(e.column - 1).startsWith(e.from) }).toEqual({ file, edge: e.from, at: true });
    }
  });

  it('draws nothing for other diagram types or diagrams Mermaid rejects', async () => {
    expect(await extractArchitecture('sequenceDiagram\n  A->>B: hi\n', 'sequence')).toEqual({ nodes: [], edges: [] });
    expect(await extractArchitecture('flowchart LR\n  a --> \n', 'flowchart-v2')).toEqual({ nodes: [], edges: [] });
  });
});

describe('analyseDiagram', () => {
  it('gives, from one parse, what parseDiagram and extractArchitecture give, for every fixture and a broken diagram', async () => {
    const broken = 'flowchart LR\n  a --> \n';
    for (const source of [...fixtures.map((f) => f.source), broken, `---\nconfig:\n  theme: forest\n---\nflowchart LR\n  a --> b\n`]) {
      const analysis = await analyseDiagram(source);
      const parse = await parseDiagram(source);
      expect(analysis.parse).toEqual(parse);
      const readsArchitecture = parse.ok && /^(?:flowchart|swimlane|c4|architecture)/.test(parse.type);
      expect(analysis.architecture).toEqual(readsArchitecture && parse.ok ? await extractArchitecture(source, parse.type) : undefined);
    }
  });

  it('parses each distinct source once: the same source gives the same analysis object', async () => {
    const source = 'flowchart LR\n  crm[CRM] --> billing[Billing]\n';
    const first = analyseDiagram(source);
    expect(analyseDiagram(source)).toBe(first);
    expect(await analyseDiagram(`${source}  billing --> ledger\n`)).not.toBe(await first);
    expect((await first).architecture?.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['crm->billing']);
  });
});

describe('isSystemNode', () => {
  it('follows the naming convention for nodes that are not systems', () => {
    expect(isSystemNode({ id: 'erp' })).toBe(true);
    expect(isSystemNode({ id: 'actor-clerk' })).toBe(false);
    expect(isSystemNode({ id: 'ext-bank' })).toBe(false);
    expect(isSystemNode({ id: 'group-finance' })).toBe(false);
    expect(isSystemNode({ id: 'erp', classes: ['nonSystem'] })).toBe(false);
    expect(isSystemNode({ id: 'clerk', kind: 'person' })).toBe(false);
    expect(isSystemNode({ id: 'bank', kind: 'external_system' })).toBe(false);
  });
});
