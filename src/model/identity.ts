// What a record is called and where it lives: its record type, its id, its page on the site, and the
// file a record of a type has in a project. One set of pure functions that the record graph, the rules,
// `seam new` and the site all use, so a graph id is a site id, a link the linter accepts is a link the
// site renders, and a file a message tells an author to create is where Seam will look for it.
import picomatch from 'picomatch';
import { parseCriterionRef, qualify } from './criterion-ids.ts';
import { recordTypes, recordTypeByName, type RecordType } from './record-types.ts';

/** Handbook pages are published under /handbook/, so they never collide with the site's own pages. */
export const HANDBOOK_PREFIX = 'handbook';

const matchers = recordTypes.map((t) => ({ type: t, match: picomatch(t.pattern, t.exclude ? { ignore: t.exclude } : {}) }));

/** The record type a content-relative path belongs to, if any. */
export function recordTypeOf(file: string): RecordType | undefined {
  return matchers.find((m) => m.match(file))?.type;
}

/**
 * The id of the record stored in `file` (relative to the content root, forward slashes): its path
 * inside its record type's folder, without extension, an `index` file named after its folder. Ids are
 * unique within a record type; the graph, the site's collections and links all use them:
 *
 * - `policies/data-migration.mdx` → `data-migration`
 * - `projects/crm-merge/index.mdx` → `crm-merge` (the charter)
 * - `projects/crm-merge/status/2026-05-01.mdx` → `crm-merge/status/2026-05-01`
 * - `docs/glossary.mdx` → `handbook/glossary`; `docs/authoring/index.mdx` → `handbook/authoring`;
 *   `docs/index.mdx` → `handbook` (handbook pages take the folder they are published under)
 */
export function recordId(file: string): string {
  const [folder, ...segments] = file.replace(/\\/g, '/').replace(/\.[^/.]+$/, '').split('/');
  if (folder === 'docs') segments.unshift(HANDBOOK_PREFIX);
  if (segments.length > 1 && segments.at(-1) === 'index') segments.pop();
  return segments.join('/');
}

/** The id of the handbook page a `handbook:` link names (`glossary`, `authoring/index`, `` for the landing page). */
export function handbookId(linkId: string): string {
  return recordId(`docs/${linkId || 'index'}.mdx`);
}

/** How a `handbook:` link names the handbook page `id` (`handbook/glossary` → `glossary`, `handbook` → `index`). */
export function handbookLinkId(id: string): string {
  return id.slice(HANDBOOK_PREFIX.length + 1) || 'index';
}

/** The project a project record belongs to: the first segment of its id. */
export function projectOf(id: string): string {
  return id.split('/')[0] ?? id;
}

/** A project record's path inside its project (`crm-merge/status/2026-05-01` → `status/2026-05-01`). */
export function pathInProject(id: string): string {
  return id.split('/').slice(1).join('/');
}

/** An evaluation's file name: the provider's id and the period, `bridgeworks-2026-q2`. */
export function evaluationName(provider: string, period: string): string {
  return `${provider}-${period.toLowerCase()}`;
}

/** How a record type's file is named, as a message shows it when no name is given. */
const NAME_FORMS: Partial<Record<string, string>> = { status: 'YYYY-MM-DD', evaluations: '<provider>-<period>', engagement: 'YYYY-MM-DD-<topic>' };

/** The file of a record of type `type` named `name`, from its type's pattern: `policies`, `crm` → `policies/crm.mdx`. */
export function recordFile(type: string, name: string): string {
  return recordTypeByName.get(type)!.pattern.replace('*', name);
}

/**
 * The file of a record of type `type` in `project`, from its type's pattern:
 * `projectFile('alpha', 'status', '2026-06-12')` → `projects/alpha/status/2026-06-12.mdx`,
 * `projectFile('alpha', 'charter')` → `projects/alpha/index.mdx`. Without a name, a type with several
 * records per project is shown with the form its names take (`projects/alpha/status/YYYY-MM-DD.mdx`).
 */
export function projectFile(project: string, type: string, name?: string): string {
  const file = recordTypeByName.get(type)!.pattern.replace('*', project);
  return file.replace('*', name ?? NAME_FORMS[type] ?? '<id>');
}

/**
 * The anchor of a criterion on the standard page, every standard's criteria being on that one page: the
 * primary standard's by its own id (`K25.8` → `k25-8`), any other's by its qualified id
 * (`sp800-53-low:ac-2.1` → `sp800-53-low-ac-2-1`), so two standards' equal ids never share an anchor.
 * `criterion` is a reference as content writes it; `primary` the graph's primary standard.
 */
export function criterionAnchor(criterion: string, primary?: string): string {
  const { standard, local } = parseCriterionRef(criterion);
  const shown = standard === undefined || standard === primary ? local : qualify(standard, local);
  return shown.toLowerCase().replace(/[.:]/g, '-');
}

/** The page of the record `id` (see `recordId`) of record type `type`. */
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
  return type && recordHref(type.name, recordId(file));
}

/** The site's pages that list records or summarise them (not one record's page), by address. */
export const listingHrefs: readonly string[] = ['/', '/standard/', '/policies/', '/organisations/', '/systems/', '/providers/', '/projects/'];
