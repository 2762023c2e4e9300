// `node bench/build-reads.ts CONTENT [SITE] [RUNS]`: the two costs of a site build that
// bench/SITE.md's "One parse per file per build" section removed, measured alone in one process (CPU
// time of this process, user + system, the median of RUNS, 3 by default), far steadier on a shared
// machine than whole builds:
// - a record graph of CONTENT read afresh (what the loader's publication and the site lint each did),
//   read afresh recording its reads (the safety check now), and restored from those reads
//   (src/site/data/build-reads.ts: the loader's publication and the site lint now);
// - every page of the built SITE (a folder of .html files) decoded, separated and encoded again (the
//   search-text middleware before) against `separateBlockBytes` on its bytes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGraph } from '../src/model/graph.ts';
import { buildReads, endBuildReads, recordBuildReads } from '../src/site/data/build-reads.ts';
import { separateBlockBytes, separateBlocks } from '../src/site/views/search-text.ts';

const [content, site, runsArg] = process.argv.slice(2);
if (!content) throw new Error('usage: node bench/build-reads.ts CONTENT [SITE] [RUNS]');
const runs = Number(runsArg ?? 3);

function cpuSeconds(work: () => unknown): Promise<number> {
  return (async () => {
    const start = process.cpuUsage();
    await work();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1e6;
  })();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const plain: number[] = [];
const fresh: number[] = [];
const restored: number[] = [];
let records = 0;
for (let i = 0; i < runs; i++) {
  // What the loader and the site lint each did before.
  plain.push(await cpuSeconds(() => loadGraph(content)));
  const sink = recordBuildReads();
  // The safety check's graph: read afresh, recording each read.
  fresh.push(await cpuSeconds(async () => (records = (await loadGraph(content, { inputs: { get: () => undefined, set: sink.set } })).records.length)));
  restored.push(await cpuSeconds(() => loadGraph(content, { inputs: buildReads()! })));
  endBuildReads();
}
console.log(`${records} records: a graph read afresh ${median(plain).toFixed(2)} CPU s, read afresh recording its reads ${median(fresh).toFixed(2)} CPU s, restored from the build's reads ${median(restored).toFixed(2)} CPU s (median of ${runs})`);

if (site) {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.html') ? [join(d, e.name)] : []));
  const pages = walk(site).map((f) => new Uint8Array(readFileSync(f)));
  const decoded: number[] = [];
  const bytes: number[] = [];
  for (let i = 0; i < runs; i++) {
    decoded.push(await cpuSeconds(() => pages.forEach((p) => new TextEncoder().encode(separateBlocks(new TextDecoder().decode(p))))));
    bytes.push(await cpuSeconds(() => pages.forEach((p) => separateBlockBytes(p))));
  }
  console.log(`${pages.length} pages: decode, separate, encode ${median(decoded).toFixed(2)} CPU s; separateBlockBytes ${median(bytes).toFixed(2)} CPU s (median of ${runs})`);
}
