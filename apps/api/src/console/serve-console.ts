import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { toErrorBody } from '../errors/api-exception.filter';
import { NotFoundError } from '../errors/app-error';

/**
 * Serves the built console from `distDir`. Hashed assets are cached for a year; any other GET that is
 * not under /api answers index.html so the console's own router handles deep links.
 */
export async function serveConsole(app: NestFastifyApplication, distDir: string): Promise<void> {
  const indexPath = join(distDir, 'index.html');
  const hasConsole = existsSync(indexPath);
  if (hasConsole) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      setHeaders: (response, path) => {
        const isHashed = /[.-][A-Z0-9]{8,}\.(js|css|woff2?)$/i.test(path);
        response.header('cache-control', isHashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const indexHtml = hasConsole ? await readFile(indexPath, 'utf8') : consoleMissingPage(distDir);

  // Specific routes (the API's, the static files') win over this wildcard in Fastify's router.
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      if (path === '/api' || path.startsWith('/api/')) {
        const body = toErrorBody(new NotFoundError(`GET ${path}`));
        void reply.status(404).send({ ...body, requestId: request.id });
        return;
      }
      void reply
        .status(hasConsole ? 200 : 503)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(indexHtml);
    });
}

function consoleMissingPage(distDir: string): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Rapport</title>
<p>The console is not built (no ${distDir}/index.html). Run <code>npm start</code>, which builds it.</p></html>`;
}
