/**
 * Serves the built web app (dist/web) from the API's own server: hashed files under /assets/ cached for a year,
 * everything else revalidated, pre-compressed .br/.gz sent when the browser takes them, and any other GET that
 * asks for HTML answered with index.html so the app's own routes (/members/12) survive a reload. /api and /docs
 * keep their JSON 404s. `/` itself is the app's front door for every client (curl included): index.html when
 * built, otherwise a plain-text note that the server runs API only and how to build the app.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Where `vite build` writes the app (see vite.config.ts). */
export const WEB_DIST = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

export interface WebAssetsOptions {
  /** Directory of the built app; dist/web by default. */
  root?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether the web app is served, and from where. */
    webApp: { served: boolean; root: string };
  }
}

const YEAR = 365 * 24 * 3600;
// Paths the server itself owns: never answered with the app's index.html.
const SERVER_PATHS = /^\/(api|docs|openapi\.json)(\/|$|\?)/;

/** What `/` says when the web app was not built: which server this is, and where to go from here. */
const API_ONLY_NOTE = [
  '连心 Lianxin：服务器正在运行，但网页应用尚未构建（运行 npm run build 后重启）。接口文档见 /docs，健康检查见 /api/health。',
  'Lianxin: the server is running, but the web app is not built (run `npm run build`, then restart).',
  'API documentation: /docs — health check: /api/health',
  '',
].join('\n');

function cacheHeaders(res: { setHeader(name: string, value: string): unknown }, path: string): void {
  // Vite puts a content hash in every file name under assets/, so those never change under the same URL.
  // Everything else, /sw.js above all (its bytes decide when a phone takes a new build), is revalidated each time.
  const hashed = /[\\/]assets[\\/]/.test(path);
  res.setHeader('cache-control', hashed ? `public, max-age=${YEAR}, immutable` : 'no-cache');
  res.setHeader('vary', 'accept-encoding'); // the body may be the .br or .gz sibling
}

function acceptsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

async function webAssets(app: FastifyInstance, options: WebAssetsOptions): Promise<void> {
  const root = options.root ?? WEB_DIST;
  const served = existsSync(`${root}/index.html`);
  app.decorate('webApp', { served, root });
  if (!served) {
    app.log.warn({ root }, 'web app not built: serving the API only (run `npm run build`)');
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send(API_ONLY_NOTE),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    serve: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: cacheHeaders,
    index: false,
  });

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (SERVER_PATHS.test(path)) return reply.callNotFound();
    // A file name (has an extension): the file or a plain 404 — never index.html in place of a missing chunk.
    if (/\.[a-z0-9]+$/i.test(path)) return reply.sendFile(decodeURIComponent(path.slice(1)));
    // `/` is the front door whatever the client accepts; deeper app routes only for browsers.
    if (path === '/' || acceptsHtml(request)) return reply.sendFile('index.html');
    return reply.callNotFound();
  };
  app.get('/', { schema: { hide: true } }, handler);
  app.get('/*', { schema: { hide: true } }, handler);
}

export default fp(webAssets, { name: 'web-assets' });
