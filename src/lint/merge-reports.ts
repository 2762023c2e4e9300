// `seam merge-reports`: the JSON or SARIF reports of the shards of one run (`seam lint --shard i/n`) as
// the one report an unsharded run writes, byte for byte. Shards are contiguous slices of the sorted
// files (src/lint/shard.ts), so their findings, in shard order, are already in the run's order. Pure:
// the CLI reads the files and writes the result.
import type { ShardStamp } from '../rule-kit/finding.ts';

/** A report that cannot be merged, and why, for the user (a usage error). */
export class MergeError extends Error {}

export interface MergedReport {
  format: 'json' | 'sarif';
  output: string;
  errorCount: number;
  warningCount: number;
}

interface JsonReport {
  version: string;
  files: string[];
  findings: { severity: string }[];
  errorCount: number;
  warningCount: number;
  fixableCount: number;
  shard?: ShardStamp;
}

interface SarifRule {
  id: string;
}
interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[];
}
interface SarifRun {
  tool: { driver: { name: string; version: string; rules: SarifRule[] } };
  results: SarifResult[];
  properties?: { seamShard?: ShardStamp };
}
interface SarifLog {
  version: string;
  runs: SarifRun[];
}

type Parsed = { name: string; format: 'json'; report: JsonReport; stamp?: ShardStamp; version: string } | { name: string; format: 'sarif'; report: SarifLog; stamp?: ShardStamp; version: string };

export function mergeReports(inputs: { name: string; text: string }[]): MergedReport {
  if (!inputs.length) throw new MergeError('merge-reports needs the report of every shard: seam merge-reports shard-1.json shard-2.json …');
  const parsed = inputs.map(parse);
  const first = parsed[0]!;
  for (const p of parsed) {
    if (p.format !== first.format) throw new MergeError(`${p.name} is a ${p.format.toUpperCase()} report but ${first.name} is ${first.format.toUpperCase()}: merge the shards' reports of one format (write each shard's with the same --format).`);
    if (!p.stamp) throw new MergeError(`${p.name} is the report of a whole run, not of a shard: write each shard's report with seam lint --shard INDEX/COUNT.`);
    if (p.version !== first.version) throw new MergeError(`${p.name} was written by Seam ${p.version} but ${first.name} by Seam ${first.version}: run every shard with the same Seam.`);
  }
  const stamps = parsed.map((p) => p.stamp!);
  const count = stamps[0]!.count;
  for (const [i, p] of parsed.entries()) {
    const stamp = stamps[i]!;
    if (stamp.count !== count) throw new MergeError(`${p.name} is shard ${stamp.index}/${stamp.count} but ${first.name} is shard ${stamps[0]!.index}/${count}: merge the shards of one run.`);
    if (stamp.run !== stamps[0]!.run) throw new MergeError(`${p.name} and ${first.name} are shards of different runs (other content, configuration, rules, paths or date): run every shard on the same commit with the same options.`);
  }
  const byIndex = new Map<number, Parsed>();
  for (const [i, p] of parsed.entries()) {
    const index = stamps[i]!.index;
    const twice = byIndex.get(index);
    if (twice) throw new MergeError(`Shard ${index}/${count} is given twice (${twice.name} and ${p.name}): give each shard's report once.`);
    byIndex.set(index, p);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length) throw new MergeError(`Shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: merge the reports of all ${count} shards of the run.`);
  const ordered = Array.from({ length: count }, (_, i) => byIndex.get(i + 1)!);
  return first.format === 'json' ? mergeJson(ordered as Extract<Parsed, { format: 'json' }>[]) : mergeSarif(ordered as Extract<Parsed, { format: 'sarif' }>[]);
}

