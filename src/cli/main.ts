// `seam`: parses arguments and dispatches to a command. Exit codes CI can rely on: 0 clean, 1 findings
// (errors, or more warnings than allowed), 2 bad usage or an internal failure. Bad content is never
// an internal failure: it is a finding.
import { Command, CommanderError, Option } from 'commander';
import { reporterNames } from '../lint/reporters/index.ts';
import { processIO, UsageError } from './io.ts';
import type { IO } from './io.ts';
import { lintCommand } from './lint.ts';
import { IN_PROCESS_BELOW } from '../lint/workers.ts';
import { AUDIENCES } from '../model/audience.ts';
import { newKinds } from '../model/scaffold.ts';
import { registers } from '../export/registers.ts';
// Every other command is loaded when it runs (the link checker's HTTP client, the PDF export, the
// prompts of `seam new`…): `seam lint` does not pay for what it does not use.
import { seamVersion } from '../lint/version.ts';

const workspaceOptions = (command: Command) =>
  command
    .option('--content <dir>', 'the content folder (default: "content" or seam.config.yaml\'s "content")')
    .option('--config <file>', 'the config file (default: seam.config.yaml, searched upwards)')
    .option('--today <date>', 'the reference date for date rules, YYYY-MM-DD (default: SEAM_TODAY, the config\'s "today", or the clock)');

