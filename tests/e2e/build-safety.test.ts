// What a build does with bad input: content that would run code is refused before anything is loaded,
// with file:line:column and no stack trace; and a build that fails, for any reason at any point, leaves
// the previous site exactly where and as it was (the new one is built beside it and swapped in only
// when complete; audience.test.ts shows a good build replacing a previous site completely).
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempContent } from '../helpers/content.ts';
import { allFiles, buildSite, EXAMPLE_CONTENT, sharedSite } from './harness.ts';

const cleanup: string[] = [];
afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A folder holding a copy of the shared (good) site as `site/`, standing in for last time's dist/. */
function previousSite(): { parent: string; site: string } {
  const parent = mkdtempSync(join(tmpdir(), 'seam-previous-'));
  cleanup.push(parent);
  const site = join(parent, 'site');
  cpSync(sharedSite().outDir, site, { recursive: true });
  return { parent, site };
}

/** Every file of a folder with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(allFiles(dir).map((file) => [relative(dir, file), createHash('sha1').update(readFileSync(file)).digest('hex')]));
}

function contentWith(files: Record<string, string>): string {
  const dir = tempContent(EXAMPLE_CONTENT, files);
  cleanup.push(dir);
  return dir;
}

const HARBOUR = 'organisations/harbour-mutual.mdx';
const harbour = readFileSync(join(EXAMPLE_CONTENT, HARBOUR), 'utf8');
const lineCount = harbour.split('\n').length;

describe('content that would run code', () => {
  it('is refused before any record is loaded, with file:line:column and no stack trace', { timeout: 120_000 }, async () => {
    const content = contentWith({
      // The disable comment must not help: content cannot switch the build's safety check off.
      [HARBOUR]: `${harbour}\nimport Evil from "./evil.js"\n\n{/* seam-disable-next-line mdx-safety */}\nWorth {globalThis.process.exit(7)} millions.\n`,
    });
    const { site, parent } = previousSite();
    const before = snapshot(site);
    const built = await buildSite({ content, outDir: site });

    expect(built.status, built.output).not.toBe(0);
    expect(built.status).not.toBe(7);
    const file = join(content, HARBOUR);
    expect(built.output).toContain(`${file}:${lineCount + 1}:1: An import/export statement runs code when the site is built`);
    expect(built.output).toContain(`${file}:${lineCount + 4}:7: A JavaScript expression "{globalThis.process.exit(7)}" runs code at build time`);
    expect(built.output).toMatch(/2 problems\), so nothing was built/);
    expect(built.output).not.toMatch(/^\s+at /m);
    expect(built.output).not.toContain('Stack trace');
    // Refused at configuration time: no collection was synced, no page rendered.
    expect(built.output).not.toMatch(/Synced content|generating static routes/i);
    expect(snapshot(site)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['site']);
  });
});

describe('a build for an audience that does not exist', () => {
  it('stops at once, saying which audiences there are', { timeout: 120_000 }, async () => {
    const { site } = previousSite();
    const before = snapshot(site);
    const built = await buildSite({ outDir: site, audience: 'partners' });
    expect(built.status, built.output).not.toBe(0);
    expect(built.output).toContain('SEAM_AUDIENCE is "partners"; it must be one of: public, internal, confidential (or unset, to use site.audience in seam.config.yaml, else public).');
    expect(built.output).not.toMatch(/^\s+at /m);
    expect(snapshot(site)).toEqual(before);
  });
});

describe('a failed build', () => {
  it('leaves the previous site as it was when content is broken', { timeout: 180_000 }, async () => {
    const content = contentWith({ [HARBOUR]: harbour.replace(/^title: .*$/m, 'title: [unclosed') });
    const { site, parent } = previousSite();
    const before = snapshot(site);
    const built = await buildSite({ content, outDir: site });

    expect(built.status, built.output).not.toBe(0);
    expect(built.output).toMatch(/organisations\/harbour-mutual\.mdx:\d+:\d+: /);
    expect(built.output).toContain('the build failed, so');
    expect(snapshot(site)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['site']);
  });

  it('leaves the previous site as it was when it stops while writing pages', { timeout: 180_000 }, async () => {
    const { site, parent } = previousSite();
    const before = snapshot(site);
    let stopped = false;
    const built = await buildSite({
      outDir: site,
      onOutput: (text, stop) => {
        // Astro has emptied its output folder and is writing pages: the worst moment to fail.
        if (!stopped && /generating static routes|\.html \(\+\d+ms\)/.test(text)) {
          stopped = true;
          stop();
        }
      },
    });

    expect(stopped, built.output).toBe(true);
    expect(built.status).not.toBe(0);
    expect(snapshot(site)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['site']);
  });
});
