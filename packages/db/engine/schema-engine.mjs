#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which the Prisma CLI downloads from a
// host that is unreachable here. The CLI runs whatever PRISMA_SCHEMA_ENGINE_BINARY names, so
// this script speaks the binary's command line and stdio JSON-RPC protocol and forwards the
// work to Prisma's WebAssembly build of the same engine, talking to PostgreSQL through
// @prisma/adapter-pg. PostgreSQL only.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'

// The adapter must be wrapped so that its errors reach the engine as Result values. The
// wrapper lives in @prisma/driver-adapter-utils, a dependency of @prisma/adapter-pg that pnpm
// does not expose to this package, so resolve it from the adapter's own location.
const requireFromAdapter = createRequire(import.meta.resolve('@prisma/adapter-pg'))
const { bindMigrationAwareSqlAdapterFactory } = requireFromAdapter('@prisma/driver-adapter-utils')

const { values: opts, positionals } = parseArgs({
  options: {
    version: { type: 'boolean' },
    datamodels: { type: 'string', multiple: true, default: [] },
    datasource: { type: 'string', default: '{}' },
    'enabled-preview-features': { type: 'string' },
    'extension-types': { type: 'string' },
  },
  allowPositionals: true,
})
const datasource = JSON.parse(opts.datasource)

// ---------------------------------------------------------------------------------------------
// PostgreSQL helpers

/** The same connection string pointing at another database on the same server. */
function withDatabase(url, database) {
  const u = new URL(url)
  u.pathname = `/${encodeURIComponent(database)}`
  return u.toString()
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE need that). */
async function onServer(url, sql) {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

// @prisma/adapter-pg throws on result columns whose type it does not know, and the engine's
// catalog queries return such types ("char", int2vector, …). Ask the adapter itself which type
// OIDs it decodes (by feeding it a fake result) and relabel every other column as text: pg has
// already parsed those values as strings.
const probe = await new PrismaPg({}).connect()
const decodable = new Map()
async function adapterDecodes(oid) {
  if (!decodable.has(oid)) {
    probe.performIO = async () => ({ fields: [{ name: 'x', dataTypeID: oid }], rows: [] })
    decodable.set(oid, await probe.queryRaw({ sql: '', args: [] }).then(() => true, () => false))
  }
  return decodable.get(oid)
}
const TEXT_OID = 25

async function relabelUnknownTypes(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of r?.fields ?? []) {
      if (!(await adapterDecodes(field.dataTypeID))) field.dataTypeID = TEXT_OID
    }
  }
  return result
}

class CatalogFriendlyClient extends pg.Client {
  // pg-pool calls query() with a callback, the adapter's transactions without one.
  query(...args) {
    const callback = typeof args.at(-1) === 'function' ? args.pop() : undefined
    const result = super.query(...args).then(relabelUnknownTypes)
    if (!callback) return result
    result.then((r) => callback(null, r), callback)
  }
}

/** Connects @prisma/adapter-pg to `url` with the fixes above. */
async function connectAdapter(url) {
  const pool = new pg.Pool({ connectionString: url, Client: CatalogFriendlyClient })
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect()
  // The adapter splits scripts on every ";", which breaks function bodies and string literals.
  // Send the whole migration script as one simple query, as the native engine does.
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script)
    } catch (error) {
      adapter.onError(error)
    }
  }
  return adapter
}

// The adapter's own connectToShadowDb() drops its shadow database while its pool still holds
// connections, which fails. Create and drop the throw-away database ourselves instead; the names
// are remembered so that a failed command cannot leave one behind (see dropShadowDatabases).
const shadowDatabases = new Set()

async function dropShadowDatabases() {
  for (const name of shadowDatabases) {
    await onServer(datasource.url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)
    shadowDatabases.delete(name)
  }
}

