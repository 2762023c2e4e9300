// Bodies come from other organisations: rendering must never run them and never pass HTML through.
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/site/views/render.ts';

const mdx = (source: string) => renderBody(source, { format: 'mdx' }).html;
const md = (source: string) => renderBody(source, { format: 'md' }).html;

describe('renderBody', () => {
  it('renders Markdown with GFM tables and heading ids, and lists the headings', () => {
    const { html, headings } = renderBody('## Scope\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n## Scope\n', { format: 'mdx' });
    expect(html).toContain('<h2 id="scope">Scope</h2>');
    expect(html).toContain('<h2 id="scope-1">Scope</h2>');
    expect(html).toContain('<td>1</td>');
    expect(headings).toEqual([
      { depth: 2, slug: 'scope', text: 'Scope' },
      { depth: 2, slug: 'scope-1', text: 'Scope' },
    ]);
  });

  it('drops MDX imports, exports and expressions instead of running them', () => {
    const html = mdx("import X from './x.js'\nexport const leak = process.env\n\nTotal: {1 + 1} {/* note */}\n");
    expect(html).toBe('<p>Total:  </p>');
  });

  it('keeps the text of JSX elements but not the elements, and drops scripts entirely', () => {
    const html = mdx('<Aside type="caution">Mind the **gap**</Aside>\n\n<script>{alert(1)}</script>\n');
    expect(html).toBe('<p>Mind the <strong>gap</strong></p>');
  });

  it('drops raw HTML in Markdown files', () => {
    expect(md('<div onclick="steal()">hi</div>\n\nText <img src=x onerror=alert(1)>')).toBe('<p>Text </p>');
  });

  it('removes link and image targets with unsafe schemes', () => {
    expect(md('[a](javascript:alert(1)) [b](https://example.org) [c](../plan/)')).toBe(
      '<p><a>a</a> <a href="https://example.org">b</a> <a href="../plan/">c</a></p>',
    );
    expect(md('![x](data:image/svg+xml;base64,AAAA)')).toBe('<p><img alt="x"></p>');
  });

  it('turns Mermaid code blocks into escaped <pre class="mermaid">', () => {
    expect(mdx('```mermaid\nflowchart LR\n  a --> b</pre><script>\n```\n')).toBe(
      '<pre class="mermaid">flowchart LR\n  a --> b&#x3C;/pre>&#x3C;script></pre>',
    );
  });

  it('reports MDX syntax errors with a position in the body', () => {
    expect(() => mdx('Fine line.\n\nAn { unclosed brace\n')).toThrow(expect.objectContaining({ line: 3 }));
  });
});

describe('renderBody with resolveLink', () => {
  it('points links to content files at their pages', () => {
    const { html } = renderBody('See [the plan](plan.mdx) and [CRM](https://crm.example).', {
      format: 'md',
      resolveLink: (url) => (url === 'plan.mdx' ? '/projects/x/plan/' : undefined),
    });
    expect(html).toBe('<p>See <a href="/projects/x/plan/">the plan</a> and <a href="https://crm.example">CRM</a>.</p>');
  });

  it('renders a link to a record the build leaves out as its plain text', () => {
    const { html } = renderBody('See [the **secret** plan](plan.mdx "Plan") and [the charter](index.mdx).', {
      format: 'md',
      resolveLink: (url) => (url === 'plan.mdx' ? null : '/projects/x/'),
    });
    expect(html).toBe('<p>See the <strong>secret</strong> plan and <a href="/projects/x/">the charter</a>.</p>');
  });
});
