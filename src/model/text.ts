// Small text helpers every layer shares: counts with their noun, ids as kebab-case, literal text in a
// regular expression. One definition each, so the linter, the CLI and the site say things alike.

/** `count` with the right form of the noun: `1 issue`, `3 issues`; `other` for irregular plurals. */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${count} ${count === 1 ? one : other}`;
}

/** The text with its first letter in upper case: `change request` → `Change request`. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A kebab-case id: lower-case letters and digits joined by single hyphens (`crm-migration`). */
export const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The nearest kebab-case id to `text`, to suggest: `CRM Migration` → `crm-migration` (empty when there is none). */
export function kebab(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
