import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSubsystem } from '../src/app.js';

/**
 * The subsystem against a minimal stand-in provider (discovery and JWKS only, with a real RSA
 * key): what the login redirect asks for, and the back-channel logout checks. The whole flow
 * against the real portal is in the browser tests (apps/e2e/tests/single-sign-on.test.ts).
 */
let provider: Server;
let issuer: string;
let signingKey: CryptoKey;
const otherKey = await generateKeyPair('RS256');
const clientId = 'adult-preventive';

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  provider = createServer((request, response) => {
    const metadata = {
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      end_session_endpoint: `${issuer}/session/end`,
    };
    const body = request.url === '/oidc/.well-known/openid-configuration' ? metadata : request.url === '/oidc/jwks' ? { keys: [jwk] } : null;
    response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/oidc`;
});
afterAll(() => new Promise((resolve) => provider.close(resolve)));

async function subsystem() {
  return createDemoSubsystem({
    issuer: new URL(issuer),
    clientId,
    clientSecret: 'a-test-secret-of-enough-length-0123456789',
    baseUrl: new URL('http://localhost:3999'),
    portalUrl: new URL('http://localhost:3000/account'),
    subsystemName: '成人預防保健',
  });
}

function logoutToken(claims: Record<string, unknown>, { key = signingKey, typ = 'logout+jwt', aud = clientId } = {}) {
  return new SignJWT({ events: { 'http://schemas.openid.net/event/backchannel-logout': {} }, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ })
    .setIssuer(issuer)
    .setAudience(aud)
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .sign(key);
}

const postLogout = (app: Awaited<ReturnType<typeof subsystem>>['app'], token: string) =>
  app.inject({
    method: 'POST',
    url: '/backchannel-logout',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ logout_token: token }).toString(),
  });

function signIn(sessions: Awaited<ReturnType<typeof subsystem>>['sessions'], sub: string) {
  return sessions.start({ sub, sid: undefined, claims: { sub, name: '王小明' }, idToken: 'x' });
}

describe('the demo subsystem', () => {
  it('starts the code flow with PKCE S256, state and nonce, and remembers them for the callback', async () => {
    const { app } = await subsystem();
    const response = await app.inject({ method: 'GET', url: '/login' });
    expect(response.statusCode).toBe(303);
    const location = new URL(response.headers.location as string);
    expect(location.origin + location.pathname).toBe(`${issuer}/auth`);
    const params = Object.fromEntries(location.searchParams);
    expect(params).toMatchObject({
      client_id: clientId,
      response_type: 'code',
      scope: 'openid portal',
      redirect_uri: 'http://localhost:3999/callback',
      code_challenge_method: 'S256',
    });
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(params.state).toBeTruthy();
    expect(params.nonce).toBeTruthy();
    expect(response.cookies.find((cookie) => cookie.name === 'demo_adult-preventive_login')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('shows 尚未登入 without a session, and the claims with one', async () => {
    const { app, sessions } = await subsystem();
    const visitor = await app.inject({ method: 'GET', url: '/' });
    expect(visitor.body).toContain('您尚未登入');
    const session = sessions.start({
      sub: 'a1',
      sid: undefined,
      claims: { sub: 'a1', name: '王小明', account: 'demouser', institution_code: '0101090517', institution_name: '示範醫院', role: 'GENERAL_USER', amr: ['pwd'] },
      idToken: 'x',
    });
    const page = await app.inject({ method: 'GET', url: '/', cookies: { 'demo_adult-preventive_session': session.id } });
    expect(page.body).toContain('<dt>姓名</dt><dd>王小明</dd>');
    expect(page.body).toContain('<dt>機構</dt><dd>示範醫院（0101090517）</dd>');
    expect(page.body).toContain('<dt>角色</dt><dd>一般使用者</dd>');
    expect(page.body).toContain('<dt>登入方式</dt><dd>帳號密碼</dd>');
  });

  it('shows the zh-TW access-denied page when the portal refuses the login', async () => {
    const { app } = await subsystem();
    const response = await app.inject({ method: 'GET', url: '/callback?error=access_denied&state=s' });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('您尚未取得此子系統的使用權限');
    expect(response.body).toContain('href="http://localhost:3000/account"');
  });

  it('ends every session of the user named by a valid logout token, and only those', async () => {
    const { app, sessions } = await subsystem();
    const first = signIn(sessions, 'a1');
    const second = signIn(sessions, 'a1');
    const other = signIn(sessions, 'a2');
    const response = await postLogout(app, await logoutToken({ sub: 'a1' }));
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(sessions.get(first.id)).toBeUndefined();
    expect(sessions.get(second.id)).toBeUndefined();
    expect(sessions.get(other.id)).toBeDefined();
    // The browser still holding the ended session's cookie is told why it is signed out.
    const after = await app.inject({ method: 'GET', url: '/', cookies: { 'demo_adult-preventive_session': first.id } });
    expect(after.body).toContain('您在本子系統的登入已結束');
  });

  it.each([
    ['signed by another key', () => logoutToken({ sub: 'a1' }, { key: otherKey.privateKey })],
    ['for another client', () => logoutToken({ sub: 'a1' }, { aud: 'smoking-cessation' })],
    ['without typ logout+jwt', () => logoutToken({ sub: 'a1' }, { typ: 'JWT' })],
    ['with a nonce', () => logoutToken({ sub: 'a1', nonce: 'n' })],
    ['naming nobody', () => logoutToken({})],
    ['without the logout event', () => logoutToken({ sub: 'a1', events: {} })],
  ])('refuses a logout token %s with 400 and keeps the session', async (_case, token) => {
    const { app, sessions } = await subsystem();
    const session = signIn(sessions, 'a1');
    const response = await postLogout(app, await token());
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_request' });
    expect(sessions.get(session.id)).toBeDefined();
  });

  it('refuses a replayed logout token', async () => {
    const { app } = await subsystem();
    const token = await logoutToken({ sub: 'a1' });
    expect((await postLogout(app, token)).statusCode).toBe(200);
    expect((await postLogout(app, token)).statusCode).toBe(400);
  });
});
