// What a link written in a content file points at. One module answers it for everyone: the `links` and
// `classification` rules (does it resolve? to what?), `seam links` (which links are external?) and the
// site (`linkHref`: the address to render), so a link the linter accepts is a link the site renders.
//
// An author links another page or file in one of three ways:
// - by path from the file, with or without extension: `../systems/crm.mdx`, `../systems/crm`, `plan.mdx#budget`;
// - by site address: `/systems/crm/`, `/projects/alpha/plan/#budget`, or a file in public/: `/images/logo.svg`;
// - by id, `<scheme>:<id>` (below): `system:crm`, `project:alpha/plan#budget`, `criterion:K25.8`.
// Web addresses (http, https, mailto, tel) are external: the rule does not follow them, `seam links
// --external` does.
import { posix } from 'node:path';
import type { Definition, Image, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { headingAnchors, PAGE_ANCHORS } from './anchors.ts';
import { closest, say, suggest, type Message } from './message.ts';
import type { ContentRecord, RecordGraph } from './graph.ts';
import { quote } from './safe-text.ts';
import { OverlayMap, type Lazy } from './overlay.ts';
import { isScriptUrl } from './url-policy.ts';
import type * as S from './schemas.ts';
import { criterionLabel, findCriterion, qualify } from './criterion-ids.ts';
import { criterionAnchor, handbookId, handbookLinkId, listingHrefs, pageHref, recordHref } from './identity.ts';

/**
 * Id links: `<scheme>:<id>`, the scheme naming what the id is (singular, as an author says it), the id
 * exactly as in frontmatter references. Project records are `project:<project>/<path in the project>`.
 */
export const ID_SCHEMES = {
  policy: { type: 'policies', label: 'policy', example: 'policy:integration-policy' },
  organisation: { type: 'organisations', label: 'organisation', example: 'organisation:acme' },
  system: { type: 'systems', label: 'system', example: 'system:crm' },
  provider: { type: 'providers', label: 'provider', example: 'provider:bridgeworks' },
  project: { type: 'charter', label: 'project record', example: 'project:alpha or project:alpha/plan' },
  handbook: { type: 'docs', label: 'handbook page', example: 'handbook:glossary' },
  standard: { type: 'standards', label: 'criteria catalogue', example: 'standard:eskitp5045' },
  criterion: { type: 'criterion', label: 'criterion', example: 'criterion:K25.8' },
} as const;
export type IdScheme = keyof typeof ID_SCHEMES;

/** Schemes authors reach for (collection names, US spelling) and the id scheme they mean. */
const SCHEME_ALIASES: Record<string, IdScheme> = {
  policies: 'policy', organisations: 'organisation', organization: 'organisation', organizations: 'organisation', systems: 'system',
  providers: 'provider', projects: 'project', charter: 'project', docs: 'handbook', doc: 'handbook', standards: 'standard', criteria: 'criterion',
};

const EXTERNAL_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const SCHEME = /^([a-z][a-z\d+.-]*):/i;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A link as written, before anything is looked up. */
export type LinkForm =
  | { kind: 'external'; url: string; scheme: string }
  | { kind: 'script' }
  /** `#anchor` (or `?query`) on the same page. */
  | { kind: 'fragment'; anchor?: string }
  /** A path from the file: `target` is content-relative (a trailing `/` means a folder). */
  | { kind: 'path'; target: string; anchor?: string }
  /** A site address: `path` is decoded and normalised, starting with `/`. */
  | { kind: 'site'; path: string; anchor?: string }
  | { kind: 'id'; scheme: IdScheme; id: string; anchor?: string }
  | { kind: 'invalid'; message: string };

const LINK_FORMS_HINT = 'link a page by its path from this file (../systems/crm.mdx), its id (system:crm) or its site address (/systems/crm/)';

/** Classifies `url`, written in the content file `fromFile` (content-relative). Pure. */
export function classifyLink(fromFile: string, url: string): LinkForm {
  if (url.trim() === '') return { kind: 'invalid', message: 'The link has no address. Add the page or address it points to, or remove the link.' };
  // Script URLs, however disguised, are the `mdx-safety` rule's business (the one policy: url-policy.ts).
  if (isScriptUrl(url)) return { kind: 'script' };
  if (CONTROL.test(url)) return { kind: 'invalid', message: `The link ${quote(url)} contains control characters. Retype the address.` };
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (EXTERNAL_SCHEMES.has(scheme)) return { kind: 'external', url, scheme };
    if (scheme.length === 1 || scheme === 'file') {
      return { kind: 'invalid', message: `The link ${quote(url)} is a path on a computer's disk, not an address in the handbook, and is refused. Files outside the content folder cannot be linked; ${LINK_FORMS_HINT}.` };
    }
    if (scheme in ID_SCHEMES) {
      const [id, anchor] = splitFragment(url.slice(scheme.length + 1));
      return { kind: 'id', scheme: scheme as IdScheme, id: safeDecode(id) ?? id, ...anchorPart(anchor) };
    }
    const near = SCHEME_ALIASES[scheme] ?? closest(scheme, Object.keys(ID_SCHEMES));
    return {
      kind: 'invalid',
      message: near
        ? `Unknown id scheme "${scheme}:" in ${quote(url)}. Did you mean ${quote(`${near}:${url.slice(scheme.length + 1)}`)}?`
        : `The address ${quote(url)} uses "${scheme}:", which the site does not link: it keeps http, https, mailto and tel addresses and id links (${Object.keys(ID_SCHEMES).map((s) => `${s}:`).join(', ')}). Use one of those.`,
    };
  }
  if (url.startsWith('//') || url.startsWith('\\\\')) {
    if (url.startsWith('\\\\')) return { kind: 'invalid', message: `The link ${quote(url)} is a network file share, not an address in the handbook, and is refused; ${LINK_FORMS_HINT}.` };
    return { kind: 'external', url: `https:${url}`, scheme: 'https' };
  }
  const [beforeFragment, anchor] = splitFragment(url);
  const rawPath = beforeFragment.replace(/\?.*$/, '');
  if (rawPath === '') return { kind: 'fragment', ...anchorPart(anchor) };
  const decoded = safeDecode(rawPath);
  if (decoded === undefined) return { kind: 'invalid', message: `The link ${quote(url)} has a broken %-escape. Write the path as plain text, or escape a space as %20.` };
  if (CONTROL.test(decoded)) return { kind: 'invalid', message: `The link ${quote(url)} contains control characters. Retype the address.` };
  const path = decoded.replace(/\\/g, '/');
  if (path.startsWith('/')) {
    if (climbsAbove(path.split('/'))) return { kind: 'invalid', message: `The link ${quote(url)} climbs above the site's root and is refused. Files outside the content folder cannot be linked; ${LINK_FORMS_HINT}.` };
    return { kind: 'site', path: posix.normalize(path), ...anchorPart(anchor) };
  }
  const target = posix.normalize(posix.join(posix.dirname(fromFile), path));
  if (target === '..' || target.startsWith('../')) {
    return { kind: 'invalid', message: `The link ${quote(url)} leaves the content folder and is refused: links may only reach pages and files inside it. To link another page, ${LINK_FORMS_HINT}.` };
  }
  return { kind: 'path', target: target === './' ? '' : target, ...anchorPart(anchor) };
}

