// Checks web addresses (`seam links --external`): HEAD, falling back to GET, with a timeout, retries
// with exponential backoff on transient failures, a limit on requests in flight, and a cache on disk so
// a CI run does not hammer the same sites. `fetch` is injected, so tests never touch the network, and
// `offline` answers from the cache alone. Every address, and every redirect target, passes the address
// guard first (address-guard.ts): private, local and metadata addresses are never requested. The
// default `fetch` connects through an undici Agent whose DNS lookup is the guard's, so the connection
// goes only to an address the guard judged at connect time (no window for DNS rebinding).
import { mkdirSync, readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { dirname } from 'node:path';
import type { Root } from 'mdast';
import { Agent, fetch as undiciFetch } from 'undici';
import writeFileAtomic from 'write-file-atomic';
import { classifyLink, linkNodes } from '../model/links.ts';
import type { Report, Rule, RuleMeta } from '../rule-kit/rule.ts';
import { addressGuard, BlockedAddressError, withoutQuery, type AddressGuard } from './address-guard.ts';
import { RULES_URL, seamVersion } from './version.ts';

const defaultGuard = addressGuard();

/** The part of `fetch` the checker uses. */
export type FetchLike = (url: string, init: { method: 'HEAD' | 'GET'; redirect: 'manual'; signal: AbortSignal; headers: Record<string, string> }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  body?: { cancel(): Promise<void> } | null;
}>;

export type ExternalResult =
  /** 2xx, possibly after temporary redirects. */
  | { state: 'ok'; status: number }
  /** Reached through a permanent redirect (301/308): the link should name `location`. */
  | { state: 'moved'; status: number; location: string }
  /** A 4xx answer that means the page is gone or never was (404, 410 …). */
  | { state: 'broken'; status: number }
  /** 401/403: the server would not show the page to a robot; a person has to look. */
  | { state: 'refused'; status: number }
  /** Still failing after the retries: timeouts, network errors, 429, 5xx, redirect loops. */
  | { state: 'unreachable'; reason: string; attempts: number }
  /** Offline, and the cache had no fresh answer. */
  | { state: 'unchecked' }
  /** Never requested: it (or a redirect) points at a private, local or metadata address. */
  | { state: 'blocked'; reason: string };

export interface CheckOptions {
  fetch?: FetchLike;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  concurrency: number;
  /** Never use the network: answer from the cache, or `unchecked`. */
  offline?: boolean;
  cache?: LinkCache;
  /** Cache entries older than this are ignored (and replaced). */
  maxAgeMs: number;
  now?: () => number;
  maxRedirects?: number;
  /** Waits between retries; injectable so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Which addresses may be requested; by default every private, local or reserved one is refused. */
  guard?: AddressGuard;
}

export interface CheckReport {
  results: Map<string, ExternalResult>;
  /** How many answers came from the cache. */
  fromCache: number;
}

/** Results worth remembering: a transient failure is tried again next run. */
const CACHEABLE = new Set<ExternalResult['state']>(['ok', 'moved', 'broken', 'refused']);

/** Checks each distinct address once. */
export async function checkExternalLinks(urls: Iterable<string>, options: CheckOptions): Promise<CheckReport> {
  const unique = [...new Set(urls)];
  const now = options.now ?? Date.now;
  const results = new Map<string, ExternalResult>();
  let fromCache = 0;
  const pending: string[] = [];
  for (const url of unique) {
    const cached = options.cache?.get(url, now() - options.maxAgeMs);
    if (cached) {
      results.set(url, cached);
      fromCache++;
    } else if (options.offline) results.set(url, { state: 'unchecked' });
    else pending.push(url);
  }
  let next = 0;
  const guard = options.guard ?? defaultGuard;
  let pinned: ReturnType<typeof pinnedFetch> | undefined;
  const checking: Checking = { ...options, guard, fetch: options.fetch ?? (pinned = pinnedFetch(guard)).fetch };
  const worker = async () => {
    while (next < pending.length) {
      const url = pending[next++]!;
      const result = await checkOne(url, checking);
      results.set(url, result);
      if (CACHEABLE.has(result.state)) options.cache?.set(url, result, now());
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, pending.length) }, worker));
  } finally {
    await pinned?.close();
  }
  return { results, fromCache };
}

/**
 * `fetch` over connections that resolve host names with the guard's `connectLookup`: the address
 * connected to is the address judged, so a host cannot resolve to a public address for the guard and
 * to a private one for the connection. (An IP literal is not looked up: the guard judged it already.)
 */
