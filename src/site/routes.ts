// Where each record is published on the site, and where references and links from one record to
// another point.
import { posix } from 'node:path';
import { recordTypeOf } from '../model/graph.ts';
import { recordTypeByName } from '../model/record-types.ts';
import { recordId, type RecordIdOptions } from './record-id.ts';

/** Handbook pages are published under /handbook/, so they never collide with the site's own pages. */
export const HANDBOOK_PREFIX = 'handbook';

/** How the files of record type `type` are named as ids on the site. */
export function idOptionsFor(type: string): RecordIdOptions {
  return type === 'docs' ? { prefix: HANDBOOK_PREFIX } : {};
}

/** The anchor of a criterion on the standard page: `K25.8` → `k25-8`. */
export function criterionAnchor(criterion: string): string {
  return criterion.toLowerCase().replace(/\./g, '-');
}

/** The page of the record `id` of record type `type`. */
export function recordHref(type: string, id: string): string {
  if (type === 'standards') return '/standard/';
  if (type === 'docs') return `/${id}/`;
  if (recordTypeByName.get(type)?.inProject) return `/projects/${id}/`;
  return `/${type}/${id}/`;
}

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

/**
 * The site address for a link written in the content file `fromFile` (content-relative) to another
 * content file, such as `changes/cr-001.mdx` or `../../systems/crm.mdx#interfaces`; `undefined` for
 * any other link (web addresses, anchors, files that are not records), which stays as written.
 */
export function contentLinkHref(fromFile: string, url: string): string | undefined {
  if (/^[a-z][a-z\d+.-]*:|^[/#?]/i.test(url)) return undefined;
  const hashAt = url.indexOf('#');
  const pathPart = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  if (!/\.(mdx?|ya?ml)$/i.test(pathPart)) return undefined;
  let target: string;
  try {
    target = posix.normalize(posix.join(posix.dirname(fromFile), decodeURIComponent(pathPart)));
  } catch {
    return undefined;
  }
  const type = target.startsWith('../') ? undefined : recordTypeOf(target);
  if (!type) return undefined;
  return `${recordHref(type.name, recordId(target, idOptionsFor(type.name)))}${hash}`;
}
