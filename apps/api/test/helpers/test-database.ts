import { createScratchDatabase, TEST_DATABASE, TEST_POSTGRES_URL, type ScratchDatabase } from '@portal/db';

/**
 * Which database the API tests run on: `pglite` (in memory, the default) or `postgresql`
 * (a fresh database per test file on the server in TEST_POSTGRES_URL). scripts/test-all.mjs
 * runs the suite once for each.
 */
export { TEST_DATABASE };
export type TestDatabase = ScratchDatabase;

export function createTestDatabase(): Promise<TestDatabase> {
  return createScratchDatabase({ engine: TEST_DATABASE, adminUrl: TEST_POSTGRES_URL });
}