/** The content files a path link can mean, most likely first (`crm` → `crm.mdx`, `crm.md`, `crm/index.mdx` …). */
export function pathCandidates(target: string): string[] {
  if (target === '' || target.endsWith('/')) return [`${target}index.mdx`, `${target}index.md`];
  if (/\.[^/.]+$/.test(target)) return [target];
  return ['.mdx', '.md', '/index.mdx', '/index.md', '.yaml', '.yml'].map((ending) => target + ending);
}

/**
 * The address the site renders for `url` written in `fromFile`: a path or id link to a page becomes
 * the page's site address (keeping its `#anchor`); `undefined` for anything else (web addresses, site
 * addresses, same-page anchors, files that are not pages), which stays as written. Pure: it does not
 * check that the page exists — the `links` rule does, before the site is built.
 */
export function linkHref(fromFile: string, url: string, primaryStandard?: string): string | undefined {
  const form = classifyLink(fromFile, url);
  const hash = form.kind === 'path' || form.kind === 'id' ? rawFragment(url) : '';
  if (form.kind === 'path') {
    for (const candidate of pathCandidates(form.target)) {
      const href = pageHref(candidate);
      if (href) return href + hash;
    }
    return undefined;
  }
  if (form.kind === 'id') return idHref(form.scheme, form.id, hash, primaryStandard);
  return undefined;
}

