import { randomBytes } from 'node:crypto';
import { createNationalIdCrypto, runSeed } from '@portal/db';
import { renderBlankManagerForm } from '@portal/forms';
import { buildApp, type App, type AppDependencies } from '../../src/app.js';
import { parseEnv } from '../../src/env.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestContext extends TestDatabase {
  app: App;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Seed the demo data with a directory of this many synthetic institutions. */
  demoInstitutions?: number;
  env?: Record<string, string>;
  /**
   * Build the app over this already-seeded database instead of a new one (a second API
   * instance); close() then leaves the database to its owner.
   */
  database?: TestDatabase;
  /** The app's log (default none): e.g. `{ level: 'debug', stream }` to read what it writes. */
  logger?: AppDependencies['logger'];
  /** /oidc/auth and /oidc/token limits (the benchmark raises them). */
  oidcLimits?: AppDependencies['oidcLimits'];
}

export const testCrypto = createNationalIdCrypto({
  nationalIdKey: randomBytes(32),
  nationalIdHashKey: randomBytes(32),
});

/** One signing key per test run: tokens issued by one test app instance are valid on another. */
export const testJwtSecret = randomBytes(32);

/** The OpenID provider's key, shared the same way (a second instance opens the same client secrets). */
export const testOidcKey = randomBytes(32);

export async function createTestApp(options: TestAppOptions = {}): Promise<TestContext> {
  if (options.database) {
    const shared = options.database;
    const env = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
    const app = await buildApp({ env, db: shared.db, nationalIdCrypto: testCrypto, jwtSecret: testJwtSecret, oidcKey: testOidcKey, logger: options.logger ?? false });
    await app.ready();
    return { ...shared, app, close: () => app.close() };
  }
  const database = await createTestDatabase();
  try {
    await runSeed({
      prisma: database.db.prisma,
      crypto: testCrypto,
      demo: options.demoInstitutions !== undefined,
      institutionCount: options.demoInstitutions ?? 0,
      renderManagerForm: renderBlankManagerForm,
    });
    const env = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
    const app = await buildApp({
      env,
      db: database.db,
      nationalIdCrypto: testCrypto,
      jwtSecret: testJwtSecret,
      oidcKey: testOidcKey,
      logger: options.logger ?? false,
      ...(options.oidcLimits && { oidcLimits: options.oidcLimits }),
    });
    await app.ready();
    return {
      ...database,
      app,
      async close() {
        await app.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
