// What a diagram may say: the allow-list of settings is disjoint from what only the site sets (that it
// names real Mermaid settings is checked by tsc against MermaidConfig); each refused construct is found where it is written; and Mermaid 12 itself,
// initialised with the site's strict settings, drops whatever a directive tries to loosen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALLOWED_SECTIONS,
  ALLOWED_SETTINGS,
  LABEL_TAGS,
  SECURED_CONFIG_KEYS,
  STRICT_RENDER_CONFIG,
  unsafeParts,
} from '../../src/model/mermaid-safety.ts';

type Mermaid = (typeof import('mermaid'))['default'];
let mermaid: Mermaid;
/** Mermaid's config before these tests: the unit tier shares one Mermaid per worker (vitest.config.ts). */
let siteConfig: ReturnType<Mermaid['mermaidAPI']['getSiteConfig']>;

beforeAll(async () => {
  // DOMPurify, which Mermaid imports, binds to a window when it is first imported (see src/model/mermaid.ts).
  const { JSDOM } = await import('jsdom');
  Object.assign(globalThis, { window: new JSDOM('').window });
  mermaid = (await import('mermaid')).default;
  Reflect.deleteProperty(globalThis, 'window');
  siteConfig = mermaid.mermaidAPI.getSiteConfig();
});
afterAll(() => {
  if (!mermaid) return;
  mermaid.initialize(siteConfig);
  mermaid.mermaidAPI.reset();
});

/** `kind line:column` of each refused part. */
const where = (source: string, type?: string) => unsafeParts(source, type).map((p) => `${p.kind} ${p.line}:${p.column}`);

describe('the allow-list', () => {
  it('never allows a key that only the site sets', () => {
    const secured = new Set<string>(SECURED_CONFIG_KEYS);
    expect([...ALLOWED_SETTINGS, ...ALLOWED_SECTIONS].filter((key) => secured.has(key))).toEqual([]);
  });

  it('secures at least what Mermaid 12 secures by default', () => {
    const defaults = mermaid.mermaidAPI.defaultConfig.secure ?? [];
    expect(defaults.length).toBeGreaterThan(0);
    expect(defaults.filter((key) => !(SECURED_CONFIG_KEYS as readonly string[]).includes(key))).toEqual([]);
  });

  it('is what the renderer draws with', () => {
    expect(STRICT_RENDER_CONFIG).toMatchObject({ securityLevel: 'strict', htmlLabels: false, startOnLoad: false });
    expect(STRICT_RENDER_CONFIG.secure).toEqual([...SECURED_CONFIG_KEYS]);
    expect(STRICT_RENDER_CONFIG.dompurifyConfig).toEqual({ ALLOWED_TAGS: [...LABEL_TAGS], ALLOWED_ATTR: [] });
  });
});

describe('Mermaid 12 with the strict render config', () => {
  /** The config Mermaid draws `source` with, after applying its directives and front matter. */
  async function effectiveConfig(source: string) {
    mermaid.initialize({ ...STRICT_RENDER_CONFIG, theme: 'default' });
    await mermaid.mermaidAPI.parse(source);
    return mermaid.mermaidAPI.getConfig();
  }

  it('ignores an init directive that loosens security, and still applies its theme', async () => {
    const config = await effectiveConfig(
      '%%{init: {"theme": "forest", "securityLevel": "loose", "htmlLabels": true, "flowchart": {"htmlLabels": true, "curve": "step"}, "themeCSS": ".node { fill: red }", "dompurifyConfig": {"ADD_TAGS": ["script"]}, "secure": [], "maxTextSize": 90000000}}%%\nflowchart LR\n  a --> b',
    );
    expect(config.theme).toBe('forest');
    expect(config.flowchart?.curve).toBe('step');
    expect(config.securityLevel).toBe('strict');
    expect(config.htmlLabels).toBe(false);
    expect(config.flowchart?.htmlLabels).not.toBe(true);
    expect(config.themeCSS).toBeUndefined();
    expect(config.dompurifyConfig).toEqual(STRICT_RENDER_CONFIG.dompurifyConfig);
    expect(config.maxTextSize).toBe(mermaid.mermaidAPI.defaultConfig.maxTextSize);
  });

  it('ignores front matter config that loosens security', async () => {
    const config = await effectiveConfig('---\nconfig:\n  theme: neutral\n  securityLevel: loose\n  htmlLabels: true\n  fontFamily: "x; background: url(https://tracker.example/p.png)"\n---\nflowchart LR\n  a --> b');
    expect(config.theme).toBe('neutral');
    expect(config.securityLevel).toBe('strict');
    expect(config.htmlLabels).toBe(false);
    expect(config.fontFamily).not.toContain('url(');
  });
});

