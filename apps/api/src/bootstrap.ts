import path from 'node:path';
import {
  createNationalIdCrypto,
  loadSecrets,
  migrate,
  openDatabase,
  runSeed,
} from '@portal/db';
import type { Env } from './env.js';

/**
 * Everything between "the environment is parsed" and "the app can be built": open the
 * database, apply pending migrations, load keys, seed. Shared by server.ts and the benchmarks.
 */
export async function bootstrap(env: Env) {
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    pgliteDir: path.join(env.DATA_DIR, 'pglite'),
    poolSize: env.DATABASE_POOL_SIZE,
  });
  try {
    const applied = await migrate(db.sql);
    // Keys are generated only for the embedded setup; a real deployment must provide them.
    const embedded = !env.DATABASE_URL && env.NODE_ENV !== 'production';
    const { JWT_SECRET, NATIONAL_ID_KEY, NATIONAL_ID_HASH_KEY, OIDC_KEY } = env;
    const keys = { JWT_SECRET, NATIONAL_ID_KEY, NATIONAL_ID_HASH_KEY, OIDC_KEY };
    const secrets = loadSecrets({ env: keys, generateInto: embedded ? env.DATA_DIR : undefined });
    const nationalIdCrypto = createNationalIdCrypto(secrets);
    const seed = await runSeed({
      prisma: db.prisma,
      crypto: nationalIdCrypto,
      demo: env.SEED_DEMO,
      institutionCount: env.SEED_INSTITUTIONS,
      // pdf-lib and the Noto Sans TC font are loaded only when the download is not yet in the database.
      renderManagerForm: async () => (await import('@portal/forms')).renderBlankManagerForm(),
    });
    return { db, secrets, nationalIdCrypto, applied, seed };
  } catch (error) {
    await db.close();
    throw error;
  }
}
