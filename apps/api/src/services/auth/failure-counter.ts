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

/** The answer of `reserve`: whether the attempt may go ahead, and the count with it. */
export interface Reservation extends FailureCount {
  granted: boolean;
}

export interface FailureCounter {
  peek(key: string): Promise<FailureCount>;
  increment(key: string, windowMs: number): Promise<FailureCount>;
  /**
   * Counts one attempt unless `limit` are already counted, in one atomic step: parallel
   * attempts cannot all pass the check before any of them is counted (a password check takes
   * ~25 ms; a hundred guesses sent at once would otherwise all be verified). The attempt counts
   * as a failure until the caller `reset`s the key on success.
   */
  reserve(key: string, limit: number, windowMs: number): Promise<Reservation>;
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
    async reserve(key, limit, windowMs) {
      // No await between the check and the count: atomic within the process.
      sweep();
      const entry = live(key) ?? { count: 0, endsAt: now() + windowMs };
      if (entry.count >= limit) return { granted: false, count: entry.count, retryAfterMs: entry.endsAt - now() };
      entry.count += 1;
      windows.set(key, entry);
      return { granted: true, count: entry.count, retryAfterMs: entry.endsAt - now() };
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}

/** Check and count in one Redis step (a script runs atomically): KEYS[1], ARGV limit, window ms. */
const RESERVE_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= tonumber(ARGV[1]) then return {0, count, redis.call('PTTL', KEYS[1])} end
count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return {1, count, redis.call('PTTL', KEYS[1])}`;

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
    reserve: (key, limit, windowMs) => guard(() => counter.reserve(key, limit, windowMs), { granted: true, ...none }),
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
    async reserve(key, limit, windowMs) {
      const [granted, count, ttl] = (await redis.eval(RESERVE_SCRIPT, 1, namespace + key, limit, windowMs)) as [number, number, number];
      return { granted: granted === 1, count, retryAfterMs: Math.max(ttl, 0) };
    },
    async reset(key) {
      await redis.del(namespace + key);
    },
  };
}
