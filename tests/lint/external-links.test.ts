// The external link checker against a local server on 127.0.0.1 (never the network): statuses,
// HEAD→GET fallback, redirects, retries with backoff, timeouts, the concurrency limit, the cache and
// offline mode.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExternalLinks, externalMessage, isReservedAddress, LinkCache } from '../../src/lint/external-links.ts';
import type { CheckOptions, FetchLike } from '../../src/lint/external-links.ts';
import { addressGuard, BlockedAddressError, isPrivateAddress, withoutQuery } from '../../src/lint/address-guard.ts';
import { answer, startServer } from '../helpers/http.ts';
import type { TestServer } from '../helpers/http.ts';

let server: TestServer;
const dirs: string[] = [];
beforeAll(async () => {
  server = await startServer({
    '/ok': answer.status(200),
    '/gone': answer.status(410),
    '/moved': answer.status(301, { location: '/ok' }),
    '/found': answer.status(302, { location: '/ok' }),
    '/moved-to-missing': answer.status(308, { location: '/missing' }),
    '/loop': answer.status(302, { location: '/loop' }),
    '/moved-with-token': answer.status(301, { location: '/ok?token=s3cr3t#frag' }),
    '/flaky': answer.failing(500, 2),
    '/down': answer.status(503),
    '/private': answer.status(403),
    '/head-not-allowed': answer.getOnly(),
    '/slow': answer.slow(1000),
    ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`/page/${i}`, answer.slow(30)])),
  });
  // The first request of a process loads undici and compiles its HTTP parser (half a second on a busy
  // machine), which the tests' short timeouts must not count.
  await checkExternalLinks([`${server.origin}/warm-up`], options({ timeoutMs: 60_000 }));
  server.requests.length = 0;
});
afterAll(async () => {
  await server.close();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const waits: number[] = [];
const options = (more: Partial<CheckOptions> = {}): CheckOptions => ({
  timeoutMs: 500, retries: 2, backoffMs: 100, concurrency: 4, maxAgeMs: 86_400_000,
  // The test server is on 127.0.0.1, which the link checker refuses unless allowed; host names resolve
  // to a public address without asking DNS (no test touches the network).
  guard: addressGuard(['127.0.0.1'], async () => ['93.184.216.34']),
  sleep: async (ms) => void waits.push(ms), ...more,
});
const url = (path: string) => `${server.origin}${path}`;
const cacheFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'seam-cache-'));
  dirs.push(dir);
  return join(dir, '.seam-cache', 'links.json');
};

