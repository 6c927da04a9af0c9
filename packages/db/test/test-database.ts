import { createScratchDatabase, TEST_DATABASE, TEST_POSTGRES_URL } from '../src/scratch-database.ts';

export { TEST_DATABASE };

/** A fresh, empty (unmigrated) database on the engine under test. */
export function emptyDatabase() {
  return createScratchDatabase({ engine: TEST_DATABASE, adminUrl: TEST_POSTGRES_URL, migrated: false, poolSize: 4 });
}
