// The one address module: the base path a project site is served under is checked once (in the
// config), and every address the site writes gets it from withBase/siteHref, never twice and never
// for an address that is not a site path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/model/config.ts';
import { BASE_PATTERN, baseProblem, SITE_BASE, siteHref, withBase, withoutBase } from '../../src/model/site-address.ts';
import { builtBase } from '../../src/export/pdf.ts';
import configSchema from '../../schemas/seam.config.schema.json' with { type: 'json' };

describe('baseProblem', () => {
  it.each(['/', '/repo/', '/docs/v2/', '/my-org.site_1~x/'])('accepts %s', (base) => {
    expect(baseProblem(base)).toBeUndefined();
  });

  it.each([
    ['repo/', /starts and ends with "\/"/],
    ['/repo', /starts and ends with "\/"/],
    ['', /starts and ends with "\/"/],
    ['/a b/', /only letters, digits/],
    ['/r%C3%A9po/', /only letters, digits/],
    ['/repo?x=1/', /only letters, digits/],
    ['/a\\b/', /only letters, digits/],
    ['/../', /no empty, "\." or "\.\." segment/],
    ['/repo/../x/', /no empty, "\." or "\.\." segment/],
    ['/./', /no empty, "\." or "\.\." segment/],
    ['//', /no empty/],
    ['//evil.example/', /no empty/],
  ])('refuses %j', (base, message) => {
    expect(baseProblem(base)).toMatch(message);
  });
});

describe('BASE_PATTERN (the config JSON Schema\'s site.base pattern)', () => {
  /** Every string of exactly `length` characters drawn from `alphabet`. */
  function strings(alphabet: string[], length: number): string[] {
    let all = [''];
    for (let i = 0; i < length; i++) all = all.flatMap((s) => alphabet.map((c) => s + c));
    return all;
  }

  it('accepts exactly what baseProblem accepts, for every string of up to six characters from / . a ~ % and a space', () => {
    const disagreements: string[] = [];
    let accepted = 0;
    for (let length = 0; length <= 6; length++) {
      for (const base of strings(['/', '.', 'a', '~', '%', ' '], length)) {
        const ok = baseProblem(base) === undefined;
        if (ok) accepted++;
        if (BASE_PATTERN.test(base) !== ok) disagreements.push(base);
      }
    }
    expect(disagreements).toEqual([]);
    expect(accepted).toBeGreaterThan(50); // the alphabet reaches valid bases, not only refusals
  });

  it('is the pattern the published config schema gives site.base', () => {
    const site = (configSchema as { properties: { site: { properties: { base: { pattern?: string } } } } }).properties.site;
    expect(site.properties.base.pattern).toBe(BASE_PATTERN.source);
    expect(new RegExp(site.properties.base.pattern!).test('/repo/')).toBe(true);
    expect(new RegExp(site.properties.base.pattern!).test('/repo/../x/')).toBe(false);
  });
});

describe('withBase', () => {
  it('puts the base in front of a site path, once', () => {
    expect(withBase('/repo/', '/systems/crm/')).toBe('/repo/systems/crm/');
    expect(withBase('/repo/', '/')).toBe('/repo/');
    expect(withBase('/repo/', '/standard/#k25-8')).toBe('/repo/standard/#k25-8');
    expect(withBase('/repo/', '/pagefind/pagefind-ui.js')).toBe('/repo/pagefind/pagefind-ui.js');
    expect(withBase('/a/b/', '/x/')).toBe('/a/b/x/');
  });

  it('leaves the address alone at the host\'s root', () => {
    expect(withBase('/', '/systems/crm/')).toBe('/systems/crm/');
    expect(withBase('/', '/')).toBe('/');
  });

  it('takes a base with or without its trailing slash, as Astro hands it over', () => {
    expect(withBase('/repo', '/systems/')).toBe('/repo/systems/');
  });

  it.each(['#budget', '?q=x', 'plan/', '../x', 'https://example.org/', 'mailto:a@example.org', '//cdn.example/x.js', ''])('keeps %j as written: not a site path', (href) => {
    expect(withBase('/repo/', href)).toBe(href);
  });
});

describe('withoutBase', () => {
  it('gives the site path of an address inside the site, undefined outside', () => {
    expect(withoutBase('/repo/', '/repo/systems/crm/')).toBe('/systems/crm/');
    expect(withoutBase('/repo/', '/repo/')).toBe('/');
    expect(withoutBase('/repo/', '/repo')).toBe('/');
    expect(withoutBase('/repo/', '/other/x/')).toBeUndefined();
    expect(withoutBase('/repo/', '/repository/')).toBeUndefined();
    expect(withoutBase('/', '/x/')).toBe('/x/');
  });

  it('undoes withBase', () => {
    for (const path of ['/', '/systems/crm/', '/a/b.css']) expect(withoutBase('/repo/', withBase('/repo/', path))).toBe(path);
  });
});

describe('siteHref', () => {
  it('is the host\'s root outside a site build (the CLI, these tests)', () => {
    expect(SITE_BASE).toBe('/');
    expect(siteHref('/systems/crm/')).toBe('/systems/crm/');
  });
});

describe('site.base in seam.config.yaml', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const load = (yaml: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'seam-base-'));
    made.push(dir);
    writeFileSync(join(dir, 'seam.config.yaml'), yaml);
    return loadConfig(dir);
  };

  it('is unset by default (the host\'s root) and read when valid', () => {
    expect(load('content: content\n').config.site.base).toBeUndefined();
    expect(load('site:\n  url: https://org.github.io/repo/\n  base: /repo/\n').config.site.base).toBe('/repo/');
  });

  it('is reported at its line and column when it is not a base path', () => {
    const { problems, config } = load('site:\n  audience: public\n  base: repo\n');
    expect(problems.map((p) => [p.code, `${p.line}:${p.column}`, p.message])).toEqual([
      ['config', '3:9', '"site.base" must be a path that starts and ends with "/", e.g. /repo/ (or / for a site at the root of its host).'],
    ]);
    expect(config.site.base).toBeUndefined();
    expect(load('site:\n  base: /a/../b/\n').problems.map((p) => [`${p.line}:${p.column}`, p.message])).toEqual([
      ['2:9', expect.stringMatching(/^"site\.base" must name the folder the site is served from/)],
    ]);
  });
});

describe('builtBase', () => {
  it('reads the base path a built page says it was built for, / when it says nothing usable', () => {
    expect(builtBase('<head><meta name="seam:base" content="/repo/"></head>')).toBe('/repo/');
    expect(builtBase('<head><meta content="/a/b/" name="seam:base"></head>')).toBe('/a/b/');
    expect(builtBase('<head></head>')).toBe('/');
    expect(builtBase('<head><meta name="seam:base" content="//evil.example/"></head>')).toBe('/');
  });
});
