// mdx-safety: content never runs code. Records arrive through pull requests from other organisations,
// and MDX can import modules and evaluate JavaScript at build time; this rule refuses all of that
// except components on the configured allow-list, used without expressions.
import type { Node } from 'unist';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { isScriptUrl, URL_ATTRIBUTES } from '../src/model/url-policy.ts';
import { quote } from '../src/model/safe-text.ts';
import { z } from 'zod';
import { defineRule } from '../src/rule-kit/rule.ts';

const EVENT_HANDLER = /^on[a-z]+$/i;

/** Raw HTML elements never allowed, and why (in a reader's words). */
const REFUSED_ELEMENTS: Record<string, string> = {
  script: 'it runs code', iframe: 'it embeds another page', frame: 'it embeds another page', frameset: 'it embeds other pages',
  object: 'it embeds code', embed: 'it embeds code', applet: 'it embeds code', portal: 'it embeds another page',
  base: 'it redirects every link on the page', form: 'it can send readers\' input elsewhere',
  style: 'it restyles the page and can load outside content', link: 'it loads outside content into the page',
  meta: 'it can redirect or reconfigure the page', template: 'it hides markup that script can activate',
};

/** What is wrong with one piece of raw HTML (a Markdown `html` node), judged after the HTML is parsed. */
function rawHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (element: Element) => {
    const tag = element.tagName.toLowerCase();
    const why = REFUSED_ELEMENTS[tag];
    if (why) problems.push(`<${tag}> is not allowed in content: ${why}. Remove it; use Markdown instead.`);
    for (const [property, value] of Object.entries(element.properties)) {
      const name = propertyName(property);
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (EVENT_HANDLER.test(name)) problems.push(`The event handler attribute ${quote(name)} on <${tag}> runs script in readers' browsers. Remove it.`);
      else if (URL_ATTRIBUTES.has(name) && text.split(/,\s*/).some((candidate) => isScriptUrl(candidate.trim().split(/\s+/)[0] ?? ''))) {
        problems.push(`The attribute ${quote(name)} on <${tag}> holds a script or data URL. Remove it.`);
      } else if (name === 'style' && /url\s*\(|expression\s*\(/i.test(text)) problems.push(`The style on <${tag}> loads outside content (url(…)). Remove it.`);
    }
  });
  return problems;
}

/** hast's property name as written in HTML (`onClick` → `onclick`, `xLinkHref` → `xlink:href`). */
function propertyName(property: string): string {
  if (property === 'xLinkHref') return 'xlink:href';
  if (property === 'formAction') return 'formaction';
  return property.toLowerCase();
}

interface MdxNode extends Node {
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown; position?: Node['position'] }[];
  data?: { estree?: { body: unknown[] } };
}

/** An MDX expression that holds only comments, e.g. a `{/* seam-disable … *\/}` directive. */
function isCommentOnly(node: MdxNode): boolean {
  if (node.data?.estree) return node.data.estree.body.length === 0;
  return /^\s*(\/\*[\s\S]*?\*\/\s*)*$/.test(node.value ?? '');
}