/**
 * The site address of an id link (`system:crm` → `/systems/crm/`); `hash` is `#…` or empty. A criterion's
 * anchor depends on the primary standard (see `criterionAnchor`).
 */
export function idHref(scheme: IdScheme, id: string, hash = '', primaryStandard?: string): string {
  switch (scheme) {
    case 'criterion':
      return `/standard/#${criterionAnchor(id, primaryStandard)}`;
    case 'standard':
      return `/standard/${hash}`;
    case 'handbook':
      return recordHref('docs', handbookId(id)) + hash;
    default:
      return recordHref(ID_SCHEMES[scheme].type, id) + hash;
  }
}

// ── Resolution against the content ──────────────────────────────────────────────────────────────────

/** The pages of a content root, by site address, with their anchors (computed on demand). */
export interface LinkIndex {
  graph: RecordGraph;
  /** Every record's page by its site address (with a trailing slash). */
  pages: ReadonlyMap<string, ContentRecord>;
  /** The anchors a record's page has: heading slugs as the site makes them, criteria on the standard. */
  anchors(record: ContentRecord): ReadonlySet<string>;
}

/** Builds the index; `bodyOf` parses a record's body (the model has no parser of its own). */
export function buildLinkIndex(graph: RecordGraph, bodyOf: (record: ContentRecord) => Root | undefined): LinkIndex {
  const pages = new Map<string, ContentRecord>();
  for (const record of graph.records) {
    const href = pageHref(record.file);
    if (href && !pages.has(href)) pages.set(href, record);
  }
  // By record, not by graph: an updated graph shares its unchanged records, and their anchors, with the graph it came from.
  const cache = new WeakMap<ContentRecord, Set<string>>();
  const anchors = (record: ContentRecord): ReadonlySet<string> => {
    let set = cache.get(record);
    if (set) return set;
    set = new Set(PAGE_ANCHORS);
    if (record.type === 'standards') {
      const data = record.data as S.Standard | undefined;
      set.add(record.id);
      for (const group of data?.groups ?? []) set.add(group.id);
      for (const c of data?.criteria ?? []) for (const item of [c, ...(c.items ?? [])]) set.add(criterionAnchor(qualify(record.id, item.id), graph.primaryStandard));
    } else {
      const tree = bodyOf(record);
      if (tree) for (const h of headingAnchors(tree)) set.add(h.slug);
    }
    cache.set(record, set);
    return set;
  };
  return { graph, pages, anchors };
}

/**
 * The index of `graph`, made from `index` (of the graph it was updated from) when only these files
 * changed, none added or removed: a page stays at the same address, so each changed file's page is its
 * new record, where the page was that file's before (a duplicate of another page's id is no page).
 */
export function updateLinkIndex(index: LinkIndex, graph: RecordGraph, changed: readonly string[]): LinkIndex {
  const changes = new Map<string, Lazy<ContentRecord> | undefined>();
  for (const file of changed) {
    const href = pageHref(file);
    if (href === undefined || index.pages.get(href)?.file !== file) continue;
    const record = graph.byFile.get(file);
    changes.set(href, record && (() => record));
  }
  if (!changes.size) return { graph, pages: index.pages, anchors: index.anchors };
  // The pages of the graph before, with the changed ones laid over them (an overlay of a long chain of updates is made a map again).
  const base = index.pages instanceof OverlayMap && index.pages.depth >= MAX_DEPTH ? new Map(index.pages) : index.pages;
  return { graph, pages: new OverlayMap(base, changes, (_href, record) => record.file), anchors: index.anchors };
}
const MAX_DEPTH = 8;

/** What the linter may know of files that are not records (assets). */
export interface AssetView {
  /** Whether a file (not a folder) is at this content-relative path, inside the content root. */
  contentFile(path: string): boolean;
  /** Whether the site's public/ folder has a file at this site path (`/images/logo.svg`). */
  publicFile(path: string): boolean;
}

