// Serves the built web app (apps/web/dist) at `/`: hashed assets with long caching, the service
// worker and the shell always revalidated, and the app's pages answered with the shell (the
// browser router takes over). The global CSP in app.ts ('self' for scripts, styles, fetches and
// the worker) is all the app needs: it loads nothing from elsewhere and has no inline script.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Where `npm run build -w @tulay/web` writes the app. */
export const WEB_DIST = resolve(import.meta.dirname, '../../../web/dist');

/** The app's pages (apps/web/src/router.tsx); each is answered with index.html. */
const PAGES = [
  '/',
  '/countries',
  '/countries/:country',
  '/corridors',
  '/corridors/:origin/:destination',
  // The caucus's site, the member area, the secretariat and invitation links (src/caucus).
  '/caucus',
  '/caucus/*',
  '/sign-in',
  '/account',
  '/account/activities',
  '/secretariat',
  '/secretariat/*',
  '/invitations/:token',
  '/studio',
];

/** Whether a request is a browser's asking for a page (its Accept names HTML). */
export function acceptsHtml(request: FastifyRequest): boolean {
  return /\btext\/html\b/.test(request.headers.accept ?? '');
}

/**
 * Registers the web app if it is built, and returns whether it did; says how to build it
 * otherwise.
 */
export async function registerWebApp(
  app: FastifyInstance,
  root: string = WEB_DIST,
): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn(`web app not built (${root}): run npm run build -w @tulay/web`);
    return false;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: false,
    wildcard: false,
    schemaHide: true,
    // The build writes .br and .gz copies (apps/web/build/compress-plugin.ts): sent to browsers
    // that accept them, the original otherwise, with `vary: accept-encoding`.
    preCompressed: true,
    setHeaders: (res, path) => {
      // Hashed file names never change; the shell and the worker must be fresh to update.
      res.header(
        'cache-control',
        path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  for (const url of PAGES)
    app.get(url, { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  return true;
}
