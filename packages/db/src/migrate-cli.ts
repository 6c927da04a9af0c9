/** `pnpm db:migrate:deploy`: applies pending migrations to DATABASE_URL (or the embedded PGlite). */
import path from 'node:path';
import { openDatabase } from './database.ts';
import { migrate } from './migrator.ts';

const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  pgliteDir: path.join(path.resolve(process.env.DATA_DIR ?? 'data'), 'pglite'),
});
try {
  const applied = await migrate(db.sql);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
} finally {
  await db.close();
}
