// What reading each content file gave, kept for the rest of one site build, so a file is parsed and
// validated once per build instead of three times. A build reads the whole content root three times,
// each in its own copy of Seam's modules: the content-safety check (Astro's config), the content
// loader's publication (Vite's module graph) and the lint state (the bundled pages). The safety check
// reads every file afresh, as it must on every build, and records what each read gave here; the later
// two graphs take a file's parse and record from here when its text is exactly the text the safety
// check read (each file is kept with a digest of the text read), and parse it themselves otherwise. The
// safety check never reads from here: it only writes (see `LintOptions.readSink`).
//
// It is also what keeps the build closed to a file changed after the check: the later graphs are what
// the site publishes, so a file they read with a text the check did not read (edited, added or made
// readable while the site was building) stops the build, with the file and what to do, instead of
// being published unchecked. Only a build records reads; `astro dev` and `astro sync` never refuse here
// (`astro dev` reports the check's findings once, when it starts, and refuses nothing).
//
// Kept on `globalThis`, since the three readers are different module instances in one process, and
// V8-serialised (as the lint cache keeps them), so each reader gets its own objects and the build holds
// compact buffers rather than live objects while it bundles. The parses are dropped once the lint
// state's graph is built, the last reader; what each file's checked text was is kept to the end.
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { AstroError } from 'astro/errors';
import type { FileInput, GraphInputs } from '../../model/graph.ts';
import { formatProblem } from '../../model/problem.ts';

const READS = Symbol.for('seam.site.build-reads');
interface Reads {
  /** How a content file is named in the build's messages (relative to the repository). */
  shown: (file: string) => string;
  /** Per content file read by the check: the digest of the text it read, and (until the lint state) what reading it gave. */
  files: Map<string, { digest: string; input?: Buffer }>;
}
const shared = globalThis as { [READS]?: Reads };

const digestOf = (text: string) => createHash('sha256').update(text).digest('base64');

/**
 * Starts this build's record of reads, emptied of any earlier build's: what the returned sink is told is
 * kept. `shown` names a content file (relative to the content root) in the build's messages.
 */
export function recordBuildReads(shown: (file: string) => string = (file) => file): Pick<GraphInputs, 'set'> {
  const files: Reads['files'] = new Map();
  shared[READS] = { shown, files };
  return { set: (file, text, input) => void files.set(file, { digest: digestOf(text), input: serialize(input) }) };
}

/**
 * Stops the build when its safety check did not read `file` with exactly `text`: a content file edited,
 * added or made readable after the check would otherwise be published unchecked. Does nothing when no
 * check recorded its reads (`astro dev`, `astro sync`).
 */
export function refuseUnchecked(file: string, text: string): void {
  refusal(shared[READS], file, digestOf(text));
}

function refusal(reads: Reads | undefined, file: string, digest: string): void {
  if (!reads) return;
  const checked = reads.files.get(file);
  if (checked?.digest === digest) return;
  const what = checked ? 'changed after' : 'was added, or became readable, after';
  const shown = reads.shown(file);
  const error = new AstroError(
    formatProblem({ file: shown, line: 1, column: 1, code: 'changed-during-build', message: `This file ${what} the build checked the content for unsafe MDX and credentials, so nothing was built: the site would have published text that was not checked.` }),
    'Build again, and leave the content folder as it is until the build finishes (an editor saving, a git checkout or a sync tool can change it while the site builds).',
  );
  error.name = 'ContentError';
  error.stack = '';
  throw error;
}

/**
 * This build's reads, for a graph built later in it: what reading a file gave, when its text is exactly
 * the text the safety check read (from `over`, the lint cache's store, when given); a file whose text the
 * check did not read stops the build (see `refuseUnchecked`). Outside a build (`astro dev`, `astro
 * sync`), `over` as it is, or undefined.
 */
export function buildReads(over?: GraphInputs): GraphInputs | undefined {
  const reads = shared[READS];
  if (!reads) return over;
  return {
    get: (file, text) => {
      const digest = digestOf(text);
      refusal(reads, file, digest);
      if (over) return over.get(file, text);
      const stored = reads.files.get(file)?.input;
      return stored && (deserialize(stored) as FileInput);
    },
    // A later graph's own reads are not kept: no reader comes after it that would want them.
    set: (file, text, input) => over?.set(file, text, input),
  };
}

/** Lets this build's parses go (the last graph that uses them is built); what each file's checked text was is kept. */
export function endBuildReads(): void {
  for (const read of shared[READS]?.files.values() ?? []) delete read.input;
}

/** Forgets this build's reads altogether, as if no check had recorded any (a test that recorded some). */
export function forgetBuildReads(): void {
  delete shared[READS];
}