export async function main(argv: string[], io: IO = processIO()): Promise<number> {
  let exitCode = 0;
  const program = new Command('seam')
    .description('Seam: the systems-integration handbook and compliance linter for ESKITP5045 and any other standard it adopts.')
    .version(seamVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run "seam --help" for usage)');

  workspaceOptions(
    program
      .command('lint')
      .description('check content against the rules')
      .argument('[paths...]', 'files or folders to report on (default: the whole content folder)')
      .addOption(new Option('-f, --format <name>', 'output format').choices([...reporterNames]).default('stylish'))
      .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
      .option('-q, --quiet', 'report errors only')
      .option('--fix', 'apply the fixes rules offer, then report what is left')
      .option('-o, --output-file <file>', 'write the report to a file instead of stdout')
      .option('--cache', 'keep findings in a cache and check again only the files whose findings can have changed')
      .option('--cache-location <path>', 'the cache file, or a folder for it (default: node_modules/.cache/seam/lint-cache.json; implies --cache)')
      .option('--changed', 'check only the files changed since --base and the records whose findings they can change')
      .option('--base <ref>', 'the git ref --changed compares with (default: origin/$GITHUB_BASE_REF, origin/HEAD, else HEAD; implies --changed)')
      .option('--no-color', 'never colour the output')
      .option('--shard <index/count>', 'report on one part of the files, e.g. 2/3 (one CI job of three; combine the reports with "seam merge-reports")')
      .option('--workers <n>', `worker threads for the per-file checks: a number (1 checks in-process) or "auto" (one fewer than the cores, at most 4, for runs of ${IN_PROCESS_BELOW} files or more)`, 'auto'),
  ).action(async (paths: string[], options) => {
    exitCode = await lintCommand(paths, options, io);
  });

  program
    .command('merge-reports')
    .description('combine the JSON or SARIF reports of "seam lint --shard i/n" jobs into the report of the whole run')
    .argument('<files...>', 'every shard\'s report, in any order, all JSON or all SARIF')
    .option('-o, --output-file <file>', 'write the merged report to a file instead of stdout')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .action(async (files: string[], options) => {
      exitCode = await (await import('./merge-reports.ts')).mergeReportsCommand(files, options, io);
    });

  workspaceOptions(
    program
      .command('coverage')
      .description('show the criteria × projects coverage matrix')
      .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
      .option('-p, --project <id...>', 'only these projects')
      .addOption(new Option('-k, --kind <kind>', 'only performance or knowledge criteria').choices(['performance', 'knowledge']))
      .option('-s, --standard <id>', 'only this standard (each standard has its own matrix and figures)')
      .option('--check', 'exit 1 when a required criterion is missing or failing'),
  ).action(async (options) => {
    exitCode = await (await import('./coverage.ts')).coverageCommand(options, io);
  });

  workspaceOptions(
    program
      .command('rules')
      .description('list the rules, their criteria and severities')
      .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json', 'markdown']).default('text')),
  ).action(async (options) => {
    exitCode = await (await import('./rules.ts')).rulesCommand(options, io);
  });

  workspaceOptions(
    program
      .command('links')
      .description('check links alone: pages, anchors and files, and with --external the web addresses')
      .argument('[paths...]', 'files or folders to check (default: the whole content folder)')
      .option('--external', 'also check web addresses (http, https) over the network, with a cache in .seam-cache/links.json')
      .option('--offline', 'check web addresses from the cache only; report the others as not checked, without failing')
      .addOption(new Option('-f, --format <name>', 'output format').choices([...reporterNames]).default('stylish'))
      .option('--concurrency <n>', 'web requests in flight at once (default: "links.concurrency" in seam.config.yaml, 8)')
      .option('--no-cache', 'neither read nor write the cache of web address results')
      .option('-o, --output-file <file>', 'write the report to a file instead of stdout')
      .option('--no-color', 'never colour the output'),
  ).action(async (paths: string[], options) => {
    exitCode = await (await import('./links.ts')).linksCommand(paths, options, io);
  });

  workspaceOptions(
    program
      .command('new')
      .description('create a project or a record from its template, with "TODO:" prompts to replace')
      .argument('<kind>', `what to create: ${Object.keys(newKinds).join(', ')}`)
      .argument('[id]', 'its id: the project\'s for "project"; the file name for a change, policy, system, provider or organisation')
      .option('-p, --project <id>', 'the project the record belongs to (default: the only project)')
      .option('--id <id>', 'the record\'s id, as the [id] argument')
      .option('--title <text>', 'the record\'s title (default: a prompt, or derived)')
      .option('--provider <id>', 'for an evaluation: the provider (default: the only one engaged)')
      .option('--period <period>', 'for an evaluation: 2026-Q2, 2026-H1 or 2026-05 (default: the last elapsed period not yet evaluated)')
      .option('-y, --yes', 'never ask questions: use the flags and what can be inferred'),
  ).action(async (kind: string, id: string | undefined, options) => {
    exitCode = await (await import('./new.ts')).newCommand(kind, id, options, io);
  });

  workspaceOptions(
    program
      .command('report')
      .description('summarise findings, changed records and coverage changes as Markdown for a pull-request comment')
      .option('-b, --base <ref>', 'the git ref to compare with, e.g. origin/main (default: no comparison)')
      .option('-o, --output-file <file>', 'write the report to a file instead of stdout'),
  ).action(async (options) => {
    exitCode = await (await import('./report.ts')).reportCommand(options, io);
  });

  workspaceOptions(
    program
      .command('schema')
      .description('write a JSON Schema per record type (and for seam.config.yaml) for editors')
      .option('-o, --out <dir>', 'the folder to write to', 'schemas')
      .option('--check', 'write nothing; exit 1 when the files on disk are missing or out of date')
      .option('--vscode', 'print the "yaml.schemas" setting that maps content files to the schemas'),
  ).action(async (options) => {
    exitCode = await (await import('./schema.ts')).schemaCommand(options, io);
  });

  const exporter = program.command('export').description('write records for other tools to standard output: the record graph as JSON or a register as CSV (for one audience), or a criteria catalogue as OSCAL');
  const audienceOption = () =>
    new Option('--audience <name>', 'who the export is for: nothing classified above it is written (default: SEAM_AUDIENCE, site.audience in seam.config.yaml, else public)').choices([...AUDIENCES]);
  workspaceOptions(
    exporter
      .command('json')
      .description('every record the audience may read, with its frontmatter as validated (schema: schemas/seam-export.schema.json)')
      .addOption(audienceOption()),
  ).action(async (options) => {
    exitCode = await (await import('./export.ts')).exportJsonCommand(options, io);
  });
  workspaceOptions(
    exporter
      .command('csv')
      .description('one register as CSV, one row per item, safe to open in a spreadsheet')
      .argument('[register]', `the register: ${registers.map((r) => r.name).join(', ')}`)
      .addOption(audienceOption()),
  ).action(async (register: string | undefined, options) => {
    exitCode = await (await import('./export.ts')).exportCsvCommand(register, options, io);
  });
  workspaceOptions(
    exporter
      .command('pdf')
      .description('a record\'s page of the built site as a PDF sign-off pack (cover page, the record, its checks and evidence), printed by Chromium')
      .argument('<record>', 'the record, named as links name it: project:<project>[/<record>], policy:<id>, system:<id>…')
      .addOption(audienceOption())
      .option('--site <dir>', 'the built site to print from (default: dist); it must be built for the audience or a narrower one')
      .option('--output <file>', 'where to write the PDF (default: the record\'s name, e.g. project-alpha-plan.pdf)'),
  ).action(async (record: string, options) => {
    exitCode = await (await import('./export.ts')).exportPdfCommand(record, options, io);
  });
  workspaceOptions(
    exporter
      .command('oscal')
      .description('a criteria catalogue as an OSCAL 1.1 catalog (JSON): the same catalogue gives the same bytes')
      .argument('[standard]', 'the catalogue\'s id, its file name in content/standards/ (default: the only one)')
      .option('--results', 'the coverage results instead: OSCAL assessment results, one finding per criterion per project the audience may read')
      .addOption(audienceOption()),
  ).action(async (standard: string | undefined, options) => {
    exitCode = await (await import('./oscal.ts')).exportOscalCommand(standard, options, io);
  });

  const importer = program.command('import').description('turn another tool\'s file into Seam content');
  importer
    .command('oscal')
    .description('an OSCAL 1.1 catalog (JSON) as a Seam criteria catalogue (YAML), on standard output unless --output is given')
    .argument('<file>', 'the OSCAL catalog, in JSON')
    .option('--id <id>', 'the catalogue\'s id, its file name in content/standards/ (default: the --output file\'s name, else from the title)')
    .option('--output <file>', 'write the catalogue to this file instead of standard output (nothing is written if the import fails)')
    .action(async (file: string, options) => {
      exitCode = await (await import('./oscal.ts')).importOscalCommand(file, options, io);
    });

  if (!argv.length) {
    io.stdout(program.helpInformation());
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      io.stderr(`seam: ${error.message}\n`);
      return 2;
    }
    io.stderr(`seam: internal error: ${(error as Error)?.message ?? String(error)}\nThis is a bug in Seam, not in your content. Re-run with SEAM_DEBUG=1 for details and report it.\n`);
    if (io.env.SEAM_DEBUG) io.stderr(`${(error as Error)?.stack}\n`);
    return 2;
  }
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number (got "${value}").`);
  return Number(value);
}
