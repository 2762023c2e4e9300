// Status reports for the examples of the status-report rules (compliance, architecture-alignment,
// security, forecast): the execution example's project alpha, its charter naming two regulations,
// and a report built around the frontmatter an example is about. Strings, not file reads, because
// the site bundles the rules.
import { BASE_CHARTER } from './charter.ts';

/**
 * The base example's charter (BASE_CHARTER) as the execution example has it, naming two regulations:
 * derived, so the two cannot drift apart.
 */
export const CHARTER_WITH_REGULATIONS = BASE_CHARTER.replace('phase: planning', 'phase: execution')
  .replace('    title: Data migration\n', '    title: Data migration\n    category: data\n')
  .replace(
    'policies: [integration-policy]\n',
    'policies: [integration-policy]\nregulations:\n  - id: uk-gdpr\n    title: UK GDPR and the Data Protection Act 2018\n  - id: pci-dss\n    title: PCI DSS v4.0\n',
  );

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
