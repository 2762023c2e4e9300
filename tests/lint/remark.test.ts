// The editor integration: the real remark CLI and the remark language server, configured by a
// `.remarkrc.mjs` that loads Seam's preset, report the same rule ids at the same places as `seam lint`.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  writeFileSync(join(root, 'seam.config.yaml'), 'content: content\ntoday: 2026-11-20\n');
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

  it('reports warnings as warnings: remark passes, remark --frail fails', async () => {
    const policy = join(root, 'content/policies/interface-standard.mdx');
    writeFileSync(policy, readFileSync(policy, 'utf8').replace(/^reviewBy: .*$/m, 'reviewBy: 2026-01-31'));
    const file = 'content/policies/interface-standard.mdx';
    const r = await seam(['lint', '--format', 'json', file], { cwd: root });
    const lintSays = seamFindings(JSON.parse(r.stdout).findings, file);
    expect(lintSays).toEqual([expect.stringMatching(/^\d+:\d+ warning currency$/)]);
    const lenient = runRemark(root, file);
    expect(remarkFindings(lenient.stderr)).toEqual(lintSays);
    expect(lenient.status).toBe(0);
    expect(runRemark(root, '--frail', file).status).toBe(1);
  });

  it('leaves files outside the content folder alone', () => {
    writeFileSync(join(root, 'README.md'), '# A readme\n\nTODO: nothing Seam checks.\n');
    const r = runRemark(root, 'README.md');
    expect(remarkFindings(r.stderr)).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('gives the language server the same diagnostics for the text in the editor', async () => {
    const text = readFileSync(join(root, BROKEN), 'utf8');
    const diagnostics = await languageServerDiagnostics(root, BROKEN, text);
    const found = diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity === 1 ? 'error' : 'warning'} ${d.code}`);
    expect(found).toEqual(expected);
    expect(diagnostics.every((d) => d.source === 'seam' && d.codeDescription?.href === `https://seam.dev/rules/${d.code}/`)).toBe(true);
    // The editor's text counts, not the file on disk: the record as it was is clean.
    expect(await languageServerDiagnostics(root, BROKEN, readFileSync(join(EXAMPLE_CONTENT, 'systems/claims.mdx'), 'utf8'))).toEqual([]);
  });

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

interface Diagnostic {
  range: { start: { line: number; character: number } };
  severity: number;
  code: string;
  source: string;
  codeDescription?: { href: string };
}

/** Starts bin/seam-language-server.js over stdio, opens one document and waits for its diagnostics. */
function languageServerDiagnostics(root: string, file: string, text: string): Promise<Diagnostic[]> {
  const server = spawn(process.execPath, [join(REPO, 'bin/seam-language-server.js'), '--stdio'], { cwd: root, env: { PATH: process.env.PATH } });
  const uri = pathToFileURL(join(root, file)).href;
  let id = 0;
  const send = (message: object) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error('no diagnostics within 30 s')), 30_000);
    const finish = (result: Diagnostic[] | Error) => {
      clearTimeout(timer);
      server.kill();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    let buffer = Buffer.alloc(0);
    server.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())?.[1]);
        if (buffer.length < end + 4 + length) return;
        const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
        buffer = buffer.subarray(end + 4 + length);
        if (message.id === 1 && message.result) {
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'mdx', version: 1, text } } });
        } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) {
          finish(message.params.diagnostics);
        } else if (message.id !== undefined && message.method) {
          send({ id: message.id, result: null }); // requests from the server (configuration, capabilities)
        }
      }
    });
    server.on('error', finish);
    send({ id: ++id, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'seam' }] } });
  });
}
