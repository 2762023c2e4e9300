// How a link written in content is read: its form, the site address it renders as, and the anchors
// the site gives headings — the one answer the linter and the site share.
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { headingAnchors } from '../../src/model/anchors.ts';
import { classifyLink, linkHref } from '../../src/model/links.ts';
import { pageHref } from '../../src/model/identity.ts';
import { parseBody } from '../../src/rule-kit/parse.ts';
import { renderBody } from '../../src/site/views/render.ts';

describe('classifyLink', () => {
  it.each([
    ['https://example.org/a', 'external'],
    ['mailto:team@example.org', 'external'],
    ['tel:+441234567890', 'external'],
    ['//cdn.example.org/x.svg', 'external'],
    ['javascript:alert(1)', 'script'],
    ['#scope', 'fragment'],
    ['?tab=2', 'fragment'],
    ['../systems/crm.mdx#purpose', 'path'],
    ['/systems/crm/', 'site'],
    ['system:crm', 'id'],
    ['../../../etc/passwd', 'invalid'],
    ['/../../etc/passwd', 'invalid'],
    ['..%2F..%2F..%2Fetc%2Fpasswd', 'invalid'],
    ['..\\..\\..\\etc\\passwd', 'invalid'],
    ['C:\\Windows\\win.ini', 'invalid'],
    ['file:///etc/passwd', 'invalid'],
    ['\\\\server\\share', 'invalid'],
    ['ftp://example.org/x', 'invalid'],
    ['%E0%A4%A', 'invalid'],
    ['', 'invalid'],
  ])('%s is %s', (url, kind) => {
    expect(classifyLink('docs/guide.mdx', url).kind).toBe(kind);
  });

  it('resolves paths against the file and decodes them', () => {
    expect(classifyLink('projects/alpha/index.mdx', '../beta/plan.mdx#Budget%20lines')).toEqual({ kind: 'path', target: 'projects/beta/plan.mdx', anchor: 'Budget lines' });
    expect(classifyLink('projects/alpha/index.mdx', './')).toEqual({ kind: 'path', target: 'projects/alpha/' });
    expect(classifyLink('projects/alpha/index.mdx', 'project:alpha/status/2026-05-01#summary')).toEqual({ kind: 'id', scheme: 'project', id: 'alpha/status/2026-05-01', anchor: 'summary' });
  });

  it('suggests the id scheme an author meant', () => {
    expect(classifyLink('docs/a.mdx', 'systems:crm')).toMatchObject({ message: 'Unknown id scheme "systems:" in "systems:crm". Did you mean "system:crm"?' });
    expect(classifyLink('docs/a.mdx', 'organization:acme')).toMatchObject({ message: /Did you mean "organisation:acme"\?$/ });
  });
});

describe('linkHref (the address the site renders)', () => {
  it.each([
    ['projects/pam/plan.mdx', 'changes/cr-001.mdx', '/projects/pam/changes/cr-001/'],
    ['projects/pam/index.mdx', '../../systems/crm.mdx#interfaces', '/systems/crm/#interfaces'],
    ['projects/pam/index.mdx', '../../systems/crm#interfaces', '/systems/crm/#interfaces'],
    ['projects/pam/index.mdx', '../claims/index.mdx', '/projects/claims/'],
    ['projects/pam/index.mdx', '../claims/', '/projects/claims/'],
    ['projects/pam/index.mdx', '../claims', '/projects/claims/'],
    ['docs/how-to-author.mdx', 'glossary.mdx', '/handbook/glossary/'],
    ['docs/how-to-author.mdx', 'index.mdx', '/handbook/'],
    ['policies/a.mdx', '../standards/eskitp5045.yaml', '/standard/'],
    ['docs/a.mdx', 'system:crm', '/systems/crm/'],
    ['docs/a.mdx', 'policy:integration-policy#scope', '/policies/integration-policy/#scope'],
    ['docs/a.mdx', 'organisation:acme', '/organisations/acme/'],
    ['docs/a.mdx', 'provider:bridgeworks', '/providers/bridgeworks/'],
    ['docs/a.mdx', 'project:alpha', '/projects/alpha/'],
    ['docs/a.mdx', 'project:alpha/status/2026-05-01#summary', '/projects/alpha/status/2026-05-01/#summary'],
    ['docs/a.mdx', 'handbook:glossary', '/handbook/glossary/'],
    ['docs/a.mdx', 'handbook:index', '/handbook/'],
    ['docs/a.mdx', 'standard:eskitp5045', '/standard/'],
    ['docs/a.mdx', 'criterion:K25.8', '/standard/#k25-8'],
  ])('in %s, %s → %s', (from, url, href) => {
    expect(linkHref(from, url)).toBe(href);
  });

  it.each([['https://example.org/a.mdx'], ['#scope'], ['/policies/a/'], ['diagram.png'], ['../../../outside.mdx'], ['notes/not-a-record.mdx'], ['javascript:alert(1)'], ['systems:crm']])(
    'leaves %s as written',
    (url) => {
      expect(linkHref('projects/pam/index.mdx', url)).toBeUndefined();
    },
  );

  it('gives every content file the address of its page', () => {
    expect(pageHref('systems/crm.mdx')).toBe('/systems/crm/');
    expect(pageHref('docs/authoring/index.mdx')).toBe('/handbook/authoring/');
    expect(pageHref('projects/alpha/evaluations/bridgeworks-2026-q2.mdx')).toBe('/projects/alpha/evaluations/bridgeworks-2026-q2/');
    expect(pageHref('notes/todo.mdx')).toBeUndefined();
  });
});

describe('headingAnchors', () => {
  const body = [
    '## Scope',
    '## Scope',
    '## Security and *integrity*',
    '## The `crm` API: v2.0 (draft)',
    '## Café & más',
    '## Notes {/* reviewer: keep */}',
    '## <Badge>New</Badge> services',
    '## ![logo](x.svg) Brand',
    '### 3. Budget — lines',
  ].join('\n\nText.\n\n');

  it('gives each heading the anchor github-slugger gives it, numbering repeats', () => {
    const parsed = parseBody(body, 'docs/a.mdx');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(headingAnchors(parsed.tree as Root).map((h) => h.slug)).toEqual([
      'scope', 'scope-1', 'security-and-integrity', 'the-crm-api-v20-draft', 'café--más', 'notes', 'new-services', 'logo-brand', '3-budget--lines',
    ]);
  });

  it('agrees with the ids the site renders', () => {
    for (const format of ['md', 'mdx'] as const) {
      const text = format === 'md' ? body.replace(/\{\/\*.*?\*\/\}|<\/?Badge>/g, '') : body;
      const parsed = parseBody(text, `docs/a.${format}`);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const site = renderBody(text, { format }).headings.map((h) => h.slug);
      expect(headingAnchors(parsed.tree as Root).map((h) => h.slug)).toEqual(site);
    }
  });
});
