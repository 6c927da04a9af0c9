import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { embeddedDemoSubsystem, registerDemoSubsystem, startDemoSubsystem, type DemoSubsystem } from './demo-subsystems.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The card simulator (tools/card-sim): HiPKI's origin for the SPA, /sim/insert to change cards. */
    cardSimUrl: string;
    /** The PIN of every test card. */
    cardPin: string;
    /** The 篩檢結果查詢 demo people the start banner printed (身分證, 出生日期, name). */
    screeningPeople: { nationalId: string; birthDate: string; name: string }[];
    /** The demo subsystems signing in through the portal: 成人預防保健 (registered at start) and 兒童預防保健 (by staff). */
    demoSubsystems: DemoSubsystem[];
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitUntilReady(url: string, server: ChildProcess, output: () => string) {
  // Migrating and seeding a fresh PGlite takes seconds alone, minutes on a machine busy with other suites.
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The portal exited early:\n${output()}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The portal did not become ready:\n${output()}`);
}

/**
 * Builds the SPA and starts the real portal (API + SPA on one port, PGlite in a temporary
 * folder, demo data) exactly as `pnpm start` does, for the browser tests.
 */
export default async function setup(project: TestProject) {
  const cardSim = await startCardSim();
  project.provide('cardSimUrl', cardSim.url);
  project.provide('cardPin', CARD_PIN);

  // The API as production runs it: the packages built by tsc into dist/, started with plain node.
  const apiBuild = spawnSync(process.execPath, [path.join(root, 'node_modules/turbo/bin/turbo'), 'run', 'build', '--filter=@portal/api', '--output-logs=errors-only'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (apiBuild.status !== 0) throw new Error('building the API failed');

  const build = spawnSync(process.execPath, [path.join(root, 'apps/web/node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: path.join(root, 'apps/web'),
    stdio: 'inherit',
    // The SPA's HiPKI adapter talks to the simulator instead of http://localhost:61161.
    // NODE_ENV=production: vitest runs with NODE_ENV=test, which would give a development React build.
    env: { ...process.env, NODE_ENV: 'production', VITE_HIPKI_ORIGIN: cardSim.url },
  });
  if (build.status !== 0) throw new Error('vite build failed');

  const dataDir = mkdtempSync(path.join(tmpdir(), 'portal-e2e-'));
  const port = await freePort();
  const adult = embeddedDemoSubsystem(await freePort());
  const child: DemoSubsystem = { code: 'child-preventive', name: '兒童預防保健', url: `http://localhost:${await freePort()}` };
  let log = '';
  // The flag the API's launcher (apps/api/runtime-env.mjs) gives the embedded setup, which these
  // tests drive; the launcher itself would start the server in a child of its own.
  const server = spawn(process.execPath, ['--liftoff-only', 'dist/server.js'], {
    cwd: path.join(root, 'apps/api'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATA_DIR: dataDir,
      WEB_DIST: path.join(root, 'apps/web/dist'),
      SEED_DEMO: 'true',
      SEED_INSTITUTIONS: '500',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      // The login test reads the reset mail from /dev/mail: on, and dispatched quickly (NODE_ENV=test defaults to 0 = off).
      MAIL_VIEWER: 'true',
      MAIL_DISPATCH_INTERVAL_MS: '500',
      // Trust the simulator's test CA, as the embedded demo setup does.
      CARD_TRUST_TEST_CA: 'true',
      CARD_TEST_PKI_DIR: cardSim.dir,
      // Small enough for the screening test to reach both within a few lookups.
      SCREENING_DAILY_LOOKUP_LIMIT: '3',
      SCREENING_ALERT_DISTINCT_PERSONS: '2',
      // 成人預防保健 is the embedded demo subsystem, registered by the portal at start.
      ...adult.portalEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (log += chunk));
  server.stderr!.on('data', (chunk) => (log += chunk));
  const baseUrl = `http://localhost:${port}`;
  const demos: { stop(): Promise<void> }[] = [];
  try {
    await waitUntilReady(baseUrl, server, () => log);
    project.provide('baseUrl', baseUrl);
    project.provide('screeningPeople', await bannerScreeningPeople(() => log));
    demos.push(await startDemoSubsystem(root, baseUrl, adult.subsystem, adult.secret));
    demos.push(await startDemoSubsystem(root, baseUrl, child, await registerDemoSubsystem(baseUrl, child)));
    project.provide('demoSubsystems', [adult.subsystem, child]);
  } catch (error) {
    // No teardown runs after a failed setup: leave no portal, simulator or subsystem behind.
    server.kill('SIGKILL');
    await Promise.all(demos.map((demo) => demo.stop()));
    await cardSim.stop();
    throw error;
  }

  return async () => {
    await Promise.all(demos.map((demo) => demo.stop()));
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
    await cardSim.stop();
  };
}

/** The 身分證／出生日期 pairs of the start banner (printed right after the server listens). */
async function bannerScreeningPeople(output: () => string) {
  const deadline = Date.now() + 120_000;
  while (!output().includes('篩檢結果查詢示範民眾')) {
    if (Date.now() > deadline) throw new Error(`The start banner lists no 篩檢結果查詢 demo people:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  return [...output().matchAll(/^ {2}([A-Z]\d{9}) {2}(\d{4}-\d{2}-\d{2}) {2}([^：]+)：/gm)].map(([, nationalId, birthDate, name]) => ({
    nationalId: nationalId!,
    birthDate: birthDate!,
    name: name!,
  }));
}

const CARD_PIN = '246810';

/**
 * The 醫事機構卡 simulator (tools/card-sim) with a fresh test PKI (fixed PIN) on a free port,
 * 示範診所's card (9900000002) in the reader.
 */
async function startCardSim() {
  const cwd = path.join(root, 'tools/card-sim');
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-e2e-card-sim-'));
  const generated = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'generate', '--dir', dir, '--pin', CARD_PIN], { cwd, encoding: 'utf8' });
  if (generated.status !== 0) throw new Error(`card-sim generate failed:\n${generated.stdout}${generated.stderr}`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const sim = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start', '--port', String(port), '--dir', dir, '--card', '9900000002'], {
    cwd,
    env: { ...process.env, CARD_SIM_ALLOWED_ORIGINS: 'http://localhost:*' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  sim.stdout!.on('data', (chunk) => (log += chunk));
  sim.stderr!.on('data', (chunk) => (log += chunk));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (sim.exitCode !== null) throw new Error(`card-sim exited early:\n${log}`);
    if (Date.now() > deadline) throw new Error(`card-sim did not start:\n${log}`);
    try {
      if ((await fetch(`${url}/popupForm`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    dir,
    stop: async () => {
      if (sim.exitCode === null) {
        sim.kill('SIGTERM');
        await new Promise((resolve) => sim.once('exit', resolve));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
