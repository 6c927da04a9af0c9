import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL, WITHOUT_REDIS } from '../helpers/outside-needs.js';
import { createMemoryFailureCounter, createRedisFailureCounter } from '../../src/services/auth/failure-counter.js';

describe('memory FailureCounter', () => {
  it('counts within a window that starts at the first event and then forgets', async () => {
    let now = 1_000_000;
    const counter = createMemoryFailureCounter(() => now);
    expect(await counter.peek('k')).toEqual({ count: 0, retryAfterMs: 0 });
    expect(await counter.increment('k', 60_000)).toEqual({ count: 1, retryAfterMs: 60_000 });
    now += 20_000;
    expect(await counter.increment('k', 60_000)).toEqual({ count: 2, retryAfterMs: 40_000 });
    now += 40_000;
    expect(await counter.peek('k')).toEqual({ count: 0, retryAfterMs: 0 });
    await counter.increment('k', 60_000);
    await counter.reset('k');
    expect((await counter.peek('k')).count).toBe(0);
  });
});

describe.skipIf(WITHOUT_REDIS)('Redis FailureCounter', () => {
  // lazyConnect: a skipped suite is still collected, and must not open a connection.
  const redis = new Redis(TEST_REDIS_URL, { keyPrefix: `portal-test-${randomBytes(6).toString('hex')}:`, lazyConnect: true });
  afterAll(async () => {
    await redis.del('f:k');
    await redis.quit();
  });

  it('INCRs with a TTL set on the first increment only', async () => {
    const counter = createRedisFailureCounter(redis, 'f:');
    expect((await counter.increment('k', 60_000)).count).toBe(1);
    const second = await counter.increment('k', 120_000);
    expect(second.count).toBe(2);
    expect(second.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(second.retryAfterMs).toBeGreaterThan(55_000);
    expect((await counter.peek('k')).count).toBe(2);
    await counter.reset('k');
    expect(await counter.peek('k')).toEqual({ count: 0, retryAfterMs: 0 });
  });

  it('fails open when Redis is unreachable, reporting the error', async () => {
    const down = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    down.on('error', () => {});
    const errors: unknown[] = [];
    const counter = createRedisFailureCounter(down, 'f:', (error) => errors.push(error));
    expect(await counter.increment('k', 1000)).toEqual({ count: 0, retryAfterMs: 0 });
    expect(await counter.peek('k')).toEqual({ count: 0, retryAfterMs: 0 });
    expect(errors).toHaveLength(2);
    down.disconnect();
  });
});
