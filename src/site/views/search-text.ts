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

/**
 * The same for a page as UTF-8 bytes, without decoding and encoding it again. The tags are ASCII, and
 * in UTF-8 every byte of a non-ASCII character is 0x80 or above, so reading each byte as one Latin-1
 * character finds exactly the tags the decoded text has (a case-insensitive match never folds a
 * character above 0x7f onto an ASCII letter) and the line breaks land between the same characters.
 * A page with nothing to separate is returned as it came.
 */
export function separateBlockBytes(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const page = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = page.toString('latin1');
  const separated = separateBlocks(text);
  return separated.length === text.length ? bytes : Buffer.from(separated, 'latin1');
}
