// `seam export pdf`: a record's page of the built site printed by the real Chromium as a sign-off pack
// (a cover page, then the record with its checks), read back with a PDF parser. The export obeys the
// audience like the site: it never prints from a site built for a wider audience than asked for, and a
// missing Chromium or site is a message with exit 2 and no file.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterAll, describe, expect, it } from 'vitest';
import { seam } from '../helpers/cli.ts';
import { EXAMPLE_CONTENT } from '../helpers/content.ts';
import { sharedSite } from './harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'seam-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const chromium = { SEAM_CHROMIUM: process.env.SEAM_CHROMIUM ?? '/usr/bin/chromium' };

async function pdfText(file: string): Promise<{ total: number; pages: string[] }> {
  const { readFileSync } = await import('node:fs');
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(file)) });
  try {
    const result = await parser.getText();
    return { total: result.total, pages: result.pages.map((p) => p.text) };
  } finally {
    await parser.destroy();
  }
}

describe('seam export pdf', () => {
  it('prints a record with a cover page, under a name derived from the record', { timeout: 180_000 }, async () => {
    const site = sharedSite().outDir;
    // The shared site is built for the confidential audience (every record), so the export is too.
    const run = await seam(['export', 'pdf', '--content', EXAMPLE_CONTENT, 'policy:integration-policy', '--site', site, '--audience', 'confidential'], { cwd: dir, env: { ...process.env, ...chromium } });
    expect(run.stderr).toMatch(/seam: wrote policy-integration-policy\.pdf \(.+, from .+\/\)\.\n$/);
    expect(run.code).toBe(0);
    const { total, pages } = await pdfText(join(dir, 'policy-integration-policy.pdf'));
    expect(total).toBeGreaterThanOrEqual(2);
    // The cover: the record's title, what it is, its classification and the edition.
    expect(pages[0]).toMatch(/Systems integration policy/i);
    expect(pages[0]).toMatch(/Classification: public/);
    // (Text read back from a PDF breaks long lines; compare it with its spacing folded.)
    const cover = pages[0]!.replace(/-\n/g, '-').replace(/\s+/g, ' ');
    expect(cover).toMatch(/Printed from the confidential edition of the site File: policies\/integration-policy\.mdx/);
    // Then the record itself, with its checks, and none of the site's navigation.
    const body = pages.slice(1).join('\n');
    expect(body).toMatch(/## Purpose|Purpose/);
    expect(body).toMatch(/passes all \d+ rules|Checks/i);
    expect(body).not.toMatch(/Skip to content/);
  });

  it('refuses to print from a site built for a wider audience than the export', async () => {
    const run = await seam(['export', 'pdf', '--content', EXAMPLE_CONTENT, 'policy:integration-policy', '--site', sharedSite().outDir, '--audience', 'internal', '--output', 'x.pdf'], { cwd: dir, env: { ...process.env, ...chromium } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/was built for the confidential audience, which is above this internal export.*SEAM_AUDIENCE=internal npm run build/);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });

  it('names a record the audience may not read as unknown', async () => {
    const run = await seam(['export', 'pdf', '--content', EXAMPLE_CONTENT, 'project:policy-admin-migration', '--site', sharedSite().outDir, '--audience', 'public'], { cwd: dir, env: { ...process.env, ...chromium } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"project:policy-admin-migration" is not a record the public audience may read\./);
  });

  it('says how to get Chromium when there is none, and writes nothing', async () => {
    const run = await seam(['export', 'pdf', '--content', EXAMPLE_CONTENT, 'policy:integration-policy', '--site', sharedSite().outDir, '--audience', 'confidential', '--output', 'y.pdf'], { cwd: dir, env: { ...process.env, SEAM_CHROMIUM: join(dir, 'no-chromium-here') } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^seam: exporting for the confidential audience .*\nseam: Printing a PDF needs Chromium, and none was found \(looked for .*no-chromium-here\)\. Install it \(Debian and Ubuntu: apt install chromium\) or set SEAM_CHROMIUM/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'y.pdf'))).toBe(false);
  });

  it('says when there is no built site', async () => {
    const run = await seam(['export', 'pdf', '--content', EXAMPLE_CONTENT, 'policy:integration-policy', '--site', join(dir, 'nowhere'), '--audience', 'internal'], { cwd: dir, env: { ...process.env, ...chromium } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/There is no built site in .*nowhere\/\. Build it first \(SEAM_AUDIENCE=internal npm run build\)/);
  });
});