describe('unsafeParts', () => {
  it('accepts a diagram that keeps to the allow-list', () => {
    const source = [
      '---',
      'title: Billing',
      'config:',
      '  theme: neutral',
      '  look: handDrawn',
      '  themeVariables:',
      '    primaryColor: "#e8f0fe"',
      '    lineColor: rgb(60, 60, 60)',
      '  flowchart:',
      '    curve: basis',
      '    subGraphTitleMargin: {top: 4, bottom: 4}',
      '---',
      '%%{init: {"sequence": {"mirrorActors": false}}}%%',
      '%%{wrap}%%',
      'flowchart LR',
      '  crm[Acme CRM<br>sales] --> billing["Beta<br/>Billing"]',
      '  billing --> ledger["`**General** ledger`"]',
      '  style ledger fill:#f9f,stroke:#333',
    ].join('\n');
    expect(unsafeParts(source, 'flowchart-v2')).toEqual([]);
  });

  it('reports settings outside the allow-list where they are written', () => {
    expect(where('%%{init: {"securityLevel": "loose", "theme": "dark", "flowchart": {"htmlLabels": true}}}%%\nflowchart LR\n  a --> b')).toEqual(['config 1:11', 'config 1:68']);
    expect(where("%%{init: {'themeCSS': '.x {}'}}%%\ngraph TD\n  a --> b")).toEqual(['config 1:11']);
    expect(where('%%{initialize: {"maxTextSize": 1}}%%\ngraph TD\n  a --> b')).toEqual(['config 1:17']);
    expect(where('%%{init: {"config": {"htmlLabels": true}}}%%\ngraph TD\n  a --> b')).toEqual(['config 1:22']);
    expect(where('%%{init: not json}%%\ngraph TD\n  a --> b')).toEqual(['config 1:1']);
    const front = '---\nconfig:\n  securityLevel: loose\n  dompurifyConfig:\n    ADD_TAGS: [iframe]\n  madeUp: 1\n  gantt:\n    todayMarker: "stroke:url(https://x.example)"\n  themeVariables:\n    fontFamily: Arial\n---\ngantt\n  title x';
    expect(where(front)).toEqual(['config 3:3', 'config 4:3', 'config 6:3', 'config 8:5', 'config 10:5']);
    expect(unsafeParts(front)[2].message).toMatch(/sets `madeUp`, which diagrams may not change/);
    expect(unsafeParts(front)[3].message).toMatch(/sets `gantt.todayMarker` to a value that is not plain/);
  });

  it("allows every diagram type's documented layout options, the treemap's included", () => {
    const config = (section: string, value: string) => `---\nconfig:\n  ${section}:\n    ${value}\n---\ntreemap-beta\n"A": 1`;
    expect(where(config('treemap', 'valueFormat: "$0,0"'))).toEqual([]);
    expect(where(config('treemap', 'valueFormat: "url(x)"'))).toEqual(['config 4:5']);
    expect(where(config('treemap', 'htmlLabels: true'))).toEqual(['config 4:5']);
  });

  it('reports click statements in every form, and the links of class, sequence and C4 diagrams', () => {
    const flowchart = 'flowchart LR\n  a --> b\n  click a callback "tip"\n  click a call fn()\n  click b href "javascript:alert(1)"\n  a --> c; click c "https://x.example"';
    expect(where(flowchart, 'flowchart-v2')).toEqual(['interaction 3:3', 'interaction 4:3', 'interaction 5:3', 'interaction 6:12']);
    expect(where('classDiagram\n  class A\n  link A "https://x.example"\n  callback A "fn"\n  click A call fn()', 'classDiagram')).toEqual(['interaction 3:3', 'interaction 4:3', 'interaction 5:3']);
    expect(where('gantt\n  task1 :a1, 2026-01-01, 3d\n  click a1 href "https://x.example"', 'gantt')).toEqual(['interaction 3:3']);
    expect(where('sequenceDiagram\n  participant A\n  link A: Docs @ https://x.example\n  links A: {"Repo": "https://x.example"}', 'sequence')).toEqual(['interaction 3:3', 'interaction 4:3']);
    // An actor's icon is a picture loaded from an address; `details` reads the menu from an element of the page.
    expect(where('sequenceDiagram\n  participant A\n  properties A: {"icon": "https://x.example/p.png"}\n  details A: menu-json', 'sequence')).toEqual(['interaction 3:3', 'interaction 4:3']);
    expect(where('C4Context\n  Person(a, "A", $link="https://x.example")', 'c4')).toEqual(['interaction 2:18']);
  });

  it('does not mistake words for statements where they are not keywords, nor text in labels', () => {
    expect(where('mindmap\n  root\n    click here\n    links to: partners\n    properties: x\n    details: y', 'mindmap')).toEqual([]);
    expect(where('flowchart LR\n  a["click a callback"] --> b', 'flowchart-v2')).toEqual([]);
  });

  it('reports HTML tags in labels, but not <br> or annotations', () => {
    const source = [
      'flowchart LR',
      '  a["<img src=https://x.example/p.png>"] --> b[<iframe src=x>]',
      '  c["<b onclick=alert(1)>bold</b>"] --> d["<svg><foreignObject>x</foreignObject></svg>"]',
      '  e["<a href=https://x.example>x</a> <style>*{}</style> <script>x</script>"]',
      '  f[one<br>two<br/>three<BR />four] --> g["x < y and y > z"]',
      '  h["<br onload=x>"]',
    ].join('\n');
    expect(where(source, 'flowchart-v2')).toEqual([
      'html 2:6', 'html 2:48', 'html 3:6', 'html 3:44', 'html 3:49', 'html 4:6', 'html 4:38', 'html 4:57', 'html 6:6',
    ]);
    const messages = unsafeParts(source, 'flowchart-v2').map((p) => p.message);
    expect(messages[0]).toMatch(/^The diagram’s text holds `<img>`, which can load content from an address outside the site;/);
    expect(messages[2]).toMatch(/^The diagram’s text holds `<b onclick=…>`, an event handler/);
    expect(messages[5]).toMatch(/`<a>`, a link out of the diagram/);
    expect(where('classDiagram\n  class Port {\n    <<interface>>\n  }', 'classDiagram')).toEqual([]);
    expect(where('stateDiagram-v2\n  state fork <<fork>>', 'stateDiagram')).toEqual([]);
  });

  it('reports image shapes and CSS url()', () => {
    expect(where('flowchart LR\n  a@{ img: "https://x.example/p.png", label: "A" }\n  b@{ shape: rect, label: "img: no" }', 'flowchart-v2')).toEqual(['address 2:7']);
    expect(where('flowchart LR\n  a --> b\n  style a fill:url(https://x.example/p.png)\n  classDef c fill:URL(x)\n  b["see url(x)"]', 'flowchart-v2')).toEqual(['address 3:16', 'address 4:19']);
  });

  it('skips front matter, directives and comments when looking for statements and tags', () => {
    expect(where('---\ntitle: "<img src=x> click a b"\n---\nflowchart LR\n  %% click a callback <img src=x>\n  a --> b', 'flowchart-v2')).toEqual([]);
  });

  it('reads long and backtracking-prone diagrams whole (speed is the benchmark\'s business, not a timed test)', () => {
    const line = '  n1["<br>label with < and > signs"] --> n2[text] %% note\n';
    const one = unsafeParts(`flowchart LR\n${line}`, 'flowchart-v2').length;
    expect(unsafeParts(`flowchart LR\n${line.repeat(10_000)}`, 'flowchart-v2')).toHaveLength(one * 10_000);
    // Unclosed tags and long runs of `<` are the shapes that make a tag pattern backtrack.
    const hostile = unsafeParts(`flowchart LR\n  a["${'<a '.repeat(20_000)}"]\n  b["${'<'.repeat(40_000)}"]`, 'flowchart-v2');
    expect(hostile).toEqual([]); // unclosed, they are no tags: read whole, nothing reported
  });
});
