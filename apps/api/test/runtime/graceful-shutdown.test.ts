import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, TEST_DATABASE, TEST_POSTGRES_URL, type ScratchDatabase } from '@portal/db';
import { productionEnv } from '../helpers/production-env.js';

/** The real server process (src/server.ts, on PGlite or on PostgreSQL as the suite runs), stopped with SIGTERM mid-load. */
const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'portal-shutdown-'));
let server: ChildProcess;
let origin: string;
let output = '';
let scratch: ScratchDatabase | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  let database: Record<string, string> = { DATABASE_URL: '' };
  if (TEST_DATABASE === 'postgresql') {
    scratch = await createScratchDatabase({ engine: 'postgresql', adminUrl: TEST_POSTGRES_URL, migrated: false });
    const keys = productionEnv();
    database = { DATABASE_URL: scratch.url! };
    for (const name of ['JWT_SECRET', 'NATIONAL_ID_KEY', 'NATIONAL_ID_HASH_KEY', 'OIDC_KEY']) database[name] = keys[name]!;
  }
  server = spawn(process.execPath, ['--conditions=@portal/source', '--import', 'tsx', 'src/server.ts'], {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: dataDir,
      ...database,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      DIGEST_ENABLED: 'false',
      PURGE_ENABLED: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the server did not become ready:\n${output}`);
    try {
      if ((await fetch(`${origin}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 300_000);

afterAll(async () => {
  if (server?.exitCode === null) server.kill('SIGKILL');
  await scratch?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('SIGTERM', () => {
  it('finishes every request in flight, then exits 0 and accepts no more', async () => {
    const requests = Array.from({ length: 60 }, (_, i) =>
      fetch(`${origin}/api/institutions?q=${encodeURIComponent(`示範${i % 10}`)}`).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as { items?: unknown[] },
      })),
    );
    const exited = once(server, 'exit');
    // The first answer shows the server is working through the batch; the rest are in flight.
    await Promise.race(requests);
    server.kill('SIGTERM');
    const answers = await Promise.all(requests);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    for (const answer of answers) expect(Array.isArray(answer.body.items)).toBe(true);
    const [code] = (await exited) as [number | null];
    expect(code, output).toBe(0);
    expect(output).toContain('"msg":"shutting down"');
    await expect(fetch(`${origin}/readyz`)).rejects.toThrow();
  }, 120_000);
});
