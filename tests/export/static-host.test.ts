// The static host the PDF export prints from (and the browser tests read the site through): folders
// redirect to their slash form with the address as the request wrote it, so a folder whose name is not
// Latin-1 is redirected rather than crashing the server on an invalid header; nothing outside the
// site's folder is served.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/export/static-host.ts';

const root = mkdtempSync(join(tmpdir(), 'seam-static-host-'));
mkdirSync(join(root, 'site', 'prix-€'), { recursive: true });
writeFileSync(join(root, 'site', 'prix-€', 'index.html'), '<h1>€</h1>');
writeFileSync(join(root, 'secret.txt'), 'outside');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** One raw GET (no client-side normalisation of the path): status and Location. */
function get(url: string, path: string): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((done, fail) => {
    const req = request(`${url}${path}`, { method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode!, location: res.headers.location, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('serveStatic', () => {
  it('redirects a folder outside Latin-1 to its slash form, as the request wrote it, and keeps serving', async () => {
    const server = await serveStatic(join(root, 'site'));
    try {
      expect(await get(server.url, '/prix-%E2%82%AC')).toEqual({ status: 301, location: '/prix-%E2%82%AC/', body: '' });
      const page = await get(server.url, '/prix-%E2%82%AC/');
      expect(page.status).toBe(200);
      expect(page.body).toBe('<h1>€</h1>');
      // Nothing outside the site's folder, however the path is written.
      expect((await get(server.url, '/..%2Fsecret.txt')).status).toBe(404);
      expect((await get(server.url, '/%2E%2E/secret.txt')).body).not.toContain('outside');
    } finally {
      await server.close();
    }
  });
});
