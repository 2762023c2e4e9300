// What Pagefind knows about a record's page beyond its text: the filters a reader narrows results by
// (record type, project, phase, organisation, criterion) and the metadata a result shows (type,
// project, status, and the record's date — or, for a record without one, when it was last changed). SearchMeta.astro writes them into the page for Pagefind, inside an element
// Pagefind does not index, so they never become searchable words of the page.
import { recordTypeByName } from '../../model/record-types.ts';
import { capitalise } from '../../model/text.ts';
import type { RecordData, RecordTypeName } from '../../model/record-data.ts';
import { factPath, referenceFieldsOf } from '../../model/references.ts';
import { formatDate } from './format.ts';
import { findCriterion } from '../../model/criterion-ids.ts';
import type { RecordGraph } from '../../model/graph.ts';
import type { ReferenceLookup } from './routes.ts';

/** The filter names, as the search page shows them. */
export const SEARCH_FILTERS = ['type', 'project', 'phase', 'organisation', 'criterion'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

export interface SearchFacets {
  filters: [SearchFilter, string][];
  meta: ['type' | 'project' | 'status' | 'date' | 'updated', string][];
}

export interface SearchRecord {
  type: RecordTypeName;
  data: RecordData[RecordTypeName];
}

export interface SearchContext {
  /** The charter of the project the record belongs to (the record itself for a charter). */
  charter?: { id: string; data: RecordData['charter'] };
  /** Titles of referenced records, to filter by organisation name rather than id. */
  lookup: ReferenceLookup;
  /** When the record's file was last committed (YYYY-MM-DD), shown for a record without a date of its own. */
  updated?: string;
  /** The criteria the standard's coverage map says a record of a type evidences (none when omitted). */
  typeCriteria?: (type: string) => readonly string[];
  /** The criterion filter's value for a reference (see `criterionFacet`); the reference as written when omitted. */
  criterionFacet?: (ref: string) => string;
}

/**
 * The criterion filter's value for a reference: its standard's code and its own id (`ESKITP5045 P5`,
 * `SP800-53-LOW cm-4`), so each standard's criteria read apart in the filter, whichever is primary. A
 * reference that resolves to nothing stays as written (the criteria-refs rule reports it).
 */
export function criterionFacet(graph: RecordGraph): (ref: string) => string {
  const codes = new Map(graph.standards.map((s) => [s.id, s.data?.code ?? s.id]));
  return (ref) => {
    const criterion = findCriterion(graph, ref);
    return criterion ? `${codes.get(criterion.standard)} ${criterion.id}` : ref;
  };
}

/**
 * The date a record is about, where its type has one: a policy's approval, a status report's
 * reporting date, a change's decision (or, pending, when it was raised), the latest sign-off.
 */
export function recordDate(type: string, data: Record<string, unknown>): string | undefined {
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  switch (type) {
    case 'policies':
      return text(data.approved);
    case 'status':
      return text(data.date);
    case 'changes':
      return text(data.decided) ?? text(data.raised);
    case 'signoff':
      return valuesAt(data, 'signoffs.date')
        .filter((d): d is string => typeof d === 'string')
        .sort()
        .at(-1);
    default:
      return undefined;
  }
}

/** Every value at a dotted path (`stakeholders.organisation`), through arrays. */
export function valuesAt(data: unknown, path: string): unknown[] {
  let current: unknown[] = [data];
  for (const key of path.split('.')) {
    current = current
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .map((value) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined))
      .filter((value) => value !== undefined && value !== null);
  }
  return current.flatMap((value) => (Array.isArray(value) ? value : [value]));
}


/** The organisations a record names (by title), through its organisation reference fields. */
function organisationsOf(type: string, data: unknown, lookup: ReferenceLookup): string[] {
  return referenceFieldsOf(type)
    .filter(([, target]) => target === 'organisation')
    .flatMap(([pattern]) => valuesAt(data, factPath(pattern)!))
    .filter((id): id is string => typeof id === 'string')
    .map((id) => lookup('organisation', id)?.title)
    .filter((title): title is string => title !== undefined);
}

/** The criteria a record speaks to: those its type evidences, those it claims and those a policy addresses. */
function criteriaOf(type: string, data: unknown, typeCriteria: SearchContext['typeCriteria']): string[] {
  const claimed = valuesAt(data, 'evidence.criterion');
  const addressed = type === 'policies' ? valuesAt(data, 'criteria') : [];
  return [...(typeCriteria?.(type) ?? []), ...claimed, ...addressed].filter((c): c is string => typeof c === 'string');
}

/** The search filters and result metadata of a record's page. */
export function searchFacets(record: SearchRecord, { charter, lookup, updated, typeCriteria, criterionFacet: facet = (ref) => ref }: SearchContext): SearchFacets {
  const type = recordTypeByName.get(record.type);
  const label = capitalise(type?.label ?? record.type);
  const data = record.data as Record<string, unknown>;
  const filters: SearchFacets['filters'] = [['type', label]];
  const meta: SearchFacets['meta'] = [['type', label]];

  const organisations = organisationsOf(record.type, data, lookup);
  if (record.type === 'organisations' && typeof data.title === 'string') organisations.push(data.title);
  if (type?.inProject && charter) {
    filters.push(['project', charter.data.title], ['phase', charter.data.phase]);
    meta.push(['project', charter.data.title], ['status', charter.data.status]);
    // A project record belongs to the organisations of its project.
    organisations.push(...organisationsOf('charter', charter.data, lookup));
  }
  const date = recordDate(record.type, data);
  if (date) meta.push(['date', formatDate(date)]);
  else if (updated) meta.push(['updated', formatDate(updated)]);
  for (const organisation of organisations) filters.push(['organisation', organisation]);
  for (const criterion of criteriaOf(record.type, data, typeCriteria)) filters.push(['criterion', facet(criterion)]);

  const seen = new Set<string>();
  return {
    filters: filters.filter(([key, value]) => {
      const id = `${key}\0${value}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    }),
    meta,
  };
}
