/**
 * The subsystems' screening endpoints over HTTP with real client-credentials tokens from the
 * provider: the scope decides what a subsystem may call, a portal login is no substitute, and
 * disabling the client stops its tokens at once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Browser, client, startSsoHarness, type SsoHarness } from '../helpers/sso.js';
import { newNationalId, recordInput } from '../screening/screening-fixtures.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

let harness: SsoHarness;
let staff: Browser;
let adultId: string;
let config: client.Configuration;
/** openid-client's error for a 401 with a WWW-Authenticate challenge. */
const INVALID_CLIENT = { status: 401, cause: [{ parameters: { error: 'invalid_client' } }] };
const DEMO_SECRET = 'demo-subsystem-secret-for-the-tests-0123456789';

beforeAll(async () => {
  // The embedded demo's subsystem is registered at start as adult-preventive.
  harness = await startSsoHarness({ DEMO_SUBSYSTEM_URL: 'http://localhost:3001/', DEMO_SUBSYSTEM_SECRET: DEMO_SECRET });
  staff = await Browser.loggedIn(harness.origin, 'demostaff');
  adultId = (await harness.ctx.db.prisma.subsystem.findUniqueOrThrow({ where: { code: 'adult-preventive' } })).id;
  expect((await staff.api('PATCH', `/api/staff/subsystems/${adultId}/oidc-client`, { clientCredentialsScopes: ['screening:ingest'] })).status).toBe(200);
  config = await client.discovery(harness.issuer, 'adult-preventive', {}, client.ClientSecretBasic(DEMO_SECRET), { execute: [client.allowInsecureRequests] });
}, 300_000);
afterAll(() => harness.close());

