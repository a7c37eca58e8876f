import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Where the built web UI (`vite build` → dist/web) is. The bundled CLI runs from dist/cli and the
 * tsc output from dist/server/web, both of which reach dist/web; tests run the sources, so the
 * repository's dist/web is tried last.
 */
export function defaultWebDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../web'), resolve(here, '../../web'), resolve(here, '../../../dist/web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/** Only the app's own origin; ECharts and React set inline styles, never inline scripts. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bulwark</title></head>
<body><h1>Bulwark</h1><p>The web UI is not built. Run <code>npm run build</code> (it writes dist/web) and restart
<code>bulwark serve</code>. The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>`;

/**
 * The single-page app: hashed files under /assets/ are cached for a year; every other GET that is
 * not under /api/ gets index.html (never cached), so a deep link such as
 * /projects/7/vulnerabilities?severity=high opens the right page.
 */
export async function webRoutes(app: FastifyInstance, options: { webDir: string | undefined }): Promise<void> {
  const { webDir } = options;
  if (webDir !== undefined) {
    await app.register(fastifyStatic, { root: webDir, serve: false });
  }
  app.get(
    '/*',
    { config: { access: { kind: 'public' } }, schema: { hide: true } },
    async (request, reply) => {
      const path = (request.params as { '*': string })['*'];
      if (path === 'api' || path.startsWith('api/')) {
        return reply.callNotFound();
      }
      void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      void reply.header('x-content-type-options', 'nosniff');
      void reply.header('referrer-policy', 'same-origin');
      if (webDir === undefined) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
      if (path.startsWith('assets/') && existsSync(join(webDir, path)) && !path.includes('..')) {
        return reply.sendFile(path, { maxAge: 365 * 24 * 3600 * 1000, immutable: true });
      }
      if (/^[\w.-]+\.(?:svg|png|ico|txt|webmanifest)$/.test(path) && existsSync(join(webDir, path))) {
        return reply.sendFile(path, { maxAge: 3600 * 1000 });
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    },
  );
}
