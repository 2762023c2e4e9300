// Words that run together in the search index. Pagefind reads a page's text as one string and separates
// only the elements it knows as blocks (p, td, div, li, headings…), so a table's header cells, a
// definition list's terms and values, a caption or a figure's caption ran into their neighbours:
// "NameRoleEmail", "OwnerHarbour Mutual", "KindPolicy". Whitespace between these elements is never
// drawn (they are table parts or block boxes), so a line break after each one changes nothing a reader
// sees and keeps the words apart in the index, in excerpts and in copied text.

/** Elements whose boundaries are never drawn as a space and which Pagefind does not separate itself. */
const SEPARATED = ['th', 'td', 'tr', 'thead', 'tbody', 'tfoot', 'caption', 'table', 'dt', 'dd', 'dl', 'figcaption', 'figure', 'pre', 'summary', 'details'];
const CLOSE_THEN_TAG = new RegExp(`</(?:${SEPARATED.join('|')})>(?=<)`, 'gi');

/** `html` with a line break after each such closing tag that the next tag follows directly. */
export function separateBlocks(html: string): string {
  return html.replace(CLOSE_THEN_TAG, '$&\n');
}
