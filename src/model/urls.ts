// Where each content file is published on the site: one set of pure functions that the site (routes,
// loader, pages) and the linter (the `links` and `classification` rules) share, so a link the linter
// accepts is a link the site renders. Moved here from src/site/record-id.ts and src/site/routes.ts,
// which re-export them.
import { recordTypeOf } from './graph.ts';
import { recordTypeByName } from './record-types.ts';

export interface RecordIdOptions {
  /**
   * A folder to put in place of the collection folder, e.g. `handbook` for `docs/`, so handbook pages
   * live under /handbook/ and never collide with the site's own pages.
   */
  prefix?: string;
}

/** Handbook pages are published under /handbook/, so they never collide with the site's own pages. */
export const HANDBOOK_PREFIX = 'handbook';

/**
 * The id of the record stored in `file` (relative to the content root, forward slashes): its path
 * inside the collection folder, without extension. Project records keep their project folder and an
 * `index` file is named after its folder:
 *
 * - `policies/data-migration.mdx` → `data-migration`
 * - `projects/crm-merge/index.mdx` → `crm-merge` (the charter)
 * - `projects/crm-merge/status/2026-05-01.mdx` → `crm-merge/status/2026-05-01`
 * - `docs/index.mdx` with prefix `handbook` → `handbook`
 */
export function recordId(file: string, options: RecordIdOptions = {}): string {
  const segments = file.replace(/\\/g, '/').replace(/\.[^/.]+$/, '').split('/').slice(1);
  if (options.prefix) segments.unshift(options.prefix);
  if (segments.length > 1 && segments.at(-1) === 'index') segments.pop();
  return segments.join('/');
}

/** The project a project record belongs to: the first segment of its id. */
export function projectOf(id: string): string {
  return id.split('/')[0] ?? id;
}

/** A project record's path inside its project (`crm-merge/status/2026-05-01` → `status/2026-05-01`). */
export function pathInProject(id: string): string {
  return id.split('/').slice(1).join('/');
}

/** How the files of record type `type` are named as ids on the site. */
export function idOptionsFor(type: string): RecordIdOptions {
  return type === 'docs' ? { prefix: HANDBOOK_PREFIX } : {};
}

/** The anchor of a criterion on the standard page: `K25.8` → `k25-8`. */
export function criterionAnchor(criterion: string): string {
  return criterion.toLowerCase().replace(/\./g, '-');
}

/** The page of the record `id` (its site id, see `recordId`) of record type `type`. */
export function recordHref(type: string, id: string): string {
  if (type === 'standards') return '/standard/';
  if (type === 'docs') return `/${id}/`;
  if (recordTypeByName.get(type)?.inProject) return `/projects/${id}/`;
  return `/${type}/${id}/`;
}

/**
 * The site address of the content file `file` (relative to the content root), or `undefined` when the
 * file is not where any record type lives: `systems/crm.mdx` → `/systems/crm/`,
 * `docs/authoring/index.mdx` → `/handbook/authoring/`.
 */
export function pageHref(file: string): string | undefined {
  const type = recordTypeOf(file);
  return type && recordHref(type.name, recordId(file, idOptionsFor(type.name)));
}

/** The site's pages that list records or summarise them (not one record's page), by address. */
export const listingHrefs: readonly string[] = ['/', '/standard/', '/policies/', '/organisations/', '/systems/', '/providers/', '/projects/'];
