// The author's reference in the handbook: one page per record type, generated from its schema, listing
// every field and the rules that read it, reachable from the sidebar.
import { describe, expect, it } from 'vitest';
import { openPage, sharedSite, useBrowser } from './harness.ts';

const browser = useBrowser();

describe('record type pages', () => {
  it('documents every field of the plan and links the rules that read it', async () => {
    const { page, errors } = await openPage(browser(), `${sharedSite().url}/`);
    await page.locator('nav a', { hasText: 'Record types' }).first().click();
    await page.waitForURL('**/record-types/');
    await page.locator('main a', { hasText: 'plan and budget' }).click();
    await page.waitForURL('**/record-types/plan/');
    const fields = await page.locator('main table tbody td:first-child code').allTextContents();
    for (const field of ['currency', 'budget[].line', 'budget[].actual', 'contingency', 'total', 'milestones[].dependsOn']) expect(fields).toContain(field);
    const currency = page.locator('main tr', { has: page.locator('td:first-child code', { hasText: /^currency$/ }) });
    await expect(currency.locator('td').nth(2).textContent()).resolves.toBe('yes');
    const rules = await page.locator('#rules + ul a').allTextContents();
    expect(rules).toEqual(expect.arrayContaining(['budget', 'schedule', 'schema']));
    expect(rules).not.toContain('plain-language');
    await page.locator('#rules + ul a', { hasText: 'budget' }).click();
    await page.waitForURL('**/rules/budget/');
    expect(errors).toEqual([]);
    await page.close();
  });
});
