import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { request } from 'playwright-core';
import { DEMO_PASSWORD } from './accounts.js';

/** A demo subsystem (tools/demo-subsystem) the browser tests sign in to through the portal. */
export interface DemoSubsystem {
  code: string;
  name: string;
  url: string;
}


/**
 * The first demo subsystem (成人預防保健) is registered by the portal itself at start, as
 * `pnpm start` does it: these go into the portal's environment.
 */
export function embeddedDemoSubsystem(port: number) {
  const secret = randomBytes(32).toString('base64url');
  const subsystem: DemoSubsystem = { code: 'adult-preventive', name: '成人預防保健', url: `http://localhost:${port}` };
  return { subsystem, secret, portalEnv: { DEMO_SUBSYSTEM_URL: subsystem.url, DEMO_SUBSYSTEM_SECRET: secret } };
}

/**
 * Another subsystem registered the way staff do it, through 子系統管理's API as demostaff: its
 * client (the secret is answered once) and its 進入網址, so that 我的服務 offers 進入系統.
 */
export async function registerDemoSubsystem(baseUrl: string, subsystem: DemoSubsystem): Promise<string> {
  const api = await request.newContext({ baseURL: baseUrl });
  try {
    const login = await api.post('/api/auth/login', { data: { accountName: 'demostaff', password: DEMO_PASSWORD } });
    if (!login.ok()) throw new Error(`demostaff login: ${login.status()} ${await login.text()}`);
    const headers = { 'x-csrf-token': (await login.json()).csrfToken as string };
    const list = (await (await api.get('/api/staff/subsystems')).json()) as { items: { id: string; code: string }[] };
    const id = list.items.find((item) => item.code === subsystem.code)?.id;
    if (!id) throw new Error(`no subsystem ${subsystem.code}`);
    const created = await api.post(`/api/staff/subsystems/${id}/oidc-client`, {
      headers,
      data: {
        redirectUris: [`${subsystem.url}/callback`],
        postLogoutRedirectUris: [`${subsystem.url}/logged-out`],
        backchannelLogoutUri: `${subsystem.url}/backchannel-logout`,
      },
    });
    if (created.status() !== 201) throw new Error(`registering ${subsystem.code}: ${created.status()} ${await created.text()}`);
    const linked = await api.patch(`/api/staff/subsystems/${id}`, { headers, data: { url: `${subsystem.url}/login` } });
    if (!linked.ok()) throw new Error(`setting ${subsystem.code}'s 進入網址: ${linked.status()} ${await linked.text()}`);
    await api.post('/api/auth/logout', { headers });
    return ((await created.json()) as { clientSecret: string }).clientSecret;
  } finally {
    await api.dispose();
  }
}

/** Starts tools/demo-subsystem as `pnpm start` does, and waits until it answers. */
export async function startDemoSubsystem(root: string, baseUrl: string, subsystem: DemoSubsystem, secret: string) {
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tools/demo-subsystem/src/cli.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DEMO_SUBSYSTEM_ISSUER: `${baseUrl}/oidc`,
      DEMO_SUBSYSTEM_CLIENT_ID: subsystem.code,
      DEMO_SUBSYSTEM_CLIENT_SECRET: secret,
      DEMO_SUBSYSTEM_URL: subsystem.url,
      DEMO_SUBSYSTEM_NAME: subsystem.name,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`demo subsystem ${subsystem.code} exited early:\n${log}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`demo subsystem ${subsystem.code} did not start:\n${log}`);
    }
    try {
      if ((await fetch(subsystem.url)).ok) return { stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
