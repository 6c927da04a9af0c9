import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's one Redis connection when REDIS_URL is set (rate limits, failure counters). */
    redis: Redis | undefined;
  }
}

export interface RedisPluginOptions {
  url?: string | undefined;
  /** Prepended to every key, so that several deployments (or test runs) can share a server. */
  keyPrefix?: string | undefined;
}

/** Opens the shared Redis client (if configured) and closes it with the app. */
export const redisPlugin = fp(
  async (app: FastifyInstance, options: RedisPluginOptions) => {
    if (!options.url) {
      app.decorate('redis', undefined);
      return;
    }
    const redis = new Redis(options.url, {
      keyPrefix: options.keyPrefix,
      // Fail fast instead of queueing for ever when Redis is down: callers degrade (see rate-limit).
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      lazyConnect: true,
    });
    redis.on('error', (error) => app.log.warn({ err: error }, 'redis error'));
    await redis.connect();
    app.decorate('redis', redis);
    app.addHook('onClose', async () => {
      await redis.quit();
    });
  },
  { name: 'redis' },
);
