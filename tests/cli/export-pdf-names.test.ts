// The parts of `seam export pdf` that need no browser: the file name a record gets, reading the audience
// a built page declares, and finding a page's file without leaving the site folder. The print itself is
// tested with the real Chromium in tests/e2e/export-pdf.test.ts.
import { describe, expect, it } from 'vitest';
import { pdfName } from '../../src/cli/export.ts';
import { builtAudience, findChromium, pageFile } from '../../src/export/pdf.ts';

describe('seam export pdf, without a browser', () => {
  it('names the file after the record, the same every time', () => {
    expect(pdfName('project:policy-admin-migration/signoff')).toBe('project-policy-admin-migration-signoff.pdf');
    expect(pdfName('policy:integration-policy')).toBe('policy-integration-policy.pdf');
    expect(pdfName('project:alpha/status/2026-06-12')).toBe('project-alpha-status-2026-06-12.pdf');
  });

  it('reads the audience a built page declares, and nothing else', () => {
    expect(builtAudience('<head><meta charset="utf-8"><meta name="seam:audience" content="internal"></head>')).toBe('internal');
    expect(builtAudience('<meta content="public" name="seam:audience">')).toBe('public');
    expect(builtAudience('<meta name="seam:audience" content="secret">')).toBeUndefined();
    expect(builtAudience('<p>seam:audience content="public"</p>')).toBeUndefined();
    expect(builtAudience('<html></html>')).toBeUndefined();
  });

  it('finds a page\'s file inside the site folder only', () => {
    expect(pageFile('/site', '/projects/alpha/plan/')).toBe('/site/projects/alpha/plan/index.html');
    expect(pageFile('/site', '/policies/x/#purpose')).toBe('/site/policies/x/index.html');
    expect(pageFile('/site', '/../etc/')).toBeUndefined();
    expect(pageFile('/site', '/%2e%2e/%2e%2e/etc/')).toBeUndefined();
  });

  it('takes SEAM_CHROMIUM as given, so a wrong path is reported rather than another browser used', () => {
    expect(findChromium({ SEAM_CHROMIUM: '/nowhere/chromium' })).toEqual({ tried: ['/nowhere/chromium'] });
  });
});