export default defineRule({
  meta: {
    id: 'mdx-safety',
    description: 'No imports, exports, JavaScript expressions, scripts or event handlers in content.',
    appliesTo: '*',
    readsAcross: [],
    criteria: ['K28.1', 'K28.2'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `MDX is Markdown that can run code: \`import\`/\`export\` statements, \`{expressions}\`, and JSX
components with expression props are evaluated when the site is built. Seam's records come from other
organisations through pull requests, so the build must never run an author's code. This rule reports:

- \`import\` and \`export\` statements;
- JavaScript expressions in text or attributes (comment-only expressions such as Seam's
  \`{/* seam-disable … */}\` directives are allowed);
- JSX elements not on the \`components:\` allow-list in seam.config.yaml, and \`<script>\`, \`<iframe>\`,
  \`<object>\` and \`<embed>\` always;
- event-handler attributes (\`onClick\`, \`onload\`…);
- script and data URLs (\`javascript:\`, \`vbscript:\`, \`data:\`, however written: \`java&#x09;script:\`,
  \`&#106;avascript:\`) in links, images and attributes — judged by the one URL policy the \`links\` rule
  and the site's renderer also use (src/model/url-policy.ts), so a page named \`javascript-style-guide.mdx\`
  is an ordinary link;
- raw HTML in plain \`.md\` files, read as a browser reads it (character references decoded) — scripts,
  frames, \`<base>\`, \`<form>\`, \`<style>\`, \`<link>\`, \`<meta>\` (a refresh redirects the reader),
  event handlers, script or data URLs in any URL attribute, and styles that load \`url(…)\`.

The site build runs this rule first and refuses to compile content that fails it.`,
    examples: {
      valid: [
        { title: 'plain Markdown with a disable comment', files: { 'organisations/beta.mdx': '---\ntitle: Beta Ltd\nkind: target\n---\n\n{/* seam-disable-next-line required-sections */}\n## Role in the integration\n\nThe acquired company, see [its site](https://example.com).\n' } },
        {
          title: 'a page whose name starts with "javascript", linked and in harmless raw HTML',
          files: {
            'docs/javascript-style-guide.md': '---\ntitle: JavaScript style guide\n---\n\nUse semicolons.\n',
            'docs/page.md': '---\ntitle: A page\n---\n\nSee [the guide](javascript-style-guide.md).\n\n<a href="javascript-style-guide.md">the guide</a>, <abbr title="JavaScript">JS</abbr>\n',
          },
        },
      ],
      invalid: [
        {
          title: 'an import, an expression and an event handler',
          criteria: ['K28.2'],
          files: { 'organisations/beta.mdx': `---
title: Beta Ltd
kind: target
---

import Evil from "../../evil.js" {/* ^ mdx-safety:1-33 An import/export statement runs code when the site is built, so content may not contain one. Remove it; to show code, put it in a fenced code block. */}

## Role in the integration

The target, worth {1 + 1} millions. {/* ^ mdx-safety:19-26 A JavaScript expression "{1 + 1}" runs code at build time. Write the value as text; to show braces literally, escape them as \\{ and \\}. */}

<Chart onClick="steal()" /> {/* ^ mdx-safety:1-28 The component <Chart> is not on the allow-list ("components" in seam.config.yaml is empty). Remove it or ask a maintainer to allow it. */} {/* ^ mdx-safety:8-25 The event handler attribute "onClick" runs script in readers' browsers. Remove it. */}

[click](javascript:alert(1)) {/* ^ mdx-safety:1-29 The link URL "javascript:alert(1)" runs script when followed. Link to a page or document instead. */}
` },
        },
        {
          title: 'a script element in plain Markdown',
          criteria: ['K28.2'],
          files: { 'docs/page.md': `---
title: A page
---

<script>alert(1)</script> <!-- ^ mdx-safety:1-26 <script> is not allowed in content: it runs code. Remove it; use Markdown instead. -->
` },
        },
        {
          title: 'raw HTML that redirects, posts, restyles or hides a script URL behind character references',
          criteria: ['K28.1', 'K28.2'],
          files: { 'docs/page.md': '---\ntitle: A page\n---\n\n<base href="https://evil.example/">\n\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n\n<form action="https://evil.example/"><input name="q"></form>\n\n<a href="&#106;avascript:alert(1)">x</a> <img src="data:image/svg+xml;base64,PHN2Zz4=">\n\n<style>body{background:url(https://evil.example/t.png)}</style>\n' },
          expect: [
            { file: 'docs/page.md', line: 5, column: 1, message: '<base> is not allowed in content: it redirects every link on the page. Remove it; use Markdown instead.' },
            { file: 'docs/page.md', line: 7, column: 1, message: '<meta> is not allowed in content: it can redirect or reconfigure the page. Remove it; use Markdown instead.' },
            { file: 'docs/page.md', line: 9, column: 1, message: '<form> is not allowed in content: it can send readers\' input elsewhere. Remove it; use Markdown instead.' },
            { file: 'docs/page.md', line: 11, column: 1, message: 'The attribute "href" on <a> holds a script or data URL. Remove it.' },
            { file: 'docs/page.md', line: 11, column: 42, message: 'The attribute "src" on <img> holds a script or data URL. Remove it.' },
            { file: 'docs/page.md', line: 13, column: 1, message: '<style> is not allowed in content: it restyles the page and can load outside content. Remove it; use Markdown instead.' },
          ],
        },
      ],
    },
  },
  check({ tree, config, report }) {
    if (!tree) return;
    const allowed = new Set(config.components);
    visit(tree, (raw) => {
      const node = raw as MdxNode;
      switch (node.type) {
        case 'mdxjsEsm':
          report({ message: 'An import/export statement runs code when the site is built, so content may not contain one. Remove it; to show code, put it in a fenced code block.', at: { node } });
          break;
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          if (!isCommentOnly(node)) report({ message: `A JavaScript expression "{${(node.value ?? '').trim()}}" runs code at build time. Write the value as text; to show braces literally, escape them as \\{ and \\}.`, at: { node } });
          break;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const name = node.name ?? '';
          if (/^(script|iframe|object|embed)$/i.test(name)) {
            report({ message: `<${name}> is never allowed in content: it embeds or runs code. Remove it.`, at: { node } });
          } else if (!allowed.has(name)) {
            const list = allowed.size ? `Allowed: ${[...allowed].join(', ')}` : '"components" in seam.config.yaml is empty';
            report({ message: `The ${name ? `component <${name}>` : 'fragment <>'} is not on the allow-list (${list}). Remove it or ask a maintainer to allow it.`, at: { node } });
          }
          for (const attribute of node.attributes ?? []) {
            const at = { node: attribute.position ? attribute : node };
            if (attribute.type === 'mdxJsxExpressionAttribute') {
              report({ message: 'A spread attribute {…} runs code at build time. Write the attributes out as text values.', at });
            } else if (attribute.name && EVENT_HANDLER.test(attribute.name)) {
              report({ message: `The event handler attribute ${quote(attribute.name)} runs script in readers' browsers. Remove it.`, at });
            } else if (attribute.value && typeof attribute.value === 'object') {
              report({ message: `The attribute ${quote(attribute.name ?? '')} has an expression value, which runs code at build time. Use a quoted text value.`, at });
            } else if (typeof attribute.value === 'string' && isScriptUrl(attribute.value)) {
              report({ message: `The attribute ${quote(attribute.name ?? '')} holds a script URL. Remove it.`, at });
            }
          }
          break;
        }
        case 'link':
        case 'image':
        case 'definition':
          if (node.url && isScriptUrl(node.url)) report({ message: `The ${node.type === 'image' ? 'image' : 'link'} URL ${quote(node.url)} runs script when followed. Link to a page or document instead.`, at: { node } });
          break;
        case 'html':
          for (const message of rawHtmlProblems(node.value ?? '')) report({ message, at: { node } });
          break;
      }
    });
  },
});
