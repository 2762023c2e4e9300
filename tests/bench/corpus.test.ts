// The benchmark's corpus generator (bench/corpus.ts): its projects are lint-clean under every rule,
// distinct, and deterministic from the seed.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS_TODAY, generateCorpus } from '../../bench/corpus.ts';
import { seam } from '../helpers/cli.ts';

const base = mkdtempSync(join(tmpdir(), 'seam-corpus-test-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Every file of a corpus, path → text. */
function read(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else files.set(relative(dir, join(d, e.name)), readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(dir);
  return files;
}

const generatedProjects = (files: Map<string, string>) => new Set([...files.keys()].filter((f) => /^projects\/[^/]+-\d{4}\/index\.mdx$/.test(f)));

describe('the benchmark corpus', () => {
  it('generates projects in every phase that `seam lint` finds clean', async () => {
    const dir = join(base, 'lint');
    const { files } = generateCorpus(dir, 8, 11);
    const all = read(dir);
    expect(all.size).toBe(files);
    const charters = [...generatedProjects(all)];
    expect(charters).toHaveLength(5);
    const phases = new Set(charters.map((f) => all.get(f)!.match(/^phase: (\w+)$/m)![1]));
    expect([...phases].sort()).toEqual(['closed', 'execution', 'handover', 'planning']);
    // Each generated project draws its own diagram.
    const diagrams = charters.map((f) => all.get(f)!.match(/```mermaid\n([\s\S]*?)```/)![1]);
    expect(new Set(diagrams).size).toBe(charters.length);

    const run = await seam(['lint', '--content', dir, '--today', CORPUS_TODAY, '--format', 'json']);
    const findings = JSON.parse(run.stdout).findings as { ruleId: string; file: string; message: string }[];
    // The example's one known warning (its standard's review date) is the only finding.
    expect(findings.map((f) => `${f.file.replace(/^.*?(?=standards\/|projects\/|systems\/|organisations\/)/, '')} ${f.ruleId}: ${f.message}`)).toEqual([expect.stringMatching(/^standards\/eskitp5045\.yaml currency: Review overdue/)]);
    expect(run.code).toBe(0);
  });

  it('is byte-identical for one seed and different for another', () => {
    generateCorpus(join(base, 'a'), 6, 5);
    generateCorpus(join(base, 'b'), 6, 5);
    generateCorpus(join(base, 'c'), 6, 6);
    const [a, b, c] = ['a', 'b', 'c'].map((d) => read(join(base, d)));
    expect(b).toEqual(a);
    const generated = [...a.keys()].filter((f) => !c.has(f) || c.get(f) !== a.get(f));
    expect(generated.length).toBeGreaterThan(10);
    expect([...generatedProjects(c)]).not.toEqual([...generatedProjects(a)]);
  });
});
