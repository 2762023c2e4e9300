// Accessibility: axe-core finds no serious or critical violation on the main kinds of page, in the
// light theme and in the dark one.
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { sharedSite, useBrowser } from './harness.ts';

const browser = useBrowser();

const PAGES = {
  home: '/',
  standard: '/standard/',
  policy: '/policies/integration-policy/',
  system: '/systems/integration-platform/',
  'project charter': '/projects/policy-admin-migration/',
  'status report': '/projects/policy-admin-migration/status/2026-11-13/',
  plan: '/projects/policy-admin-migration/plan/',
  stakeholders: '/projects/policy-admin-migration/stakeholders/',
  coverage: '/coverage/',
  rules: '/rules/',
  rule: '/rules/budget/',
  provider: '/providers/kestrel-data-migration/',
  lessons: '/lessons/',
};

describe('accessibility', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const [name, path] of Object.entries(PAGES)) {
      it(`${name} (${theme}) has no serious or critical axe violations`, async () => {
        // AxeBuilder needs a page in a context of its own.
        const context = await browser().newContext();
        const page = await context.newPage();
        await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
        await page.goto(`${sharedSite().url}${path}`, { waitUntil: 'networkidle' });
        await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.seam-mermaid')].every((d) => d.dataset.state !== 'loading'));
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`);
        expect(serious).toEqual([]);
        await context.close();
      });
    }
  }
});
