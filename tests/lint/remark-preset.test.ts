// The remark preset in-process (the editor integration's own process tests are in tests/e2e): the disk
// graph it keeps follows the files on disk — edited, added, removed, a folder added or removed — and
// equals a graph loaded from scratch; and the findings for an editor's text are `seam lint`'s for the
// same content, also after another file changed on disk.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint, resolveRuleSettings } from '../../src/lint/engine.ts';
import { diskGraph, remarkSeam } from '../../src/lint/remark-preset.ts';
import { loadConfig } from '../../src/model/config.ts';
import { loadGraph } from '../../src/model/graph.ts';
import { rememberedWorkspaceRules } from '../../src/lint/workspace-rules.ts';
import { rules } from '../../rules/index.ts';
import { EXAMPLE_CONTENT, REPO, RULE_BASE } from '../helpers/content.ts';
import { graphShape } from '../helpers/graph-shape.ts';

let workspace: string;
let content: string;
beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'seam-preset-'));
  content = join(workspace, 'content');
  cpSync(EXAMPLE_CONTENT, content, { recursive: true });
  writeFileSync(join(workspace, 'seam.config.yaml'), 'content: content\ntoday: 2026-11-20\n');
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const STATUS = 'projects/policy-admin-migration/status/2026-11-13.mdx';
const STAKEHOLDERS = 'projects/policy-admin-migration/stakeholders.mdx';
const at = (file: string) => join(content, file);

/** The preset's findings for `text` as the editor holds it for `file` (of the shared workspace, or of `dir`'s content). */
async function editorSays(file: string, text: string, dir?: string): Promise<string[]> {
  const vfile = new VFile({ path: dir ? join(dir, 'content', file) : at(file), value: text, cwd: dir ?? workspace });
  await remarkSeam()({ type: 'root', children: [] }, vfile);
  return vfile.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId} ${m.reason}`);
}

/** `seam lint`'s findings for `file` with `text` written to disk (then the file is restored, or removed if it was not there). */
async function lintSays(file: string, text: string): Promise<string[]> {
  const before = existsSync(at(file)) ? readFileSync(at(file), 'utf8') : undefined;
  writeFileSync(at(file), text);
  try {
    const config = loadConfig(workspace).config;
    const { settings } = resolveRuleSettings(rules, config);
    const { result } = await lint({ root: content, cwd: content, config, today: '2026-11-20', settings, paths: [at(file)] });
    return result.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);
  } finally {
    if (before === undefined) rmSync(at(file));
    else writeFileSync(at(file), before);
  }
}

describe('the remark preset', () => {
  it('keeps one disk graph while nothing changes, and follows every change on disk to what a fresh load reads', async () => {
    const first = await diskGraph(content);
    expect(await diskGraph(content)).toBe(first);
    const same = async () => expect(graphShape(await diskGraph(content))).toEqual(graphShape(await loadGraph(content)));
    // Edited.
    writeFileSync(at(STATUS), `${readFileSync(at(STATUS), 'utf8')}\nSaved from another editor.\n`);
    const edited = await diskGraph(content);
    expect(edited).not.toBe(first);
    expect(edited.byFile.get(STATUS)!.source.text).toContain('Saved from another editor.');
    await same();
    // Added, and removed.
    writeFileSync(at('systems/new-system.mdx'), readFileSync(at('systems/claims.mdx'), 'utf8'));
    await same();
    rmSync(at('systems/new-system.mdx'));
    await same();
    // A folder of files added, renamed, and removed.
    const project = at('projects/claims-consolidation');
    cpSync(project, at('projects/claims-copy'), { recursive: true });
    await same();
    renameSync(at('projects/claims-copy'), at('projects/claims-moved'));
    await same();
    rmSync(at('projects/claims-moved'), { recursive: true });
    await same();
    // A hidden file is never content; a new file in a new folder is.
    writeFileSync(at('systems/.claims.mdx.swp'), 'an editor swap file');
    mkdirSync(at('docs/more'), { recursive: true });
    writeFileSync(at('docs/more/index.mdx'), '---\ntitle: More\n---\n\nMore.\n');
    await same();
    rmSync(at('systems/.claims.mdx.swp'));
    rmSync(at('docs/more'), { recursive: true });
    await same();
  });

  it("reports seam lint's findings for the editor's text, also after another file changed on disk", async () => {
    const text = readFileSync(at(STATUS), 'utf8');
    const owner = /^ {4}owner: (\S+)$/m.exec(text)?.[1];
    expect(owner).toBeDefined();
    const edited = text.replace(`    owner: ${owner}\n`, '    owner: nobody-we-know\n').replace(/\n## /, '\nTODO: finish this.\n\n## ');
    const expected = await lintSays(STATUS, edited);
    expect(expected.some((f) => f.includes(' references '))).toBe(true);
    expect(await editorSays(STATUS, edited)).toEqual(expected);
    // The owner leaves the register on disk: the open report's reference to them dangles too.
    const register = readFileSync(at(STAKEHOLDERS), 'utf8');
    const renamed = register.replaceAll(new RegExp(`\\b${owner}\\b`, 'g'), `${owner}-left`);
    writeFileSync(at(STAKEHOLDERS), renamed);
    try {
      const after = await lintSays(STATUS, text);
      expect(after.filter((f) => f.includes(owner!)).length).toBeGreaterThan(0);
      expect(await editorSays(STATUS, text)).toEqual(after);
    } finally {
      writeFileSync(at(STAKEHOLDERS), register);
    }
    expect(await editorSays(STATUS, text)).toEqual(await lintSays(STATUS, text));
    // A new report the editor holds before it is saved: its findings, and its project's, are those of the saved file.
    const next = 'projects/policy-admin-migration/status/2026-11-20.mdx';
    const draft = edited.replace(/^date: .*$/m, 'date: 2026-11-20');
    const saved = await lintSays(next, draft);
    expect(saved.length).toBeGreaterThan(0);
    expect(await editorSays(next, draft)).toEqual(saved);
  });
  it('remembers the workspace rules between keystrokes, and picks up a changed plugin or config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seam-preset-rules-'));
    try {
      cpSync(RULE_BASE, join(dir, 'content'), { recursive: true });
      const config = 'content: content\ntoday: 2026-06-15\n';
      writeFileSync(join(dir, 'seam.config.yaml'), `${config}plugins:\n  - seam-rules/says.ts\n`);
      mkdirSync(join(dir, 'seam-rules'));
      const plugin = (message: string) => `import { z } from '${import.meta.resolve('zod')}';
