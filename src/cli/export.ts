// `seam export json` and `seam export csv <register>`: the record graph, or one register, on standard
// output for the audience asked for (src/export/ does the work). The audience is resolved as a site
// build resolves it, with `--audience` first: `--audience` beats SEAM_AUDIENCE beats site.audience in
// seam.config.yaml, and with none of them the export is `public` (fail closed).
import { loadGraph, type ContentRecord } from '../model/graph.ts';
import { AUDIENCES, resolveAudience, type Audience } from '../model/audience.ts';
import { exportGraph, exportJsonText } from '../export/records.ts';
import { exportRegister, registerNamed, registers } from '../export/registers.ts';
import type { IO } from './io.ts';
import { UsageError } from './io.ts';
import { openCommandWorkspace } from './workspace.ts';
import type { WorkspaceFlags } from './workspace.ts';

export interface ExportFlags extends WorkspaceFlags {
  audience?: Audience;
}

export const REGISTER_NAMES = registers.map((r) => r.name);

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
  const workspace = openCommandWorkspace(flags, io);
  const audience = audienceFor(flags, io, workspace.config);
  return { graph: await loadGraph(workspace.root), audience };
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
