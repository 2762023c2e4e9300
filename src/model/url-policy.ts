// The one URL policy: which addresses in content are safe to publish as a link or an image. The
// `links` rule, the `mdx-safety` rule and the site's renderer all ask this module, so they never
// disagree about what is dangerous. A URL is judged by its scheme as a browser would read it: browsers
// skip leading spaces and control characters and ignore tabs and line breaks inside a scheme
// (`java\tscript:`), and raw HTML is read after its character references are decoded (`&#106;avascript:`).

/** Schemes a link may use; the rest (javascript:, vbscript:, data:, file: …) are never followed. */
export const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);
/** Schemes an image may load from. */
export const IMAGE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);
/** Schemes that run script, or carry a document, when a reader follows them. */
export const SCRIPT_SCHEMES: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'data', 'livescript']);

/** The scheme a browser would read in `url`, lower-cased; `undefined` for a relative address. */
export function schemeOf(url: string): string | undefined {
  // Browsers strip leading C0 controls and spaces and drop tabs and line breaks anywhere (WHATWG URL);
  // every control character and space is dropped here, which is stricter and never misses a scheme.
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return /^([a-z][a-z\d+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
}

/** Whether following `url` would run script or open a document made of the URL itself. */
export function isScriptUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme !== undefined && SCRIPT_SCHEMES.has(scheme);
}

/**
 * Whether `url` may be published as a link (`link`) or an image source (`image`): relative addresses
 * (paths, `?query`, `#fragment`) and the allowed schemes. `//host/x` takes the page's scheme: https.
 */
export function isSafeUrl(url: string, use: 'link' | 'image' = 'link'): boolean {
  const scheme = schemeOf(url);
  const allowed = use === 'image' ? IMAGE_SCHEMES : LINK_SCHEMES;
  if (scheme === undefined) return true;
  return allowed.has(scheme);
}

/** Attributes of raw HTML whose value is a URL the browser may load or navigate to. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'data', 'ping', 'srcset', 'codebase', 'longdesc', 'manifest', 'lowsrc', 'dynsrc']);
