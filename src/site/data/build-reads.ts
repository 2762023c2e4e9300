// What reading each content file gave, kept for the rest of one site build, so a file is parsed and
// validated once per build instead of three times. A build reads the whole content root three times,
// each in its own copy of Seam's modules: the content-safety check (Astro's config), the content
// loader's publication (Vite's module graph) and the lint state (the bundled pages). The safety check
// reads every file afresh, as it must on every build, and records what each read gave here; the later
// two graphs take a file's parse and record from here when its text is exactly the text the safety
// check read (the key is the file and a digest of its text), and parse it themselves otherwise. The
// safety check never reads from here: it only writes (see `LintOptions.readSink`).
//
// Kept on `globalThis`, since the three readers are different module instances in one process, and
// V8-serialised (as the lint cache keeps them), so each reader gets its own objects and the build holds
// compact buffers rather than live objects while it bundles. Dropped once the lint state's graph is
// built, the last reader.
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { FileInput, GraphInputs } from '../../model/graph.ts';

const READS = Symbol.for('seam.site.build-reads');
type Reads = Map<string, Buffer>;
const shared = globalThis as { [READS]?: Reads };

const keyOf = (file: string, text: string) => `${file}\0${createHash('sha256').update(text).digest('base64')}`;

/** Starts this build's record of reads, emptied of any earlier build's: what the returned sink is told is kept. */
export function recordBuildReads(): Pick<GraphInputs, 'set'> {
  const reads: Reads = new Map();
  shared[READS] = reads;
  return { set: (file, text, input) => void reads.set(keyOf(file, text), serialize(input)) };
}

/** This build's reads, for a graph built later in it; undefined when no check recorded any (`astro dev`, `astro sync`). */
export function buildReads(): GraphInputs | undefined {
  const reads = shared[READS];
  if (!reads) return undefined;
  return {
    get: (file, text) => {
      const stored = reads.get(keyOf(file, text));
      return stored && (deserialize(stored) as FileInput);
    },
    // A later graph's own reads are not kept: no reader comes after it that would want them.
    set: () => {},
  };
}

/** Lets this build's reads go: the last graph that uses them is built. */
export function endBuildReads(): void {
  delete shared[READS];
}
