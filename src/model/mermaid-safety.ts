// What a Mermaid diagram in the handbook may say, in one place: which settings a diagram may change
// (an allow-list), and which parts of a diagram are refused because they run code, link out or load
// something from another address. The `mermaid` rule reports what `unsafeParts` finds; the site's
// renderer refuses to draw such a diagram and draws every other one with `STRICT_RENDER_CONFIG`.
// Pure functions over strings (and YAML); no Mermaid here, so the browser can run it too. The key lists
// are checked against Mermaid's own `MermaidConfig` type, so a misspelt or removed setting fails tsc.
import type { MermaidConfig } from 'mermaid';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { Position } from './problem.ts';
import { codeOnly, frontMatter, frontMatterEnd, normalise, positions } from './mermaid-source.ts';

/**
 * Settings no diagram may set, at any depth (Mermaid's `secure` list matches key names wherever they
 * are, so `flowchart.htmlLabels` is refused with `htmlLabels`). The first six are Mermaid's own
 * defaults; the rest loosen label sanitising (`htmlLabels`, `dompurifyConfig`), inject CSS into the page
 * (`themeCSS`, `fontFamily`, `altFontFamily`) or change how the page, not the diagram, behaves.
 */
export const SECURED_CONFIG_KEYS = [
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'suppressErrorRendering',
  'maxEdges',
  'htmlLabels',
  'dompurifyConfig',
  'themeCSS',
  'fontFamily',
  'altFontFamily',
  'arrowMarkerAbsolute',
  'logLevel',
  'legacyMathML',
  'forceLegacyMathML',
  'deterministicIds',
  'deterministicIDSeed',
] as const satisfies readonly (keyof MermaidConfig)[];

/** Top-level settings a diagram may set, each to a plain value. */
export const ALLOWED_SETTINGS = ['theme', 'look', 'layout', 'handDrawnSeed', 'darkMode', 'wrap', 'fontSize', 'markdownAutoWrap'] as const satisfies readonly (keyof MermaidConfig)[];

/**
 * Sections of diagram layout options (Mermaid's per-diagram config keys, and `elk`). Inside one, any
 * setting not in `SECURED_CONFIG_KEYS` may be set to a plain value, a list of them or a small map of them.
 * `themeVariables` is a map of plain values too.
 */
export const ALLOWED_SECTIONS = [
  'themeVariables', 'elk',
  'flowchart', 'swimlane', 'agentflow', 'sequence', 'gantt', 'journey', 'timeline', 'class', 'state', 'er', 'pie',
  'quadrantChart', 'xyChart', 'requirement', 'architecture', 'mindmap', 'ishikawa', 'kanban', 'gitGraph', 'c4',
  'sankey', 'packet', 'block', 'eventmodeling', 'treeView', 'radar', 'usecase', 'venn', 'wardley-beta', 'cynefin',
  'railroad',
  // Read by the treemap diagram (`config.treemap`), though missing from Mermaid 12's config type.
  'treemap',
] as const satisfies readonly (keyof MermaidConfig | 'treemap')[];

/** The HTML tags a label may hold: Mermaid's line break (`<br>`, `<br/>`, `<br />`, no attributes). */
export const LABEL_TAGS = ['br'] as const;

/**
 * A plain value: letters, digits, spaces and `_ . , # % + - $`, or a colour function (`rgb(…)`, `hsl(…)`).
 * No quotes, colons, semicolons, slashes or `url(`: nothing that can close a CSS declaration or name an
 * address. (`$` is for number formats such as a treemap's `valueFormat: $0,0`.)
 */
