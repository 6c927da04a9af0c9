#!/usr/bin/env node
// Runs the Prisma CLI of this package with the offline schema engine (schema-engine.mjs) instead
// of the native binary it would try to download, e.g. `node engine/prisma.mjs migrate dev`.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const here = (file) => fileURLToPath(new URL(file, import.meta.url))
const cli = createRequire(import.meta.url).resolve('prisma/build/index.js')

// The repository's prisma.config.ts lives at the root, but pnpm runs package scripts from
// packages/db, and the CLI only looks in the current directory. Point it there unless the caller
// chose a config or the current directory has one.
const args = process.argv.slice(2)
const rootConfig = here('../../../prisma.config.ts')
const hasOwnConfig = args.some((a) => a === '--config' || a.startsWith('--config='))
  || ['prisma.config.ts', 'prisma.config.mts', 'prisma.config.js', 'prisma.config.mjs'].some((f) => existsSync(f))
const needsConfig = args.length > 0 && !['-h', '--help', '-v', '--version', 'version', 'init'].includes(args[0])
if (needsConfig && !hasOwnConfig && existsSync(rootConfig)) args.push(`--config=${rootConfig}`)

const child = spawn(process.execPath, [cli, ...args], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: here('./schema-engine.mjs'),
    // Nothing may be fetched from the network: no update check, no telemetry, no engine
    // checksum download.
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: '1',
  },
})
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal)
  else process.exit(code ?? 1)
})