const adapterFactory = {
  provider: 'postgres',
  adapterName: '@prisma/adapter-pg',
  connect: () => connectAdapter(datasource.url),
  async connectToShadowDb() {
    // A configured shadow database is emptied and used, like the native engine does.
    if (datasource.shadowDatabaseUrl) {
      if (new URL(datasource.shadowDatabaseUrl).href === new URL(datasource.url).href) {
        throw new Error('The shadow database URL is the same as the main database URL.')
      }
      return emptied(await connectAdapter(datasource.shadowDatabaseUrl))
    }
    const name = `prisma_shadow_${process.pid}_${Date.now()}`
    await onServer(datasource.url, `CREATE DATABASE ${quoteIdent(name)}`)
    shadowDatabases.add(name)
    const adapter = await connectAdapter(withDatabase(datasource.url, name))
    const dispose = adapter.dispose.bind(adapter)
    adapter.dispose = async () => {
      await dispose()
      await dropShadowDatabases()
    }
    return adapter
  },
}

const boundAdapterFactory = bindMigrationAwareSqlAdapterFactory(adapterFactory)

/** Drops every user schema of a configured shadow database and recreates `public`. */
async function emptied(adapter) {
  const { rows } = await adapter.queryRaw({
    sql: `SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
    args: [],
  })
  const drops = rows.map(([schema]) => `DROP SCHEMA ${quoteIdent(schema)} CASCADE;`).join('\n')
  await adapter.executeScript(`${drops}\nCREATE SCHEMA public;`)
  return adapter
}

// ---------------------------------------------------------------------------------------------
// The WebAssembly engine

// The glue's entry module imports the .wasm file as an ES module, which Node 20 cannot do, so
// instantiate it by hand, as that entry module would.
async function loadWasmEngine() {
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg')
  const wasmFile = join(dirname(fileURLToPath(import.meta.resolve('@prisma/schema-engine-wasm'))), 'schema_engine_bg.wasm')
  const { instance } = await WebAssembly.instantiate(await readFile(wasmFile), { './schema_engine_bg.js': glue })
  glue.__wbg_set_wasm(instance.exports)
  instance.exports.__wbindgen_start()
  return glue
}

// The glue reports a Rust panic's message through this global and crashes without it.
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: '',
  set_message(message) {
    this.message = `RuntimeError: ${message}`
  },
  get() {
    return this.message
  },
}

// ---------------------------------------------------------------------------------------------
// One-shot commands: `--datasource … cli can-connect-to-database | create-database`.
// The CLI ignores the first stderr line and reads the rest as JSON log lines; a failure is an
// ERROR line from `schema_engine::logger` carrying a Prisma error code.

/** The Prisma error code and message the CLI shows for a failed connection. */
function describeConnectionError(error, url) {
  const { hostname, port, pathname } = new URL(url)
  const where = `${hostname}:${port || 5432}`
  const database = decodeURIComponent(pathname.slice(1)) || 'postgres'
  if (error.code === '3D000') {
    return ['P1003', `Database \`${database}\` does not exist on the database server at \`${where}\`.`]
  }
  if (error.code?.startsWith('28')) return ['P1000', `Authentication failed against database server at \`${where}\`.`]
  if (error.code === '42P04') return ['P1009', `Database \`${database}\` already exists on the database server at \`${where}\`.`]
  return ['P1001', `Can't reach database server at \`${where}\`: ${error.message}`]
}

async function runCliCommand(command) {
  process.stderr.write('schema-engine (WebAssembly via @prisma/adapter-pg)\n')
  const { url } = datasource
  try {
    if (command === 'can-connect-to-database') {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      await client.end()
    } else if (command === 'create-database') {
      await onServer(url, `CREATE DATABASE ${quoteIdent(decodeURIComponent(new URL(url).pathname.slice(1)))}`)
    } else {
      process.stderr.write(`Unknown command: ${command}\n`)
      return 1
    }
    return 0
  } catch (error) {
    const [error_code, message] = describeConnectionError(error, url)
    const fields = { message, error_code }
    process.stderr.write(`${JSON.stringify({ level: 'ERROR', target: 'schema_engine::logger', fields })}\n`)
    return 1
  }
}

// ---------------------------------------------------------------------------------------------
// Long-running mode: line-delimited JSON-RPC 2.0 on stdin/stdout.