const PLAIN_TEXT = /^(?:[\p{L}\p{N} _.,#%+$-]|(?:rgba?|hsla?)\([\d .,%]*\))*$/u;
const PLAIN_MAX_LENGTH = 200;
/** How deep maps may nest inside a section (`flowchart.subGraphTitleMargin.top` is two). */
const SECTION_DEPTH = 2;

/**
 * The settings the site draws every diagram with. Mermaid applies a diagram's front matter config and
 * init directives over these, but deletes every key named in `secure` from them first, so no diagram can
 * loosen them: labels are drawn as SVG text, not HTML, and whatever HTML reaches the sanitiser keeps only
 * `<br>`, without attributes.
 */
export const STRICT_RENDER_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  htmlLabels: false,
  secure: [...SECURED_CONFIG_KEYS],
  dompurifyConfig: { ALLOWED_TAGS: [...LABEL_TAGS], ALLOWED_ATTR: [] },
} satisfies MermaidConfig;

/** What is refused in a diagram, and where (1-based, relative to the diagram's source). */
export interface UnsafePart extends Position {
  kind: 'config' | 'interaction' | 'html' | 'address';
  /** What is wrong and how to fix it, in a sentence or two. */
  message: string;
}

/**
 * Everything in a diagram the handbook refuses: settings outside the allow-list (front matter `config`
 * and `%%{init}%%` directives), interaction (`click`, class `link`/`callback`, sequence `link`/`links`/
 * `properties`/`details`, C4 `$link`), HTML tags in labels other than `<br>`, and anything that loads from an address (image
 * shapes, CSS `url(…)`). `type` is Mermaid's id for the diagram type, when known; statements that are
 * keywords only in some types are then looked for in those types alone. Linear in the source's length.
 */
export function unsafeParts(source: string, type?: string): UnsafePart[] {
  const at = positions(source);
  const found: { offset: number; kind: UnsafePart['kind']; message: string }[] = [];
  const report = (offset: number, kind: UnsafePart['kind'], message: string) => found.push({ offset, kind, message });
  configParts(source, report);
  const code = codeOnly(source);
  const outsideStrings = codeOnly(source, { strings: true });
  interactionParts(outsideStrings, type, report);
  htmlParts(code, report);
  addressParts(outsideStrings, report);
  return found
    .sort((a, b) => a.offset - b.offset)
    .map(({ offset, kind, message }) => ({ ...at(offset), kind, message }));
}

type Reporter = (offset: number, kind: UnsafePart['kind'], message: string) => void;

// --- Settings -----------------------------------------------------------------------------------------------

/** Mermaid's `directiveRegex`: `%%{type: args}%%`, args JSON (an unterminated directive runs to the end). */
const DIRECTIVE = /%%\{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!\}%%).|\r?\n)*))?\s*(?:\}%%)?/dg;

function configParts(source: string, report: Reporter): void {
  const bodyStart = frontMatterEnd(source);
  if (bodyStart > 0) {
    const normal = normalise(source);
    const front = frontMatter(normal.text)!;
    // The YAML runs up to the closing `---` line.
    const yaml = normal.text.slice(front.body, front.end).replace(/(^|\n)[^\S\n]*---[^\n]*\s*$/, '$1');
    const document = parseDocument(yaml, { uniqueKeys: false });
    // Broken YAML fails Mermaid's parse, which the rule reports already.
    if (document.errors.length === 0 && isMap(document.contents)) {
      const config = document.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'config');
      const toSource = (offset: number) => normal.from[front.body + offset];
      if (config && isMap(config.value)) checkSettings(config.value, [], 'front matter config', toSource, report);
      else if (config) report(toSource(nodeStart(config.key)), 'config', 'The diagram’s front matter `config` is not a map of settings. Remove it, or give it settings from the allow-list on the rule’s page.');
    }
  }
  for (const match of source.matchAll(DIRECTIVE)) {
    if (match.index < bodyStart) continue;
    const [, named, bare, , args] = match;
    if (!/^init(?:ialize)?$/i.test(named ?? bare ?? '')) continue;
    const argsStart = match.indices?.[4]?.[0] ?? match.index;
    // Mermaid reads the arguments as JSON (after turning ' into "); YAML, a superset, gives the positions.
    const json = args?.replace(/'/g, '"');
    const document = json !== undefined && isJsonObject(json) ? parseDocument(json, { uniqueKeys: false }) : undefined;
    if (!document || document.errors.length > 0 || !isMap(document.contents)) {
      report(match.index, 'config', 'The diagram’s init directive is not a JSON object, so Mermaid ignores it. Write it as `%%{init: {"theme": "neutral"}}%%`, or remove it.');
      continue;
    }
    checkSettings(document.contents, [], 'init directive', (offset) => argsStart + offset, report);
  }
}

