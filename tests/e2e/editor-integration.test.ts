// The editor integration: the real remark CLI and the remark language server, configured by a
// `.remarkrc.mjs` that loads Seam's preset, report the same rule ids at the same places as `seam lint`.
// Each remark or server process loads the whole engine (seconds), so runs are shared where one can
// answer several questions: one remark run checks several files, one server session sees two edits.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLanguageServer, type LspDiagnostic } from '../../bench/lsp-client.ts';
import type { Finding } from '../../src/rule-kit/finding.ts';
import { diskGraph } from '../../src/lint/remark-preset.ts';
import { EXAMPLE_CONTENT, REPO } from '../helpers/content.ts';
import { seam } from '../helpers/cli.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const REMARK = join(REPO, 'node_modules/.bin/remark');
const BROKEN = 'content/systems/claims.mdx';
/** A system record with a dangling reference, an import and an unfinished section. */
const brokenText = (original: string) =>
  original
    .replace(/^owner: .*$/m, 'owner: harbour-mutal')
    .replace(/\n## Purpose\n[\s\S]*?(?=\n## |$)/, '\nimport Chart from "./chart.js"\n\n## Purpose\n\nTODO: say what the system is for.\n');

/** A workspace like a user's repository: seam.config.yaml and .remarkrc.mjs at the top, the content below. */
function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'seam-remark-'));
  made.push(root);
  cpSync(EXAMPLE_CONTENT, join(root, 'content'), { recursive: true });
  writeFileSync(join(root, 'seam.config.yaml'), 'content: content\ntoday: 2026-11-20\nstandards:\n  primary: eskitp5045\n');
  // The repository's own .remarkrc.mjs, pointed at this checkout's preset.
  const rc = readFileSync(join(REPO, '.remarkrc.mjs'), 'utf8').replace('./src/lint/remark-preset.ts', pathToFileURL(join(REPO, 'src/lint/remark-preset.ts')).href);
  writeFileSync(join(root, '.remarkrc.mjs'), rc);
  writeFileSync(join(root, BROKEN), brokenText(readFileSync(join(root, BROKEN), 'utf8')));
  return root;
}

/** remark's report lines, `4:7-4:10 error <reason> <rule-id> seam`, as place and rule id. */
function remarkFindings(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((line) => /^\s*(\d+):(\d+)(?:-\d+:\d+)?\s+(error|warning)\s+.*\s(\S+)\s+seam\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => `${m[1]}:${m[2]} ${m[3]} ${m[4]}`);
}

/**
 * remark's report of several files, split by file: each file's section starts with its path on a line
 * of its own (`README.md: no issues found` when it has nothing to report), its messages indented below.
 */
function remarkFindingsByFile(stderr: string): Map<string, string[]> {
  const sections = new Map<string, string>();
  let file: string | undefined;
  for (const line of stderr.split('\n')) {
    const header = /^(\S[^:]*?)(?:: no issues found)?$/.exec(line);
    if (header && !/^\s/.test(line) && /\.mdx?$/.test(header[1])) sections.set((file = header[1]), '');
    else if (file) sections.set(file, `${sections.get(file)}${line}\n`);
  }
  return new Map([...sections].map(([f, text]) => [f, remarkFindings(text)]));
}