describe('checkExternalLinks', () => {
  it('tells working, missing, moved and refused pages apart', async () => {
    const { results } = await checkExternalLinks([url('/ok'), url('/missing'), url('/gone'), url('/moved'), url('/found'), url('/moved-to-missing'), url('/private')], options());
    expect(Object.fromEntries([...results].map(([u, r]) => [u.slice(server.origin.length), r]))).toEqual({
      '/ok': { state: 'ok', status: 200 },
      '/missing': { state: 'broken', status: 404 },
      '/gone': { state: 'broken', status: 410 },
      '/moved': { state: 'moved', status: 200, location: url('/ok') },
      '/found': { state: 'ok', status: 200 },
      '/moved-to-missing': { state: 'broken', status: 404 },
      '/private': { state: 'refused', status: 403 },
    });
  });

  it('asks with HEAD and falls back to GET', async () => {
    server.requests.length = 0;
    const { results } = await checkExternalLinks([url('/head-not-allowed'), url('/ok')], options());
    expect(results.get(url('/head-not-allowed'))).toEqual({ state: 'ok', status: 200 });
    expect(server.requests.sort()).toEqual(['GET /head-not-allowed', 'HEAD /head-not-allowed', 'HEAD /ok']);
  });

  it('retries a server error with exponential backoff, and gives up after the retries', async () => {
    waits.length = 0;
    server.requests.length = 0;
    const flaky = await checkExternalLinks([url('/flaky')], options());
    // 500 to HEAD and to GET, a wait, then 200.
    expect(flaky.results.get(url('/flaky'))).toEqual({ state: 'ok', status: 200 });
    expect(server.requests).toEqual(['HEAD /flaky', 'GET /flaky', 'HEAD /flaky']);
    expect(waits).toEqual([100]);
    waits.length = 0;
    const down = await checkExternalLinks([url('/down')], options());
    expect(down.results.get(url('/down'))).toEqual({ state: 'unreachable', reason: 'the server answered 503', attempts: 3 });
    expect(waits).toEqual([100, 200]);
  });

  it('times out a slow server, and stops a redirect loop', async () => {
    const { results } = await checkExternalLinks([url('/slow'), url('/loop')], options({ timeoutMs: 100, retries: 1 }));
    expect(results.get(url('/slow'))).toEqual({ state: 'unreachable', reason: 'no answer within 100 ms', attempts: 2 });
    expect(results.get(url('/loop'))).toEqual({ state: 'unreachable', reason: 'too many redirects', attempts: 2 });
  });

  it('does not ask for an address that cannot be parsed', async () => {
    const { results } = await checkExternalLinks(['http://exa mple.org/'], options());
    expect(results.get('http://exa mple.org/')).toEqual({ state: 'unreachable', reason: 'it is not a valid web address', attempts: 0 });
  });

  it('reports a server that is not there', async () => {
    const closed = await startServer({});
    const origin = closed.origin;
    await closed.close();
    const { results } = await checkExternalLinks([`${origin}/x`], options({ retries: 0 }));
    expect(results.get(`${origin}/x`)).toEqual({ state: 'unreachable', reason: 'ECONNREFUSED', attempts: 1 });
  });

  it('keeps no more requests in flight than the concurrency limit', async () => {
    server.inFlight.max = 0;
    const pages = Array.from({ length: 8 }, (_, i) => url(`/page/${i}`));
    const { results } = await checkExternalLinks(pages, options({ concurrency: 2 }));
    expect([...results.values()].every((r) => r.state === 'ok')).toBe(true);
    expect(server.inFlight.max).toBe(2);
  });

  it('uses the injected fetch, once per distinct address', async () => {
    const calls: string[] = [];
    const fetch: FetchLike = async (u, init) => {
      calls.push(`${init.method} ${u}`);
      return { status: 200, headers: new Headers() };
    };
    await checkExternalLinks(['https://a.example.org/', 'https://a.example.org/', 'https://b.example.org/'], options({ fetch }));
    expect(calls).toEqual(['HEAD https://a.example.org/', 'HEAD https://b.example.org/']);
  });

  it("names itself to servers with Seam's version and the links rule's page", async () => {
    const agents: string[] = [];
    const fetch: FetchLike = async (_u, init) => {
      agents.push(init.headers['user-agent']);
      return { status: 200, headers: new Headers() };
    };
    await checkExternalLinks(['https://a.example.org/'], options({ fetch }));
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(agents).toEqual([`seam-link-checker/${version} (+https://seam.dev/rules/links/)`]);
  });

  it('caches definitive answers on disk, trusts them until they are too old, and retries failures', async () => {
    const file = cacheFile();
    let now = 1_000_000;
    const run = async (maxAgeMs = 86_400_000) => {
      server.requests.length = 0;
      const cache = new LinkCache(file);
      const report = await checkExternalLinks([url('/ok'), url('/missing'), url('/down')], options({ cache, maxAgeMs, now: () => now, retries: 0 }));
      await cache.save();
      return report;
    };
    const first = await run();
    expect(first.fromCache).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.version).toBe(1);
    expect(Object.keys(saved.entries)).toEqual([url('/missing'), url('/ok')]);
    expect(saved.entries[url('/missing')]).toEqual({ result: { state: 'broken', status: 404 }, checked: 1_000_000 });

    now += 3_600_000;
    const second = await run();
    expect(second.fromCache).toBe(2);
    expect(second.results.get(url('/missing'))).toEqual({ state: 'broken', status: 404 });
    expect(server.requests.sort()).toEqual(['GET /down', 'HEAD /down']);

    const stale = await run(60_000);
    expect(stale.fromCache).toBe(0);
    expect(server.requests).toContain('HEAD /ok');
  });

  it('reads a broken cache file as an empty cache', async () => {
    const file = cacheFile();
    await new LinkCache(file).save();
    expect(existsSync(file)).toBe(false); // nothing to write
    writeFileSync(file.replace('/.seam-cache/links.json', '/broken.json'), '{');
    const cache = new LinkCache(file.replace('/.seam-cache/links.json', '/broken.json'));
    expect(cache.get(url('/ok'), 0)).toBeUndefined();
  });

  it('offline, answers from the cache and never fetches', async () => {
    const file = cacheFile();
    const cache = new LinkCache(file);
    cache.set(url('/ok'), { state: 'ok', status: 200 }, Date.now());
    const fetch: FetchLike = async () => {
      throw new Error('offline mode must not fetch');
    };
    const { results, fromCache } = await checkExternalLinks([url('/ok'), url('/missing')], options({ cache, offline: true, fetch }));
    expect(fromCache).toBe(1);
    expect(results.get(url('/ok'))).toEqual({ state: 'ok', status: 200 });
    expect(results.get(url('/missing'))).toEqual({ state: 'unchecked' });
  });
});