/** Checks one map of settings: the top level when `path` is empty, else a section. */
function checkSettings(map: YAMLMap, path: string[], where: string, toSource: (offset: number) => number, report: Reporter): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const name = [...path, key].join('.');
    const offset = toSource(nodeStart(pair.key));
    const value = pair.value as YamlNode | null;
    const topLevel = path.length === 0;
    if ((SECURED_CONFIG_KEYS as readonly string[]).includes(key)) {
      report(offset, 'config', `The diagram’s ${where} sets \`${name}\`, which only the site sets: it draws every diagram with strict security, plain-text labels and its own fonts. Remove \`${key}\`.`);
    } else if (topLevel && (ALLOWED_SETTINGS as readonly string[]).includes(key)) {
      if (!isPlain(value)) report(offset, 'config', notPlain(where, name));
    } else if ((topLevel && ((ALLOWED_SECTIONS as readonly string[]).includes(key) || (key === 'config' && where === 'init directive'))) || (!topLevel && isMap(value))) {
      if (!isMap(value)) report(offset, 'config', `The diagram’s ${where} sets \`${name}\` to something other than a map of settings. Give it settings, as in \`${name}: {…}\`, or remove it.`);
      else if (path.length >= SECTION_DEPTH) report(offset, 'config', `The diagram’s ${where} nests \`${name}\` deeper than any layout option Mermaid has. Remove it.`);
      else checkSettings(value, [...path, key], where, toSource, report);
    } else if (!topLevel) {
      if (!(isPlain(value) || (isSeq(value) && value.items.every((item) => isPlain(item as YamlNode))))) report(offset, 'config', notPlain(where, name));
    } else {
      report(offset, 'config', `The diagram’s ${where} sets \`${name}\`, which diagrams may not change. Remove it: a diagram may set ${ALLOWED_SETTINGS.join(', ')}, \`themeVariables\` and its diagram type’s layout options (such as \`flowchart: {curve: basis}\`).`);
    }
  }
}

