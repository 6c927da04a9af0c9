#!/usr/bin/env node
// Drift check for CI and pre-commit: fails when prisma/schema.prisma has changes that no
// migration in prisma/migrations captures (someone edited the schema but did not run
// `migrate dev`), or when a migration no longer applies cleanly.
//
//   node engine/drift-check.mjs [migrationsDir] [schemaFile]
//
// Replaying the migrations needs a PostgreSQL server. The CLI is pointed at a throw-away
// database, created here and dropped afterwards, so the check never touches a real database.
// Exit codes: 0 in sync, 2 drift, 1 anything else.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const migrations = resolve(process.argv[2] ?? `${root}/prisma/migrations`)
const schema = resolve(process.argv[3] ?? `${root}/prisma/schema.prisma`)

const server = new URL(process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres')
server.pathname = '/postgres'
const scratch = new URL(server)
scratch.pathname = `/prisma_drift_${process.pid}_${Date.now()}`
const scratchName = scratch.pathname.slice(1)

async function onServer(sql) {
  const client = new pg.Client({ connectionString: server.href })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

// Before the first migration there is no migration_lock.toml, and the engine refuses such a
// folder; no migrations means an empty database, so compare against that instead.
const from = existsSync(join(migrations, 'migration_lock.toml'))
  ? ['--from-migrations', migrations]
  : ['--from-empty']

let status = 1
try {
  await onServer(`CREATE DATABASE "${scratchName}"`)
} catch (error) {
  console.error(`drift check: cannot create a scratch database on ${server.host}: ${error.message}`)
  process.exit(1)
}
try {
  const diff = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('./prisma.mjs', import.meta.url)), 'migrate', 'diff',
      ...from, '--to-schema', schema, '--exit-code'],
    { stdio: 'inherit', env: { ...process.env, DATABASE_URL: scratch.href, SHADOW_DATABASE_URL: '' } },
  )
  status = diff.status ?? 1
} finally {
  await onServer(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`)
}

if (status === 0) {
  console.log(`✔ No drift: the migrations in ${migrations} produce ${schema}.`)
} else if (status === 2) {
  console.error(`✖ Drift: ${schema} has changes (listed above) that no migration captures.\n`
    + '  Create one with: pnpm db:migrate:dev --name <what-changed>')
} else {
  console.error('✖ Drift check failed: prisma migrate diff exited with an error (see above).')
}
process.exit(status)
