import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';

/** Answers given before any route runs, by Fastify's router or Node's HTTP parser: over a real socket. */
let ctx: TestContext;
let origin: string;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0 });
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  origin = `http://127.0.0.1:${(ctx.app.server.address() as { port: number }).port}`;
});
afterAll(() => ctx.close());

async function expectPortalError(response: Response, status: number, body: { code: string; message: string }) {
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual(body);
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe("Fastify's and Node's own refusals", () => {
  it('answers an over-long path parameter with 414', async () => {
    await expectPortalError(await fetch(`${origin}/api/institutions/${'1'.repeat(200)}`), 414, {
      code: 'URI_TOO_LONG',
      message: '網址過長，請確認後再試。',
    });
  });

  it('answers a malformed path with 400', async () => {
    await expectPortalError(await fetch(`${origin}/api/%zz`), 400, { code: 'BAD_REQUEST', message: '輸入的資料有誤，請檢查後再送出。' });
  });

  it('answers headers over the limit with 431', async () => {
    await expectPortalError(await fetch(`${origin}/healthz`, { headers: { cookie: `x=${'a'.repeat(20_000)}` } }), 431, {
      code: 'HEADERS_TOO_LARGE',
      message: '瀏覽器送出的資料過多，請清除本網站的 Cookie 後再試。',
    });
  });

  it('answers a body that is not JSON with 400', async () => {
    const response = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: '{"accountName":',
    });
    await expectPortalError(response, 400, { code: 'BAD_REQUEST', message: '輸入的資料有誤，請檢查後再送出。' });
  });
});
