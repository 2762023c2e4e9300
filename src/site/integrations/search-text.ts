// Keeps words apart in the search index: every page the site renders passes through separateBlockBytes
// (src/site/views/search-text.ts) before it is written, so Pagefind, which indexes the written pages,
// never reads two table cells or a term and its value as one word. Registered by searchText() in
// astro.config.mjs; Astro loads the middleware by path.
import type { AstroIntegration, MiddlewareHandler } from 'astro';
import { separateBlockBytes } from '../views/search-text.ts';

export function searchText(): AstroIntegration {
  return {
    name: 'seam:search-text',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({ entrypoint: new URL(import.meta.url), order: 'post' });
      },
    },
  };
}

export const onRequest: MiddlewareHandler = async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  // As bytes: every page is written as the UTF-8 Astro encoded, never decoded and encoded again here.
  const html = separateBlockBytes(new Uint8Array(await response.arrayBuffer()));
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
};
