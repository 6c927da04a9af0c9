import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { HttpError } from '../errors/http-error.js';
import { createMemoryFailureCounter, createRedisFailureCounter, type FailureCounter } from '../services/auth/failure-counter.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Per-account counters (login failures, reset requests), in the same store as the limits. */
    failureCounter: FailureCounter;
  }
}

/**
 * Throttling of the endpoints that take a password, send mail or create records. Counters live
 * in memory for the embedded setup and in Redis when REDIS_URL is set, so that several API
 * instances count together. Nothing is limited globally: each route opts in with
 * `config.rateLimit` (see rateLimitPerIp).
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance, options: { redis?: Redis | undefined }) => {
    await app.register(rateLimit, {
      global: false,
      ...(options.redis && { redis: options.redis, nameSpace: 'portal:rate-limit:' }),
      // A Redis outage must not lock every user out; the failure is logged by the plugin.
      skipOnError: true,
      errorResponseBuilder: (_request, context) =>
        new HttpError(
          429,
          'TOO_MANY_REQUESTS',
          `操作過於頻繁，請於 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒後再試。`,
        ),
    });
    app.decorate(
      'failureCounter',
      options.redis ? createRedisFailureCounter(options.redis, 'portal:failures:', (error) =>
            app.log.error({ err: error }, 'failure counter unavailable; not throttling per account'),
          ) : createMemoryFailureCounter(),
    );
  },
  { name: 'rate-limit', dependencies: ['errors'] },
);

/** Route config: at most `max` requests per client IP within `timeWindow`. */
export const rateLimitPerIp = (max: number, timeWindow: string) => ({ rateLimit: { max, timeWindow } });
