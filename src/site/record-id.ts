// How a content file becomes a record id, and therefore a page address. The site and the linter's link
// rules must agree on it, so it lives in src/model/urls.ts; re-exported here for the site's imports.
export { pathInProject, projectOf, recordId } from '../model/urls.ts';
export type { RecordIdOptions } from '../model/urls.ts';
