// mdx-safety: content never runs code. Records arrive through pull requests from other organisations,
// and MDX can import modules and evaluate JavaScript at build time; this rule refuses all of that
// except components on the configured allow-list, used without expressions.
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { quote } from '../src/model/safe-text.ts';
import { z } from 'zod';
import { defineRule } from '../src/rule-kit/rule.ts';

const DANGEROUS_URL = /^\s*(javascript|vbscript|data\s*:\s*text\/html)\s*:?/i;
const EVENT_HANDLER = /^on[a-z]+$/i;
const RAW_SCRIPT = /<\s*(script|iframe|object|embed)\b|\bon[a-z]+\s*=|javascript:/i;

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
    criteria: ['K15', 'K28.1', 'K28.2'],
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
- \`javascript:\`, \`vbscript:\` and \`data:text/html\` URLs in links, images and attributes;
- raw HTML with scripts or handlers in plain \`.md\` files.

The site build runs this rule first and refuses to compile content that fails it.`,
    examples: {
      valid: [
        { title: 'plain Markdown with a disable comment', files: { 'organisations/beta.mdx': '---\ntitle: Beta Ltd\nkind: target\n---\n\n{/* seam-disable-next-line required-sections */}\n## Role in the integration\n\nThe acquired company, see [its site](https://example.com).\n' } },
      ],
      invalid: [
        {
          title: 'an import, an expression and an event handler',
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
          files: { 'docs/page.md': `---
title: A page
---

<script>alert(1)</script> <!-- ^ mdx-safety:1-26 Raw HTML with a script, frame or event handler is not allowed in content. Remove it; use Markdown instead. -->
` },
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
            } else if (typeof attribute.value === 'string' && DANGEROUS_URL.test(attribute.value)) {
              report({ message: `The attribute ${quote(attribute.name ?? '')} holds a script URL. Remove it.`, at });
            }
          }
          break;
        }
        case 'link':
        case 'image':
        case 'definition':
          if (node.url && DANGEROUS_URL.test(node.url)) report({ message: `The ${node.type === 'image' ? 'image' : 'link'} URL ${quote(node.url)} runs script when followed. Link to a page or document instead.`, at: { node } });
          break;
        case 'html':
          if (RAW_SCRIPT.test(node.value ?? '')) report({ message: 'Raw HTML with a script, frame or event handler is not allowed in content. Remove it; use Markdown instead.', at: { node } });
          break;
      }
    });
  },
});
