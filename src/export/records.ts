// `seam export json`: the record graph as one audience may see it, for tools that do not read MDX. Only
// the records the audience's site build publishes are written (src/model/audience.ts decides, on the
// same restricted graph the site's pages are built from), each with its id, type, project, file, page
// address (src/model/identity.ts) and its frontmatter as validated. Nothing is added that the site does
// not show: a field naming a record the audience may not read keeps the bare id, as the record's page
// does, never that record's title. No clock, no machine paths: the same content exports byte-identically.
import { z } from 'zod';
import { effectiveClassification, restrictGraph, type Audience } from '../model/audience.ts';
import type { ContentRecord, RecordGraph } from '../model/graph.ts';
import { recordHref } from '../model/identity.ts';
import { outputJsonSchema, type JsonSchema } from '../model/json-schema.ts';
import { recordTypes, type RecordType } from '../model/record-types.ts';

/** The export's format version: raised when a field changes meaning or goes away, not when one is added. */
export const EXPORT_FORMAT = 1;

/** The schema file `seam schema` writes for the export, beside the record types' schemas. */
export const EXPORT_SCHEMA_FILE = 'seam-export.schema.json';

const audience = z.enum(['public', 'internal', 'confidential']);

const exportedRecord = (type: RecordType) =>
  z.strictObject({
    type: z.literal(type.name).describe(`The record type: ${type.label}.`),
    id: z.string().describe('The record\'s id, unique within its type: its path inside its type\'s folder, as the site uses it.'),
    project: z.string().nullable().describe('The project the record belongs to; null for organisation-level records.'),
    file: z.string().describe('The content file, relative to the content root, with forward slashes.'),
    href: z.string().describe('The record\'s page on the site, relative to the site\'s root.'),
    classification: audience.describe('The classification that decides who may read the record: its own, or its project charter\'s when that is stricter.'),
    title: z.string().describe('The record\'s title.'),
    data: type.schema.describe(`The ${type.label}'s frontmatter as validated, defaults filled in.`),
  });

const [firstType, ...otherTypes] = recordTypes.map(exportedRecord);

const exportShape = z.strictObject({
  format: z.literal(EXPORT_FORMAT).describe('The export format\'s version.'),
  audience: audience.describe('Who the export is for: it holds only the records a site built for this audience publishes.'),
  records: z.array(z.discriminatedUnion('type', [firstType!, ...otherTypes])).describe('Every record the audience may read whose frontmatter is valid, sorted by file.'),
});

export type GraphExport = z.output<typeof exportShape>;

/** The JSON Schema of `seam export json`'s output, generated from the zod schemas like the record types' own. */
export function exportJsonSchema(): JsonSchema {
  return outputJsonSchema(exportShape, 'Seam record export (seam export json)', 'The record graph as one audience may read it: every published record with its frontmatter as validated.');
}

export interface GraphExportResult {
  document: GraphExport;
  /** Records the audience may read but whose frontmatter failed its schema: left out, for the caller to report. */
  invalid: ContentRecord[];
}

/** The records of `graph` that readers of `audience` may see, as the export document. */
export function exportGraph(graph: RecordGraph, forAudience: Audience): GraphExportResult {
  const visible = restrictGraph(graph, forAudience);
  const invalid = visible.records.filter((r) => r.data === undefined);
  const records = visible.records
    .filter((r) => r.data !== undefined)
    .map((r) => ({
      type: r.type,
      id: r.id,
      project: r.project ?? null,
      file: r.file,
      href: recordHref(r.type, r.id),
      classification: effectiveClassification(r, visible),
      title: r.title,
      data: r.data,
    }));
  return { document: { format: EXPORT_FORMAT, audience: forAudience, records } as GraphExport, invalid };
}

/** The export document as the text `seam export json` writes. */
export function exportJsonText(document: GraphExport): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
