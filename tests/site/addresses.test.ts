// Every address a page or component writes goes through the one address module
// (src/model/site-address.ts), so a site built for a base path (`site.base: /repo/`) never links
// outside it. tests/e2e/base-path.test.ts checks a real build under a base; this catches a new
// hard-coded address in the source before any build.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/content.ts';

const FOLDERS = ['src/pages', 'src/components', 'src/site'];

/** Ways of writing a site path without the base: a root-relative attribute or property, or a record's page not passed through siteHref. */
const HARD_CODED = [
  /\b(?:href|src)=["']\/(?!\/)/g, // href="/policies/"
  /\b(?:href|src)=\{\s*`\/(?!\/)/g, // href={`/rules/${id}/`}
  /\b(?:href|src)=\{(?![^}]*siteHref\()[^}]*?['"`]\/(?!\/)/g, // href={primary ? '/coverage/' : other}
  /\b(?:href|src)=\{\s*(?:recordHref|pageHref|idHref|linkHref)\(/g, // href={recordHref(…)}
  /\b(?:href|src)\s*[:=]\s*(?:recordHref|pageHref|idHref|linkHref)\(/g, // href: recordHref(…)
  /\.(?:href|src)\s*=\s*['"`]\/(?!\/)/g, // script.src = '/pagefind/…'
  /\b(?:bundlePath|baseUrl)\s*:\s*['"`]\//g, // Pagefind's options
];

function sources(): string[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(join(REPO, folder), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(astro|ts)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name)),
  );
}

describe('addresses in the site\'s source', () => {
  it('are written with siteHref, never as a bare site path', () => {
    const files = sources();
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return HARD_CODED.flatMap((pattern) =>
        [...text.matchAll(pattern)].map((m) => `${relative(REPO, file)}:${text.slice(0, m.index).split('\n').length}: ${text.slice(m.index, m.index + 60).split('\n')[0]}`),
      );
    });
    expect(found).toEqual([]);
  });

  it('bites: the patterns find the forms they are meant to', () => {
    const samples = ['<a href="/rules/">', "<a href={primary ? '/coverage/' : `/coverage/#${id}`}>", '<a href={`/rules/${id}/`}>', '<a href={recordHref(t, id)}>', '{ href: recordHref(t, id) }', "script.src = '/pagefind/x.js'", "bundlePath: '/pagefind/'"];
    for (const sample of samples) expect(HARD_CODED.some((p) => new RegExp(p.source).test(sample)), sample).toBe(true);
    for (const fine of ['<a href={siteHref(\'/rules/\')}>', "<a href={siteHref(primary ? '/coverage/' : `/coverage/#${id}`)}>", '<a href={`#${s.id}`}>', '<a href="#checks">', '<a href="https://example.org/">', 'href: siteHref(recordHref(t, id))', "bundlePath: siteHref('/pagefind/')"]) {
      expect(HARD_CODED.some((p) => new RegExp(p.source).test(fine)), fine).toBe(false);
    }
  });
});
