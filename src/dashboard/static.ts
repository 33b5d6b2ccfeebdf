import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { packageRoot } from '../lib/package-root.js';

/** First path segments that belong to the API: unknown paths there keep the JSON 404 envelope. */
const API_SEGMENTS = new Set(['v1', 'auth', 'docs', 'openapi.json', 'metrics', 'healthz', 'readyz']);

const DEFAULT_WEB_DIR = join(packageRoot(), 'dist', 'web');

// The app loads only its own bundle; QR codes arrive as data: URLs.
const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>WAPing</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<h1>WAPing is running</h1>
<p>The dashboard has not been built yet. Run <code>npm run build:web</code> and reload this page
(<code>npm start</code> builds it for you).</p>
<p>The API is ready: see <a href="/docs">/docs</a>.</p>
</body></html>
`;

function htmlHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-cache')
    .header('content-security-policy', CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin');
}

/**
 * Serves the built dashboard at `/` with a single-page-app fallback: any GET outside the API that
 * is not a file answers index.html, so deep links like /messages survive a reload.
 */
export async function registerWebApp(app: FastifyInstance, config: Config): Promise<void> {
  const root = config.webDir ? resolve(config.webDir) : DEFAULT_WEB_DIR;
  await app.register(fastifyStatic, { root, serve: false });

  app.get('/*', { config: { scope: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const first = path.split('/')[1] ?? '';
    // An API client that got a path wrong (`/V1/messages`, `/api/messages`) needs the JSON 404,
    // not the app's HTML with a 200: a mistyped segment in any case, and any request carrying
    // credentials, which a browser opening the dashboard never sends in a header.
    if (API_SEGMENTS.has(first.toLowerCase()) || request.headers.authorization !== undefined)
      return reply.callNotFound();
    // Checked per request so a build made while the server runs is picked up without a restart.
    const built = existsSync(resolve(root, 'index.html'));
    const last = path.split('/').pop() ?? '';
    if (last.includes('.')) {
      if (!built) return reply.callNotFound();
      // Vite fingerprints everything under /assets, so those never change under their name.
      if (path.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      // send decodes the path and refuses anything that leaves the root.
      return reply.sendFile(path.slice(1), { cacheControl: !path.startsWith('/assets/') });
    }
    if (!built)
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(NOT_BUILT);
    return htmlHeaders(reply).sendFile('index.html', { cacheControl: false });
  });
}
