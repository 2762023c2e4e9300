// The one address module: where on its host the site lives, and so the address the site writes for each
// of its pages. The rest of Seam names a page by its site path, the address it has when the site is
// served from the host's root (`recordHref` → `/systems/crm/`): the linter, the link index and the
// exports compare those, whatever the host. Only what the site writes into a page — a link, a script,
// a fetch — carries the base path, and it gets it here, from `siteHref`, so a project site published
// under `https://org.github.io/repo/` (`site.base: /repo/`) never links outside its folder.
//
// Where the base comes from: `site.base` in seam.config.yaml (default `/`), which astro.config.mjs
// passes to Astro as `base`; Astro hands it to every page and client script as
// `import.meta.env.BASE_URL` (an `astro build --base` flag beats the file). Outside the site (the CLI,
// the tests) that is unset and the base is `/`.

/** The characters a base path may use: unreserved URL characters and `/`, nothing to escape or decode. */
const BASE_CHARACTERS = /^[A-Za-z0-9._~/-]*$/;

/**
 * The same rule as `baseProblem`, as one regular expression for the config's JSON Schema, so an editor
 * flags a bad `site.base` while it is typed (tests/model/site-address.test.ts checks that the two agree).
 * Each segment is one or more allowed characters, and not `.` or `..`.
 */
export const BASE_PATTERN = /^\/(?:(?!\.\.?\/)[A-Za-z0-9._~-]+\/)*$/;

/**
 * Why `base` cannot be the site's base path, or `undefined` when it can: a base starts and ends with
 * `/` (`/` itself is the host's root), has no empty, `.` or `..` segment, and uses only letters,
 * digits, `-`, `.`, `_` and `~`, so it means the same folder to every host and browser.
 */
export function baseProblem(base: string): string | undefined {
  if (!base.startsWith('/') || !base.endsWith('/')) return 'must be a path that starts and ends with "/", e.g. /repo/ (or / for a site at the root of its host)';
  if (!BASE_CHARACTERS.test(base)) return 'must use only letters, digits, "-", ".", "_", "~" and "/"';
  const segments = base.slice(1, -1).split('/');
  if (base !== '/' && segments.some((s) => s === '' || s === '.' || s === '..')) return 'must name the folder the site is served from, with no empty, "." or ".." segment, e.g. /repo/';
  return undefined;
}

/** `base` with exactly one trailing `/` (Astro's BASE_URL keeps the base as it was given: `/repo` or `/repo/`). */
function withTrailingSlash(base: string): string {
  return `${base.replace(/\/+$/, '')}/`;
}

/**
 * The address of the site path `path` on a site served from `base`: `withBase('/repo/', '/systems/crm/')`
 * → `/repo/systems/crm/`, `withBase('/repo/', '/')` → `/repo/`. Anything that is not a site path — a
 * fragment, a query, a relative path, a web address, `//host/…` — is returned as it is.
 */
export function withBase(base: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  return withTrailingSlash(base) + path.slice(1);
}

/**
 * The site path of `pathname` (an address on the host) when it is inside the site served from `base`:
 * `withoutBase('/repo/', '/repo/systems/crm/')` → `/systems/crm/`, `/repo` → `/`; `undefined` outside.
 */
export function withoutBase(base: string, pathname: string): string | undefined {
  const root = withTrailingSlash(base);
  if (pathname === root.slice(0, -1) || pathname === root) return '/';
  return pathname.startsWith(root) ? `/${pathname.slice(root.length)}` : undefined;
}

/** The `<meta name>` under which every built page states the base path it was built for, for tools that serve the built site (`seam export pdf`). */
export const BASE_META = 'seam:base';

/** The base path of the site being built (see the top of this file); `/` outside a site build. */
// Written out in full (`import.meta.env.BASE_URL`, no `?.`): Vite replaces that exact expression with
// the base when it bundles the site; plain Node has no `import.meta.env` at all.
export const SITE_BASE: string = withTrailingSlash(typeof import.meta.env === 'object' ? import.meta.env.BASE_URL : '/');

/** The address the site writes for its site path `path` (`/systems/crm/` → `/repo/systems/crm/`): see `withBase`. */
export function siteHref(path: string): string {
  return withBase(SITE_BASE, path);
}