describe('externalMessage', () => {
  it('makes a broken page an error and everything uncertain a warning', () => {
    expect(externalMessage('https://a.org/x', { state: 'broken', status: 404 })).toEqual({ message: 'The web address "https://a.org/x" is broken: the server answered 404 Not Found. Update the link or remove it.' });
    expect(externalMessage('https://a.org/x', { state: 'moved', status: 200, location: 'https://a.org/y' })).toEqual({ message: 'The web address "https://a.org/x" has moved permanently to "https://a.org/y". Update the link.', severity: 'warning' });
    expect(externalMessage('https://a.org/x', { state: 'unchecked' })?.severity).toBe('warning');
    expect(externalMessage('https://a.org/x', { state: 'unreachable', reason: 'the server answered 503', attempts: 3 })).toEqual({ message: 'Could not check the web address "https://a.org/x": the server answered 503 (3 attempts). Check it in a browser, or run "seam links --external" again later.', severity: 'warning' });
    expect(externalMessage('https://a.org/x', { state: 'ok', status: 200 })).toBeUndefined();
  });

  it('leaves addresses on reserved documentation domains unchecked', () => {
    expect(isReservedAddress('https://www.harbourmutual.example/about')).toBe(true);
    expect(isReservedAddress('http://intranet.test')).toBe(true);
    expect(isReservedAddress('https://example.org/')).toBe(false);
  });
});

