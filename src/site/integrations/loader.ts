// The Astro content loader for one Seam record type: it finds the type's files under the content root,
// reads them with the model's `readSource`, holds their frontmatter to the record type's schema
// (errors name file:line:column), hands it to the collection's schema (Astro's `parseData`) and stores
// each body already rendered by `renderBody()`. Astro's own Markdown/MDX pipeline never sees the
// content, so nothing an author writes is compiled or run at build time.
//
// It is also where an audience build leaves records out (src/model/audience.ts decides which): a record
// the audience may not see is checked like any other but never stored, so no page, search index entry
// or sitemap line can name it, and links to it from other bodies are rendered as plain text.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'tinyglobby';
import { visibleFiles, type Audience } from '../../model/audience.ts';
import { loadGraph, type GraphOptions, type RecordGraph } from '../../model/graph.ts';
import { buildLinkIndex, linkHref, resolveLink, type LinkIndex } from '../../model/links.ts';
import { formatProblem, type Problem } from '../../model/problem.ts';
import type { RecordType } from '../../model/record-types.ts';
import { listContentFiles } from '../../model/content-files.ts';
import { parseSource, readSource } from '../../model/source.ts';
import { authorIssues, zodIssueMessage } from '../../model/zod-messages.ts';
import { recordId } from '../../model/identity.ts';
import { buildReads, refuseUnchecked } from '../data/build-reads.ts';
import { starlightFrontmatter } from '../views/handbook-frontmatter.ts';
import { renderBody, type BodyHeading } from '../views/render.ts';

export interface RecordLoaderOptions {
  /** The absolute content root. */
  contentRoot: string;
  /** Who the build is for; `confidential` (every record) by default. */
  audience?: Audience;
  /** What the config says the graph needs (the primary standard). */
  graph?: GraphOptions;
}

/** What an audience build publishes: the files it stores, and every record's page for resolving links. */
export interface Publication {
  visible: ReadonlySet<string>;
  links: LinkIndex;
}

/** What an audience sees of a content root (pure, given the graph). */
export function publicationOf(graph: RecordGraph, audience: Audience): Publication {
  return { visible: visibleFiles(graph, audience), links: buildLinkIndex(graph, () => undefined) };
}

/**
 * The site address of each link in the body of `file`: a record's page, `null` for a record this build
 * leaves out (the link becomes plain text), `undefined` for anything else (kept as written).
 */
export function bodyLinkResolver({ visible, links }: Publication, file: string): (url: string) => string | null | undefined {
  return (url) => {
    const target = resolveLink(links, file, url, undefined, { explain: false });
    return target.kind === 'page' && !visible.has(target.record.file) ? null : linkHref(file, url, links.graph.primaryStandard);
  };
}

/** Parses a file's text once the build's safety check is known to have read that text (src/site/data/build-reads.ts). */
const checkedParse = (text: string, file: string) => {
  refuseUnchecked(file, text);
  return parseSource(text, file);
};

let cached: { key: string; at: number; value: Promise<Publication> } | undefined;

/**
 * Read once per build for every collection (and again in `astro dev` after content changes): which
 * records the audience sees, decided by the model from the whole content root, since a project
 * record's visibility depends on its charter and a link's on its target.
 */
function publicationFor(contentRoot: string, audience: Audience, options: GraphOptions = {}): Promise<Publication> {
  const key = `${contentRoot}\0${audience}\0${options.primaryStandard ?? ''}`;
  if (cached?.key !== key) {
    // In a build, each file's parse comes from the safety check's read of the same text, and a file whose
    // text the check did not read stops the build (it would be published unchecked).
    const inputs = buildReads();
    const value = loadGraph(contentRoot, { ...options, ...(inputs ? { inputs } : {}) }).then((graph) => publicationOf(graph, audience));
    cached = { key, at: Date.now(), value };
  }
  return cached.value;
}

/** Forgets the publication when the content changed after it was read. */
function contentChanged(at: number): void {
  if (cached && cached.at < at) cached = undefined;
}

