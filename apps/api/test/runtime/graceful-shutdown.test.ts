import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, TEST_DATABASE, TEST_POSTGRES_URL, type ScratchDatabase } from '@portal/db';
import { productionEnv } from '../helpers/production-env.js';
import { freePort } from '../helpers/free-port.js';

/** The real server process (src/server.ts, on PGlite or on PostgreSQL as the suite runs), stopped with SIGTERM mid-load. */
const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'portal-shutdown-'));
let server: ChildProcess;
let origin: string;
let output = '';
let scratch: ScratchDatabase | undefined;


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

/**
 * The URLs of the requests the server's own log says it received. The log masks query values
 * (`?q=*`), so the batch below is told apart by count, not by URL.
 */
function receivedUrls(): string[] {
  const urls: string[] = [];
  for (const line of output.split('\n')) {
    if (!line.includes('"msg":"incoming request"')) continue;
    const url = (JSON.parse(line) as { req?: { url?: string } }).req?.url;
    if (url) urls.push(url);
  }
  return urls;
}

describe('SIGTERM', () => {
  it('answers every request it has received, then exits 0 and accepts no more', async () => {
    // One request held in flight: its headers are in, its body is still on the way at SIGTERM.
    const body = Buffer.from(JSON.stringify({ accountName: 'nobody', password: 'wrong-password-1' }));
    const held = http.request(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
    });
    const heldAnswer = once(held, 'response') as Promise<[http.IncomingMessage]>;
    held.write(body.subarray(0, 10));
    while (!receivedUrls().includes('/api/auth/login')) await new Promise((resolve) => setTimeout(resolve, 20));

    const urls = Array.from({ length: 120 }, (_, i) => `/api/institutions?q=${encodeURIComponent(`示範${i}`)}`);
    const requests = urls.map((url) =>
      fetch(`${origin}${url}`).then(
        async (response) => ({ url, status: response.status, items: ((await response.json()) as { items?: unknown[] }).items }),
        () => ({ url, status: 0, items: undefined }),
      ),
    );
    const exited = once(server, 'exit');
    // The first answer shows the server is working through the batch; the rest are in flight or queued.
    await Promise.race(requests);
    server.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    held.end(body.subarray(10));
    const [heldResponse] = await heldAnswer;
    expect(heldResponse.statusCode).toBe(401);
    heldResponse.resume();

    const answers = await Promise.all(requests);
    const received = receivedUrls().filter((url) => url.startsWith('/api/institutions?')).length;
    // Every request the server read before closing is answered. One read after closing began gets
    // a 503 (never a half answer), and a connection whose request was not read yet is idle and is
    // closed: both tell the client (or the load balancer) to try another instance.
    const answered = answers.filter((answer) => answer.status === 200);
    expect(answered.length).toBe(received);
    for (const answer of answered) expect(Array.isArray(answer.items), answer.url).toBe(true);
    for (const answer of answers.filter((answer) => answer.status !== 200)) expect([0, 503], answer.url).toContain(answer.status);
    const [code] = (await exited) as [number | null];
    expect(code, output).toBe(0);
    expect(output).toContain('"msg":"shutting down"');
    await expect(fetch(`${origin}/readyz`)).rejects.toThrow();
  }, 120_000);
});