describe('the address guard', () => {
  it('refuses loopback, private, link-local, metadata and reserved addresses, IPv4 and IPv6', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00:ec2::254', '::ffff:127.0.0.1', '224.0.0.1']) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '8.8.8.8']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('judges a host by every address it resolves to, and names allowed hosts and networks', async () => {
    const lookup = async (host: string) => ({ 'rebind.attacker.example.com': ['93.184.216.34', '10.0.0.7'], 'public.example.com': ['93.184.216.34'], 'intranet.corp': ['10.20.1.5'] })[host] ?? [];
    const guard = addressGuard([], lookup);
    expect(await guard.refusal('http://rebind.attacker.example.com/')).toBe('"rebind.attacker.example.com" resolves to 10.0.0.7, a private, local or reserved address');
    expect(await guard.refusal('https://public.example.com/a')).toBeUndefined();
    expect(await guard.refusal('http://[::1]:8080/')).toBe('it is ::1, a private, local or reserved address');
    expect(await guard.refusal('http://metadata.google.internal/computeMetadata/v1/')).toBe('"metadata.google.internal" is a local or cloud-metadata host');
    expect(await guard.refusal('http://localhost:3000/')).toBe('"localhost" is a local or cloud-metadata host');
    expect(await guard.refusal('http://intranet.corp/')).toMatch(/resolves to 10\.20\.1\.5/);
    expect(await addressGuard(['intranet.corp'], lookup).refusal('http://intranet.corp/')).toBeUndefined();
    expect(await addressGuard(['10.20.0.0/16'], lookup).refusal('http://intranet.corp/')).toBeUndefined();
    expect(await addressGuard(['10.30.0.0/16'], lookup).refusal('http://intranet.corp/')).toMatch(/10\.20\.1\.5/);
  });

  it('never requests a refused address, with HEAD or GET, nor follows a redirect to one', async () => {
    server.requests.length = 0;
    const { results } = await checkExternalLinks([url('/ok')], { ...options(), guard: addressGuard() });
    expect(results.get(url('/ok'))).toEqual({ state: 'blocked', reason: 'it is 127.0.0.1, a private, local or reserved address' });
    expect(server.requests).toEqual([]);
    expect(externalMessage(url('/ok'), results.get(url('/ok'))!)).toEqual({
      message: `Not checked: "${url('/ok')}" is never requested, because it is 127.0.0.1, a private, local or reserved address. If it is your own intranet, name its host or network in "links.allowPrivate" in seam.config.yaml.`,
      severity: 'warning',
    });
    // A public address that redirects into the private network: the redirect target is refused.
    const redirecting: FetchLike = async () => ({ status: 302, headers: { get: (name: string) => (name === 'location' ? 'http://169.254.169.254/latest/meta-data/?x=1' : null) } });
    const hops = await checkExternalLinks(['https://public.example.com/'], { ...options(), fetch: redirecting, guard: addressGuard([], async () => ['93.184.216.34']) });
    expect(hops.results.get('https://public.example.com/')).toEqual({ state: 'blocked', reason: 'it redirects to http://169.254.169.254/latest/meta-data/?…: it is 169.254.169.254, a private, local or reserved address' });
  });

  it('connects only to an address it judged as it connected: a host that rebinds to a private address is refused, not connected to', async () => {
    const port = new URL(server.origin).port;
    let lookups = 0;
    // Public when the guard checks the host, the test server's loopback address a moment later when the
    // connection resolves it: DNS rebinding.
    const rebinding = async () => (++lookups === 1 ? ['93.184.216.34'] : ['127.0.0.1']);
    server.requests.length = 0;
    const target = `http://rebind.test:${port}/ok`;
    const { results } = await checkExternalLinks([target], { ...options(), guard: addressGuard([], rebinding) });
    expect(results.get(target)).toEqual({ state: 'blocked', reason: '"rebind.test" resolves to 127.0.0.1, a private, local or reserved address' });
    expect(lookups).toBe(2);
    expect(server.requests).toEqual([]);
    // Allowed by the config's allow-list, the same name reaches the test server: the connection goes to
    // the address the guard's lookup gave (nothing else resolves "pinned.test").
    const allowed = `http://pinned.test:${port}/ok`;
    const pinned = await checkExternalLinks([allowed], { ...options(), guard: addressGuard(['127.0.0.1'], async () => ['127.0.0.1']) });
    expect(pinned.results.get(allowed)).toEqual({ state: 'ok', status: 200 });
    expect(server.requests).toEqual(['HEAD /ok']);
  });

  it('resolves for a connection as net.connect asks: every address, or the first of a family', async () => {
    const guard = addressGuard(['intranet.corp'], async () => ['10.20.1.5', 'fd00::5']);
    const resolve = (options: object) => new Promise((done) => guard.connectLookup('intranet.corp', options, (error, address, family) => done(error ?? [address, family])));
    expect(await resolve({ all: true })).toEqual([[{ address: '10.20.1.5', family: 4 }, { address: 'fd00::5', family: 6 }], undefined]);
    expect(await resolve({ family: 6 })).toEqual(['fd00::5', 6]);
    expect(await resolve({ family: 4 })).toEqual(['10.20.1.5', 4]);
    const refused = await new Promise<Error | null>((done) => addressGuard([], async () => ['169.254.169.254']).connectLookup('meta.example', {}, (error) => done(error)));
    expect(refused).toBeInstanceOf(BlockedAddressError);
    expect(refused?.message).toBe('"meta.example" resolves to 169.254.169.254, a private, local or reserved address');
  });

  it('shows a redirect target without its query string or fragment', async () => {
    const { results } = await checkExternalLinks([url('/moved-with-token')], options());
    expect(results.get(url('/moved-with-token'))).toEqual({ state: 'moved', status: 200, location: `${url('/ok')}?…` });
    expect(withoutQuery('https://a.example/b?token=1')).toBe('https://a.example/b?…');
    expect(withoutQuery('https://a.example/b')).toBe('https://a.example/b');
  });
});
