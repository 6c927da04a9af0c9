import { mkdtempSync, mkdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_DIR, MigrationError, pendingMigrations, readMigrations } from '../src/migrator.ts';
import { emptyDatabase } from './test-database.ts';

let database: Awaited<ReturnType<typeof emptyDatabase>>;
let dir: string;
beforeEach(async () => {
  database = await emptyDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
});
afterEach(async () => {
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

function addMigration(name: string, sql: string) {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

describe('migrate', () => {
  it('applies every committed migration once and records it as Prisma does', async () => {
    const all = readMigrations(dir).map((m) => m.name);
    expect(all.length).toBeGreaterThan(0);
    expect(await pendingMigrations(database.db.sql, dir)).toEqual(all);
    expect(await migrate(database.db.sql, dir)).toEqual(all);
    expect(await migrate(database.db.sql, dir)).toEqual([]);
    expect(await pendingMigrations(database.db.sql, dir)).toEqual([]);
    const rows = await database.db.sql.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(
      readMigrations(dir).map((m) => ({ migration_name: m.name, checksum: m.checksum, applied_steps_count: 1 })),
    );
  });

  it('applies a new migration after the ones already applied', async () => {
    await migrate(database.db.sql, dir);
    addMigration('99990101000000_add_note', 'ALTER TABLE "institutions" ADD COLUMN "note" TEXT;');
    expect(await pendingMigrations(database.db.sql, dir)).toEqual(['99990101000000_add_note']);
    expect(await migrate(database.db.sql, dir)).toEqual(['99990101000000_add_note']);
  });

  it('rolls back a failing migration completely and says which one failed', async () => {
    await migrate(database.db.sql, dir);
    addMigration('99990101000000_broken', 'CREATE TABLE "half_done" (id int); SELECT * FROM "no_such_table";');
    await expect(migrate(database.db.sql, dir)).rejects.toThrow(/99990101000000_broken failed/);
    const tables = await database.db.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    expect(tables).toEqual([]);
    expect(await pendingMigrations(database.db.sql, dir)).toEqual(['99990101000000_broken']);
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    await migrate(database.db.sql, dir);
    const [first] = readMigrations(dir);
    writeFileSync(path.join(dir, first!.name, 'migration.sql'), `${first!.sql}\n-- edited`);
    await expect(migrate(database.db.sql, dir)).rejects.toThrow(MigrationError);
  });
});

describe('audit events', () => {
  it('are append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await migrate(database.db.sql, dir);
    await database.db.sql.exec(`INSERT INTO "audit_events" (action, entity_type) VALUES ('test.created', 'test')`);
    await expect(database.db.sql.exec(`UPDATE "audit_events" SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(database.db.sql.exec(`DELETE FROM "audit_events"`)).rejects.toThrow(/append-only/);
    await expect(database.db.sql.exec(`TRUNCATE "audit_events"`)).rejects.toThrow(/append-only/);
    const rows = await database.db.sql.query<{ action: string }>(`SELECT action FROM "audit_events"`);
    expect(rows).toEqual([{ action: 'test.created' }]);
  });
});
