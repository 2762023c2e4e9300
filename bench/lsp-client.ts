// A minimal language-server client over stdio, as an editor drives Seam's (bin/seam-language-server.js):
// JSON-RPC messages framed by a `Content-Length` header. The LSP benchmark (scripts/bench-lsp.ts) and
// the editor-integration test (tests/e2e/editor-integration.test.ts) both talk to the server with it.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';

const SERVER = resolve(import.meta.dirname, '../bin/seam-language-server.js');

/** A message from the server: a response (`id`, `result`), a request (`id`, `method`) or a notification (`method`). */
export interface LspMessage {
  id?: number;
  method?: string;
  result?: unknown;
  params?: { uri?: string; version?: number; diagnostics?: LspDiagnostic[] };
}

/** A diagnostic as `textDocument/publishDiagnostics` carries it. */
export interface LspDiagnostic {
  range: { start: { line: number; character: number } };
  severity?: number;
  code?: string;
  message: string;
  source?: string;
  codeDescription?: { href: string };
}

export interface LanguageServer {
  server: ChildProcessByStdio<Writable, Readable, null>;
  /** Sends a request or notification (`jsonrpc` is added). */
  send(message: object): void;
  /** The first message from now on that satisfies `test`; rejects after `seconds` with "no <what> within <seconds> s". */
  next(test: (message: LspMessage) => boolean, what: string, seconds: number): Promise<LspMessage>;
}

/**
 * Starts the language server in `cwd` (with `nodeFlags` for Node, such as `--cpu-prof`). Requests
 * from the server (configuration, capabilities) get an empty answer, as a plain client gives.
 */
export function startLanguageServer(cwd: string, nodeFlags: readonly string[] = []): LanguageServer {
  const server = spawn(process.execPath, [...nodeFlags, SERVER, '--stdio'], { cwd, env: { PATH: process.env.PATH }, stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: { test: (m: LspMessage) => boolean; done: (m: LspMessage) => void }[] = [];
  let buffer = Buffer.alloc(0);
  const send = (message: object) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  server.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())?.[1]);
      if (buffer.length < end + 4 + length) return;
      const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString()) as LspMessage;
      buffer = buffer.subarray(end + 4 + length);
      if (message.id !== undefined && message.method) send({ id: message.id, result: null });
      const at = waiting.findIndex((w) => w.test(message));
      if (at >= 0) waiting.splice(at, 1)[0]!.done(message);
    }
  });
  const next = (test: (m: LspMessage) => boolean, what: string, seconds: number) =>
    new Promise<LspMessage>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no ${what} within ${seconds} s`)), seconds * 1000);
      waiting.push({ test, done: (m) => (clearTimeout(timer), done(m)) });
    });
  return { server, send, next };
}
