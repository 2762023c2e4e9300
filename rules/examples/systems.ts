// The base example's CRM (systems/crm.mdx) for the examples of the interface rules (interface-contracts,
// references, architecture, handover): each varies one interface or one contract field and builds the
// rest here, so the copies cannot drift apart. A marker comment goes inside the value it annotates, at
// the end of its line. Strings, not file reads, because the site bundles the rules.

/** The interface from the CRM to Beta's billing system, without a contract. */
export const BILLING_INTERFACE = '  - system: billing\n    protocol: REST/JSON\n';

/** A contract's fields, as YAML values (a marker may follow a value); `more` is extra lines at the end. */
export interface ContractFields {
  owner?: string;
  direction?: string;
  dataClasses?: string;
  standard?: string;
  lifecycle?: string;
  more?: string;
}

/** A complete contract under an interface of the list (indented for it), planned by default. */
export function contract(fields: ContractFields = {}): string {
  return `    contract:
      owner: ${fields.owner ?? 'acme'}
      direction: ${fields.direction ?? 'provider-to-consumer'}
      dataClasses: ${fields.dataClasses ?? '[financial]'}
      sla:
        availability: 99.5% in business hours
        latency: p95 under 2 seconds
        volumes: 5,000 accounts a day
        recovery: replayed from the outbox within 4 hours
      standard: ${fields.standard ?? 'integration-policy'}
      lifecycle: ${fields.lifecycle ?? 'planned'}
${fields.more ?? ''}`;
}

/** The CRM's record with `interfaces` (list items, each line ending in a newline) and any later fields. */
export function crmSystem(interfaces: string, after = ''): string {
  return `---
title: Acme CRM
owner: acme
kind: application
lifecycle: live
dataClasses: [personal]
interfaces:
${interfaces}${after}---

## Purpose

Holds customer accounts for Acme.
`;
}