export const NO_ASSETS: AssetView = { contentFile: () => false, publicFile: () => false };

export type LinkResolution =
  | { kind: 'external'; url: string; scheme: string }
  /** Not this module's business (script URLs), or nothing to check (an anchor in a file that is no page). */
  | { kind: 'skip' }
  /** A record's page; `anchor` (decoded) still has to be checked against `index.anchors(record)`. */
  | { kind: 'page'; record: ContentRecord; anchor?: string; href: string; form: 'fragment' | 'path' | 'site' | 'id' }
  /** One of the site's listing pages (home, policies, projects …). */
  | { kind: 'listing'; href: string }
  | { kind: 'asset'; path: string; public: boolean }
  | ({ kind: 'broken' } & Message);

/**
 * Resolves `url`, written in `fromFile`, against the content. `explain: false` leaves a broken link's
 * message empty: a caller that only counts broken links (past a cap on findings) then skips the
 * suggestion, which compares the link with every page.
 */
export function resolveLink(index: LinkIndex, fromFile: string, url: string, assets: AssetView = NO_ASSETS, { explain = true }: { explain?: boolean } = {}): LinkResolution {
  const form = classifyLink(fromFile, url);
  const { graph } = index;
  const broken = (why: () => Message): LinkResolution => ({ kind: 'broken', ...(explain ? why() : { message: '', parts: [] }) });
  switch (form.kind) {
    case 'external':
      return form;
    case 'script':
      return { kind: 'skip' };
    case 'invalid':
      return broken(() => say`${form.message}`);
    case 'fragment': {
      const record = graph.byFile.get(fromFile);
      if (!record || form.anchor === undefined) return { kind: 'skip' };
      return { kind: 'page', record, anchor: form.anchor, href: '', form: 'fragment' };
    }
    case 'path': {
      for (const candidate of pathCandidates(form.target)) {
        const record = graph.byFile.get(candidate);
        if (record) return { kind: 'page', record, anchor: form.anchor, href: pageHref(candidate)!, form: 'path' };
      }
      const [only] = pathCandidates(form.target);
      if (pathCandidates(form.target).length === 1 && only !== undefined && assets.contentFile(only)) {
        if (/\.(mdx?|ya?ml)$/i.test(only)) return broken(() => say`The link ${quote(url)} points at ${only}, which is not a page of the site: it is not where any record type lives.`);
        return { kind: 'asset', path: only, public: false };
      }
      return broken(() => {
        // Suggest the nearest page, written the way the author wrote this link (with or without extension).
        const withExtension = /\.[^/.]+$/.test(form.target);
        const keyOf = (file: string) => (withExtension ? file : file.replace(/\.[^/.]+$/, ''));
        const candidates = graph.records.map((r) => ({ file: r.file, key: keyOf(r.file), text: relativeLink(fromFile, keyOf(r.file)) }));
        const where = form.target === '' ? 'the content folder itself' : form.target;
        return say`The link ${quote(url)} points at ${where}, which does not exist.${suggest({ value: form.target, candidates, near: [' Did you mean "', '"?'] })}`;
      });
    }
    case 'site': {
      const key = form.path.endsWith('/') ? form.path : `${form.path}/`;
      const record = index.pages.get(key);
      if (record) return { kind: 'page', record, anchor: form.anchor, href: key, form: 'site' };
      if (listingHrefs.includes(key)) return { kind: 'listing', href: key };
      if (assets.publicFile(form.path)) return { kind: 'asset', path: form.path, public: true };
      return broken(() => {
        // Listings are the site's own pages: every reader may see them.
        const candidates = [...[...index.pages].map(([href, r]) => ({ file: r.file, key: href, text: href })), ...listingHrefs.map((href) => ({ key: href, text: href }))];
        const none = `No page of the site, and no file in public/, is at ${quote(form.path)}. An address starting with "/" is a site address such as /systems/crm/; to link a file in the content folder, write its path from this file. Paths on a computer's disk are never followed.`;
        return say`${suggest({ value: key, candidates, near: [`No page of the site is at ${quote(form.path)}. Did you mean "`, '"?'], none })}`;
      });
    }
    case 'id': {
      const record = recordById(graph, form.scheme, form.id);
      if (record) return { kind: 'page', record, anchor: form.scheme === 'criterion' ? criterionAnchor(form.id, graph.primaryStandard) : form.anchor, href: idHref(form.scheme, form.id, '', graph.primaryStandard), form: 'id' };
      return broken(() => {
        const { label } = ID_SCHEMES[form.scheme];
        const candidates = idsOf(graph, form.scheme).map(({ id, file }) => ({ file, key: id, text: `${form.scheme}:${id}` }));
        const none = ` Id links are written like ${ID_SCHEMES[form.scheme].example}.`;
        return say`Unknown ${label} ${quote(form.id)} in the link ${quote(url)}.${suggest({ value: form.id, candidates, near: [' Did you mean "', '"?'], none })}`;
      });
    }
  }
}

