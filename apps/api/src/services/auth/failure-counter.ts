import type { Redis } from 'ioredis';

/**
 * Counts events per key within a fixed window that starts with the first event (login failures
 * per account, reset requests per account). The memory implementation serves the embedded
 * single-process setup; with REDIS_URL every API instance counts in the same Redis keys, so a
 * throttle reached through one instance holds on all of them.
 */
export interface FailureCount {
  count: number;
  /** Milliseconds until the window ends (0 when there is no window). */
  retryAfterMs: number;
}

export interface FailureCounter {
  peek(key: string): Promise<FailureCount>;
  increment(key: string, windowMs: number): Promise<FailureCount>;
  reset(key: string): Promise<void>;
}

export function createMemoryFailureCounter(now: () => number = Date.now): FailureCounter {
  const windows = new Map<string, { count: number; endsAt: number }>();
  const live = (key: string) => {
    const entry = windows.get(key);
    if (entry && entry.endsAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return entry;
  };
  // Expired entries of keys nobody asks about again are swept now and then, so memory stays bounded.
  let operations = 0;
  const sweep = () => {
    if (++operations % 1000 !== 0) return;
    const time = now();
    for (const [key, entry] of windows) if (entry.endsAt <= time) windows.delete(key);
  };
  return {
    async peek(key) {
      const entry = live(key);
      return entry ? { count: entry.count, retryAfterMs: entry.endsAt - now() } : { count: 0, retryAfterMs: 0 };
    },
    async increment(key, windowMs) {
      sweep();
      const entry = live(key) ?? { count: 0, endsAt: now() + windowMs };
      entry.count += 1;
      windows.set(key, entry);
      return { count: entry.count, retryAfterMs: entry.endsAt - now() };
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}

/**
 * INCR + PEXPIRE on the first increment (NX), in one MULTI so a crash cannot leave a key without
 * TTL. Like the rate limits (skipOnError), a Redis outage fails open: `onError` logs it and the
 * count reads as 0, rather than locking every user out of the portal.
 */
export function createRedisFailureCounter(
  redis: Redis,
  namespace = 'failures:',
  onError: (error: unknown) => void = () => {},
): FailureCounter {
  const counter = createStrictRedisFailureCounter(redis, namespace);
  const guard = async <T>(work: () => Promise<T>, fallback: T) => {
    try {
      return await work();
    } catch (error) {
      onError(error);
      return fallback;
    }
  };
  const none: FailureCount = { count: 0, retryAfterMs: 0 };
  return {
    peek: (key) => guard(() => counter.peek(key), none),
    increment: (key, windowMs) => guard(() => counter.increment(key, windowMs), none),
    reset: (key) => guard(() => counter.reset(key), undefined),
  };
}

function createStrictRedisFailureCounter(redis: Redis, namespace: string): FailureCounter {
  return {
    async peek(key) {
      const [[, count], [, ttl]] = (await redis.multi().get(namespace + key).pttl(namespace + key).exec()) as [
        [Error | null, string | null],
        [Error | null, number],
      ];
      const value = Number(count ?? 0);
      return { count: value, retryAfterMs: value > 0 && ttl > 0 ? ttl : 0 };
    },
    async increment(key, windowMs) {
      const [[, count], , [, ttl]] = (await redis
        .multi()
        .incr(namespace + key)
        .pexpire(namespace + key, windowMs, 'NX')
        .pttl(namespace + key)
        .exec()) as [[Error | null, number], [Error | null, number], [Error | null, number]];
      return { count, retryAfterMs: Math.max(ttl, 0) };
    },
    async reset(key) {
      await redis.del(namespace + key);
    },
  };
}
