// `seam new`: create a project or a record from its template (src/model/scaffold.ts). Flags for scripts,
// questions for people at a terminal; it never overwrites a file, and writes each one atomically.
import { closeSync, existsSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import * as clack from '@clack/prompts';
import { graphOptions, loadGraph } from '../model/graph.ts';
import type { RecordGraph } from '../model/graph.ts';
import type { PeriodKind } from '../model/periods.ts';
import { isNewKind, newKinds, PROMPT_MARK, scaffold } from '../model/scaffold.ts';
import type { NewKind, ScaffoldRequest } from '../model/scaffold.ts';
import { recordTypeByName } from '../model/record-types.ts';
import { KEBAB_CASE } from '../model/text.ts';
import type { IO } from './io.ts';
import { UsageError } from './io.ts';
import { openCommandWorkspace } from './workspace.ts';
import type { WorkspaceFlags } from './workspace.ts';

export interface NewFlags extends WorkspaceFlags {
  project?: string;
  id?: string;
  title?: string;
  provider?: string;
  period?: string;
  yes?: boolean;
}

const NEW_KINDS = Object.keys(newKinds) as NewKind[];

export async function newCommand(kind: string, id: string | undefined, flags: NewFlags, io: IO): Promise<number> {
  if (!isNewKind(kind)) throw new UsageError(`Cannot create "${kind}". Choose one of: ${NEW_KINDS.join(', ')}.`);
  if (id && flags.id && id !== flags.id) throw new UsageError(`Two different ids given ("${id}" and --id "${flags.id}"): give one.`);
  const workspace = await openCommandWorkspace(flags, io);
  const graph = await loadGraph(workspace.root, graphOptions(workspace.config));
  const providers = workspace.settings.find((s) => s.rule.meta.id === 'providers')?.options as { period?: PeriodKind } | undefined;
  let request: ScaffoldRequest = {
    kind,
    project: kind === 'project' ? (id ?? flags.id) : flags.project ?? onlyProject(graph, kind),
    id: kind === 'project' ? undefined : (id ?? flags.id),
    title: flags.title,
    provider: flags.provider,
    period: flags.period,
    periodKind: providers?.period,
    today: workspace.today,
  };
  if (!flags.yes && io.isTTY && process.stdin.isTTY) {
    const answered = await ask(request, graph);
    if (!answered) {
      io.stderr('seam: cancelled; nothing was written.\n');
      return 2;
    }
    request = answered;
  }

  const result = scaffold(graph, request);
  if (!result.ok) throw new UsageError(result.message);
  const display = (file: string) => relative(io.cwd, resolve(workspace.root, file)).split(sep).join('/');
  // Nothing is written through a link: a linked folder (or file) could lead out of the content folder.
  const links = [...new Set(result.files.flatMap((f) => linksOnTheWay(workspace.root, f.file)))];
  if (links.length) {
    throw new UsageError(`${links.map(display).join(', ')} ${links.length === 1 ? 'is a symbolic link' : 'are symbolic links'}; seam new does not write through links (one could lead out of the content folder), so nothing was written. Replace the link with a real folder or file, or delete it.`);
  }
  const taken = result.files.filter((f) => existsSync(resolve(workspace.root, f.file)));
  if (taken.length) {
    throw new UsageError(`${taken.map((f) => display(f.file)).join(', ')} already exist${taken.length === 1 ? 's' : ''}; seam new never overwrites a file. Edit it, or choose another ${kind === 'evaluation' ? '--period or --provider' : kind === 'status' ? '--today' : 'id'}.`);
  }
  for (const f of result.files) writeNew(resolve(workspace.root, f.file), f.text);
  const prompts = result.files.reduce((n, f) => n + f.text.split(PROMPT_MARK).length - 1, 0);
  for (const f of result.files) io.stdout(`created ${display(f.file)}\n`);
  io.stdout(`Replace the ${prompts} "${PROMPT_MARK}" prompt${prompts === 1 ? '' : 's'} with real content, then run "seam lint" to check ${result.files.length === 1 ? 'it' : 'them'}.\n`);
  return 0;
}

/** Records belong to the only project, when there is only one. */
function onlyProject(graph: RecordGraph, kind: NewKind): string | undefined {
  if (!recordTypeByName.get(newKinds[kind])!.inProject) return undefined;
  const projects = [...graph.projects.values()].filter((p) => p.charter);
  return projects.length === 1 ? projects[0].id : undefined;
}

/** The links among `file`'s folders and the file itself, from the content root down (content-relative). */
function linksOnTheWay(root: string, file: string): string[] {
  const parts = file.split('/');
  const found: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const at = parts.slice(0, i).join('/');
    try {
      if (lstatSync(resolve(root, at)).isSymbolicLink()) found.push(at);
    } catch {
      break; // not there yet: seam new creates it
    }
  }
  return found;
}

