#!/usr/bin/env node
/**
 * `pnpm start`: the embedded demo setup on one port. Builds the SPA and the API (tsc into each
 * package's dist/), then starts the built API (`node dist/server.js`, as production runs it) that
 * serves the SPA, on PGlite under DATA_DIR (default ./data), migrated and seeded with the demo data,
 * and the development card simulator (test 醫事機構卡 for the demo institutions, HiPKI protocol
 * on http://localhost:61161), whose test CA only this setup trusts, and the demo subsystem
 * (tools/demo-subsystem, 成人預防保健 signing in through the portal) on PORT + 1.
 * Honours PORT, DATA_DIR and DEMO_SUBSYSTEM_PORT. Any other variable of .env.example can be set as well.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiNodeFlags, withApiRuntimeEnv } from '../apps/api/runtime-env.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pnpm = process.env.npm_execpath && process.env.npm_execpath.includes('pnpm') ? process.env.npm_execpath : 'pnpm';

function run(args) {
  const isJs = pnpm.endsWith('.js') || pnpm.endsWith('.cjs') || pnpm.endsWith('.mjs');
  const result = spawnSync(isJs ? process.execPath : pnpm, isJs ? [pnpm, ...args] : args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

console.log('Building the portal…');
run(['exec', 'turbo', 'run', 'build', '--filter=@portal/web', '--filter=@portal/api', '--output-logs=errors-only']);

const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  HOST: process.env.HOST ?? '127.0.0.1',
  DATA_DIR: path.resolve(process.env.DATA_DIR ?? path.join(root, 'data')),
  WEB_DIST: process.env.WEB_DIST ?? path.join(root, 'apps/web/dist'),
  SEED_DEMO: process.env.SEED_DEMO ?? 'true',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};
const port = process.env.PORT ?? '3000';
const cardPkiDir = path.join(env.DATA_DIR, 'card-sim');
Object.assign(env, {
  CARD_TRUST_TEST_CA: process.env.CARD_TRUST_TEST_CA ?? 'true',
  CARD_TEST_PKI_DIR: process.env.CARD_TEST_PKI_DIR ?? cardPkiDir,
});
const cardSimCli = path.join(root, 'tools/card-sim/src/cli.ts');
// The API loads the test CA at start, so the test PKI must exist before either starts.
if (!existsSync(path.join(cardPkiDir, 'cards.json'))) {
  const generated = spawnSync(process.execPath, ['--import', 'tsx', cardSimCli, 'generate', '--dir', cardPkiDir], {
    cwd: root,
    stdio: 'inherit',
  });
  if (generated.status !== 0) process.exit(generated.status ?? 1);
}
const cardSim = spawn(
  process.execPath,
  ['--import', 'tsx', cardSimCli, 'start', '--dir', cardPkiDir, '--allowed-origins', `http://localhost:${port},http://127.0.0.1:${port}`],
  { cwd: root, env, stdio: 'inherit' },
);

// The demo subsystem's client secret: made once per DATA_DIR, registered by the demo seed (the
// API gets DEMO_SUBSYSTEM_URL and DEMO_SUBSYSTEM_SECRET) and used by the subsystem itself.
const demoUrl = `http://localhost:${process.env.DEMO_SUBSYSTEM_PORT ?? Number(port) + 1}`;
const demoSecretFile = path.join(env.DATA_DIR, 'demo-subsystem-secret');
if (!existsSync(demoSecretFile)) {
  mkdirSync(env.DATA_DIR, { recursive: true });
  writeFileSync(demoSecretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
}
Object.assign(env, { DEMO_SUBSYSTEM_URL: demoUrl, DEMO_SUBSYSTEM_SECRET: readFileSync(demoSecretFile, 'utf8').trim() });
const demoSubsystem = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tools/demo-subsystem/src/cli.ts')], {
  cwd: root,
  env: {
    ...env,
    DEMO_SUBSYSTEM_ISSUER: `${env.PUBLIC_ORIGIN ?? `http://localhost:${port}`}/oidc`,
    DEMO_SUBSYSTEM_CLIENT_SECRET: env.DEMO_SUBSYSTEM_SECRET,
  },
  stdio: 'inherit',
});

const server = spawn(process.execPath, [...apiNodeFlags(env), 'dist/server.js'], {
  cwd: path.join(root, 'apps/api'),
  env: withApiRuntimeEnv(env),
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.kill(signal);
    cardSim.kill(signal);
    demoSubsystem.kill(signal);
  });
}
server.on('exit', (code) => {
  cardSim.kill('SIGTERM');
  demoSubsystem.kill('SIGTERM');
  process.exit(code ?? 0);
});
