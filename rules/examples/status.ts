// Status reports for the examples of the status-report rules (compliance, architecture-alignment,
// security, forecast): the execution example's project alpha, its charter naming two regulations,
// and a report built around the frontmatter an example is about. Strings, not file reads, because
// the site bundles the rules.

/** The execution example's charter (rules/examples/execution/projects/alpha/index.mdx) with two regulations. */
export const CHARTER_WITH_REGULATIONS = `---
title: Alpha billing migration
status: active
phase: execution
start: 2026-05-01
end: 2026-12-31
sponsors: [ana]
organisations: [acme, beta]
systems: [crm, billing]
workstreams:
  - id: data
    title: Data migration
    category: data
policies: [integration-policy]
regulations:
  - id: uk-gdpr
    title: UK GDPR and the Data Protection Act 2018
  - id: pci-dss
    title: PCI DSS v4.0
approach: phased
sources:
  - title: Beta customer extract
    owner: Beta finance
    verified: 2026-05-20
---

## Scope

Moves Beta's billing accounts into Acme's CRM.

## Approach

A phased move, one customer segment at a time.

## External factors

Beta's year end falls in the middle of the migration window.

## Architecture

\`\`\`mermaid
flowchart LR
  crm[Acme CRM] --> billing[Beta Billing]
\`\`\`

## Security and integrity

Customer data moves only over encrypted channels.
`;

/**
 * A status report of project alpha dated `date` (YYYY-MM-DD) whose frontmatter, after its title and
 * date, is `frontmatter` (markers included), with the three sections every report has.
 */
export function statusReport(date: string, frontmatter: string): string {
  const day = new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `---
title: Alpha status, ${day}
date: ${date}
${frontmatter.trim()}
---

## Summary

Test data loads are under way for the trial migration.

## Progress

The mapping design was approved and test loads have started.

## Risks and issues

The risks and issues are listed above with their owners and dates.
`;
}
