/**
 * Outside services a test file may need beside the database. scripts/test-all.mjs declares them,
 * checks which are here and lists the absent ones in TEST_WITHOUT (never under CI, where each is
 * required); a test that needs one skips itself when it is listed. Run directly, every need is
 * assumed present.
 */
const absent = new Set((process.env.TEST_WITHOUT ?? '').split(',').filter(Boolean));

export const WITHOUT_REDIS = absent.has('redis');
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