function pinnedFetch(guard: AddressGuard): { fetch: FetchLike; close(): Promise<void> } {
  const dispatcher = new Agent({ connect: { lookup: guard.connectLookup } });
  return {
    fetch: (url, init) => undiciFetch(url, { ...init, dispatcher }),
    close: () => dispatcher.close(),
  };
}

const sleeper = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** The options of one run, with the `fetch` and the guard it uses. */
type Checking = CheckOptions & { fetch: FetchLike; guard: AddressGuard };

/** One address, with retries on transient failures. */
async function checkOne(url: string, options: Checking): Promise<ExternalResult> {
  const sleep = options.sleep ?? sleeper;
  if (!URL.canParse(url)) return { state: 'unreachable', reason: 'it is not a valid web address', attempts: 0 };
  let last: ExternalResult = { state: 'unreachable', reason: 'not tried', attempts: 0 };
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) await sleep(options.backoffMs * 2 ** (attempt - 1));
    const outcome = await follow(url, options, options.guard);
    if (!('transient' in outcome)) return outcome;
    last = { state: 'unreachable', reason: outcome.transient, attempts: attempt + 1 };
  }
  return last;
}

type Outcome = ExternalResult | { transient: string };

/** Follows redirects by hand, so a permanent move can be reported. */
async function follow(url: string, options: Checking, guard: AddressGuard): Promise<Outcome> {
  let current = url;
  let movedTo: string | undefined;
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop++) {
    const refusal = await guard.refusal(current);
    if (refusal) return { state: 'blocked', reason: hop === 0 ? refusal : `it redirects to ${withoutQuery(current)}: ${refusal}` };
    const answer = await request(current, options);
    if ('blocked' in answer) return { state: 'blocked', reason: hop === 0 ? answer.blocked : `it redirects to ${withoutQuery(current)}: ${answer.blocked}` };
    if ('transient' in answer) return answer;
    const { status, location } = answer;
    if (status >= 300 && status < 400 && location) {
      let target: URL;
      try {
        target = new URL(location, current);
      } catch {
        return { state: 'broken', status };
      }
      if (target.protocol !== 'http:' && target.protocol !== 'https:') return { state: 'broken', status };
      // A permanent move counts only while every hop so far was permanent too.
      if ((status === 301 || status === 308) && (hop === 0 || movedTo !== undefined)) movedTo = target.href;
      else movedTo = undefined;
      current = target.href;
      continue;
    }
    // A redirect target's query string can carry a token or session: never kept or shown.
    if (status >= 200 && status < 300) return movedTo ? { state: 'moved', status: 200, location: withoutQuery(movedTo) } : { state: 'ok', status };
    if (status === 429 || status >= 500) return { transient: `the server answered ${status}` };
    if (status === 401 || status === 403) return { state: 'refused', status };
    return { state: 'broken', status };
  }
  return { transient: 'too many redirects' };
}

/** HEAD, then GET when HEAD fails or is refused (many servers mishandle HEAD). */
async function request(url: string, options: Checking): Promise<Answer> {
  const head = await send(url, 'HEAD', options);
  if ('status' in head && head.status < 400) return head;
  if ('blocked' in head || ('transient' in head && head.timedOut)) return head;
  return send(url, 'GET', options);
}

/** A status, a failure worth retrying, or a connection the guard refused when it was made. */
type Answer = { status: number; location?: string } | { transient: string; timedOut?: boolean } | { blocked: string };

