// A static host for a built site, on 127.0.0.1 and a random port: what `seam export pdf` prints from,
// and what the browser tests read the site through. It serves the files as GitHub Pages or any static
// host does (folders as their index.html, missing files as 404.html, the site under its base path) and
// nothing outside the site's folder: not by `..`, nor through a symbolic link inside it that leads out.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** The Content-Type a static host would send for `file` (Pagefind's .pf_* files are opaque bytes). */
export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** The origin, without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `root` as a static host does: `/a/` → `a/index.html`, `/a` → redirect to `/a/` when `a` is a
 * folder, anything missing → `404.html` with status 404. With `base` (`/repo/`), the site is served
 * under that path, as GitHub Pages serves a project site: `/repo/a/` → `a/index.html`, and every
 * address outside it is a plain 404.
 */
export async function serveStatic(root: string, options: { base?: string } = {}): Promise<StaticServer> {
  const sitePath = options.base ?? '/';
  const base = resolve(root);
  // The folder itself may be reached through a link (macOS's /tmp is one); what it holds may not lead out of it.
  const realBase = realpathSync(base);
  /** Where `path` really is, when that exists and is inside the site's folder once every link is followed. */
  const inside = (path: string): string | undefined => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      return undefined;
    }
    return real === realBase || real.startsWith(realBase + sep) ? real : undefined;
  };
  const server = createServer((request, response) => {
    const send404 = () => {
      const page = inside(join(base, '404.html'));
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      if (request.method === 'HEAD' || !page) return response.end('Not found');
      createReadStream(page).on('error', () => response.destroy()).pipe(response);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    let address: string;
    // As the request wrote it (percent-encoded): what a redirect's Location repeats.
    let raw: string;
    try {
      raw = new URL(request.url ?? '/', 'http://localhost').pathname;
      address = decodeURIComponent(raw);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (sitePath !== '/' && !address.startsWith(sitePath)) {
      if (address === sitePath.slice(0, -1)) response.writeHead(301, { location: sitePath }).end();
      else response.writeHead(404, { 'content-type': 'text/plain' }).end('Outside the site');
      return;
    }
    const pathname = address.slice(sitePath.length - 1);
    let served = normalize(join(base, pathname));
    if (served !== base && !served.startsWith(base + sep)) return send404();
    // What is read is the file's real path, once it is known to be inside the site's folder.
    let file = inside(served);
    if (file && statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: `${raw}/` }).end();
        return;
      }
      served = join(served, 'index.html');
      file = inside(served);
    }
    const stat = file ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!file || !stat?.isFile()) return send404();
    response.writeHead(200, { 'content-type': contentType(served), 'content-length': stat.size, 'cache-control': 'no-store' });
    if (request.method === 'HEAD') return response.end();
    // A file that goes between the stat and the read ends the response, not the server.
    createReadStream(file).on('error', () => response.destroy()).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