const seamFindings = (findings: Finding[], file: string) => findings.filter((f) => f.file === file).map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId}`);

const runRemark = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [REMARK, '--ext', 'md,mdx', '--no-stdout', '--no-color', ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH } });

describe('the remark preset', () => {
  let root: string;
  let expected: string[];
  beforeAll(async () => {
    root = workspace();
    const r = await seam(['lint', '--format', 'json'], { cwd: root });
    expected = seamFindings(JSON.parse(r.stdout).findings, BROKEN);
  });

  it('gives remark-cli the same rule ids and places as seam lint, and fails it on errors', () => {
    expect(new Set(expected.map((e) => e.split(' ')[2]))).toEqual(new Set(['references', 'mdx-safety', 'required-sections', 'unfinished']));
    const r = runRemark(root, BROKEN);
    expect(remarkFindings(r.stderr)).toEqual(expected);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(1);
  });

  describe('on a record with only a warning and a file outside the content folder (one remark run for both)', () => {
    const POLICY = 'content/policies/interface-standard.mdx';
    let lintSays: string[];
    let lenient: ReturnType<typeof runRemark>;
    beforeAll(async () => {
      const policy = join(root, POLICY);
      writeFileSync(policy, readFileSync(policy, 'utf8').replace(/^reviewBy: .*$/m, 'reviewBy: 2026-01-31'));
      writeFileSync(join(root, 'README.md'), '# A readme\n\nTODO: nothing Seam checks.\n');
      const r = await seam(['lint', '--format', 'json', POLICY], { cwd: root });
      lintSays = seamFindings(JSON.parse(r.stdout).findings, POLICY);
      lenient = runRemark(root, POLICY, 'README.md');
    });

    it('reports warnings as warnings: remark passes, remark --frail fails', () => {
      expect(lintSays).toEqual([expect.stringMatching(/^\d+:\d+ warning currency$/)]);
      expect(remarkFindingsByFile(lenient.stderr).get(POLICY)).toEqual(lintSays);
      expect(lenient.status).toBe(0);
      expect(runRemark(root, '--frail', POLICY).status).toBe(1);
    });

    it('leaves files outside the content folder alone', () => {
      expect(remarkFindingsByFile(lenient.stderr).get('README.md')).toEqual([]);
      expect(lenient.status).toBe(0);
    });
  });

  it('gives the language server the same diagnostics for the text in the editor', async () => {
    const text = readFileSync(join(root, BROKEN), 'utf8');
    // The editor's text counts, not the file on disk: edited back to the record as it was, it is clean.
    const [diagnostics, reverted] = await languageServerDiagnostics(root, BROKEN, [text, readFileSync(join(EXAMPLE_CONTENT, 'systems/claims.mdx'), 'utf8')]);
    const found = diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity === 1 ? 'error' : 'warning'} ${d.code}`);
    expect(found).toEqual(expected);
    expect(diagnostics.every((d) => d.source === 'seam' && d.codeDescription?.href === `https://seam.dev/rules/${d.code}/`)).toBe(true);
    expect(reverted).toEqual([]);
  }, 120_000);

  it('keeps the disk graph between files until a file changes', async () => {
    const content = join(root, 'content');
    const first = await diskGraph(content);
    expect(await diskGraph(content)).toBe(first);
    const org = join(content, 'organisations/harbour-mutual.mdx');
    writeFileSync(org, `${readFileSync(org, 'utf8')}\nMore about the acquirer.\n`);
    const second = await diskGraph(content);
    expect(second).not.toBe(first);
    expect(second.byFile.get('organisations/harbour-mutual.mdx')!.source.text).toContain('More about the acquirer.');
  });
});

/**
 * Starts bin/seam-language-server.js over stdio (bench/lsp-client.ts), opens one document with the
 * first of `texts`, and after its diagnostics edits it to each next text in turn, as an editor does:
 * the diagnostics of every version, in order.
 */
async function languageServerDiagnostics(root: string, file: string, texts: string[]): Promise<LspDiagnostic[][]> {
  const { server, send, next } = startLanguageServer(root);
  const uri = pathToFileURL(join(root, file)).href;
  // A watchdog on each answer, not a timing assertion: a server that never answers fails the test with its message.
  const diagnosticsOf = async (version: number) => (await next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri && m.params.version === version, `diagnostics for version ${version} of ${texts.length}`, 100)).params!.diagnostics!;
  try {
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'seam' }] } });
    await next((m) => m.id === 1 && m.result !== undefined, 'initialize result', 100);
    send({ method: 'initialized', params: {} });
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'mdx', version: 1, text: texts[0] } } });
    const versions = [await diagnosticsOf(1)];
    for (const [i, text] of texts.slice(1).entries()) {
      send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: i + 2 }, contentChanges: [{ text }] } });
      versions.push(await diagnosticsOf(i + 2));
    }
    return versions;
  } finally {
    server.kill();
  }
}
