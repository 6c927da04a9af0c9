import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { sendRouteNotFound } from './errors.js';

/**
 * Serves the built SPA from the same origin as the API, so that the embedded setup is one port
 * and cookies stay first-party. Unknown non-API paths get index.html (client-side routes);
 * unknown /api paths keep their JSON 404.
 */
export const spaPlugin = fp(
  async (app: FastifyInstance, options: { root: string }) => {
    const root = path.resolve(options.root);
    if (!existsSync(path.join(root, 'index.html'))) {
      app.log.warn({ root }, 'SPA build not found: serving the API only');
      app.setNotFoundHandler(sendRouteNotFound);
      return;
    }
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      // Hashed assets never change; index.html must always be revalidated.
      setHeaders(reply, filePath) {
        reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    app.setNotFoundHandler((request, reply) => {
      const isPageRequest =
        request.method === 'GET' && !request.url.startsWith('/api/') && !path.extname(request.url.split('?')[0]!);
      if (isPageRequest) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      return sendRouteNotFound(request, reply);
    });
  },
  { name: 'spa', dependencies: ['errors'] },
);
