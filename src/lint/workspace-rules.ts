// The rules of a workspace: Seam's own (rules/index.ts), the rules its config declares as data
// (`customRules`, src/rule-kit/declarative.ts) and the rules of its local plugins (`plugins`: modules
// written with the rule kit). The CLI, the workers, the remark preset and the site build all take
// their rule list from here, so a plugin's findings and pages appear wherever a built-in rule's do.
// Plugins are code: they load only from outside the content root (which content contributors write),
// and a plugin that cannot be loaded is a problem naming its file and one line of why, never a stack.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SeamConfig } from '../model/config.ts';
import { listContentFiles } from '../model/content-files.ts';
import { buildGraph } from '../model/graph.ts';
import { recordTypeOf } from '../model/identity.ts';
import { recordTypeNames } from '../model/record-types.ts';
import { readSource } from '../model/source.ts';
import { declarativeRule } from '../rule-kit/declarative.ts';
import { ruleCriterionKey, type Rule } from '../rule-kit/rule.ts';
import { rules as catalogue } from '../../rules/index.ts';
import type { UsageProblem } from './engine.ts';

/** A plugin as a run uses it: the file and the digest of its bytes (what the cache key and the workers need). */
export interface PluginRef {
  /** Absolute path. */
  file: string;
  digest: string;
}

export interface LoadedPlugin extends PluginRef {
  /** The path as the config names it, relative to the config file. */
  name: string;
  ruleIds: string[];
}

export interface WorkspaceRules {
  /** The catalogue, then the declarative rules, then the plugins' rules. */
  rules: Rule[];
  plugins: LoadedPlugin[];
  problems: UsageProblem[];
}

/** Where a rule comes from, for the rules that are not the catalogue's (a worker rebuilds them from the config and the plugins). */
const origins = new WeakMap<Rule, 'config' | 'plugin'>();

/** Whether a worker thread can load this rule again: a catalogue rule, or one the config or a plugin declares. */
export function reloadable(rule: Rule): boolean {
  return origins.has(rule) || catalogue.find((r) => r.meta.id === rule.meta.id) === rule;
}

const PLUGIN_EXTENSIONS = new Set(['.ts', '.mts', '.js', '.mjs']);
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

const realpath = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};

/** One line saying why a module failed to import: the error's name and first line, and the line of a syntax error when Node gives it. */
function oneLine(error: unknown, file: string): string {
  if (!(error instanceof Error)) return String(error).split('\n')[0]!;
  const first = error.message.split('\n')[0]!.trim();
  const at = error instanceof SyntaxError ? new RegExp(`${pathToFileURL(file).href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\?[^:]*)?:(\\d+)`).exec(error.stack ?? '') : null;
  return `${error.name}: ${first}${at ? ` (line ${at[1]})` : ''}`;
}

/** What is wrong with a value a plugin exports as a rule, or undefined when it has a rule's shape. */
function notARule(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'it is not a rule (an object with `meta` and `check`, from defineRule)';
  const { meta, check } = value as Partial<Rule>;
  if (typeof check !== 'function') return 'it has no `check` function';
  if (!meta || typeof meta !== 'object') return 'it has no `meta`';
  if (typeof meta.id !== 'string' || !KEBAB.test(meta.id)) return '`meta.id` is not a kebab-case id';
  const id = `rule "${meta.id}"`;
  if (typeof meta.description !== 'string' || !meta.description) return `${id}: \`meta.description\` is not a line of text`;
  if (!Array.isArray(meta.criteria) || !meta.criteria.every((c) => typeof c === 'string')) return `${id}: \`meta.criteria\` is not a list of criterion ids`;
  const types = new Set<string>(recordTypeNames);
  const typeList = (v: unknown) => v === '*' || (Array.isArray(v) && v.every((t) => types.has(t)));
  if (!typeList(meta.appliesTo)) return `${id}: \`meta.appliesTo\` is not "*" or a list of record types (${[...types].join(', ')})`;
  if (!typeList(meta.readsAcross)) return `${id}: \`meta.readsAcross\` is not "*" or a list of record types`;
  if (meta.severity !== 'error' && meta.severity !== 'warning') return `${id}: \`meta.severity\` is not "error" or "warning"`;
  if (typeof meta.fixable !== 'boolean') return `${id}: \`meta.fixable\` is not true or false`;
  if (!meta.options || typeof (meta.options as { safeParse?: unknown }).safeParse !== 'function') return `${id}: \`meta.options\` is not a zod schema`;
  if (typeof meta.docs !== 'string') return `${id}: \`meta.docs\` is not text`;
  if (!meta.examples || !Array.isArray(meta.examples.valid) || !Array.isArray(meta.examples.invalid)) return `${id}: \`meta.examples\` is not { valid: [...], invalid: [...] }`;
  return undefined;
}