async function send(url: string, method: 'HEAD' | 'GET', options: Checking): Promise<Answer> {
  const fetcher = options.fetch;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await fetcher(url, { method, redirect: 'manual', signal, headers: { 'user-agent': `seam-link-checker/${seamVersion()} (+${RULES_URL}links/)`, accept: '*/*' } });
    // The body is never needed: release the connection.
    await response.body?.cancel().catch(() => {});
    return { status: response.status, location: response.headers.get('location') ?? undefined };
  } catch (error) {
    if (signal.aborted) return { transient: `no answer within ${options.timeoutMs} ms`, timedOut: true };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    // The host resolved to a refused address as the connection was made (DNS rebinding): never retried.
    if (cause instanceof BlockedAddressError) return { blocked: cause.message };
    return { transient: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

// ── Cache ──────────────────────────────────────────────────────────────────────────────────────────

interface CacheEntry {
  result: ExternalResult;
  /** When it was checked, ms since the epoch. */
  checked: number;
}

/** `.seam-cache/links.json`: the last definitive answer per address, with when it was given. */
export class LinkCache {
  readonly file: string;
  private entries: Map<string, CacheEntry>;
  private dirty = false;

  constructor(file: string) {
    this.file = file;
    this.entries = new Map(Object.entries(readCache(file)));
  }

  /** The cached result, if it was checked at or after `notBefore`. */
  get(url: string, notBefore: number): ExternalResult | undefined {
    const entry = this.entries.get(url);
    return entry && entry.checked >= notBefore ? entry.result : undefined;
  }

  set(url: string, result: ExternalResult, checked: number): void {
    this.entries.set(url, { result, checked });
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const entries = Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : 1)));
    await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`);
    this.dirty = false;
  }
}

/** A missing, unreadable or foreign cache file is an empty cache, never an error. */
function readCache(file: string): Record<string, CacheEntry> {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; entries?: Record<string, CacheEntry> };
    if (json.version !== 1 || typeof json.entries !== 'object' || json.entries === null) return {};
    return Object.fromEntries(Object.entries(json.entries).filter(([, e]) => typeof e?.checked === 'number' && typeof e?.result?.state === 'string'));
  } catch {
    return {};
  }
}

/**
 * Addresses under the top-level domains reserved for documentation and tests (RFC 2606: `.example`,
 * `.invalid`, `.test`, `.localhost`) never resolve; example content uses them, so they are not checked.
 */
export function isReservedAddress(url: string): boolean {
  try {
    return /\.(example|invalid|test|localhost)\.?$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

// ── Where web addresses appear, and findings for them ─────────────────────────────────────────────

export interface ExternalLink {
  url: string;
  at: NonNullable<Report['at']>;
}

/** Every http(s) address in a record: body links, images and definitions, and frontmatter values. */
export function externalLinksIn(file: string, tree: Root | undefined, data: unknown): ExternalLink[] {
  const out: ExternalLink[] = [];
  for (const { node, url } of linkNodes(tree)) {
    const form = classifyLink(file, url);
    if (form.kind === 'external' && (form.scheme === 'http' || form.scheme === 'https')) out.push({ url: form.url, at: { node } });
  }
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      if (/^https?:\/\/\S+$/i.test(value.trim())) out.push({ url: value.trim(), at: { path } });
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(data, []);
  return out;
}

/**
 * The findings for checked addresses, as a rule (with the `links` rule's id and metadata) so the engine
 * places them, honours disable comments and hands them to the same reporters.
 */
export function externalLinkRule(meta: RuleMeta, results: Map<string, ExternalResult>): Rule {
  return {
    meta,
    check({ file, tree, source, report }) {
      for (const { url, at } of externalLinksIn(file, tree, source.data)) {
        const result = results.get(url);
        if (!result) continue;
        const finding = externalMessage(url, result);
        if (finding) report({ ...finding, at });
      }
    },
  };
}

/** What to say about a checked address; a broken page is an error, everything uncertain a warning. */
export function externalMessage(url: string, result: ExternalResult): { message: string; severity?: 'warning' } | undefined {
  switch (result.state) {
    case 'ok':
      return undefined;
    case 'broken':
      return { message: `The web address "${url}" is broken: the server answered ${statusText(result.status)}. Update the link or remove it.` };
    case 'moved':
      return { message: `The web address "${url}" has moved permanently to "${result.location}". Update the link.`, severity: 'warning' };
    case 'refused':
      return { message: `The server of "${url}" would not show it to a link checker (${statusText(result.status)}). Check it in a browser.`, severity: 'warning' };
    case 'unreachable':
      return { message: `Could not check the web address "${url}": ${result.reason}${result.attempts ? ` (${result.attempts} ${result.attempts === 1 ? 'attempt' : 'attempts'})` : ''}. Check it in a browser, or run "seam links --external" again later.`, severity: 'warning' };
    case 'unchecked':
      return { message: `Not checked (offline): "${url}". Run "seam links --external" with network access to check it.`, severity: 'warning' };
    case 'blocked':
      return { message: `Not checked: "${url}" is never requested, because ${result.reason}. If it is your own intranet, name its host or network in "links.allowPrivate" in seam.config.yaml.`, severity: 'warning' };
  }
}

const statusText = (status: number) => (STATUS_CODES[status] ? `${status} ${STATUS_CODES[status]}` : String(status));
