// `seam export json` and `seam export csv <register>`: the record graph, or one register, on standard
// output for the audience asked for (src/export/ does the work); `seam export pdf <record>`: a record's
// page of the built site, printed as a sign-off pack. The audience is resolved as a site
// build resolves it, with `--audience` first: `--audience` beats SEAM_AUDIENCE beats site.audience in
// seam.config.yaml, and with none of them the export is `public` (fail closed).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { graphOptions, loadGraph, type ContentRecord } from '../model/graph.ts';
import { AUDIENCES, resolveAudience, restrictGraph, type Audience } from '../model/audience.ts';
import { buildLinkIndex, resolveLink } from '../model/links.ts';
import { recordTypeByName } from '../model/record-types.ts';
import { exportGraph, exportJsonText } from '../export/records.ts';
import { builtAudience, builtBase, findChromium, pageFile, printPage } from '../export/pdf.ts';
import { exportRegister, registerNamed, registers } from '../export/registers.ts';
import type { IO } from './io.ts';
import { UsageError } from './io.ts';
import { openCommandWorkspace } from './workspace.ts';
import type { WorkspaceFlags } from './workspace.ts';

export interface ExportFlags extends WorkspaceFlags {
  audience?: Audience;
}

/** The export's audience, and a line for standard error saying where it came from. */
export function audienceFor(flags: ExportFlags, io: IO, config: Parameters<typeof resolveAudience>[0]): Audience {
  if (flags.audience) {
    io.stderr(`seam: exporting for the ${flags.audience} audience (--audience)${leftOut(flags.audience)}\n`);
    return flags.audience;
  }
  const setting = resolveAudience(config, io.env);
  if (!setting.ok) throw new UsageError(setting.message);
  const from = setting.source === 'env' ? 'SEAM_AUDIENCE' : setting.source === 'config' ? 'site.audience in seam.config.yaml' : `no --audience, SEAM_AUDIENCE or site.audience was set, so the export fails closed; choose with --audience ${AUDIENCES.join('|')}`;
  io.stderr(`seam: exporting for the ${setting.audience} audience (${from})${leftOut(setting.audience)}\n`);
  return setting.audience;
}

const leftOut = (audience: Audience) => (audience === 'confidential' ? ': every record is exported.' : `: records classified above "${audience}" are left out, as on the site.`);

async function openGraph(flags: ExportFlags, io: IO) {
  const workspace = await openCommandWorkspace(flags, io);
  const audience = audienceFor(flags, io, workspace.config);
  return { graph: await loadGraph(workspace.root, graphOptions(workspace.config)), audience };
}

/** Records the export cannot read are named on standard error (only those the audience may see), never silently dropped. */
function warnInvalid(invalid: ContentRecord[], io: IO) {
  if (!invalid.length) return;
  const one = invalid.length === 1;
  io.stderr(`seam: ${invalid.length} record${one ? '' : 's'} failed ${one ? 'its' : 'their'} schema and ${one ? 'is' : 'are'} left out of the export: ${invalid.map((r) => r.file).join(', ')}. Run "seam lint" for the problems.\n`);
}

export async function exportJsonCommand(flags: ExportFlags, io: IO): Promise<number> {
  const { graph, audience } = await openGraph(flags, io);
  const { document, invalid } = exportGraph(graph, audience);
  warnInvalid(invalid, io);
  io.stdout(exportJsonText(document));
  return 0;
}

export async function exportCsvCommand(name: string | undefined, flags: ExportFlags, io: IO): Promise<number> {
  const width = Math.max(...registers.map((r) => r.name.length));
  const known = `The registers are:\n${registers.map((r) => `  ${r.name.padEnd(width)}  ${r.summary}`).join('\n')}`;
  if (name === undefined) throw new UsageError(`"seam export csv" needs a register: seam export csv <register>. ${known}`);
  const register = registerNamed(name);
  if (!register) throw new UsageError(`There is no register "${name}". ${known}`);
  const { graph, audience } = await openGraph(flags, io);
  const { csv, invalid } = exportRegister(register, graph, audience);
  warnInvalid(invalid, io);
  io.stdout(csv);
  return 0;
}