/** The record an id link names, if it exists. */
export function recordById(graph: RecordGraph, scheme: IdScheme, id: string): ContentRecord | undefined {
  switch (scheme) {
    case 'policy': return graph.policies.get(id);
    case 'organisation': return graph.organisations.get(id);
    case 'system': return graph.systems.get(id);
    case 'provider': return graph.providers.get(id);
    case 'handbook': return graph.docs.get(handbookId(id));
    case 'standard': return graph.byType.get('standards')?.find((s) => s.id === id);
    case 'criterion': {
      const criterion = findCriterion(graph, id);
      return criterion && graph.standards.find((s) => s.id === criterion.standard);
    }
    case 'project': return graph.projects.get(id.split('/')[0] ?? '')?.records.find((r) => r.id === id);
  }
}

/** The ids an id link of `scheme` can name, with the file that decides who may read each (none: the site's own). */
function idsOf(graph: RecordGraph, scheme: IdScheme): { id: string; file?: string }[] {
  const of = (map: ReadonlyMap<string, ContentRecord>) => [...map].map(([id, r]) => ({ id, file: r.file }));
  switch (scheme) {
    case 'policy': return of(graph.policies);
    case 'organisation': return of(graph.organisations);
    case 'system': return of(graph.systems);
    case 'provider': return of(graph.providers);
    case 'handbook': return [...graph.docs].map(([id, r]) => ({ id: handbookLinkId(id), file: r.file }));
    case 'standard': return (graph.byType.get('standards') ?? []).map((s) => ({ id: s.id, file: s.file }));
    case 'criterion': return [...graph.criteria.values()].map((c) => ({ id: criterionLabel(c, graph.primaryStandard), file: graph.byType.get('standards')?.find((s) => s.id === c.standard)?.file }));
    case 'project': return [...graph.projects.values()].flatMap((p) => p.records.map((r) => ({ id: r.id, file: r.file })));
  }
}

/** A path link from `fromFile` to `toFile` (both content-relative). */
export function relativeLink(fromFile: string, toFile: string): string {
  return posix.relative(posix.dirname(fromFile), toFile) || posix.basename(toFile);
}

// ── Finding links in a body ────────────────────────────────────────────────────────────────────────

export interface LinkNode {
  node: Link | Image | Definition;
  url: string;
}

/**
 * Every link, image and link definition in a body. References (`[text][crm]`) are checked at their
 * definition; raw HTML and JSX attributes are not links (the site drops them).
 */
export function linkNodes(tree: Root | undefined): LinkNode[] {
  const out: LinkNode[] = [];
  if (!tree) return out;
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') out.push({ node: node as Link | Image | Definition, url: (node as Link).url });
  });
  return out;
}

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────────────

function splitFragment(url: string): [string, string | undefined] {
  const at = url.indexOf('#');
  return at === -1 ? [url, undefined] : [url.slice(0, at), url.slice(at + 1)];
}

/** The `#fragment` of `url` as written (empty when none). */
function rawFragment(url: string): string {
  const at = url.indexOf('#');
  return at === -1 ? '' : url.slice(at);
}

function anchorPart(anchor: string | undefined): { anchor?: string } {
  return anchor === undefined ? {} : { anchor: safeDecode(anchor) ?? anchor };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function climbsAbove(segments: string[]): boolean {
  let depth = 0;
  for (const segment of segments) {
    if (segment === '..') depth--;
    else if (segment !== '' && segment !== '.') depth++;
    if (depth < 0) return true;
  }
  return false;
}

