// mermaid: every Mermaid block parses with the Mermaid version the site renders with, and stays strict:
// no settings outside the allow-list, no click handlers or links, no HTML or outside addresses in it.
// Each finding is at its line and column in the MDX file, not the diagram's own line numbers.
import { z } from 'zod';
import { defineRule } from '../src/rule-kit/rule.ts';
import { charterWithDiagram } from './examples/charter.ts';
import { diagramsOf, prepareDiagrams } from '../src/rule-kit/diagrams.ts';
import { unsafeParts } from '../src/model/mermaid-safety.ts';


export default defineRule({
  meta: {
    id: 'mermaid',
    description: 'Every Mermaid diagram parses and stays strict: no loosened settings, click handlers, HTML or outside addresses.',
    appliesTo: '*',
    readsAcross: [],
    criteria: ['P8', 'K28.2'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `Architecture and process diagrams are written as fenced \`mermaid\` code blocks and drawn in the
reader's browser. A diagram with a syntax error shows as an error box on the site, so this rule parses
every block with the same Mermaid version the site uses (all diagram types: flowchart, sequence, class,
state, ER, C4, gantt, architecture, timeline, mindmap, xychart, …) and reports the first error at its
line and column in the file, with Mermaid's message made readable. It parses as the reader's browser
does, with Mermaid's browser build in a page of its own, so whatever the site can draw passes: coloured
sequence boxes (\`box Purple Alice & John\`), notes, themes, class definitions, subgraphs and the rest.

A diagram longer than 50,000 characters, or drawing more than 500 connections (flowchart edges, C4
relationships, architecture edges, the relations, transitions and links of class, state, ER, block and
requirement diagrams), is refused, not checked, at its first line or at the first connection past 500:
Mermaid draws no longer diagram and no flowchart with more edges, and its parser slows down with every
connection. Split such a diagram into smaller ones.

Diagrams also stay strict. Records arrive from other organisations, and the people who read the site
never saw the pull request, so a diagram may not run code, link out or load anything when the page is
read. The rule reports, each where it is written:

- **Settings outside the allow-list**, in a \`%%{init: …}%%\` directive or in the diagram's front matter
  (\`---\` / \`config:\` / \`---\` at its top). A diagram may set \`theme\`, \`look\`, \`layout\`,
  \`handDrawnSeed\`, \`darkMode\`, \`wrap\`, \`fontSize\`, \`markdownAutoWrap\`, \`themeVariables\`, and the
  layout options of a diagram type (\`flowchart: {curve: basis}\`, \`sequence\`, \`gantt\`, \`er\`, \`treemap\`,
  \`elk\`…), each to a plain value: a number, true/false, or text of letters, digits, spaces and \`_ . , # % + - $\`
  (colours as \`#hex\` or \`rgb(…)\`). Only the site sets \`securityLevel\`, \`secure\`, \`startOnLoad\`,
  \`maxTextSize\`, \`maxEdges\`, \`suppressErrorRendering\`, \`htmlLabels\`, \`dompurifyConfig\`, \`themeCSS\`,
  \`fontFamily\`, \`altFontFamily\`, \`arrowMarkerAbsolute\`, \`logLevel\`, \`legacyMathML\`,
  \`forceLegacyMathML\`, \`deterministicIds\` and \`deterministicIDSeed\`, at any depth.
- **Interaction**: \`click\` statements in any form (callbacks, \`call\`, \`href\`, plain links), a class
  diagram's \`link\` and \`callback\`, a sequence diagram's \`link\`, \`links\`, \`properties\` and \`details\`
  (actor menus, and icons loaded from an address), a C4 element's \`$link\`.
  Link the pages a reader needs from the text around the diagram instead.
- **HTML in the diagram's text**: any tag except \`<br>\` (\`<br/>\`, \`<br />\`, no attributes), which
  Mermaid reads as a line break and draws as one. \`<img>\`, \`<iframe>\`, \`<script>\`, \`<style>\`, \`<svg>\`,
  \`<foreignObject>\`, \`<a>\`, event handlers (\`onclick=\`…) and every other tag are reported. Use a
  Markdown string (\`\` "\`**bold** and *italic*\`" \`\`) for emphasis.
- **Outside addresses**: an image shape (\`id@{ img: "…" }\`) and CSS \`url(…)\` in a \`style\`,
  \`classDef\` or \`linkStyle\`.

The site enforces the same definition whatever the diagram says: it draws every diagram with
\`securityLevel: 'strict'\`, labels as SVG text rather than HTML, a sanitiser that keeps only \`<br>\`, and
Mermaid's \`secure\` list set to the keys above, so no directive can loosen them; and it does not draw a
diagram this rule would report, showing its source as text instead. The check reads each diagram once
(its time grows with the diagram's length, not faster).`,
    examples: {
      valid: [
        { title: 'a flowchart and a sequence diagram', files: { 'projects/alpha/index.mdx': charterWithDiagram('flowchart LR\n  crm[Acme CRM] --> billing[Beta Billing]\n```\n\n```mermaid\nsequenceDiagram\n  crm->>billing: nightly accounts file') } },
        {
          title: 'a theme, layout options and line breaks in labels',
          files: { 'projects/alpha/index.mdx': charterWithDiagram('%%{init: {"theme": "neutral", "flowchart": {"curve": "basis", "nodeSpacing": 40}}}%%\nflowchart LR\n  crm[Acme CRM<br>sales] --> billing["Beta Billing<br/>invoices"]') },
        },
        {
          title: 'a sequence diagram with coloured boxes and notes',
          files: { 'projects/alpha/index.mdx': charterWithDiagram('sequenceDiagram\n  box Purple Sales\n    participant crm as Acme CRM\n  end\n  box rgb(230, 240, 255) Finance\n    participant billing as Beta Billing\n  end\n  crm->>billing: nightly accounts file\n  Note over crm,billing: SFTP, PGP-signed') },
        },
        {
          title: 'front matter config from the allow-list',
          files: { 'projects/alpha/index.mdx': charterWithDiagram('---\ntitle: Billing flow\nconfig:\n  look: handDrawn\n  themeVariables:\n    primaryColor: "#e8f0fe"\n    lineColor: rgb(60, 60, 60)\n---\nflowchart LR\n  crm[Acme CRM] --> billing[Beta Billing]') },
        },
      ],
      invalid: [
        {
          title: 'an edge with no target',
          criteria: ['P8'],
          files: { 'projects/alpha/index.mdx': charterWithDiagram('flowchart LR\n  crm[Acme CRM] -->\n  billing[Beta Billing]\n  crm --> ') },
          expect: [{ file: 'projects/alpha/index.mdx', line: 39, column: 10, message: /^The Mermaid diagram does not parse: / }],
        },
        {
          title: 'an unknown diagram type',
          criteria: ['P8'],
          files: { 'projects/alpha/index.mdx': charterWithDiagram(`flowchat LR %% ^ mermaid:1 /^The Mermaid diagram does not parse: .*flowchat/
  crm --> billing`) },
        },
        {
          title: 'an init directive that loosens security',
          criteria: ['K28.2'],
          files: { 'projects/alpha/index.mdx': charterWithDiagram(`%%{init: {"securityLevel": "loose", "theme": "neutral"}}%% %% ^ mermaid:11 The diagram’s init directive sets \`securityLevel\`, which only the site sets: it draws every diagram with strict security, plain-text labels and its own fonts. Remove \`securityLevel\`.
flowchart LR
  crm[Acme CRM] --> billing[Beta Billing]`) },
        },
        {
          title: 'front matter config outside the allow-list',
          criteria: ['K28.2'],
          files: { 'projects/alpha/index.mdx': charterWithDiagram(`---
config:
  theme: neutral
  flowchart:
    htmlLabels: true # ^ mermaid:5 The diagram’s front matter config sets \`flowchart.htmlLabels\`, which only the site sets: it draws every diagram with strict security, plain-text labels and its own fonts. Remove \`htmlLabels\`.
  themeCSS: ".node rect { fill: red }" # ^ mermaid:3 The diagram’s front matter config sets \`themeCSS\`, which only the site sets: it draws every diagram with strict security, plain-text labels and its own fonts. Remove \`themeCSS\`.
  maxTextSize: 900000 # ^ mermaid:3 The diagram’s front matter config sets \`maxTextSize\`, which only the site sets: it draws every diagram with strict security, plain-text labels and its own fonts. Remove \`maxTextSize\`.
---
flowchart LR
  crm[Acme CRM] --> billing[Beta Billing]`) },
        },
        {
          title: 'click callbacks and links',
          criteria: ['K28.2'],
          files: { 'projects/alpha/index.mdx': charterWithDiagram(`flowchart LR
  crm[Acme CRM] --> billing[Beta Billing]
  click crm callback %% ^ mermaid:3 A \`click\` statement makes part of the diagram run a script or open an address when clicked; the site draws diagrams without interaction. Remove it, and link the page the reader needs from the text around the diagram.
  click billing href "javascript:alert(1)" %% ^ mermaid:3 A \`click\` statement makes part of the diagram run a script or open an address when clicked; the site draws diagrams without interaction. Remove it, and link the page the reader needs from the text around the diagram.`) },
        },
        {
          title: 'an image and an event handler in labels',
          criteria: ['K28.2'],
          files: { 'projects/alpha/index.mdx': charterWithDiagram(`flowchart LR
  crm["<img src=https://tracker.example/p.png> Acme CRM"] --> billing["<span onmouseover=alert(1)>Beta Billing</span>"] %% ^ mermaid:8 The diagram’s text holds \`<img>\`, which can load content from an address outside the site; the site draws labels as plain text. Remove the tag and write the label as text (only \`<br>\` is allowed, for a line break; Markdown strings give **bold** and *italic*). %% ^ mermaid:72 The diagram’s text holds \`<span onmouseover=…>\`, an event handler that runs code when the reader’s pointer or keyboard reaches it; the site draws labels as plain text. Remove the tag and write the label as text (only \`<br>\` is allowed, for a line break; Markdown strings give **bold** and *italic*).`) },
        },
      ],
    },
  },
  prepare: prepareDiagrams,
  check({ graph, file, report }) {
    for (const diagram of diagramsOf(graph, file)) {
      if (!diagram.parse.ok) report({ message: `The Mermaid diagram does not parse: ${diagram.parse.message}`, at: diagram.toFile(diagram.parse) });
      // A diagram refused for its length is not scanned either: that is what refused, not checked, means.
      if (!diagram.parse.ok && diagram.parse.refused) continue;
      const type = diagram.parse.ok ? diagram.parse.type : undefined;
      for (const part of unsafeParts(diagram.node.value, type)) report({ message: part.message, at: diagram.toFile(part) });
    }
  },
});
