// Which projects a file names, for the cache and `--changed`: a project link written with the escapes
// Markdown and HTML allow (`\-`, `&#45;`, `%2D`) still makes the file depend on that project, so an
// edit there checks the file again; a text that only resembles a project id does not.
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.ts';
import { fileDependencies } from '../../src/lint/affected.ts';
import { resolveRuleSettings } from '../../src/lint/engine.ts';
import { configSchema } from '../../src/model/config.ts';
import { loadGraph } from '../../src/model/graph.ts';
import { EXAMPLE_CONTENT, tempContent } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const REPORT = 'projects/policy-admin-migration/status/2026-11-13.mdx';
const OTHER = 'finance-ledger-consolidation';
const { settings } = resolveRuleSettings(rules, configSchema.parse({}));

/** The units the status report depends on once `line` is added to its body. */
async function unitsWith(line: string): Promise<readonly string[]> {
  const text = `${readFileSync(join(EXAMPLE_CONTENT, REPORT), 'utf8')}\n${line}\n`;
  const root = tempContent(EXAMPLE_CONTENT, { [REPORT]: text });
  made.push(root);
  return fileDependencies(await loadGraph(root), { settings }).unitsOf(REPORT);
}

describe('the projects a file names', () => {
  it('does not name the other project before the edit', async () => {
    expect(await unitsWith('No other project is named here.')).not.toContain(`project:${OTHER}`);
  });

  it.each([
    ['plainly', `See [the ledger](/projects/${OTHER}/).`],
    ['with a backslash escape', `See [the ledger](/projects/finance\\-ledger\\-consolidation/).`],
    ['with a decimal character reference', 'See [the ledger](/projects/finance&#45;ledger&#45;consolidation/).'],
    ['with a hexadecimal character reference', 'See [the ledger](/projects/finance&#x2d;ledger&#X2D;consolidation/).'],
    ['with percent-escapes', 'See [the ledger](/projects/finance%2Dledger%2dconsolidation/).'],
    ['in another case', 'See [the ledger](/projects/Finance-Ledger-Consolidation/).'],
  ])('depends on a project linked %s', async (_how, line) => {
    expect(await unitsWith(line)).toContain(`project:${OTHER}`);
  });

  it('does not take part of a longer word for a project id', async () => {
    expect(await unitsWith('The finance-ledger-consolidation-review was a different exercise.')).not.toContain(`project:${OTHER}`);
  });
});

describe('the tree the dependency digests list', () => {
  it('is the one the graph\'s own walk listed, hidden entries and links included, without the ignored paths', async () => {
    const root = tempContent(EXAMPLE_CONTENT, {
      '.drafts/note.txt': 'a hidden file',
      'node_modules/pkg/readme.txt': 'not content',
      'systems/assets/diagram.txt': 'not content either',
      'cache/lint-cache.json': '{}',
      'cache/lint-cache.json.inputs': '',
    });
    made.push(root);
    symlinkSync('../systems', join(root, 'projects/linked'));
    const graph = await loadGraph(root);
    const ignore = [join(root, 'cache/lint-cache.json'), join(root, 'cache/lint-cache.json.inputs')];
    const fromGraph = fileDependencies(graph, { settings, ignore });
    // A graph loadGraph did not make (a copy) has its tree walked afresh.
    const walked = fileDependencies({ ...graph }, { settings, ignore });
    for (const unit of ['global', 'project:policy-admin-migration']) expect(fromGraph.digestOf(unit), unit).toBe(walked.digestOf(unit));
    // A hidden file and a link's target count; what is in node_modules and the ignored paths do not.
    const changes: [string, () => void, boolean][] = [
      ['a hidden file', () => writeFileSync(join(root, '.drafts/other.txt'), 'x'), true],
      ['a link\'s target', () => { rmSync(join(root, 'projects/linked')); symlinkSync('../policies', join(root, 'projects/linked')); }, true],
      ['a file in node_modules', () => writeFileSync(join(root, 'node_modules/pkg/other.txt'), 'x'), false],
      ['an ignored path', () => writeFileSync(join(root, 'cache/lint-cache.json'), '{"changed":1}'), false],
    ];
    const unit = 'global';
    for (const [name, change, counts] of changes) {
      const before = fileDependencies(await loadGraph(root), { settings, ignore }).digestOf(unit);
      change();
      const after = fileDependencies(await loadGraph(root), { settings, ignore }).digestOf(unit);
      if (counts) expect(after, name).not.toBe(before);
      else expect(after, name).toBe(before);
    }
  });
});
