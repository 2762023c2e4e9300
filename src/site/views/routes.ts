// Where each record is published on the site, and where references and links from one record to
// another point. A content file's address and a link's target are decided in src/model/urls.ts and
// src/model/links.ts, shared with the linter's `links` and `classification` rules (re-exported here for
// the site's imports); this module adds how frontmatter references become links.
import { criterionAnchor, recordHref } from '../../model/urls.ts';

export { criterionAnchor, HANDBOOK_PREFIX, idOptionsFor, recordHref } from '../../model/urls.ts';

/** What an id in a frontmatter field refers to: a record type, or a criterion of the standard. */
export type ReferenceTarget = 'criterion' | 'policies' | 'organisations' | 'systems' | 'providers' | 'charter';

/**
 * Frontmatter fields holding ids of other records, per record type, as dotted paths without array
 * indices (`providers.provider` is the `provider` of every item of `providers`). Fields not listed are
 * shown as plain text. `*` applies to every record type.
 */
export const referenceFields: Record<string, Record<string, ReferenceTarget>> = {
  '*': { 'evidence.criterion': 'criterion' },
  policies: { criteria: 'criterion', supersedes: 'policies' },
  systems: { owner: 'organisations', interfaces: 'systems', 'interfaces.system': 'systems' },
  providers: { organisation: 'organisations' },
  charter: {
    organisations: 'organisations',
    systems: 'systems',
    policies: 'policies',
    'providers.provider': 'providers',
    'regulations.regulator': 'organisations',
    'lessonsApplied.project': 'charter',
  },
  stakeholders: { 'stakeholders.organisation': 'organisations' },
  evaluations: { provider: 'providers' },
};

/** The page a reference points to. */
export function referenceHref(target: ReferenceTarget, id: string): string {
  return target === 'criterion' ? `/standard/#${criterionAnchor(id)}` : recordHref(target, id);
}

/** The title of the record a reference points to, or `undefined` when there is no such record. */
export type ReferenceLookup = (target: ReferenceTarget, id: string) => { title: string } | undefined;

/**
 * A function giving the link for `value` found at `path` in a record of type `type`, shown with the
 * referenced record's title; `undefined` when the field holds no reference or the referenced record
 * does not exist (a dangling reference stays plain text; the `references` rule reports it).
 */
export function referenceLinker(type: string, lookup: ReferenceLookup) {
  const fields = { ...referenceFields['*'], ...referenceFields[type] };
  return (path: string, value: string): { href: string; text: string; hint: string } | undefined => {
    const target = fields[path];
    const found = target && lookup(target, value);
    if (!target || !found) return undefined;
    const href = referenceHref(target, value);
    // A criterion keeps its id (`K7`) with its text on hover; a record shows its title with its id on hover.
    return target === 'criterion' ? { href, text: value, hint: found.title } : { href, text: found.title, hint: value };
  };
}

