// Every bound Seam holds a content file to, in one place: a content file is untrusted input to the
// linter, the site build and CI, so each part of it that could make a check stall, exhaust memory or
// overflow the stack has a size past which it is refused — with a located finding that says it was
// refused, not checked — before the expensive step (reading, the YAML parser, the Markdown parser,
// Mermaid) sees it. Each is far above what a real record needs (the example's largest frontmatter is
// 7.5 KB and its largest body 10 KB). What each bound costs at full size is measured by
// `npm run bench -- --hostile` (bench/HOSTILE.md); the docs (SECURITY.md, the handbook) quote these values.

/** Files above this size are refused unread: content is prose and small tables, not data dumps. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * The longest frontmatter (characters between the `---` lines) read in a Markdown or MDX file. The YAML
 * parser costs about 3 µs a character before any count of keys could run on its result, validation and
 * locating each finding more, and the Markdown parser reads the block too, so a longer one refuses the
 * whole file unparsed. (A `.yaml` file, such as a criteria catalogue, is held to the file bound instead.)
 */
export const MAX_FRONTMATTER_CHARS = 50_000;

/**
 * The longest Markdown or MDX body (characters after the frontmatter) parsed: about 15,000 words of
 * prose. The Markdown parser spends about 2 µs and 250 bytes of memory a character, several times that
 * where links are dense (a body of nothing but links, with their findings, costs about 8 µs a character);
 * a longer body is refused before the parser sees it (not checked, not rendered).
 */
export const MAX_BODY_CHARS = 100_000;

/** The deepest nesting of lists and block quotes a body may have (the parser's work and stack grow with it). */
export const MAX_NESTING = 32;

/** YAML nested deeper than this is refused before validation (no record needs more than ~6). */
export const MAX_YAML_DEPTH = 32;

/** The most entries one YAML mapping or list may have: far above any record, far below a stall. */
export const MAX_YAML_ENTRIES = 10_000;

/**
 * The largest diagram read: Mermaid's own `maxTextSize` default, which the site's renderer keeps too (a
 * longer diagram would not be drawn). Larger ones are refused unparsed and unscanned, so one hostile
 * block cannot stall a lint run in Mermaid's parser.
 */
export const MAX_DIAGRAM_CHARS = 50_000;

/**
 * The most connections a diagram may draw: Mermaid's own `maxEdges` default, beyond which it refuses a
 * flowchart (the site keeps it too). Mermaid's databases spend time on each connection that grows with
 * the number before it (a class diagram of 5,000 relations takes minutes), so every diagram type that
 * connects things is held to it, counted in the source before Mermaid parses anything.
 */
export const MAX_DIAGRAM_EDGES = 500;