function parse(input: { name: string; text: string }): Parsed {
  const notAReport = `${input.name} is not a report of seam lint --format json or --format sarif`;
  let value: unknown;
  try {
    value = JSON.parse(input.text);
  } catch {
    throw new MergeError(`${notAReport} (it is not JSON).`);
  }
  if (isJsonReport(value)) return { name: input.name, format: 'json', report: value, stamp: value.shard, version: value.version };
  if (isSarifLog(value)) {
    const run = value.runs[0]!;
    return { name: input.name, format: 'sarif', report: value, stamp: run.properties?.seamShard, version: run.tool.driver.version };
  }
  throw new MergeError(`${notAReport}.`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isStamp(v: unknown): v is ShardStamp {
  return isObject(v) && Number.isInteger(v.index) && Number.isInteger(v.count) && typeof v.run === 'string' && Number.isInteger(v.rules) && (v.index as number) >= 1 && (v.index as number) <= (v.count as number);
}

function isJsonReport(v: unknown): v is JsonReport {
  return isObject(v) && typeof v.version === 'string' && Array.isArray(v.files) && v.files.every((f) => typeof f === 'string') && Array.isArray(v.findings) && v.findings.every(isObject)
    && [v.errorCount, v.warningCount, v.fixableCount].every(Number.isInteger) && (v.shard === undefined || isStamp(v.shard));
}

function isSarifLog(v: unknown): v is SarifLog {
  if (!isObject(v) || v.version !== '2.1.0' || !Array.isArray(v.runs) || v.runs.length !== 1) return false;
  const run = v.runs[0];
  if (!isObject(run) || !isObject(run.tool) || !isObject(run.tool.driver) || run.tool.driver.name !== 'Seam' || typeof run.tool.driver.version !== 'string') return false;
  if (!Array.isArray(run.tool.driver.rules) || !run.tool.driver.rules.every((r) => isObject(r) && typeof r.id === 'string')) return false;
  if (!Array.isArray(run.results) || !run.results.every((r) => isObject(r) && typeof r.ruleId === 'string' && typeof r.level === 'string')) return false;
  return run.properties === undefined || (isObject(run.properties) && (run.properties.seamShard === undefined || isStamp(run.properties.seamShard)));
}

/** Shards' file lists must not overlap and must follow each other in the run's order. */
function checkOrder(shards: { name: string; files: string[] }[]): void {
  let last: { file: string; name: string } | undefined;
  for (const { name, files } of shards) {
    for (const file of files) {
      if (last && !(last.file < file)) {
        throw new MergeError(last.file === file ? `${file} is in both ${last.name} and ${name}: the shards overlap, so they are not shards of one run.` : `${name} lists ${file} after ${last.file} in ${last.name}: the reports were changed after seam lint wrote them.`);
      }
      last = { file, name };
    }
  }
}

function mergeJson(shards: Extract<Parsed, { format: 'json' }>[]): MergedReport {
  checkOrder(shards.map((s) => ({ name: s.name, files: s.report.files })));
  const reports = shards.map((s) => s.report);
  const sum = (key: 'errorCount' | 'warningCount' | 'fixableCount') => reports.reduce((n, r) => n + r[key], 0);
  // The key order of the json reporter (src/lint/reporters/json.ts), without the shard stamp.
  const merged = {
    version: reports[0]!.version,
    files: reports.flatMap((r) => r.files),
    findings: reports.flatMap((r) => r.findings),
    errorCount: sum('errorCount'),
    warningCount: sum('warningCount'),
    fixableCount: sum('fixableCount'),
  };
  return { format: 'json', output: `${JSON.stringify(merged, null, 2)}\n`, errorCount: merged.errorCount, warningCount: merged.warningCount };
}

function mergeSarif(shards: Extract<Parsed, { format: 'sarif' }>[]): MergedReport {
  const runs = shards.map((s) => s.report.runs[0]!);
  checkOrder(shards.map((s, i) => ({ name: s.name, files: [...new Set(runs[i]!.results.map(uriOf))] })));
  // The catalogue is the same in every shard; after it come stubs for rule ids with findings but no
  // descriptor, sorted, as the sarif reporter adds them for the whole run (src/lint/reporters/sarif.ts).
  const catalogue = runs[0]!.tool.driver.rules.slice(0, shards[0]!.stamp!.rules);
  const stubs = new Map<string, SarifRule>();
  for (const [i, run] of runs.entries()) for (const rule of run.tool.driver.rules.slice(shards[i]!.stamp!.rules)) stubs.set(rule.id, rule);
  const rules = [...catalogue, ...[...stubs.values()].sort((a, b) => (a.id < b.id ? -1 : 1))];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = runs.flatMap((run) => run.results).map((result) => ({ ...result, ruleIndex: ruleIndex.get(result.ruleId) }));
  const log = structuredClone(shards[0]!.report);
  const run = log.runs[0]!;
  run.tool.driver.rules = rules;
  run.results = results;
  if (run.properties) {
    delete run.properties.seamShard;
    if (!Object.keys(run.properties).length) delete run.properties;
  }
  const errorCount = results.filter((r) => r.level === 'error').length;
  return { format: 'sarif', output: `${JSON.stringify(log, null, 2)}\n`, errorCount, warningCount: results.length - errorCount };
}

function uriOf(result: SarifResult): string {
  const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}
