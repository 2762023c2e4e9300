// How a content file becomes a record id, and therefore a page address. The site, and later the record
// graph, must agree on this, so it is one small pure function.

export interface RecordIdOptions {
  /**
   * A folder to put in place of the collection folder, e.g. `handbook` for `docs/`, so handbook pages
   * live under /handbook/ and never collide with the site's own pages.
   */
  prefix?: string;
}

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