const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`)

// Requests we send to the CLI (only `print`) wait here for its answer.
const pendingPrints = new Map()
let printId = 0
function print(content) {
  const id = `print-${++printId}`
  send({ jsonrpc: '2.0', id, method: 'print', params: { content } })
  return new Promise((resolve) => pendingPrints.set(id, resolve))
}

/** Turns whatever the engine threw into the `error.data` the CLI understands. */
function toRpcError(error) {
  if (error instanceof WebAssembly.RuntimeError) {
    const message = globalThis.PRISMA_WASM_PANIC_REGISTRY.get() || String(error)
    return { code: 4466, message, data: { is_panic: true, message, error: { message } } }
  }
  // Errors thrown by our adapter code reach the engine only as "External error id#N"; the
  // adapter wrapper keeps the original, so put its message back.
  const message = (error?.message ?? String(error)).replace(/External error id#(\d+)/g, (text, id) => {
    const original = boundAdapterFactory.errorRegistry.consumeError(Number(id))?.error
    return original ? `${original.message ?? original.kind ?? JSON.stringify(original)}` : text
  })
  // The engine's Error carries the Prisma error code (P3009, …), if any, as `code`; the CLI
  // prints it and some commands branch on it.
  const error_code = /^P\d{4}$/.test(error?.code) ? error.code : undefined
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: false, message, error_code },
  }
}

async function serve() {
  const { SchemaEngine } = await loadWasmEngine()
  const datamodels = await Promise.all(
    opts.datamodels.map(async (file) => [file, await readFile(file, 'utf8')]),
  )
  const log = (line) => process.stderr.write(`${line}\n`)
  const engine = await SchemaEngine.new(
    { datamodels: datamodels.length ? datamodels : undefined },
    log,
    boundAdapterFactory,
  )

  const methods = {
    // Same name on both sides, same parameters.
    ...Object.fromEntries(
      ['applyMigrations', 'createMigration', 'dbExecute', 'devDiagnostic', 'diagnoseMigrationHistory',
        'ensureConnectionValidity', 'introspect', 'introspectSql', 'markMigrationApplied',
        'markMigrationRolledBack', 'reset', 'schemaPush'].map((name) => [name, (p) => engine[name](p)]),
    ),
    getDatabaseVersion: (p) => engine.version(p),
    createDatabase: async ({ datasource: target }) => {
      const url = target.tag === 'ConnectionString' ? target.url : datasource.url
      const databaseName = decodeURIComponent(new URL(url).pathname.slice(1))
      await onServer(url, `CREATE DATABASE ${quoteIdent(databaseName)}`)
      return { databaseName }
    },
    // The native engine prints the diff through a `print` request; the WebAssembly one returns it.
    diff: async (p) => {
      const { exitCode, stdout } = await engine.diff(p)
      if (stdout) await print(stdout.replace(/\n$/, ''))
      return { exitCode }
    },
    // Right after applyMigrations (migrate dev with pending migrations) the engine fails here
    // with "PostgreSQL shadow DB must be provided through an external factory" until
    // devDiagnostic has refreshed its state; after that one retry succeeds.
    evaluateDataLoss: async (p) => {
      try {
        return await engine.evaluateDataLoss(p)
      } catch {
        await engine.devDiagnostic({ migrationsList: p.migrationsList, filters: p.filters })
        return engine.evaluateDataLoss(p)
      }
    },
  }

  // One request at a time, in order, like the native engine.
  let queue = Promise.resolve()
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
  lines.on('line', (line) => {
    if (!line.trim()) return
    const message = JSON.parse(line)
    if (!message.method) {
      pendingPrints.get(message.id)?.()
      pendingPrints.delete(message.id)
      return
    }
    queue = queue.then(async () => {
      const { id, method, params } = message
      let reply
      try {
        if (!methods[method]) throw new Error(`Unknown method: ${method}`)
        reply = { result: (await methods[method](params ?? {})) ?? {} }
      } catch (error) {
        reply = { error: toRpcError(error) }
      }
      // Before answering: the CLI may kill this process as soon as it has its answer.
      await dropShadowDatabases().catch(log)
      send({ jsonrpc: '2.0', id, ...reply })
    })
  })
  lines.on('close', () => queue.then(() => process.exit(0)))
}

// ---------------------------------------------------------------------------------------------

if (opts.version) {
  const { version } = await loadWasmEngine()
  console.log(`schema-engine-wasm ${version()}`)
  process.exit(0)
} else if (positionals[0] === 'cli') {
  process.exit(await runCliCommand(positionals[1]))
} else {
  await serve()
}
