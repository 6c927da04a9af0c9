/**
 * `pnpm db:seed [--demo] [--institutions N]`: migrates, then seeds the database in DATABASE_URL
 * (or the embedded PGlite under DATA_DIR). The demo data goes in only with --demo, and never
 * into a database whose URL is marked production (NODE_ENV=production) unless
 * --i-know-this-is-not-production is also given.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../database.ts';
import { migrate } from '../migrator.ts';
import { createNationalIdCrypto } from '../national-id-crypto.ts';
import { loadSecrets } from '../secrets.ts';
import { DEFAULT_SYNTHETIC_INSTITUTIONS, runSeed } from './run-seed.ts';

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    institutions: { type: 'string' },
    'i-know-this-is-not-production': { type: 'boolean', default: false },
  },
});

if (values.demo && process.env.NODE_ENV === 'production' && !values['i-know-this-is-not-production']) {
  console.error('Refusing to seed demo data with NODE_ENV=production.');
  process.exit(2);
}

const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
const databaseUrl = process.env.DATABASE_URL || undefined;
const db = await openDatabase({ databaseUrl, pgliteDir: path.join(dataDir, 'pglite') });
try {
  await migrate(db.sql);
  const secrets = loadSecrets({ env: process.env, generateInto: databaseUrl ? undefined : dataDir });
  const report = await runSeed({
    prisma: db.prisma,
    crypto: createNationalIdCrypto(secrets),
    demo: values.demo,
    institutionCount: values.institutions ? Number(values.institutions) : DEFAULT_SYNTHETIC_INSTITUTIONS,
  });
  console.log(JSON.stringify(report));
} finally {
  await db.close();
}
