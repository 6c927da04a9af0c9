import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from './outside-needs.js';

/**
 * A key prefix of this test file's own in the shared Redis (REDIS_KEY_PREFIX of the apps it
 * starts), and the cleanup that deletes its keys afterwards.
 */
export function redisTestKeys() {
  const prefix = `portal-test-${randomBytes(6).toString('hex')}:`;
  return {
    prefix,
    env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix },
    async clear() {
      const redis = new Redis(TEST_REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