function notPlain(where: string, name: string): string {
  return `The diagram’s ${where} sets \`${name}\` to a value that is not plain. Use a number, true/false, or text of letters, digits, spaces and \`_ . , # % + - $\` (colours as \`#hex\` or \`rgb(…)\`); no quotes, colons, semicolons, slashes or \`url(…)\`.`;
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function isPlain(node: YamlNode | null | undefined): boolean {
  if (!isScalar(node)) return false;
  const { value } = node;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return true;
  return typeof value === 'string' && value.length <= PLAIN_MAX_LENGTH && PLAIN_TEXT.test(value);
}

function nodeStart(node: unknown): number {
  return (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
}

// --- Interaction --------------------------------------------------------------------------------------------

const CLICK_TYPES = /^(?:flowchart(?:-v2|-elk)?|swimlane|agentflow|classDiagram|stateDiagram|gantt)$/;

/** Statements that make a diagram interactive, by the diagram types where they are keywords. */
const INTERACTIONS: { pattern: RegExp; applies: (type: string) => boolean; message: string }[] = [
  {
    pattern: /(^|;)([^\S\r\n]*)click[^\S\r\n]+[^\s;]/gm,
    applies: (type) => CLICK_TYPES.test(type),
    message: 'A `click` statement makes part of the diagram run a script or open an address when clicked; the site draws diagrams without interaction. Remove it, and link the page the reader needs from the text around the diagram.',
  },
  {
    pattern: /(^)([^\S\r\n]*)(?:link|callback)[^\S\r\n]+\w/gm,
    applies: (type) => type === 'classDiagram',
    message: 'A `link` or `callback` statement makes a class open an address or run a script when clicked; the site draws diagrams without interaction. Remove it, and link the page the reader needs from the text around the diagram.',
  },
  {
    pattern: /(^)([^\S\r\n]*)links?[^\S\r\n]+[^\r\n:]*:/gm,
    applies: (type) => type === 'sequence',
    message: 'A `link` or `links` statement adds a menu of addresses to an actor; the site draws diagrams without interaction. Remove it, and link the pages the reader needs from the text around the diagram.',
  },
  {
    pattern: /(^)([^\S\r\n]*)(?:properties|details)[^\S\r\n]+[^\r\n:]*:/gm,
    applies: (type) => type === 'sequence',
    message: 'A `properties` or `details` statement gives an actor a menu of addresses or an icon (a picture loaded from an address), from JSON or from an element of the page; the site draws diagrams without interaction. Remove it, and link the pages the reader needs from the text around the diagram.',
  },
  {
    pattern: /()()\$link\s*=/g,
    applies: (type) => type === 'c4',
    message: 'A `$link` makes a C4 element open an address when clicked; the site draws diagrams without interaction. Remove it, and link the page the reader needs from the text around the diagram.',
  },
];

function interactionParts(code: string, type: string | undefined, report: Reporter): void {
  for (const { pattern, applies, message } of INTERACTIONS) {
    if (type !== undefined && !applies(type)) continue;
    for (const match of code.matchAll(pattern)) report(match.index + match[1].length + match[2].length, 'interaction', message);
  }
}

// --- HTML in labels -----------------------------------------------------------------------------------------

/** A tag: `<name …>` or `</name>`, but not the `<<annotation>>` of class and state diagrams. */
const TAG = /(?<!<)<(\/?)([A-Za-z][\w:-]*)(?=[\s/>])([^<>]*)>/g;
const LOADS = /^(?:img|image|picture|source|video|audio|track|iframe|frame|object|embed|link|input|use|feimage)$/i;
const RUNS = /^(?:script|style|svg|foreignobject|math|template|meta|base|form|noscript|xmp)$/i;
const HANDLER = /(?:^|[\s/"'])(on\w+)\s*=/i;

function htmlParts(code: string, report: Reporter): void {
  for (const match of code.matchAll(TAG)) {
    const [, closing, name, attributes] = match;
    // A closing tag does nothing on its own; its opening tag is reported.
    if (closing) continue;
    if ((LABEL_TAGS as readonly string[]).includes(name.toLowerCase()) && /^\s*\/?$/.test(attributes)) continue;
    const tag = `<${name.toLowerCase()}>`;
    const handler = HANDLER.exec(attributes)?.[1];
    const why = handler
      ? `\`<${name.toLowerCase()} ${handler.toLowerCase()}=…>\`, an event handler that runs code when the reader’s pointer or keyboard reaches it`
      : LOADS.test(name)
        ? `\`${tag}\`, which can load content from an address outside the site`
        : RUNS.test(name)
          ? `\`${tag}\`, which can run code or restyle the page`
          : /^a$/i.test(name)
            ? '`<a>`, a link out of the diagram'
            : `the HTML tag \`${tag}\``;
    report(match.index, 'html', `The diagram’s text holds ${why}; the site draws labels as plain text. Remove the tag and write the label as text (only \`<br>\` is allowed, for a line break; Markdown strings give **bold** and *italic*).`);
  }
}

// --- Addresses ----------------------------------------------------------------------------------------------

function addressParts(code: string, report: Reporter): void {
  // Flowchart shape metadata: `id@{ img: "https://…" }` draws a picture from that address.
  for (const match of code.matchAll(/@\{([^{}]*)\}/g)) {
    const image = /(^|[\s,])(img)\s*:/.exec(match[1]);
    if (image) report(match.index + 2 + image.index + image[1].length, 'address', 'An image shape (`img:`) loads a picture from an address when the page is read, possibly outside the site. Use a named shape or an `icon:` instead.');
  }
  for (const match of code.matchAll(/\burl\(/gi)) {
    report(match.index, 'address', 'CSS `url(…)` in a style loads content from an address when the page is read, possibly outside the site. Use plain colours and strokes instead.');
  }
}
