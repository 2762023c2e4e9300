// `seam schema`: writes the JSON Schema of every record type (and of seam.config.yaml) for editors'
// YAML language servers, generated from the zod schemas so they cannot drift; `--check` fails CI when
// the committed files are stale, `--vscode` prints the settings that map content files to them.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { configJsonSchema, coverageMapJsonSchema, recordJsonSchema } from '../model/json-schema.ts';
import { COVERAGE_MAP_PATTERN } from '../model/coverage-map.ts';
import { EXPORT_SCHEMA_FILE, exportJsonSchema } from '../export/records.ts';
import { recordTypes } from '../model/record-types.ts';
import { CONFIG_FILE } from '../model/config.ts';
import type { IO } from './io.ts';
import { openCommandWorkspace } from './workspace.ts';
import type { WorkspaceFlags } from './workspace.ts';

export interface SchemaFlags extends WorkspaceFlags {
  out: string;
  check?: boolean;
  vscode?: boolean;
}

const CONFIG_SCHEMA = 'seam.config.schema.json';
const COVERAGE_MAP_SCHEMA = 'coverage-map.schema.json';
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every schema file, by name: `<record type>.schema.json`, the config's and `seam export json`'s. Deterministic. */
export function schemaFiles(): { name: string; text: string }[] {
  return [
    ...recordTypes.map((type) => ({ name: `${type.name}.schema.json`, text: json(recordJsonSchema(type)) })),
    { name: COVERAGE_MAP_SCHEMA, text: json(coverageMapJsonSchema()) },
    { name: CONFIG_SCHEMA, text: json(configJsonSchema()) },
    { name: EXPORT_SCHEMA_FILE, text: json(exportJsonSchema()) },
  ];
}

/** `{a,b}` in a record type's pattern, expanded: editors' glob support for braces varies. */
const expand = (glob: string): string[] => {
  const m = /\{([^}]*)\}/.exec(glob);
  return m ? m[1].split(',').flatMap((alt) => expand(glob.slice(0, m.index) + alt + glob.slice(m.index + m[0].length))) : [glob];
};

/** The `yaml.schemas` setting (redhat.vscode-yaml): schema file → the globs of the files it describes. */
export function vscodeYamlSchemas(schemaDir: string, contentDir: string): Record<string, string[]> {
  const prefix = (dir: string) => (dir ? `${dir.replace(/\/$/, '')}/` : '');
  const out: Record<string, string[]> = {};
  for (const type of recordTypes) {
    // A pattern's exclusions (a catalogue's coverage map) as negated globs, which the YAML extension honours.
    out[`./${prefix(schemaDir)}${type.name}.schema.json`] = [...expand(type.pattern), ...(type.exclude ? expand(type.exclude).map((g) => `!${g}`) : [])].map((g) => (g.startsWith('!') ? `!${prefix(contentDir)}${g.slice(1)}` : `${prefix(contentDir)}${g}`));
  }
  out[`./${prefix(schemaDir)}${COVERAGE_MAP_SCHEMA}`] = expand(COVERAGE_MAP_PATTERN).map((g) => `${prefix(contentDir)}${g}`);
  out[`./${prefix(schemaDir)}${CONFIG_SCHEMA}`] = [CONFIG_FILE];
  return out;
}

export async function schemaCommand(flags: SchemaFlags, io: IO): Promise<number> {
  const workspace = await openCommandWorkspace(flags, io);
  const outDir = resolve(io.cwd, flags.out);
  const rel = (abs: string) => relative(io.cwd, abs).split(sep).join('/');
  if (flags.vscode) {
    io.stdout(json({ 'yaml.schemas': vscodeYamlSchemas(rel(outDir), rel(workspace.root)) }));
    return 0;
  }
  const files = schemaFiles();
  const stale = files.filter((f) => {
    const path = resolve(outDir, f.name);
    return !existsSync(path) || readFileSync(path, 'utf8') !== f.text;
  });
  if (flags.check) {
    const known = new Set(files.map((f) => f.name));
    const extra = existsSync(outDir) ? readdirSync(outDir).filter((n) => n.endsWith('.schema.json') && !known.has(n)) : [];
    for (const f of stale) io.stderr(`${rel(resolve(outDir, f.name))} is ${existsSync(resolve(outDir, f.name)) ? 'out of date' : 'missing'}\n`);
    for (const n of extra) io.stderr(`${rel(resolve(outDir, n))} belongs to no record type\n`);
    if (stale.length || extra.length) {
      io.stderr(`seam: the JSON Schemas are out of date; run "seam schema --out ${rel(outDir) || '.'}" and commit the result.\n`);
      return 1;
    }
    return 0;
  }
  mkdirSync(outDir, { recursive: true });
  for (const f of stale) {
    await writeFileAtomic(resolve(outDir, f.name), f.text, 'utf8');
    io.stdout(`wrote ${rel(resolve(outDir, f.name))}\n`);
  }
  if (!stale.length) io.stdout(`${rel(outDir) || '.'}: all ${files.length} schemas up to date\n`);
  return 0;
}
