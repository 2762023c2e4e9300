// `seam import oscal FILE` and `seam export oscal [standard]`: OSCAL catalogs in and out of Seam's
// criteria catalogues (src/oscal/ does the work). Bad input is a usage error with a message, and an
// import that fails writes nothing.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, relative, resolve, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { restrictGraph, visibleFiles } from '../model/audience.ts';
import { graphOptions, loadGraph } from '../model/graph.ts';
import { lint } from '../lint/engine.ts';
import { computeCoverage } from '../rule-kit/coverage.ts';
import { exportAssessmentResults } from '../oscal/assessment-results.ts';
import { exportOscalCatalog, importOscalCatalog, MAX_OSCAL_BYTES, OscalError } from '../oscal/catalog.ts';
import { audienceFor, type ExportFlags } from './export.ts';
import type { IO } from './io.ts';
import { UsageError } from './io.ts';
import { openCommandWorkspace } from './workspace.ts';

export interface ImportFlags {
  id?: string;
  output?: string;
}

export async function importOscalCommand(file: string, flags: ImportFlags, io: IO): Promise<number> {
  const path = resolve(io.cwd, file);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UsageError(`${file} is not a file. Give the path of an OSCAL catalog in JSON.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  if (size > MAX_OSCAL_BYTES) throw new UsageError(`${file} is ${(size / 1048576).toFixed(1)} MiB; Seam imports OSCAL catalogs up to ${MAX_OSCAL_BYTES / 1048576} MiB. Import a smaller catalog (a resolved baseline rather than the whole catalog).`);
  const output = flags.output === undefined ? undefined : resolve(io.cwd, flags.output);
  const id = flags.id ?? (output ? basename(output, extname(output)) : undefined);
  let result: ReturnType<typeof importOscalCatalog>;
  try {
    result = importOscalCatalog(readFileSync(path, 'utf8'), id);
  } catch (error) {
    if (error instanceof OscalError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  const { catalogue } = result;
  const items = catalogue.criteria.reduce((n, c) => n + (c.items?.length ?? 0), 0);
  const counts = `${catalogue.criteria.length} criteria${items ? ` with ${items} sub-items` : ''} in ${catalogue.groups.length} groups`;
  if (output) {
    try {
      await writeFileAtomic(output, result.yaml);
    } catch (error) {
      throw new UsageError(`Cannot write ${flags.output}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message}.`);
    }
    io.stderr(`seam: imported ${counts} from ${file} into ${flags.output}. Add a coverage map (standards/${result.id}.coverage.yaml) before it counts.\n`);
  } else {
    io.stdout(result.yaml);
    io.stderr(`seam: imported ${counts} from ${file}; save it as content/standards/${result.id}.yaml.\n`);
  }
  return 0;
}

/** A catalogue classified above the audience is left out as on the site: for that audience it does not exist. */
export async function exportOscalCommand(name: string | undefined, flags: ExportFlags & { results?: boolean }, io: IO): Promise<number> {
  const workspace = await openCommandWorkspace(flags, io);
  const audience = audienceFor(flags, io, workspace.config);
  const graph = restrictGraph(await loadGraph(workspace.root, graphOptions(workspace.config)), audience);
  const all = graph.byType.get('standards') ?? [];
  const known = `The catalogues are: ${all.map((s) => s.id).join(', ') || 'none (content/standards/ is empty)'}.`;
  if (name === undefined && all.length !== 1) throw new UsageError(`"seam export oscal" needs a standard when there is not exactly one: seam export oscal <standard>. ${known}`);
  const record = name === undefined ? all[0]! : all.find((s) => s.id === name);
  if (!record) throw new UsageError(`There is no criteria catalogue "${name}". ${known}`);
  const standard = graph.standards.find((s) => s.id === record.id);
  if (!standard?.data) throw new UsageError(`The catalogue ${record.file} fails its schema, so it cannot be exported. Run "seam lint" for the problems.`);
  if (!flags.results) {
    io.stdout(exportOscalCatalog(standard.data));
    return 0;
  }
  // The results: coverage as `seam coverage` computes it (every rule, the whole content), then only
  // the projects and evidence files the audience may read.
  const { result, graph: full } = await lint({ root: workspace.root, cwd: io.cwd, config: workspace.config, today: workspace.today, settings: workspace.settings });
  const fromRepo = (file: string) => relative(workspace.repoRoot, resolve(workspace.root, file)).split(sep).join('/');
  const coverage = computeCoverage(full, result.findings);
  const rows = coverage.criteria.flatMap((c, i) => (c.standard === record.id ? [i] : []));
  if (!rows.length) throw new UsageError(`The catalogue ${record.id} has no coverage map, so there are no results to export. Add standards/${record.id}.coverage.yaml (see "Coverage" in the README).`);
  const readable = visibleFiles(full, audience);
  const columns = coverage.projects.flatMap((p, j) => (graph.projects.has(p.id) ? [j] : []));
  // OSCAL needs at least one result: say so rather than write a document that is not valid.
  if (!columns.length) throw new UsageError(`There is no project the ${audience} audience may read, so there are no results to export. Choose a wider audience with --audience.`);
  io.stdout(
    exportAssessmentResults({
      standard: { id: record.id, title: record.title },
      criteria: rows.map((i) => coverage.criteria[i]!),
      projects: columns.map((j) => coverage.projects[j]!),
      cells: rows.map((i) => columns.map((j) => {
        const cell = coverage.cells[i]![j]!;
        return { ...cell, evidence: cell.evidence.filter((e) => readable.has(e.file)).map((e) => ({ file: fromRepo(e.file), via: e.via })) };
      })),
      today: workspace.today,
      plan: fromRepo(`standards/${record.id}.coverage.yaml`),
    }),
  );
  return 0;
}
