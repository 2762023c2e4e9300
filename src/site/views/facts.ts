// Turns a record's validated frontmatter into display values: text, lists, tables and nested fields.
// Generic on purpose, so every field of every record type is shown without a template per type.

export type FactValue =
  | { kind: 'text'; text: string; href?: string; /** Shown on hover: the id behind a title, the text behind a criterion id. */ hint?: string }
  | { kind: 'list'; items: FactValue[] }
  | { kind: 'table'; columns: { key: string; label: string }[]; rows: (FactValue | undefined)[][] }
  | { kind: 'fields'; fields: Fact[] };

export interface Fact {
  key: string;
  label: string;
  value: FactValue;
}

export interface FactOptions {
  /** Top-level keys to leave out, e.g. `title`, shown elsewhere on the page. */
  omit?: readonly string[];
  /**
   * For a text value found at `path` (dotted keys, no array indices) that refers to another record:
   * where to link and, optionally, the text to show instead of the id (the record's title).
   */
  link?: (path: string, value: string) => { href: string; text?: string; hint?: string } | undefined;
}

const ACRONYMS: Record<string, string> = { rag: 'RAG', raci: 'RACI', url: 'URL', urn: 'URN', id: 'ID', uk: 'UK' };

/** A field name as people read it: `reviewBy` → `Review by`, `rag` → `RAG`. */
export function labelOf(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .split(' ')
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase());
  const [first = '', ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The display value of `value` found at `path`; `undefined` for nothing worth showing. */
export function toFactValue(value: unknown, path: string, options: FactOptions = {}): FactValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
    const link = options.link?.(path, value);
    return link ? { kind: 'text', ...link, text: link.text ?? value } : { kind: 'text', text: value };
  }
  if (typeof value === 'number') return { kind: 'text', text: numberFormat.format(value) };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'Yes' : 'No' };
  if (value instanceof Date) return { kind: 'text', text: value.toISOString().slice(0, 10) };
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    if (value.every(isPlainObject)) {
      const keys = [...new Set(value.flatMap((row) => Object.keys(row)))];
      const cells = value.map((row) => keys.map((key) => toFactValue(row[key], `${path}.${key}`, options)));
      // A column nobody filled in is left out.
      const used = keys.map((_, i) => cells.some((row) => row[i] !== undefined));
      return {
        kind: 'table',
        columns: keys.filter((_, i) => used[i]).map((key) => ({ key, label: labelOf(key) })),
        rows: cells.map((row) => row.filter((_, i) => used[i])),
      };
    }
    const items = value.map((item) => toFactValue(item, path, options)).filter((v): v is FactValue => v !== undefined);
    return items.length ? { kind: 'list', items } : undefined;
  }
  if (isPlainObject(value)) {
    const fields = factsOf(value, options, path);
    return fields.length ? { kind: 'fields', fields } : undefined;
  }
  return { kind: 'text', text: String(value) };
}

/** The facts of a record (or of a nested object at `path`), in the order its keys were written. */
export function factsOf(data: Record<string, unknown>, options: FactOptions = {}, path = ''): Fact[] {
  const omit = path === '' ? new Set(options.omit ?? []) : new Set<string>();
  const facts: Fact[] = [];
  for (const [key, raw] of Object.entries(data)) {
    if (omit.has(key)) continue;
    const value = toFactValue(raw, path ? `${path}.${key}` : key, options);
    if (value) facts.push({ key, label: labelOf(key), value });
  }
  return facts;
}
