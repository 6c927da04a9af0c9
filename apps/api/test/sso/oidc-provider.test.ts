import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';
import { vi } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SSO_MESSAGES } from '@portal/shared';
import { createTestApp } from '../helpers/test-app.js';
import { revokeAllSessions } from '../../src/services/auth/sessions.js';
import { Browser, client, continueAtPortal, exchange, relyingParty, signIn, startAuthorization, startSsoHarness, type RelyingParty, type SsoHarness } from '../helpers/sso.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

let harness: SsoHarness;
let adult: RelyingParty;
let child: RelyingParty;
let demouserId: string;
const secrets: Record<string, string> = {};

async function registerClient(staff: Browser, code: string, body: Record<string, unknown>) {
  const subsystem = await harness.ctx.db.prisma.subsystem.findUniqueOrThrow({ where: { code } });
  const response = await staff.api('POST', `/api/staff/subsystems/${subsystem.id}/oidc-client`, body);
  expect(response.status).toBe(201);
  const created = (await response.json()) as { clientSecret: string };
  secrets[code] = created.clientSecret;
  return subsystem.id;
}

async function approve(accountName: string, code: string) {
  const prisma = harness.ctx.db.prisma;
  const account = await prisma.account.findUniqueOrThrow({ where: { accountNameKey: accountName } });
  const subsystem = await prisma.subsystem.findUniqueOrThrow({ where: { code } });
  return prisma.subsystemAccess.create({ data: { accountId: account.id, subsystemId: subsystem.id, status: 'APPROVED', decidedAt: new Date() } });
}

