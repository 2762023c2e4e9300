// The contracts a system page shows: linked only to what the build publishes, test evidence in a
// record the audience may not read named "a restricted record", and a spec's operations only when valid.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/model/interfaces.ts';
import type { System } from '../../src/model/schemas.ts';
import { contractViews } from '../../src/site/views/contracts.ts';

const root = mkdtempSync(join(tmpdir(), 'seam-contracts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const contract = (extra: Record<string, unknown>) => ({
  owner: 'acme', direction: 'both' as const, dataClasses: ['personal' as const], standard: 'interface-standard', lifecycle: 'live' as const,
  sla: { availability: '99.9%', latency: 'p95 < 500 ms', volumes: '10 a second', recovery: 'RTO 1 hour' }, ...extra,
});

describe('contractViews', () => {
  it('links what is published and hides what is not', async () => {
    const data = {
      interfaces: [
        'billing',
        { id: 'a', system: 'billing', protocol: 'REST', contract: contract({ testEvidence: 'project:secret/status/2026-01-01' }) },
        { id: 'b', system: 'hidden', protocol: 'REST', contract: contract({ testEvidence: 'https://tests.example/b' }) },
      ],
    } as unknown as Pick<System, 'interfaces'>;
    const published = {
      title: (type: string, id: string) => ({ 'systems:crm': 'Acme CRM', 'systems:billing': 'Billing', 'organisations:acme': 'Acme' } as Record<string, string>)[`${type}:${id}`],
      projectRecord: () => undefined,
    };
    const views = await contractViews('crm', 'systems/crm.mdx', data, published, (file) => loadSpec(root, file));
    expect(views.map((v) => v.id)).toEqual(['a', 'b']);
    expect(views[0]).toMatchObject({ anchor: 'interface-a', provider: { text: 'Acme CRM', href: '/systems/crm/' }, consumer: { text: 'Billing', href: '/systems/billing/' }, owner: { text: 'Acme', href: '/organisations/acme/' }, standard: { text: 'interface-standard' }, personal: true, direction: 'both ways' });
    expect(views[0]!.testEvidence).toEqual({ text: 'a restricted record' });
    expect(views[1]!.consumer).toEqual({ text: 'hidden' });
    expect(views[1]!.testEvidence).toEqual({ text: 'https://tests.example/b', href: 'https://tests.example/b' });
  });

  it('lists a valid spec\'s operations and none of an invalid one', async () => {
    writeFileSync(join(root, 'ok.yaml'), 'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\npaths:\n  /x:\n    get:\n      summary: "<b>bold</b>"\n      responses:\n        "200":\n          description: ok\n');
    writeFileSync(join(root, 'bad.yaml'), 'openapi: 3.0.3\npaths:\n  /x:\n    get:\n      summary: s\n');
    const data = { interfaces: [
      { id: 'ok', system: 'b', protocol: 'REST', contract: contract({ spec: '../ok.yaml' }) },
      { id: 'bad', system: 'b', protocol: 'REST', contract: contract({ spec: '../bad.yaml' }) },
    ] } as unknown as Pick<System, 'interfaces'>;
    const views = await contractViews('crm', 'systems/crm.mdx', data, { title: () => undefined, projectRecord: () => undefined }, (file) => loadSpec(root, file));
    expect(views[0]!.spec).toMatchObject({ file: '../ok.yaml', title: 'T', version: '1', problems: [], operations: [{ method: 'GET', path: '/x', summary: '<b>bold</b>' }] });
    expect(views[1]!.spec!.operations).toEqual([]);
    expect(views[1]!.spec!.problems[0]).toMatch(/^is not valid OpenAPI/);
  });
});
