// The records this build publishes, assembled for the site's pages: every record by type and id, each
// project with its records, and the page of a content file — so a page links to a record only when this
// build (and audience) publishes it. Reads the content collections through entries.ts only.
import { relative, resolve, sep } from 'node:path';
import { recordTypes } from '../../model/record-types.ts';
import { getRecords, type RecordData, type RecordTypeName, type SeamRecord } from './entries.ts';
import type { SiteLint } from './lint-state.ts';
import { projectOf, recordHref } from '../../model/identity.ts';

export type Published = { [T in RecordTypeName]: Map<string, SeamRecord<T>> };

export interface ProjectRecords {
  id: string;
  charter: SeamRecord<'charter'>;
  stakeholders?: SeamRecord<'stakeholders'>;
  plan?: SeamRecord<'plan'>;
  /** Oldest first. */
  status: SeamRecord<'status'>[];
  evaluations: SeamRecord<'evaluations'>[];
  changes: SeamRecord<'changes'>[];
  signoff?: SeamRecord<'signoff'>;
  lessons?: SeamRecord<'lessons'>;
  /** The engagement log, oldest first. */
  engagement: SeamRecord<'engagement'>[];
}

let built: Promise<Published> | undefined;

/** Every published record, by type and id (read once per build; per page in `astro dev`). */
export function getPublished(): Promise<Published> {
  if (import.meta.env.PROD) return (built ??= readPublished());
  return readPublished();
}

async function readPublished(): Promise<Published> {
  const entries = await Promise.all(
    recordTypes.map(async (t) => [t.name, new Map((await getRecords(t.name as RecordTypeName)).map((r) => [r.id, r]))] as const),
  );
  return Object.fromEntries(entries) as unknown as Published;
}

/** Each published project (one whose charter is published) with its published records, in id order. */
export function projectsOf(published: Published): ProjectRecords[] {
  const inProject = <T extends RecordTypeName>(type: T, project: string) =>
    [...published[type].values()].filter((r) => projectOf(r.id) === project);
  return [...published.charter.values()].map((charter) => ({
    id: charter.id,
    charter,
    stakeholders: inProject('stakeholders', charter.id)[0],
    plan: inProject('plan', charter.id)[0],
    status: inProject('status', charter.id).sort((a, b) => (a.data.date < b.data.date ? -1 : 1)),
    evaluations: inProject('evaluations', charter.id),
    changes: inProject('changes', charter.id),
    signoff: inProject('signoff', charter.id)[0],
    lessons: inProject('lessons', charter.id)[0],
    engagement: inProject('engagement', charter.id).sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.id < b.id ? -1 : 1)),
  }));
}

/** The page (and title) of a content file (content-relative), when this build publishes its record. */
export function pageOfFile(published: Published, lint: SiteLint) {
  return (contentFile: string): { href: string; title: string } | undefined => {
    const record = lint.graph.byFile.get(contentFile);
    if (!record) return undefined;
    const site = published[record.type as RecordTypeName]?.get(record.id);
    return site ? { href: recordHref(record.type, record.id), title: String((site.data as RecordData[RecordTypeName]).title) } : undefined;
  };
}

/**
 * The findings about records this build publishes: a rule's page lists them, and must not name a
 * file, or quote a message about one, that the audience may not read.
 */
export function publishedFindings(published: Published, lint: SiteLint) {
  const pageOf = pageOfFile(published, lint);
  return lint.findings.filter((f) => {
    const file = relative(lint.contentRoot, resolve(lint.repoRoot, f.file)).split(sep).join('/');
    return pageOf(file) !== undefined;
  });
}