beforeAll(async () => {
  harness = await startSsoHarness();
  const staff = await Browser.loggedIn(harness.origin, 'demostaff');
  await registerClient(staff, 'adult-preventive', {
    redirectUris: [`${harness.rp.origin}/cb`],
    postLogoutRedirectUris: [`${harness.rp.origin}/bye`],
    backchannelLogoutUri: `${harness.rp.origin}/backchannel-logout`,
  });
  await registerClient(staff, 'child-preventive', { redirectUris: [`${harness.rp.origin}/cb2`], idTokenSignedResponseAlg: 'ES256', allowRefreshToken: false });
  await registerClient(staff, 'prenatal', { redirectUris: [`${harness.rp.origin}/cb3`] });
  adult = await relyingParty(harness.issuer, 'adult-preventive', secrets['adult-preventive']!, `${harness.rp.origin}/cb`);
  child = await relyingParty(harness.issuer, 'child-preventive', secrets['child-preventive']!, `${harness.rp.origin}/cb2`, { id_token_signed_response_alg: 'ES256' });
  await approve('demouser', 'adult-preventive');
  await approve('demouser', 'child-preventive');
  demouserId = (await harness.ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demouser' } })).id;
}, 300_000);
afterAll(() => harness.close());

describe('the provider', () => {
  it('publishes its configuration: code flow with S256 only, iss in the response, back-channel logout', async () => {
    const metadata = adult.config.serverMetadata();
    expect(metadata.issuer).toBe(harness.issuer.href);
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.authorization_response_iss_parameter_supported).toBe(true);
    expect(metadata.backchannel_logout_supported).toBe(true);
    expect(metadata.id_token_signing_alg_values_supported?.toSorted()).toEqual(['ES256', 'RS256']);
    expect(metadata.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'private_key_jwt']);
  });

  it('hands a browser without a provider session to the portal, then signs in with the portal session', async () => {
    const browser = new Browser(harness.origin);
    const started = await startAuthorization(adult);
    const landed = await browser.navigate(started.url.href);
    expect(new URL(landed.url).pathname).toMatch(/^\/sso\/continue\/[\w-]+$/);
    const uid = new URL(landed.url).pathname.split('/').pop()!;

    const anonymous = await (await browser.api('GET', `/api/sso/interactions/${uid}/details`)).json();
    expect(anonymous).toMatchObject({ uid, client: { clientId: 'adult-preventive', name: '成人預防保健' }, account: null, decision: 'LOGIN_REQUIRED' });
    expect((await browser.api('POST', `/api/sso/interactions/${uid}/continue`, {})).status).toBe(401);

    await browser.login('demouser');
    expect(await (await browser.api('GET', `/api/sso/interactions/${uid}/details`)).json()).toMatchObject({
      account: { id: demouserId, accountName: 'demouser', name: '李示範' },
      decision: 'CONTINUE',
    });
    const continued = await browser.api('POST', `/api/sso/interactions/${uid}/continue`, {});
    const { redirectTo } = (await continued.json()) as { redirectTo: string };
    const callback = (await browser.navigate(redirectTo)).url;
    expect(callback.startsWith(`${harness.rp.origin}/cb?`)).toBe(true);
    expect(new URL(callback).searchParams.get('iss')).toBe(harness.issuer.href);

    const tokens = await exchange(adult, callback, started);
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({
      iss: harness.issuer.href,
      aud: 'adult-preventive',
      sub: demouserId,
      nonce: started.nonce,
      account: 'demouser',
      name: '李示範',
      institution_code: '9900000001',
      institution_name: '示範醫院',
      role: 'GENERAL_USER',
      subsystems: ['adult-preventive', 'child-preventive'],
      acr: 'urn:portal:loa:pwd',
      amr: ['pwd'],
    });
    expect(JSON.stringify(claims)).not.toMatch(/B22345678/);
    expect(decodeProtectedHeader(tokens.id_token!).alg).toBe('RS256');
    expect(tokens.refresh_token).toBeTruthy();
    const userinfo = await client.fetchUserInfo(adult.config, tokens.access_token, demouserId);
    expect(userinfo).toMatchObject({ sub: demouserId, account: 'demouser', subsystems: ['adult-preventive', 'child-preventive'] });

    // The next subsystem: no page at all (silent SSO), signed with the ES256 it asked for.
    const second = await signIn(browser, child);
    expect(second.handedOver).toBe(false);
    expect(decodeProtectedHeader(second.tokens.id_token!).alg).toBe('ES256');
    expect(second.tokens.refresh_token).toBeUndefined();
  });

  it('refuses a missing or plain PKCE challenge and an unregistered redirect URI without redirecting there', async () => {
    const browser = new Browser(harness.origin);
    const base = { client_id: 'adult-preventive', response_type: 'code', scope: 'openid', redirect_uri: `${harness.rp.origin}/cb`, state: 's' };
    const withoutPkce = await browser.navigate(`${harness.issuer.href}/auth?${new URLSearchParams(base)}`);
    expect(new URL(withoutPkce.url).searchParams.get('error')).toBe('invalid_request');
    const plain = await browser.navigate(`${harness.issuer.href}/auth?${new URLSearchParams({ ...base, code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' })}`);
    expect(new URL(plain.url).searchParams.get('error')).toBe('invalid_request');
    for (const redirect of [`${harness.rp.origin}/other`, `${harness.rp.origin}/cb?x=1`, `${harness.rp.origin}/CB`]) {
      const landed = await browser.navigate(
        `${harness.issuer.href}/auth?${new URLSearchParams({ ...base, redirect_uri: redirect, code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' })}`,
      );
      expect(landed.url).toBe(`${harness.origin}/sso/error?error=invalid_redirect_uri`);
    }
  });

  it('refuses a replayed code and revokes what the first exchange issued', async () => {
    const browser = await Browser.loggedIn(harness.origin, 'demouser');
    const first = await signIn(browser, adult);
    await expect(exchange(adult, first.callback, first.started)).rejects.toMatchObject({ error: 'invalid_grant' });
    const introspected = await client.tokenIntrospection(adult.config, first.tokens.access_token);
    expect(introspected.active).toBe(false);
  });

  it('lets exactly one of two concurrent redemptions of a code, and of a refresh token, win', async () => {
    const browser = await Browser.loggedIn(harness.origin, 'demouser');
    for (let round = 0; round < 5; round += 1) {
      const started = await startAuthorization(adult);
      let landed = (await browser.navigate(started.url.href)).url;
      if (landed.includes('/sso/continue/')) landed = await continueAtPortal(browser, landed);
      const outcomes = await Promise.allSettled([exchange(adult, landed, started), exchange(adult, landed, started)]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    }
    const { tokens } = await signIn(browser, adult);
    const refreshes = await Promise.allSettled([
      client.refreshTokenGrant(adult.config, tokens.refresh_token!),
      client.refreshTokenGrant(adult.config, tokens.refresh_token!),
    ]);
    expect(refreshes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
  });

  it('rotates refresh tokens and kills the grant when an old one is used again', async () => {
    const browser = await Browser.loggedIn(harness.origin, 'demouser');
    const { tokens } = await signIn(browser, adult);
    const rotated = await client.refreshTokenGrant(adult.config, tokens.refresh_token!);
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    await expect(client.refreshTokenGrant(adult.config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(client.refreshTokenGrant(adult.config, rotated.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('sends an account without approved access to the portal page that explains, and the subsystem gets access_denied', async () => {
    const prenatal = await relyingParty(harness.issuer, 'prenatal', secrets.prenatal!, `${harness.rp.origin}/cb3`);
    const browser = await Browser.loggedIn(harness.origin, 'demouser');
    await signIn(browser, adult); // a live provider session
    const started = await startAuthorization(prenatal);
    const landed = (await browser.navigate(started.url.href)).url;
    const uid = new URL(landed).pathname.split('/').pop()!;
    expect(await (await browser.api('GET', `/api/sso/interactions/${uid}/details`)).json()).toMatchObject({ decision: 'NOT_APPROVED', client: { name: '孕婦產前檢查' } });
    const refused = await browser.api('POST', `/api/sso/interactions/${uid}/continue`, {});
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'SSO_NOT_APPROVED', message: SSO_MESSAGES.notApproved });
    const aborted = (await (await browser.api('POST', `/api/sso/interactions/${uid}/abort`, {})).json()) as { redirectTo: string };
    const callback = new URL((await browser.navigate(aborted.redirectTo)).url);
    expect(callback.searchParams.get('error')).toBe('access_denied');

    const silent = await startAuthorization(prenatal, { prompt: 'none' });
    expect(new URL((await browser.navigate(silent.url.href)).url).searchParams.get('error')).toBe('access_denied');
  });

  it('rotates its signing key by staff action without a restart; tokens signed before still verify; another instance reloads from the database', async () => {
    // A second instance over the same database, checking the keys every 100 ms.
    const second = await createTestApp({ database: harness.ctx, env: { PUBLIC_ORIGIN: harness.origin, OIDC_KEY_CHECK_INTERVAL_MS: '100' } });
    try {
      const jwksOf = async (app: typeof second.app) =>
        ((await app.inject({ method: 'GET', url: '/oidc/jwks' })).json() as { keys: (JWK & { kid: string })[] }).keys;
      const browser = await Browser.loggedIn(harness.origin, 'demouser');
      const before = await signIn(browser, adult);
      const oldKid = decodeProtectedHeader(before.tokens.id_token!).kid!;
      const nextBefore = (await harness.ctx.db.prisma.oidcSigningKey.findFirst({ where: { alg: 'RS256', state: 'NEXT' } }))?.kid;

      const staff = await Browser.loggedIn(harness.origin, 'demostaff');
      const rotated = await staff.api('POST', '/api/staff/oidc-signing-keys/rotate', { alg: 'RS256' });
      expect(rotated.status).toBe(200);
      const { activeKid, message } = (await rotated.json()) as { activeKid: string; message: string };
      expect(message).toContain(activeKid);
      expect(activeKid).not.toBe(oldKid);
      // A key published as NEXT before is the one that becomes ACTIVE (RPs already had it).
      if (nextBefore) expect(activeKid).toBe(nextBefore);
      expect(await harness.ctx.db.prisma.auditEvent.count({ where: { action: 'sso.signing-key.rotated', entityId: activeKid } })).toBe(1);

      // This instance signs with the new key at once, the provider session survives.
      const after = await signIn(browser, adult);
      expect(after.handedOver).toBe(false);
      expect(decodeProtectedHeader(after.tokens.id_token!).kid).toBe(activeKid);
      const keys = createRemoteJWKSet(new URL(`${harness.issuer.href}/jwks`));
      await jwtVerify(before.tokens.id_token!, keys, { issuer: harness.issuer.href, audience: 'adult-preventive' });
      await jwtVerify(after.tokens.id_token!, keys, { issuer: harness.issuer.href, audience: 'adult-preventive' });

      // The list and the JWKS: NEXT + ACTIVE + RETIRED, never a private part.
      const listed = (await (await staff.api('GET', '/api/staff/oidc-signing-keys')).json()) as { items: { kid: string; alg: string; state: string }[] };
      const rs256 = listed.items.filter((item) => item.alg === 'RS256');
      expect(rs256.find((item) => item.state === 'ACTIVE')?.kid).toBe(activeKid);
      expect(rs256.some((item) => item.kid === oldKid && item.state === 'RETIRED')).toBe(true);
      const newNext = rs256.find((item) => item.state === 'NEXT')!.kid;
      const published = await jwksOf(harness.ctx.app);
      expect(published.map((key) => key.kid)).toEqual(expect.arrayContaining([oldKid, activeKid, newNext]));
      expect(published.every((key) => !('d' in key))).toBe(true);

      // The other instance notices within its check interval: it publishes and signs with the new key first.
      await expect.poll(async () => (await jwksOf(second.app)).find((key) => key.alg === 'RS256')?.kid, { timeout: 5000, interval: 100 }).toBe(activeKid);
      const secondKeys = createLocalJWKSet({ keys: await jwksOf(second.app) });
      await jwtVerify(before.tokens.id_token!, secondKeys, { issuer: harness.issuer.href, audience: 'adult-preventive' });
      expect(await second.app.oidc.reloadIfKeysChanged()).toBe(false);
    } finally {
      await second.close();
    }
  });

  it('answers 404 for an interaction this browser does not hold', async () => {
    const browser = new Browser(harness.origin);
    const response = await browser.api('GET', '/api/sso/interactions/AAAAAAAAAAAAAAAAAAAAA/details');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'SSO_INTERACTION_NOT_FOUND', message: SSO_MESSAGES.interactionNotFound });
  });

  // jsonb cannot hold a NUL or a lone surrogate: a parameter carrying one must be refused, not
  // fail as a 500 when the provider stores it (the route fuzz found state=a%00b on /session/end).
  it.each([
    ['/oidc/session/end', 'state=a%00b&nonce='],
    ['/oidc/auth', `client_id=adult-preventive&response_type=code&scope=openid&code_challenge_method=S256&code_challenge=${'A'.repeat(43)}&nonce=a%00b`],
  ])('refuses %s with a parameter jsonb cannot store as invalid_request and stores nothing (%s)', async (path, query) => {
    const rows = async () => (await harness.ctx.db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM oidc_payloads'))[0]!.n;
    const before = await rows();
    const withRedirect = path === '/oidc/auth' ? `${query}&redirect_uri=${encodeURIComponent(`${harness.rp.origin}/cb`)}` : query;
    const response = await harness.ctx.app.inject({ method: 'GET', url: `${path}?${withRedirect}` });
    expect(response.statusCode).toBeGreaterThanOrEqual(300);
    expect(response.statusCode).toBeLessThan(500);
    // /auth sends the error back to the subsystem; /session/end, whose session is saved after
    // its handler has run, answers 400 itself.
    const answer = response.statusCode === 400 ? response.body : decodeURIComponent(String(response.headers.location));
    expect(answer).toContain('invalid_request');
    expect(await rows()).toBe(before);
  });
});

describe('revocation at once', () => {
  const jwks = () => createRemoteJWKSet(new URL(`${harness.issuer.href}/jwks`));

  async function verifyLogoutToken(token: string) {
    const { payload, protectedHeader } = await jwtVerify(token, jwks(), { issuer: harness.issuer.href, audience: 'adult-preventive' });
    expect(protectedHeader.typ).toBe('logout+jwt');
    expect(payload.events).toEqual({ 'http://schemas.openid.net/event/backchannel-logout': {} });
    expect(payload.nonce).toBeUndefined();
    expect(payload.sid).toBeUndefined();
    return payload;
  }

  it('a subsystem manager revokes access: refresh and userinfo fail, the subsystem is told, the next sign-in is refused', async () => {
    const browser = await Browser.loggedIn(harness.origin, 'demouser');
    const { tokens } = await signIn(browser, adult);
    const access = await harness.ctx.db.prisma.subsystemAccess.findFirstOrThrow({ where: { accountId: demouserId, subsystem: { code: 'adult-preventive' } } });

    const manager = await Browser.loggedIn(harness.origin, 'demosubadult');
    harness.rp.logouts.length = 0;
    expect((await manager.api('POST', `/api/subsystem-manager/access-requests/${access.id}/revoke`, { reason: '離職' })).status).toBe(200);

    await expect(client.refreshTokenGrant(adult.config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(client.fetchUserInfo(adult.config, tokens.access_token, demouserId)).rejects.toBeTruthy();
    expect(await harness.ctx.app.oidc.dispatchBackchannelNow()).toBe(1);
    expect(harness.rp.logouts).toHaveLength(1);
    expect((await verifyLogoutToken(harness.rp.logouts[0]!)).sub).toBe(demouserId);

    const again = await startAuthorization(adult);
    const landed = (await browser.navigate(again.url.href)).url;
    const uid = new URL(landed).pathname.split('/').pop()!;
    expect(await (await browser.api('GET', `/api/sso/interactions/${uid}/details`)).json()).toMatchObject({ decision: 'NOT_APPROVED' });
    // The other subsystem is untouched.
    expect((await signIn(browser, child)).handedOver).toBe(false);

    await harness.ctx.db.prisma.subsystemAccess.update({ where: { id: access.id }, data: { status: 'APPROVED' } });
  });

  it('portal logout ends the provider session and logs the user out of the subsystems; a failed delivery is retried', async () => {
    const browser = await Browser.loggedIn(harness.origin, 'demouser');
    const { tokens } = await signIn(browser, adult);
    harness.rp.logouts.length = 0;
    harness.rp.failNext = 1;
    expect((await browser.api('POST', '/api/auth/logout')).status).toBe(200);

    await expect(client.refreshTokenGrant(adult.config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await harness.ctx.app.oidc.dispatchBackchannelNow()).toBe(0);
    const pending = await harness.ctx.db.prisma.backchannelLogout.findFirstOrThrow({ where: { accountId: demouserId, deliveredAt: null, failedAt: null } });
    expect(pending).toMatchObject({ attempts: 1, reason: 'logout' });
    expect(pending.lastError).toMatch(/503/);
    await harness.ctx.db.prisma.backchannelLogout.update({ where: { id: pending.id }, data: { nextAttemptAt: new Date() } });
    expect(await harness.ctx.app.oidc.dispatchBackchannelNow()).toBe(1);
    expect((await verifyLogoutToken(harness.rp.logouts[0]!)).sub).toBe(demouserId);

    // The provider session is gone: the next subsystem asks the portal again.
    const started = await startAuthorization(child);
    expect((await browser.navigate(started.url.href)).url).toMatch(/\/sso\/continue\//);
  });

  it('a logout asked by a subsystem is confirmed on the portal page and ends the portal and provider sessions', async () => {
    const browser = await Browser.loggedIn(harness.origin, 'demouser');
    const { tokens } = await signIn(browser, adult);
    const endUrl = client.buildEndSessionUrl(adult.config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: `${harness.rp.origin}/bye`, state: 'st8' });
    const page = new URL((await browser.navigate(endUrl.href)).url);
    expect(page.pathname).toBe('/sso/logout');
    expect(page.searchParams.get('client')).toBe('成人預防保健');

    const forged = await browser.api('POST', '/api/sso/logout', { xsrf: 'forged' });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ code: 'SSO_LOGOUT_INVALID' });

    harness.rp.logouts.length = 0;
    const confirmed = await browser.api('POST', '/api/sso/logout', { xsrf: page.searchParams.get('xsrf') });
    expect(await confirmed.json()).toEqual({ redirectTo: `${harness.rp.origin}/bye?state=st8` });
    expect((await browser.api('GET', '/api/auth/session')).status).toBe(401);
    await expect(client.refreshTokenGrant(adult.config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await harness.ctx.app.oidc.dispatchBackchannelNow()).toBeGreaterThanOrEqual(1);
    const started = await startAuthorization(adult);
    expect((await browser.navigate(started.url.href)).url).toMatch(/\/sso\/continue\//);
  });

  it('a password reset, deactivation or role change ends the sign-ins through the same path', async () => {
    const browser = await Browser.loggedIn(harness.origin, 'demouser');
    const { tokens } = await signIn(browser, adult);
    await harness.ctx.db.prisma.$transaction((tx) => revokeAllSessions(tx, demouserId, { reason: 'password-reset' }));
    await expect(client.refreshTokenGrant(adult.config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await harness.ctx.db.prisma.oidcPayload.count({ where: { accountId: demouserId } })).toBe(0);
    expect(await harness.ctx.db.prisma.backchannelLogout.count({ where: { accountId: demouserId, reason: 'password-reset' } })).toBe(1);
  });
});

describe('我的服務 → 子系統登入狀態', () => {
  it('lists the caller’s own subsystem sign-ins; 登出 of one and 登出全部 end the grants, tell the subsystems and are audited', async () => {
    const browser = await Browser.loggedIn(harness.origin, 'demouser');
    const before = new Date(Date.now() - 1000);
    const adultSignIn = await signIn(browser, adult);
    const childSignIn = await signIn(browser, child);

    const listing = await browser.api('GET', '/api/account/sso-sessions');
    expect(listing.headers.get('cache-control')).toBe('no-store');
    const listed = (await listing.json()) as { items: { clientId: string; subsystemName: string; startedAt: string; count: number }[] };
    expect(listed.items.map((item) => [item.clientId, item.subsystemName])).toEqual([
      ['adult-preventive', '成人預防保健'],
      ['child-preventive', '兒童預防保健'],
    ]);
    for (const item of listed.items) expect(new Date(item.startedAt).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    // Someone else sees none of them and cannot end them.
    const other = await Browser.loggedIn(harness.origin, 'demomanager');
    expect(await (await other.api('GET', '/api/account/sso-sessions')).json()).toEqual({ items: [] });
    const notTheirs = await other.api('POST', '/api/account/sso-sessions/adult-preventive/logout', {});
    expect(notTheirs.status).toBe(404);
    expect(await notTheirs.json()).toMatchObject({ code: 'SSO_SESSION_NOT_FOUND', message: SSO_MESSAGES.sessionNotFound });
    expect((await new Browser(harness.origin).api('GET', '/api/account/sso-sessions')).status).toBe(401);
    expect((await browser.request(`${harness.origin}/api/account/sso-sessions/logout-all`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(403);

    // 登出 of 成人預防保健 only: its tokens die and it is told; 兒童預防保健 goes on.
    await harness.ctx.app.oidc.dispatchBackchannelNow(); // what earlier tests left queued
    harness.rp.logouts.length = 0;
    const one = await browser.api('POST', '/api/account/sso-sessions/adult-preventive/logout', {});
    expect(await one.json()).toEqual({ message: '已登出「成人預防保健」，該子系統已收到登出通知。', ended: ['adult-preventive'] });
    await expect(client.refreshTokenGrant(adult.config, adultSignIn.tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await harness.ctx.app.oidc.dispatchBackchannelNow()).toBe(1);
    expect(harness.rp.logouts).toHaveLength(1);
    await expect(client.fetchUserInfo(child.config, childSignIn.tokens.access_token, demouserId)).resolves.toMatchObject({ sub: demouserId });

    // 登出全部: the rest, and the provider session (the next login asks the portal again).
    const all = await browser.api('POST', '/api/account/sso-sessions/logout-all', {});
    expect(await all.json()).toEqual({ message: SSO_MESSAGES.allSessionsEnded, ended: ['child-preventive'] });
    await expect(client.fetchUserInfo(child.config, childSignIn.tokens.access_token, demouserId)).rejects.toBeTruthy();
    expect(await (await browser.api('GET', '/api/account/sso-sessions')).json()).toEqual({ items: [] });
    expect((await browser.navigate((await startAuthorization(child)).url.href)).url).toMatch(/\/sso\/continue\//);
    expect(await (await browser.api('POST', '/api/account/sso-sessions/logout-all', {})).json()).toEqual({ message: SSO_MESSAGES.noSessions, ended: [] });

    const audited = await harness.ctx.db.prisma.auditEvent.findMany({ where: { action: 'sso.sessions.ended', actorId: demouserId }, orderBy: { id: 'asc' } });
    expect(audited.map((event) => (event.after as { clients: string[] }).clients)).toEqual([['adult-preventive'], ['child-preventive'], []]);
  });
});
