// The base example's charter (rules/examples/base/projects/alpha/index.mdx) with its scope and its
// Architecture diagram replaced: for the examples of rules that read diagrams.
import { readFileSync } from 'node:fs';

const base = readFileSync(new URL('./base/projects/alpha/index.mdx', import.meta.url), 'utf8');

/** The charter with `systems: [<systems>]` and the Architecture section's Mermaid block set to `diagram`. */
export function charterWithDiagram(diagram: string, systems = 'crm, billing'): string {
  return base
    .replace(/^systems: \[.*\]$/m, `systems: [${systems}]`)
    .replace(/```mermaid\n[\s\S]*?\n```/, `\`\`\`mermaid\n${diagram}\n\`\`\``);
}
