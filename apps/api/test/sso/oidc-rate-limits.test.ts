import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';

vi.setConfig({ hookTimeout: 300_000 });

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ oidcLimits: { authPerMinute: 3, tokenPerMinute: 2 } });
});
afterAll(() => ctx.close());

const basic = (clientId: string) => `Basic ${Buffer.from(`${clientId}:wrong-secret`).toString('base64')}`;

describe('rate limits of the provider', () => {
  it('/oidc/auth: per address, then 429 with a zh-TW message; another address goes on', async () => {
    const auth = (remoteAddress: string) => ctx.app.inject({ method: 'GET', url: '/oidc/auth?client_id=nobody', remoteAddress });
    for (let i = 0; i < 3; i += 1) expect((await auth('10.1.0.1')).statusCode).toBe(303);
    const refused = await auth('10.1.0.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^操作過於頻繁，請於 \d+ 秒後再試。$/) });
    expect((await auth('10.1.0.2')).statusCode).toBe(303);
  });

  it('/oidc/token: per client, whatever the address; another client goes on', async () => {
    const token = (clientId: string, remoteAddress: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/oidc/token',
        remoteAddress,
        headers: { authorization: basic(clientId), 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'grant_type=client_credentials',
      });
    expect((await token('adult-preventive', '10.2.0.1')).statusCode).toBe(401);
    expect((await token('adult-preventive', '10.2.0.2')).statusCode).toBe(401);
    expect((await token('adult-preventive', '10.2.0.3')).statusCode).toBe(429);
    expect((await token('child-preventive', '10.2.0.3')).statusCode).toBe(401);
  });
});