const call = (path: string, token: string | undefined, body: unknown) =>
  fetch(`${harness.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });

describe('the embedded demo subsystem', () => {
  it('is registered from the environment with its URIs, and 進入系統 opens its login', async () => {
    const registered = (await (await staff.api('GET', `/api/staff/subsystems/${adultId}/oidc-client`)).json()) as Record<string, unknown>;
    expect(registered).toMatchObject({
      clientId: 'adult-preventive',
      redirectUris: ['http://localhost:3001/callback'],
      postLogoutRedirectUris: ['http://localhost:3001/logged-out'],
      backchannelLogoutUri: 'http://localhost:3001/backchannel-logout',
      tokenEndpointAuthMethod: 'client_secret_basic',
      idTokenSignedResponseAlg: 'RS256',
      allowRefreshToken: false,
      active: true,
    });
    expect(await harness.ctx.db.prisma.subsystem.findUniqueOrThrow({ where: { id: adultId }, select: { url: true } })).toEqual({ url: 'http://localhost:3001/login' });
  });
});

describe('client credentials and the screening endpoints', () => {
  it('a subsystem with the ingest scope stores its own records with a token from the provider', async () => {
    const { access_token: token } = await client.clientCredentialsGrant(config, { scope: 'screening:ingest' });
    const person = { nationalId: newNationalId('M'), birthDate: '1960-02-03', sex: 'M' as const };
    const response = await call('/api/screening/ingest', token, { records: [recordInput(person, 'ADULT_PREVENTIVE', '2026-01-05')] });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: 1, created: 1, rejected: 0 });
    const audit = await harness.ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'screening.records.ingested' } });
    expect(audit).toMatchObject({ actorLabel: 'subsystem:adult-preventive', after: { subsystem: 'adult-preventive', created: 1 } });
  });

  it('refuses a scope the client was not given, a token without the endpoint’s scope, and no token', async () => {
    await expect(client.clientCredentialsGrant(config, { scope: 'screening:eligibility' })).rejects.toMatchObject({ error: 'invalid_scope' });
    const { access_token: token } = await client.clientCredentialsGrant(config, { scope: 'screening:ingest' });
    const wrongScope = await call('/api/screening/eligibility', token, { nationalId: newNationalId('M'), birthDate: '1960-02-03', sex: 'M' });
    expect(wrongScope.status).toBe(403);
    expect(await wrongScope.json()).toMatchObject({ code: 'INSUFFICIENT_SCOPE' });
    const none = await call('/api/screening/ingest', undefined, { records: [] });
    expect(none.status).toBe(401);
    const forged = await call('/api/screening/ingest', 'not-a-token', { records: [] });
    expect(forged.status).toBe(401);
  });

  it('answers eligibility once the scope is granted, and stops a disabled client’s tokens at once', async () => {
    expect((await staff.api('PATCH', `/api/staff/subsystems/${adultId}/oidc-client`, { clientCredentialsScopes: ['screening:ingest', 'screening:eligibility'] })).status).toBe(200);
    const { access_token: token } = await client.clientCredentialsGrant(config, { scope: 'screening:eligibility' });
    const answer = await call('/api/screening/eligibility', token, { nationalId: newNationalId('M'), birthDate: '1960-02-03', sex: 'M', date: '2026-06-01' });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ date: '2026-06-01', knownPerson: false });

    expect((await staff.api('POST', `/api/staff/subsystems/${adultId}/oidc-client/disable`, {})).status).toBe(200);
    expect((await call('/api/screening/eligibility', token, { nationalId: newNationalId('M'), birthDate: '1960-02-03', sex: 'M' })).status).toBe(401);
    await expect(client.clientCredentialsGrant(config, { scope: 'screening:eligibility' })).rejects.toMatchObject(INVALID_CLIENT);
    expect((await staff.api('POST', `/api/staff/subsystems/${adultId}/oidc-client/enable`, {})).status).toBe(200);
  });
});

describe('client registration', () => {
  it('shows a secret once, rotates it (the old one stops working) and audits every change without the secret', async () => {
    const childId = (await harness.ctx.db.prisma.subsystem.findUniqueOrThrow({ where: { code: 'child-preventive' } })).id;
    const created = await staff.api('POST', `/api/staff/subsystems/${childId}/oidc-client`, { redirectUris: [`${harness.rp.origin}/cb2`], clientCredentialsScopes: ['screening:ingest'] });
    expect(created.headers.get('cache-control')).toBe('no-store');
    const { clientSecret: first, client: registered } = (await created.json()) as { clientSecret: string; client: Record<string, unknown> };
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(registered).toMatchObject({ clientId: 'child-preventive', tokenEndpointAuthMethod: 'client_secret_basic', active: true });
    expect(JSON.stringify(await (await staff.api('GET', `/api/staff/subsystems/${childId}/oidc-client`)).json())).not.toContain(first);
    expect((await staff.api('POST', `/api/staff/subsystems/${childId}/oidc-client`, { redirectUris: [`${harness.rp.origin}/cb2`] })).status).toBe(409);

    const rotated = (await (await staff.api('POST', `/api/staff/subsystems/${childId}/oidc-client/rotate-secret`, {})).json()) as { clientSecret: string };
    const withSecret = (secret: string) =>
      client.discovery(harness.issuer, 'child-preventive', {}, client.ClientSecretBasic(secret), { execute: [client.allowInsecureRequests] });
    await expect(client.clientCredentialsGrant(await withSecret(first), { scope: 'screening:ingest' })).rejects.toMatchObject(INVALID_CLIENT);
    expect((await client.clientCredentialsGrant(await withSecret(rotated.clientSecret), { scope: 'screening:ingest' })).access_token).toBeTruthy();

    const audit = await harness.ctx.db.prisma.auditEvent.findMany({ where: { entityType: 'oidc_client', entityId: 'child-preventive' }, orderBy: { at: 'asc' } });
    expect(audit.map((event) => event.action)).toEqual(['oidc_client.created', 'oidc_client.secret_rotated']);
    const recorded = JSON.stringify(audit.map((event) => [event.before, event.after]));
    expect(recorded).not.toContain(first);
    expect(recorded).not.toContain(rotated.clientSecret);
    const stored = await harness.ctx.db.prisma.oidcClient.findUniqueOrThrow({ where: { clientId: 'child-preventive' } });
    expect(Buffer.from(stored.secretCipher!).includes(Buffer.from(rotated.clientSecret))).toBe(false);
  });

  it('refuses bad input with zh-TW field errors and changes nothing', async () => {
    const lungId = (await harness.ctx.db.prisma.subsystem.findUniqueOrThrow({ where: { code: 'lung-cancer' } })).id;
    const response = await staff.api('POST', `/api/staff/subsystems/${lungId}/oidc-client`, { redirectUris: ['http://lung.example.gov.tw/cb'], tokenEndpointAuthMethod: 'private_key_jwt' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['jwks', 'redirectUris.0']);
    expect(await harness.ctx.db.prisma.oidcClient.count({ where: { subsystemId: lungId } })).toBe(0);
  });
});
