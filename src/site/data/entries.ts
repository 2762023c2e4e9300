// The site's one door to the content collections: typed records of each type, the titles references
// link to, and the handbook's pages. No other module of the site imports astro:content.
import type { MarkdownHeading } from 'astro';
import { getCollection } from 'astro:content';
import { recordTypes } from '../../model/record-types.ts';
import type { RecordData, RecordTypeName } from '../../model/record-data.ts';
import { criterionAnchor } from '../../model/identity.ts';
import { qualify } from '../../model/criterion-ids.ts';
import { getSiteLint } from './lint-state.ts';
import { targetRecordTypes } from '../../model/references.ts';
import { siteHref } from '../../model/site-address.ts';
import type { ReferenceLookup } from '../views/routes.ts';
import { sections, type Section } from '../views/sections.ts';
import { handbookLanding, type HandbookPage } from '../views/sidebar.ts';
import { countBuildStep } from './build-stats.ts';
import { IS_BUILD } from './build-stats.ts';

export type { RecordData, RecordTypeName };

export interface SeamRecord<T extends RecordTypeName = RecordTypeName> {
  type: T;
  id: string;
  data: RecordData[T];
  /** The body as safe HTML (empty for data files). */
  html: string;
  headings: MarkdownHeading[];
  /** The source file, relative to the repository root. */
  filePath?: string;
}

const builtRecords = new Map<RecordTypeName, Promise<SeamRecord[]>>();

/**
 * Every record of `type`, ordered by id. A build reads each collection once and every page shares the
 * array (so callers never change it); `astro dev` reads it afresh for each page, so edits show up.
 */
export function getRecords<T extends RecordTypeName>(type: T): Promise<SeamRecord<T>[]> {
  if (!IS_BUILD) return readRecords(type);
  let records = builtRecords.get(type);
  if (!records) builtRecords.set(type, (records = readRecords(type)));
  return records as Promise<SeamRecord<T>[]>;
}

async function readRecords<T extends RecordTypeName>(type: T): Promise<SeamRecord<T>[]> {
  countBuildStep(`collection:${type}`);
  const entries = await getCollection(type);
  return entries
    .map((entry) => ({
      type,
      id: entry.id,
      data: entry.data as RecordData[T],
      html: entry.rendered?.html ?? '',
      headings: (entry.rendered?.metadata?.headings ?? []) as MarkdownHeading[],
      filePath: entry.filePath,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

let builtLookup: Promise<ReferenceLookup> | undefined;

/** The title of every record by type and id (and every criterion), so references can be shown as links. */
export function getReferenceLookup(): Promise<ReferenceLookup> {
  // A build reads the content once; `astro dev` rebuilds it per page so edits show up.
  if (IS_BUILD) return (builtLookup ??= buildReferenceLookup());
  return buildReferenceLookup();
}

async function buildReferenceLookup(): Promise<ReferenceLookup> {
  countBuildStep('reference-lookup');
  const titles = new Map<string, Map<string, string>>();
  for (const type of recordTypes) {
    const entries = await getRecords(type.name as RecordTypeName);
    titles.set(type.name, new Map(entries.map((e) => [e.id, String(e.data.title)])));
  }
  // Criteria by their anchor, which tells the standards apart the way references do (P5, sp800-53-low:cm-4).
  const primary = (await getSiteLint()).graph.primaryStandard;
  const criteria = new Map<string, string>();
  for (const { id, data } of await getRecords('standards')) {
    for (const c of data.criteria) for (const item of [c, ...(c.items ?? [])]) criteria.set(criterionAnchor(qualify(id, item.id), primary), item.text);
  }
  return (target, id) => {
    const title = target === 'criterion' ? criteria.get(criterionAnchor(id, primary)) : titles.get(targetRecordTypes[target] ?? '')?.get(id);
    return title === undefined ? undefined : { title };
  };
}

let builtHandbook: Promise<HandbookPage[]> | undefined;

/** The handbook's pages (drafts only in `astro dev`), for the sidebar and the handbook's landing link (read once per build). */
export function getHandbookPages(): Promise<HandbookPage[]> {
  if (IS_BUILD) return (builtHandbook ??= readHandbookPages());
  return readHandbookPages();
}

async function readHandbookPages(): Promise<HandbookPage[]> {
  countBuildStep('handbook-pages');
  const docs = await getCollection('docs', ({ data }) => import.meta.env.MODE !== 'production' || !data.draft);
  return docs.map(({ id, data }) => ({ id, title: data.title, sidebar: data.sidebar }));
}

/** The site's sections with the addresses the site writes (with its base path); the handbook's is its landing page, and it is left out when there are no handbook pages. */
export async function getSections(): Promise<Section[]> {
  const landing = handbookLanding(await getHandbookPages());
  return sections.flatMap((section) => {
    if (section.recordType !== 'docs') return [{ ...section, href: siteHref(section.href) }];
    return landing ? [{ ...section, href: landing }] : [];
  });
}