/**
 * Writes a new file atomically and never over an existing one: the text goes to a temporary file in
 * the same folder, which is then hard-linked into place (the link fails if the name is taken).
 */
function writeNew(path: string, text: string) {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${path} already exists; seam new never overwrites a file.`);
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** Asks, at a terminal, for what the flags left open; undefined when the author cancels. */
async function ask(request: ScaffoldRequest, graph: RecordGraph): Promise<ScaffoldRequest | undefined> {
  const type = recordTypeByName.get(newKinds[request.kind])!;
  const out = { ...request };
  const kebab = (value: string | undefined) => (value && !KEBAB_CASE.test(value) ? 'Use lower-case letters and digits joined by hyphens.' : undefined);
  clack.intro(`seam new ${request.kind}: a ${request.kind === 'project' ? 'project (charter, stakeholder register, plan)' : type.label}`);
  if (request.kind === 'project' && !out.project) {
    const id = await clack.text({ message: 'Project id (kebab-case, also its folder name)', placeholder: 'crm-consolidation', validate: (v) => (v ? kebab(v) : 'A project needs an id.') });
    if (clack.isCancel(id)) return undefined;
    out.project = id;
  }
  if (type.inProject && request.kind !== 'project' && !out.project) {
    const projects = [...graph.projects.values()].filter((p) => p.charter);
    if (!projects.length) {
      clack.cancel('There are no projects yet: create one with "seam new project <id>".');
      return undefined;
    }
    const project = await clack.select({ message: 'Which project?', options: projects.map((p) => ({ value: p.id, label: p.charter!.title, hint: p.id })) });
    if (clack.isCancel(project)) return undefined;
    out.project = project;
  }
  if (request.kind === 'evaluation' && !out.provider) {
    const engaged = [...new Set(graph.projects.get(out.project ?? '')?.charter?.data?.providers.map((p) => p.provider) ?? [])];
    if (engaged.length > 1) {
      const provider = await clack.select({ message: 'Which provider?', options: engaged.map((p) => ({ value: p, label: graph.providers.get(p)?.title ?? p, hint: p })) });
      if (clack.isCancel(provider)) return undefined;
      out.provider = provider;
    }
  }
  if (!type.inProject && !out.id) {
    const id = await clack.text({ message: `Id of the ${type.label} (kebab-case, also its file name)`, validate: (v) => (v ? kebab(v) : 'It needs an id.') });
    if (clack.isCancel(id)) return undefined;
    out.id = id;
  }
  if (request.kind === 'change' && !out.id) {
    const id = await clack.text({ message: 'Change request id (kebab-case; empty for the next cr-NNN)', validate: (v) => kebab(v) });
    if (clack.isCancel(id)) return undefined;
    out.id = id || undefined;
  }
  if (request.kind === 'engagement' && !out.id && !out.title) {
    const title = await clack.text({ message: 'What was it? (a title, for example "Steering committee"; the file is named after it)', validate: (v) => (v ? undefined : 'An entry needs a title.') });
    if (clack.isCancel(title)) return undefined;
    out.title = title;
  }
  if (!out.title && ['project', 'status', 'change', 'policy', 'system', 'provider', 'organisation'].includes(request.kind)) {
    const title = await clack.text({ message: 'Title (empty to leave a TODO: prompt)' });
    if (clack.isCancel(title)) return undefined;
    out.title = title || undefined;
  }
  clack.outro('Writing the template.');
  return out;
}