export interface PdfFlags extends ExportFlags {
  site?: string;
  output?: string;
}

/** `project:alpha/plan` → `project-alpha-plan.pdf`: the same record always gets the same name. */
export function pdfName(target: string): string {
  return `${target.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '')}.pdf`;
}

/**
 * Prints a record's page from the built site (`--site`, default dist/) with a cover page. The record
 * must be one the audience may read, and the site must have been built for that audience or a narrower
 * one: a site built for internal readers is never printed for a public export.
 */
export async function exportPdfCommand(target: string, flags: PdfFlags, io: IO): Promise<number> {
  const { graph, audience } = await openGraph(flags, io);
  const visible = restrictGraph(graph, audience);
  const found = resolveLink(buildLinkIndex(visible, () => undefined), '', target);
  if (found.kind !== 'page' || !found.href) {
    const why = found.kind === 'broken' ? ` ${found.message}` : '';
    throw new UsageError(`"${target}" is not a record the ${audience} audience may read.${why} Name it by id, as links do: project:<project>[/<record>], policy:<id>, system:<id>, provider:<id>, organisation:<id>, handbook:<page> or standard:<id>.`);
  }
  const siteDir = resolve(io.cwd, flags.site ?? 'dist');
  const shownSite = flags.site ?? 'dist';
  if (!existsSync(siteDir) || !statSync(siteDir).isDirectory()) throw new UsageError(`There is no built site in ${shownSite}/. Build it first (SEAM_AUDIENCE=${audience} npm run build), or give its folder with --site.`);
  const file = pageFile(siteDir, found.href);
  if (!file || !existsSync(file)) throw new UsageError(`The built site in ${shownSite}/ has no page for ${target} (${found.href}). Build the site again (SEAM_AUDIENCE=${audience} npm run build) so it has every record.`);
  const html = readFileSync(file, 'utf8');
  const built = builtAudience(html);
  if (!built) throw new UsageError(`The site in ${shownSite}/ does not say which audience it was built for (an older build). Build it again: SEAM_AUDIENCE=${audience} npm run build.`);
  if (AUDIENCES.indexOf(built) > AUDIENCES.indexOf(audience)) {
    throw new UsageError(`The site in ${shownSite}/ was built for the ${built} audience, which is above this ${audience} export: it could show more than ${audience} readers may see. Build a ${audience} edition (SEAM_AUDIENCE=${audience} npm run build -- --outDir dist-${audience}) and pass --site dist-${audience}.`);
  }
  const chromium = findChromium(io.env);
  if (!chromium.path) {
    throw new UsageError(`Printing a PDF needs Chromium, and none was found (looked for ${chromium.tried.join(', ')}). Install it (Debian and Ubuntu: apt install chromium) or set SEAM_CHROMIUM to its path.`);
  }
  const record = found.record;
  const label = recordTypeByName.get(record.type)?.label ?? record.type;
  const lines = [
    `${label.charAt(0).toUpperCase()}${label.slice(1)}${record.project && record.type !== 'charter' ? ` of the project ${record.project}` : ''}`,
    `Classification: ${record.classification}`,
    `Printed from the ${built} edition of the site`,
    `File: ${record.file}`,
  ];
  const output = resolve(io.cwd, flags.output ?? pdfName(target));
  const bytes = await printPage({ siteDir, href: found.href, base: builtBase(html), cover: { title: record.title, lines }, chromium: chromium.path });
  try {
    await writeFileAtomic(output, bytes);
  } catch (error) {
    throw new UsageError(`Cannot write ${flags.output ?? relative(io.cwd, output)}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message}.`);
  }
  io.stderr(`seam: wrote ${relative(io.cwd, output) || output} (${record.title}, from ${shownSite}/).\n`);
  return 0;
}
