// Site link integrity: every internal href and src in the built HTML resolves to a file in the build,
// and every same-site #fragment to an element id on the target page.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { allFiles, sharedSite } from './harness.ts';

const ATTRIBUTES: Record<string, string[]> = { a: ['href'], link: ['href'], script: ['src'], img: ['src'], source: ['src'], iframe: ['src'] };

function parse(file: string): Root {
  return fromHtml(readFileSync(file, 'utf8'));
}

/** The build file an address serves, if any: `/x/` → x/index.html, `/x.css` → x.css. */
function target(outDir: string, pathname: string): string | undefined {
  const path = join(outDir, decodeURIComponent(pathname));
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  return existsSync(index) ? index : undefined;
}

describe('links in the built site', () => {
  it('resolve to files in the build, with existing anchors', () => {
    const { outDir } = sharedSite();
    const pages = allFiles(outDir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      let set = ids.get(file);
      if (!set) {
        set = new Set();
        visit(parse(file), 'element', (e: Element) => {
          if (typeof e.properties.id === 'string') set!.add(e.properties.id);
        });
        ids.set(file, set);
      }
      return set;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const pageUrl = new URL(`/${relative(outDir, page).split(sep).join('/').replace(/index\.html$/, '')}`, 'http://site.test');
      visit(parse(page), 'element', (e: Element) => {
        for (const attribute of ATTRIBUTES[e.tagName] ?? []) {
          const raw = e.properties[attribute === 'href' ? 'href' : 'src'];
          if (typeof raw !== 'string' || raw === '' || /^(mailto:|tel:|data:|javascript:)/i.test(raw)) continue;
          const url = new URL(raw, pageUrl);
          if (url.origin !== pageUrl.origin) continue; // external: only on request (seam links --external)
          checked++;
          const file = target(outDir, url.pathname);
          if (!file) {
            broken.push(`${relative(outDir, page)}: ${raw} (no such file)`);
            continue;
          }
          const fragment = decodeURIComponent(url.hash.slice(1));
          if (fragment && fragment !== '_top' && file.endsWith('.html') && !idsOf(file).has(fragment)) broken.push(`${relative(outDir, page)}: ${raw} (no element with id "${fragment}")`);
        }
      });
    }
    expect(checked).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });
});