/** The collections whose loader was made and has not yet finished a one-off (build) sync. */
const unsynced = new Set<string>();

/**
 * A build syncs every collection once, then renders pages for minutes: the publication holds a whole
 * record graph (every file's text and YAML document), so it is let go once the last collection is
 * stored rather than kept to the end of the build. (A later sync would simply read it again.)
 */
function syncedOnce(type: RecordType): void {
  unsynced.delete(type.name);
  if (unsynced.size === 0) cached = undefined;
}

export function recordLoader(type: RecordType, options: RecordLoaderOptions): Loader {
  const { contentRoot } = options;
  unsynced.add(type.name);
  return {
    name: 'seam-record-loader',
    load: async (context) => {
      await syncCollection(type, options, context);
      const { watcher } = context;
      if (!watcher) return syncedOnce(type);
      // In `astro dev`: any change under the content root re-reads this collection. Errors are logged,
      // not thrown, so a half-typed file does not stop the dev server.
      watcher.add(contentRoot);
      const resync = (changed: string) => {
        if (path.relative(contentRoot, changed).startsWith('..')) return;
        contentChanged(Date.now());
        syncCollection(type, options, context).catch((e: Error) => context.logger.error(e.message));
      };
      watcher.on('change', resync);
      watcher.on('add', resync);
      watcher.on('unlink', resync);
    },
  };
}

/**
 * Problems in content files, as Astro prints them: one file:line:column line each, named after the
 * problem and without a stack trace, since the fix is in the content, not in Seam's code.
 */
function contentError(problems: Problem[], hint: string): Error {
  const error = new AstroError(problems.map(formatProblem).join('\n'), hint);
  error.name = 'ContentError';
  error.stack = '';
  return error;
}

