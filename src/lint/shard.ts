// Splitting a lint run's per-file work (`seam lint --shard i/n`, across CI jobs) and the same split for
// the worker pool: contiguous runs of the sorted file list, so a project's records mostly stay together
// (their shared cross-file reads, such as a charter's diagrams, are prepared once) and the findings of
// shard 1, then 2, … are already in the order of an unsharded run. Each shard still builds the whole
// record graph, so cross-file checks see every record; it only reports on its own files.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RecordGraph } from '../model/graph.ts';
import type { SeamConfig } from '../model/config.ts';
import type { ShardStamp } from '../rule-kit/finding.ts';

/** Part `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** `--shard 2/3` as a shard, or why the text is not one. */
export function parseShard(text: string): Shard | { problem: string } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return { problem: `--shard takes INDEX/COUNT, such as 1/3 (got "${text}").` };
  const [index, count] = [Number(match[1]), Number(match[2])];
  if (count < 1 || index < 1 || index > count) return { problem: `--shard ${text}: the index must be from 1 to the count, such as 1/${Math.max(count, 1)} to ${Math.max(count, 1)}/${Math.max(count, 1)}.` };
  return { index, count };
}

/** The shard's part of `items` (sorted by the caller): the `index`-th of `count` contiguous, near-equal slices. */
export function shardOf<T>(items: readonly T[], shard: Shard): T[] {
  const start = Math.floor(((shard.index - 1) * items.length) / shard.count);
  const end = Math.floor((shard.index * items.length) / shard.count);
  return items.slice(start, end);
}

/** `items` in `parts` contiguous slices (empty ones left out), in order. */
export function split<T>(items: readonly T[], parts: number): T[][] {
  return Array.from({ length: parts }, (_, i) => shardOf(items, { index: i + 1, count: parts })).filter((part) => part.length);
}

/**
 * What a shard's report says about the run it belongs to: its place, and a digest of everything that
 * decides the findings (Seam's version, the date, the config, the rule settings, the plugin files'
 * digests, the selected files and the text of every content file), so that `seam merge-reports`
 * refuses shards of different runs.
 */
export function shardStamp(shard: Shard, inputs: { version: string; today: string; config: SeamConfig; settings: { id: string; severity: string; options: unknown }[]; plugins?: string[]; graph: RecordGraph; selected: readonly string[]; rules: number }): ShardStamp {
  const hash = createHash('sha256');
  const add = (part: string) => hash.update(`${part}\0`);
  add(inputs.version);
  add(inputs.today);
  add(JSON.stringify(inputs.config));
  add(JSON.stringify(inputs.settings));
  if (inputs.plugins?.length) add(JSON.stringify(inputs.plugins));
  add(JSON.stringify(inputs.selected));
  for (const file of inputs.graph.files) {
    add(file);
    add(createHash('sha256').update(textOf(inputs.graph, file)).digest('hex'));
  }
  return { index: shard.index, count: shard.count, run: hash.digest('hex'), rules: inputs.rules };
}

function textOf(graph: RecordGraph, file: string): string | Buffer {
  const source = graph.byFile.get(file)?.source;
  if (source) return source.text;
  try {
    return readFileSync(resolve(graph.root, file));
  } catch {
    return '\0unreadable';
  }
}
