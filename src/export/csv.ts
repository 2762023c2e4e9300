// CSV as RFC 4180 writes it, made safe to open in a spreadsheet. No CSV library is installed, and
// writing is the small half of CSV: a field is quoted when it holds a comma, a double quote, CR or LF,
// quotes inside are doubled, records end with CRLF. What a library would not do for us anyway is the
// spreadsheet safety: a text cell that begins with `=`, `+`, `-`, `@`, a tab, CR or NUL is read by
// Excel, LibreOffice and Google Sheets as a formula (`=HYPERLINK(…)` sends data away when clicked), so
// it gets a leading `'`, as OWASP's CSV injection guidance recommends: the spreadsheet shows the text,
// inert. Numbers are written as numbers and never prefixed, so a negative amount stays a number.

/** A cell: text (neutralised if it could be a formula), a number (written as is), or empty. */
export type Cell = string | number | undefined;

/** What a text cell may not begin with, or a spreadsheet evaluates it. */
const FORMULA_START = /^[=+\-@\t\r\0]/;

/** One field, spreadsheet-safe and quoted as RFC 4180 requires. */
export function csvField(value: Cell): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the header row, then one row per item, every record ended by CRLF. */
export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [columns, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