/** Imports a plugin (by its digest, so a changed file is a new module even in a long-lived process) and returns its rules, or why it has none. */
export async function importPlugin(plugin: PluginRef): Promise<{ rules: Rule[] } | { problem: string }> {
  let module: { default?: unknown };
  try {
    module = (await import(/* @vite-ignore */ `${pathToFileURL(plugin.file).href}?digest=${plugin.digest}`)) as { default?: unknown };
  } catch (error) {
    return { problem: `cannot be loaded: ${oneLine(error, plugin.file)}` };
  }
  if (module.default === undefined) return { problem: 'has no default export: export default a rule (defineRule from the rule kit) or a list of rules' };
  const exported = Array.isArray(module.default) ? module.default : [module.default];
  if (!exported.length) return { problem: 'exports an empty list of rules' };
  for (const value of exported) {
    const problem = notARule(value);
    if (problem) return { problem: `exports something that is not a rule: ${problem}` };
  }
  for (const rule of exported as Rule[]) origins.set(rule, 'plugin');
  return { rules: exported as Rule[] };
}

/** The rules the config declares as data. */
export function configRules(config: Pick<SeamConfig, 'customRules'>): Rule[] {
  return (config.customRules ?? []).map((spec) => {
    const rule = declarativeRule(spec);
    origins.set(rule, 'config');
    return rule;
  });
}

/** The ids of the criteria the content's catalogues define (read only when a rule claims criteria). */
function catalogueCriteria(contentRoot: string): Set<string> {
  const inputs = listContentFiles(contentRoot)
    .filter((e) => !e.refused && recordTypeOf(e.file)?.name === 'standards')
    .map((e) => ({ file: e.file, read: () => readSource(resolve(contentRoot, e.file), e.file) }));
  return new Set(buildGraph(contentRoot, inputs).criteria.keys());
}

export interface WorkspaceRulesInput {
  config: SeamConfig;
  /** The config file, when there is one: plugin paths are relative to its folder. */
  configFile?: string;
  /** The absolute content root: no plugin may lie in it. */
  contentRoot: string;
  /**
   * The criteria the content's catalogues define (a record graph's `criteria`), when the caller has
   * the graph: asked only when a rule claims criteria, instead of reading the catalogues again.
   */
  criteria?: () => Promise<ReadonlyMap<string, unknown>>;
}

/**
 * The workspace's rules: the catalogue, the config's declarative rules and its plugins' rules. Problems
 * (a plugin in the content root, missing or broken; an id used twice; a criterion no catalogue defines)
 * carry the config setting they are about.
 */