async function syncCollection(type: RecordType, options: RecordLoaderOptions, context: LoaderContext): Promise<void> {
  const { contentRoot, audience = 'confidential' } = options;
  const { store, config, parseData } = context;
  if (!existsSync(contentRoot)) {
    throw contentError(
      [{ file: contentRoot, line: 1, column: 1, code: 'content-root', message: 'The content folder does not exist.' }],
      'Point SEAM_CONTENT (or `content:` in seam.config.yaml) at a folder laid out like content/.',
    );
  }
  if (!statSync(contentRoot).isDirectory()) {
    throw contentError(
      [{ file: contentRoot, line: 1, column: 1, code: 'content-root', message: 'The content folder is a file, not a folder.' }],
      'Point SEAM_CONTENT (or `content:` in seam.config.yaml) at a folder laid out like content/.',
    );
  }
  const astroRoot = fileURLToPath(config.root);
  const shownFile = (file: string) => path.relative(astroRoot, path.join(contentRoot, file)).split(path.sep).join('/');
  // Fail closed, as the linter does: a link is not followed and an unreadable folder not skipped silently.
  const refused = listContentFiles(contentRoot).flatMap((e) => (e.refused ? [{ ...e.refused, file: shownFile(e.file) }] : []));
  if (refused.length) throw contentError(refused, 'Replace each link with the file or folder itself and make every file and folder readable, then build again.');
  const files = (await glob(type.pattern, { cwd: contentRoot, onlyFiles: true, followSymbolicLinks: false, ...(type.exclude ? { ignore: [type.exclude] } : {}) })).sort();
  const seen = new Map<string, string>();
  const publication = await publicationFor(contentRoot, audience, options.graph);
  const { visible } = publication;
  const { graph } = publication.links;
  const stored = new Set<string>();

  for (const file of files) {
    const absolute = path.join(contentRoot, file);
    // Shown relative to the repository, as an editor or CI annotation would.
    const shown = path.relative(astroRoot, absolute).split(path.sep).join('/');
    const at = (p: Problem): Problem => ({ ...p, file: shown });
    const id = recordId(file);
    const other = seen.get(id);
    if (other) {
      throw contentError([{ file: shown, line: 1, column: 1, code: 'duplicate-id', message: `The ${type.label} id "${id}" is already used by ${other}.` }], 'Rename or remove one of the two files.');
    }
    seen.set(id, shown);

    // The publication's graph has read and parsed every record file already: the same text, read again
    // only for a file it does not hold. In a build, either read stops it at a text the safety check did not read.
    const source = graph.byFile.get(file)?.source ?? readSource(absolute, file, checkedParse);
    if (source.problems.length) throw contentError(source.problems.map(at), 'Fix the file, then build again.');
    if (!source.hasFrontmatter && !/\.ya?ml$/i.test(file)) {
      throw contentError(
        [{ file: shown, line: 1, column: 1, code: 'schema', message: `The ${type.label} has no frontmatter.` }],
        'Start the file with a line `---`, the fields (at least `title:`), and another line `---`.',
      );
    }
    // Always validate and render, even when the file is unchanged: Astro only clears its cache when
    // content.config.ts itself changes, not when a schema or the renderer does.
    const raw = (source.data ?? {}) as Record<string, unknown>;
    const checked = type.schema.safeParse(raw, { reportInput: true });
    if (!checked.success) {
      const problems = authorIssues(checked.error.issues).map((issue): Problem => {
        const keyProblem = issue.code === 'unrecognized_keys';
        const where = source.locate(keyProblem ? [...issue.path, issue.keys[0] ?? ''] : issue.path, { key: keyProblem });
        return { file: shown, line: where.line, column: where.column, code: 'schema', message: zodIssueMessage(issue, raw, type.schema) };
      });
      throw contentError(problems, `Each line is a field of this ${type.label} that does not match its schema.`);
    }
    // The collection's own schema (for handbook pages, Starlight's) then shapes what the site stores.
    let data: Record<string, unknown>;
    try {
      data = await parseData({ id, data: type.name === 'docs' ? starlightFrontmatter(raw) : raw, filePath: absolute });
    } catch (e) {
      const message = (e as Error).message.replace(/\*\*/g, '').trim();
      throw contentError([{ file: shown, line: 1, column: 1, code: 'schema', message }], 'Fix the frontmatter, then build again.');
    }

    let rendered: { html: string; metadata: { headings: BodyHeading[] } } | undefined;
    if (source.hasFrontmatter && !/\.ya?ml$/i.test(file)) {
      try {
        const { html, headings } = renderBody(source.body, {
          format: /\.mdx$/i.test(file) ? 'mdx' : 'md',
          resolveLink: bodyLinkResolver(publication, file),
        });
        rendered = { html, metadata: { headings } };
      } catch (e) {
        // remark-mdx reports MDX syntax errors with a position inside the body.
        const { line = 1, column = 1, reason = (e as Error).message } = e as { line?: number; column?: number; reason?: string };
        const bodyLine = source.positionAt(source.bodyOffset).line;
        throw contentError(
          [{ file: shown, line: line + bodyLine - 1, column, code: 'mdx', message: `Broken MDX: ${reason}` }],
          'In MDX, `<`, `{` and `}` start code: write them as `&lt;`, `\\{` and `\\}` in prose.',
        );
      }
    }
    // Checked and rendered like every record, so a broken file fails every build, but stored only
    // when this build's audience may see it.
    if (!visible.has(file)) continue;
    // Without the Markdown body: no page reads it (each shows `rendered`), and the content store is
    // held several times over in a build (the loader's store, the JSON Astro bundles into the pages
    // with Rolldown, that module's source and its parse), so the bodies cost memory at every step.
    // No digest: Astro keeps its store between builds and skips an entry whose digest is unchanged, and
    // a digest is for nothing else. Every record is validated and rendered on every sync anyway, and what
    // it renders depends on more than its own text (its links on the build's audience and on other
    // records), so a skip could only keep a stale entry: a public build after an internal one kept the
    // internal build's links to internal records when the digest was the file's text.
    store.set({ id, data, filePath: shown, rendered });
    stored.add(id);
  }

  for (const id of store.keys()) if (!stored.has(id)) store.delete(id);
}
