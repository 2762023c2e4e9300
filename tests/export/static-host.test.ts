// The static host the PDF export prints from (and the browser tests read the site through): folders
// redirect to their slash form with the address as the request wrote it, so a folder whose name is not
// Latin-1 is redirected rather than crashing the server on an invalid header; nothing outside the
// site's folder is served, not even through a symbolic link inside it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/export/static-host.ts';

const root = mkdtempSync(join(tmpdir(), 'seam-static-host-'));
mkdirSync(join(root, 'site', 'prix-€'), { recursive: true });
writeFileSync(join(root, 'site', 'prix-€', 'index.html'), '<h1>€</h1>');
writeFileSync(join(root, 'secret.txt'), 'outside');
mkdirSync(join(root, 'private'));
writeFileSync(join(root, 'private', 'index.html'), '<h1>private</h1>');
writeFileSync(join(root, 'site', 'page.html'), '<h1>page</h1>');
// Links inside the site's folder: two that lead out of it (a file, a folder) and one that stays inside.
symlinkSync(join(root, 'secret.txt'), join(root, 'site', 'leak.txt'));
symlinkSync(join(root, 'private'), join(root, 'site', 'private'));
symlinkSync(join(root, 'site', 'page.html'), join(root, 'site', 'alias.html'));
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

  it('serves nothing a symbolic link inside the site leads to outside it, and what one leads to inside it', async () => {
    const server = await serveStatic(join(root, 'site'));
    try {
      for (const path of ['/leak.txt', '/private/', '/private/index.html', '/private']) {
        const res = await get(server.url, path);
        expect([path, res.status]).toEqual([path, 404]);
        expect(res.body).not.toContain('outside');
        expect(res.body).not.toContain('private');
      }
      expect(await get(server.url, '/alias.html')).toMatchObject({ status: 200, body: '<h1>page</h1>' });
    } finally {
      await server.close();
    }
  });
});
