// The base example's charter (rules/examples/base/projects/alpha/index.mdx, kept in step by
// tests/rules/examples.test.ts) with its scope and its Architecture diagram replaced: for the examples
// of rules that read diagrams. A string, not a file read, because the site bundles the rules.

export const BASE_CHARTER = `---
title: Alpha billing migration
status: active
phase: planning
start: 2026-05-01
end: 2026-12-31
sponsors: [ana]
organisations: [acme, beta]
systems: [crm, billing]
workstreams:
  - id: data
    title: Data migration
policies: [integration-policy]
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

/** The charter with `systems: [<systems>]` and the Architecture section's Mermaid block set to `diagram`. */
export function charterWithDiagram(diagram: string, systems = 'crm, billing'): string {
  return BASE_CHARTER
    .replace(/^systems: \[.*\]$/m, `systems: [${systems}]`)
    .replace(/```mermaid\n[\s\S]*?\n```/, `\`\`\`mermaid\n${diagram}\n\`\`\``);
}
