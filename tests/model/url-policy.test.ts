// The one URL policy, case by case: what the links rule, mdx-safety and the renderer each ask.
import { describe, expect, it } from 'vitest';
import { classifyLink } from '../../src/model/links.ts';
import { isSafeUrl, isScriptUrl, schemeOf } from '../../src/model/url-policy.ts';
import { renderBody } from '../../src/site/views/render.ts';

describe('the URL policy', () => {
  it.each([
    // [url, script?, safe link?, safe image?]
    ['../policies/integration-policy/', false, true, true],
    ['javascript-style-guide.mdx', false, true, true],
    ['#scope', false, true, true],
    ['https://example.org', false, true, true],
    ['mailto:someone@example.org', false, true, false],
    ['javascript:alert(1)', true, false, false],
    ['JavaScript:alert(1)', true, false, false],
    ['java\tscript:alert(1)', true, false, false],
    [' \u0001javascript:alert(1)', true, false, false],
    ['vbscript:msgbox', true, false, false],
    ['data:text/html,<script>', true, false, false],
    ['data:image/svg+xml;base64,PHN2Zz4=', true, false, false],
    ['file:///etc/passwd', false, false, false],
  ] as const)('%j: script %s, link %s, image %s', (url, script, link, image) => {
    expect(isScriptUrl(url)).toBe(script);
    expect(isSafeUrl(url, 'link')).toBe(link);
    expect(isSafeUrl(url, 'image')).toBe(image);
  });

  it('reads a scheme as a browser does', () => {
    expect(schemeOf('HTTPS://x')).toBe('https');
    expect(schemeOf('j\na\rv\ta script:x')).toBe('javascript');
    expect(schemeOf('no-scheme/here.md')).toBeUndefined();
  });

  it('is what the links rule and the renderer decide with', () => {
    expect(classifyLink('docs/a.mdx', 'javascript-style-guide.mdx')).toEqual({ kind: 'path', target: 'docs/javascript-style-guide.mdx' });
    expect(classifyLink('docs/a.mdx', 'java\tscript:alert(1)')).toEqual({ kind: 'script' });
    const { html } = renderBody('[guide](javascript-style-guide.mdx) [x](java&#x09;script:alert(1)) ![i](data:image/png;base64,AA)', { format: 'md' });
    expect(html).toContain('href="javascript-style-guide.mdx"');
    expect(html).not.toMatch(/javascript:|data:image/);
    // Whatever the disguise, no address the page keeps is one a browser would run as script.
    const kept = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&#x([\da-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.filter(isScriptUrl)).toEqual([]);
  });
});
