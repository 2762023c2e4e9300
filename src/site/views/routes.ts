// How frontmatter references become links on the site. A record's id and page address are decided in
// src/model/identity.ts and a link's target in src/model/links.ts, shared with the linter's `links` and
// `classification` rules; this module adds the links a record's facts make to the records they name.
import { criterionAnchor, recordHref } from '../../model/identity.ts';
import { factPath, referenceFieldsOf, targetRecordTypes, type Target } from '../../model/references.ts';
import { siteHref } from '../../model/site-address.ts';

/**
 * The address of the page a reference to `id` points to (with the site's base path): a criterion on the standard page (its anchor depends on the
 * primary standard), a record on its own; `undefined` for a target with no page of its own (a stakeholder, a milestone…).
 */
export function referenceHref(target: Target, id: string, primaryStandard?: string): string | undefined {
  if (target === 'criterion') return siteHref(`/standard/#${criterionAnchor(id, primaryStandard)}`);
  const type = targetRecordTypes[target];
  return type && siteHref(recordHref(type, id));
}

/** The title of the record a reference points to, or `undefined` when there is no such record. */
export type ReferenceLookup = (target: Target, id: string) => { title: string } | undefined;

/**
 * A function giving the link for `value` found at `path` in a record of type `type`, shown with the
 * referenced record's title; `undefined` when the field holds no reference or the referenced record
 * does not exist (a dangling reference stays plain text; the `references` rule reports it).
 */
export function referenceLinker(type: string, lookup: ReferenceLookup, primaryStandard?: string) {
  // The model's reference table, by the paths facts are shown at (`providers.provider`).
  const fields = new Map(referenceFieldsOf(type).map(([pattern, target]) => [factPath(pattern), target]));
  return (path: string, value: string): { href: string; text: string; hint: string } | undefined => {
    const target = fields.get(path);
    const found = target && lookup(target, value);
    const href = target && referenceHref(target, value, primaryStandard);
    if (!target || !found || !href) return undefined;
    // A criterion keeps its id (`K7`) with its text on hover; a record shows its title with its id on hover.
    return target === 'criterion' ? { href, text: value, hint: found.title } : { href, text: found.title, hint: value };
  };
}