import { defineRule } from '${pathToFileURL(join(REPO, 'src/rule-kit/rule.ts')).href}';
export default defineRule({
  meta: {
    id: 'says', description: 'Says something of every system.', appliesTo: ['systems'], readsAcross: [], criteria: [], severity: 'warning',
    fixable: false, options: z.strictObject({}), docs: 'Says.', examples: { valid: [], invalid: [] },
  },
  check({ report }) {
    report({ message: '${message}', at: { line: 1, column: 1 } });
  },
});
`;
      writeFileSync(join(dir, 'seam-rules/says.ts'), plugin('First words.'));
      const system = 'systems/crm.mdx';
      const text = readFileSync(join(dir, 'content', system), 'utf8');
      const said = async () => (await editorSays(system, text, dir)).filter((f) => f.includes(' says '));
      expect(await said()).toEqual(['1:1 warning says First words.']);
      // Asked again with the same config and plugin (each keystroke loads the config afresh): the same rules, not loaded again.
      const input = () => ({ config: loadConfig(dir).config, configFile: join(dir, 'seam.config.yaml'), contentRoot: join(dir, 'content') });
      const first = await rememberedWorkspaceRules(input());
      expect(await rememberedWorkspaceRules(input())).toBe(first);
      // The plugin file changes: its new rule runs.
      writeFileSync(join(dir, 'seam-rules/says.ts'), plugin('Second words.'));
      expect(await said()).toEqual(['1:1 warning says Second words.']);
      const second = await rememberedWorkspaceRules(input());
      expect(second).not.toBe(first);
      // The config changes: it names the plugin no more.
      writeFileSync(join(dir, 'seam.config.yaml'), config);
      expect(await said()).toEqual([]);
      expect((await rememberedWorkspaceRules(input())).plugins).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
