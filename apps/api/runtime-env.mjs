#!/usr/bin/env node
/**
 * Runs the API (or a benchmark of it) in the process environment it is tuned for:
 *
 *   node runtime-env.mjs dist/server.js   (`pnpm --filter @portal/api start`, after `pnpm build`)
 *
 * It sets UV_THREADPOOL_SIZE to the number of cores (at least 2), which libuv reads when its
 * thread pool first starts: before the server's code runs, as Node's module loader already uses
 * the pool. Each login verifies an argon2id hash (19 MiB, ~10 ms of a core) on that pool; libuv's
 * default of 4 threads on a 2-core machine has the hashes take turns on the cores and evict each
 * other from the caches: verification alone ran ~13 % faster with 2 threads than with 4 there
 * (docs/decisions/007-login-hot-path.md). A value already in the environment wins.
 *
 * The embedded setup (no DATABASE_URL: PGlite, PostgreSQL compiled to WebAssembly, in process)
 * also runs with `--liftoff-only`: V8 then keeps PGlite's code on its baseline compiler instead of
 * re-compiling hot PostgreSQL functions with TurboFan, whose compilations of that code took some
 * 500 MB for a few seconds after every start and left more code resident, for some 14 % less CPU
 * per query once warm (docs/benchmarks.md, "Runtime"). V8 reads the flag only at start-up.
 *
 * When the environment and the flags are already right the entry is loaded in this process,
 * otherwise in a child process that has them, signals passed on.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `env` with the API's thread-pool size added unless it has one. */
export function withApiRuntimeEnv(env = process.env) {
  return { ...env, UV_THREADPOOL_SIZE: env.UV_THREADPOOL_SIZE || String(Math.max(2, availableParallelism())) };
}

/** The Node.js flags the API runs with in `env`: `--liftoff-only` for the embedded PGlite. */
export function apiNodeFlags(env = process.env) {
  return env.DATABASE_URL ? [] : ['--liftoff-only'];
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    console.error('usage: node runtime-env.mjs <entry script> [arguments]');
    process.exit(2);
  }
  const missingFlags = apiNodeFlags().filter((flag) => !process.execArgv.includes(flag));
  if (process.env.UV_THREADPOOL_SIZE && missingFlags.length === 0) {
    process.argv = [process.argv[0], path.resolve(entry), ...args];
    await import(pathToFileURL(path.resolve(entry)).href);
  } else {
    const child = spawn(process.execPath, [...process.execArgv, ...missingFlags, self, entry, ...args], { env: withApiRuntimeEnv(), stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  }
}
