// Which projects a file names, for the cache and `--changed`: a project link written with the escapes
// Markdown and HTML allow (`\-`, `&#45;`, `%2D`) still makes the file depend on that project, so an
// edit there checks the file again; a text that only resembles a project id does not.
import { readFileSync, rmSync } from 'node:fs';
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