export async function loadWorkspaceRules({ config, configFile, contentRoot, criteria }: WorkspaceRulesInput): Promise<WorkspaceRules> {
  const problems: UsageProblem[] = [];
  const ids = new Map(catalogue.map((r) => [r.meta.id, 'a built-in rule']));
  const rules: Rule[] = [...catalogue];

  const declared = configRules(config);
  declared.forEach((rule, i) => {
    const taken = ids.get(rule.meta.id);
    if (taken) problems.push({ message: `the custom rule id "${rule.meta.id}" is already ${taken}'s: choose another.`, path: ['customRules', i, 'id'] });
    else {
      ids.set(rule.meta.id, 'a custom rule');
      rules.push(rule);
    }
  });

  const base = configFile ? dirname(configFile) : process.cwd();
  const plugins: LoadedPlugin[] = [];
  const pluginOf = new Map<string, number>();
  const content = realpath(contentRoot);
  for (const [i, name] of (config.plugins ?? []).entries()) {
    const path: UsageProblem['path'] = ['plugins', i];
    const file = resolve(base, name);
    const say = (message: string) => problems.push({ message: `plugin ${name}: ${message}`, path });
    if (!PLUGIN_EXTENSIONS.has(extname(file))) {
      say('a plugin is a .ts, .mts, .js or .mjs module.');
      continue;
    }
    if (isInside(contentRoot, file) || isInside(content, realpath(file))) {
      say(`it is inside the content root (${relative(base, contentRoot) || '.'}/). Plugins are code: they load only from outside the content, where content contributors cannot add one. Move it, for example to seam-rules/.`);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      say((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file.' : `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
      continue;
    }
    const digest = createHash('sha256').update(bytes).digest('hex');
    const loaded = await importPlugin({ file, digest });
    if ('problem' in loaded) {
      say(`${loaded.problem}.`);
      continue;
    }
    const ruleIds: string[] = [];
    for (const rule of loaded.rules) {
      const taken = ids.get(rule.meta.id);
      if (taken) {
        say(`its rule id "${rule.meta.id}" is already ${taken}'s: choose another.`);
        continue;
      }
      ids.set(rule.meta.id, `plugin ${name}'s rule`);
      ruleIds.push(rule.meta.id);
      pluginOf.set(rule.meta.id, i);
      rules.push(rule);
    }
    plugins.push({ file, digest, name: relative(base, file).split(sep).join('/'), ruleIds });
  }

  // A rule of this repository may claim only criteria a catalogue of its content defines.
  const claims = claimsOf(rules);
  if (claims.length) {
    const known = criteria ? new Set((await criteria()).keys()) : catalogueCriteria(contentRoot);
    for (const rule of claims) {
      const unknown = rule.meta.criteria.filter((c) => !known.has(ruleCriterionKey(c)));
      if (!unknown.length) continue;
      const i = declared.indexOf(rule);
      const path: UsageProblem['path'] = i >= 0 ? ['customRules', i, 'criteria'] : ['plugins', pluginOf.get(rule.meta.id) ?? 0];
      problems.push({ message: `rule "${rule.meta.id}" claims ${unknown.map((c) => `"${c}"`).join(', ')}, which no criteria catalogue in standards/ defines.`, path });
    }
  }
  return { rules, plugins, problems };
}

/** The rules, not the catalogue's, that claim criteria (which a catalogue of the content must define). */
const claimsOf = (rules: readonly Rule[]) => rules.filter((r) => !catalogue.includes(r) && r.meta.criteria.length);

interface Remembered {
  key: string;
  /** The catalogues' criteria the rules' claims were checked against, when a rule claims any. */
  criteria?: ReadonlyMap<string, unknown>;
  claims: boolean;
  rules: WorkspaceRules;
}
const remembered = new Map<string, Remembered>();

/**
 * `loadWorkspaceRules`, remembered per config file and content root for as long as the config, the
 * bytes of each plugin it names and (when a rule claims criteria) the catalogues' criteria stay the
 * same: the editor asks on every keystroke, and neither rebuilding the config's rules nor reading the
 * catalogues again is a keystroke's work. A changed config or plugin file is a new key.
 */
export async function rememberedWorkspaceRules(input: WorkspaceRulesInput): Promise<WorkspaceRules> {
  const base = input.configFile ? dirname(input.configFile) : process.cwd();
  const hash = createHash('sha256').update(JSON.stringify(input.config) ?? '');
  for (const name of input.config.plugins ?? []) {
    hash.update(`\0${name}\0`);
    try {
      hash.update(readFileSync(resolve(base, name)));
    } catch (error) {
      hash.update(`unreadable:${(error as NodeJS.ErrnoException).code ?? ''}`);
    }
  }
  const key = hash.digest('hex');
  const slot = `${input.configFile ?? ''}\0${input.contentRoot}`;
  const last = remembered.get(slot);
  if (last?.key === key) {
    if (!last.claims) return last.rules;
    const criteria = await input.criteria?.();
    if (criteria && criteria === last.criteria) return last.rules;
  }
  const ask = input.criteria;
  let criteria: ReadonlyMap<string, unknown> | undefined;
  const rules = await loadWorkspaceRules({ ...input, ...(ask ? { criteria: async () => (criteria = await ask()) } : {}) });
  remembered.set(slot, { key, claims: claimsOf(rules.rules).length > 0, rules, ...(criteria ? { criteria } : {}) });
  return rules;
}

/**
 * The rules a worker thread runs: the main thread's, rebuilt from the same config and plugin files
 * (rules are code, which cannot be sent between threads).
 */
export async function reloadRules(config: Pick<SeamConfig, 'customRules'>, plugins: readonly PluginRef[]): Promise<Rule[]> {
  const rules = [...catalogue, ...configRules(config)];
  for (const plugin of plugins) {
    const loaded = await importPlugin(plugin);
    if ('problem' in loaded) throw new Error(`The plugin ${plugin.file} ${loaded.problem}.`);
    rules.push(...loaded.rules);
  }
  return rules;
}
