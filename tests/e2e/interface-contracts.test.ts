// Interface contracts on the site: the providing system's page shows each contract with its service
// levels and the operations of its OpenAPI file; the consuming system's page links to it; the author's
// handbook documents the contract's fields, generated from the schema.
import { describe, expect, it } from 'vitest';
import { openPage, sharedSite, useBrowser } from './harness.ts';

const browser = useBrowser();

describe('interface contracts', () => {
  it('shows the broker API contract with the operations from its OpenAPI file', async () => {
    const { page, errors } = await openPage(browser(), `${sharedSite().url}/systems/broker-portal/`);
    // The consumer's interfaces table links to the contract on the provider's page.
    await page.locator('#interfaces ~ .seam-table tr', { hasText: 'Integration platform' }).locator('a', { hasText: 'contract' }).click();
    await page.waitForURL('**/systems/integration-platform/#interface-broker-api');
    const contract = page.locator('section.seam-contract', { has: page.locator('h3#interface-broker-api') });
    await expect(contract.locator('h3').textContent()).resolves.toBe('broker-api: Integration platform to Broker and adviser portal');
    const facts = Object.fromEntries(await contract.locator('dl > div').evaluateAll((rows) => rows.map((r) => [r.querySelector('dt')!.textContent, r.querySelector('dd')!.textContent])));
    expect(facts).toMatchObject({
      Owner: 'Harbour Mutual',
      Availability: '99.9%, 07:00 to 22:00 UK time',
      Latency: 'p95 under 800 ms',
      Standard: 'Interface standard',
      Lifecycle: 'live',
      Specification: 'specs/broker-api.yaml (Harbour Mutual broker API, version 2.3.0)',
    });
    expect(facts['Data carried']).toBe('personal, commercial (personal data)');
    await expect(contract.locator('dt', { hasText: 'Owner' }).locator('xpath=following-sibling::dd[1]//a').getAttribute('href')).resolves.toBe('/organisations/harbour-mutual/');
    const rows = await contract.locator('table.seam-operations tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows).toEqual([
      ['POST', '/quotes', 'Ask for a protection quote'],
      ['GET', '/policies/{policyRef}', "Read a policy's cover, premium and status"],
      ['POST', '/policies/{policyRef}/servicing-requests', 'Raise a servicing request (change of address, cover, premium or beneficiary)'],
      ['GET', '/policies/{policyRef}/documents', "List the policy's schedules, endorsements and letters"],
    ]);
    // The page's contents list the contracts section.
    await expect(page.locator('a[href="#contracts"]').count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('links test evidence kept in a project record, and documents the contract in the handbook', async () => {
    const { page, errors } = await openPage(browser(), `${sharedSite().url}/systems/general-ledger/`);
    const evidence = page.locator('section.seam-contract dt', { hasText: 'Test evidence' }).locator('xpath=following-sibling::dd[1]//a');
    await expect(evidence.first().getAttribute('href')).resolves.toBe('/projects/finance-ledger-consolidation/signoff/');
    await page.goto(`${sharedSite().url}/record-types/systems/`);
    const section = page.locator('h2#interface-contract ~ table').first();
    const fields = await section.locator('tbody td:first-child code').allTextContents();
    expect(fields).toEqual(['owner', 'direction', 'dataClasses', 'sla', 'sla.availability', 'sla.latency', 'sla.volumes', 'sla.recovery', 'standard', 'lifecycle', 'testEvidence', 'spec']);
    const owner = section.locator('tr', { has: page.locator('td:first-child code', { hasText: /^owner$/ }) });
    await expect(owner.locator('td').nth(2).textContent()).resolves.toBe('yes');
    expect(errors).toEqual([]);
    await page.close();
  });
});
