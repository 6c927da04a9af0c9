/**
 * Every /api route, called as nobody and as every role. The table below is checked against
 * the routes the app actually registered (app.routeAccess, collected by an onRoute hook), so
 * a new route fails this file until it is classified here: a protected route needs a matrix
 * row, a public one must be listed in PUBLIC_ROUTES with the reason it is public.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_ROLES, type AccountRole } from '@portal/shared';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { login, type TestSession } from '../helpers/auth.js';

const DEMO_ACCOUNT_OF: Record<AccountRole, string> = {
  INSTITUTION_MANAGER: 'demomanager',
  GENERAL_USER: 'demouser',
  SUBSYSTEM_MANAGER: 'demosubadult',
  SYSTEM_STAFF: 'demostaff',
};

interface MatrixRow {
  /** Roles admitted; the others must get 403. */
  roles: readonly AccountRole[];
  /** A body that does not change shared demo data in a way other rows depend on. */
  payload?: Record<string, unknown>;
  url?: string;
}

const EVERY_ROLE = ACCOUNT_ROLES;
const INSTITUTION_MEMBERS = ['INSTITUTION_MANAGER', 'GENERAL_USER'] as const;
const NO_ID = '00000000-0000-4000-8000-000000000000';
const NO_UID = 'no-such-interaction-uid';

/** Protected routes. Keys: "METHOD /url" exactly as registered. */
const MATRIX: Record<string, MatrixRow> = {
  'GET /api/auth/session': { roles: EVERY_ROLE },
  'GET /api/account/profile': { roles: EVERY_ROLE },
  'PATCH /api/account/profile': { roles: EVERY_ROLE, payload: { phone: '02-12345678' } },
  // passwordConfirm mismatch: validated (400) without changing the demo password.
  'POST /api/account/password/strength': { roles: EVERY_ROLE, payload: { password: 'Aa1*aaaaaa' } },
  'POST /api/account/password': { roles: EVERY_ROLE, payload: { currentPassword: 'x', password: 'Aa1*aaaaaa', passwordConfirm: 'different' } },
  'GET /api/account/subsystems': { roles: EVERY_ROLE },
  'POST /api/account/subsystems': { roles: ['INSTITUTION_MANAGER', 'GENERAL_USER'], payload: { code: 'no-such-subsystem' } },
  // Back office. Ids are unknown UUIDs: admitted roles get 404 / 400, never a change.
  'GET /api/institution-manager/applications': { roles: ['INSTITUTION_MANAGER'] },
  'POST /api/institution-manager/applications/:id/decision': { roles: ['INSTITUTION_MANAGER'], url: `/api/institution-manager/applications/${NO_ID}/decision`, payload: { decision: 'APPROVE' } },
  'GET /api/institution-manager/accounts': { roles: ['INSTITUTION_MANAGER'] },
  'POST /api/institution-manager/accounts/:id/deactivate': { roles: ['INSTITUTION_MANAGER'], url: `/api/institution-manager/accounts/${NO_ID}/deactivate`, payload: {} },
  'POST /api/institution-manager/accounts/:id/reactivate': { roles: ['INSTITUTION_MANAGER'], url: `/api/institution-manager/accounts/${NO_ID}/reactivate`, payload: {} },
  'GET /api/subsystem-manager/subsystems': { roles: ['SUBSYSTEM_MANAGER'] },
  'GET /api/subsystem-manager/access-requests': { roles: ['SUBSYSTEM_MANAGER'] },
  'POST /api/subsystem-manager/access-requests/:id/decision': { roles: ['SUBSYSTEM_MANAGER'], url: `/api/subsystem-manager/access-requests/${NO_ID}/decision`, payload: { decision: 'APPROVE' } },
  'POST /api/subsystem-manager/access-requests/:id/revoke': { roles: ['SUBSYSTEM_MANAGER'], url: `/api/subsystem-manager/access-requests/${NO_ID}/revoke`, payload: { reason: 'x' } },
  'POST /api/subsystem-manager/access-requests/bulk-approve': { roles: ['SUBSYSTEM_MANAGER'], payload: { ids: [NO_ID] } },
  'GET /api/staff/institutions': { roles: ['SYSTEM_STAFF'] },
  'POST /api/staff/institutions': { roles: ['SYSTEM_STAFF'], payload: { code: 'bad' } },
  'PATCH /api/staff/institutions/:id': { roles: ['SYSTEM_STAFF'], url: `/api/staff/institutions/${NO_ID}`, payload: { name: '不存在' } },
  'POST /api/staff/institutions/:id/close': { roles: ['SYSTEM_STAFF'], url: `/api/staff/institutions/${NO_ID}/close` },
  'POST /api/staff/institutions/:id/reopen': { roles: ['SYSTEM_STAFF'], url: `/api/staff/institutions/${NO_ID}/reopen` },
  'GET /api/staff/subsystems': { roles: ['SYSTEM_STAFF'] },
  'PATCH /api/staff/subsystems/:id': { roles: ['SYSTEM_STAFF'], url: `/api/staff/subsystems/${NO_ID}`, payload: { description: 'x' } },
  'POST /api/staff/subsystems/:id/managers': { roles: ['SYSTEM_STAFF'], url: `/api/staff/subsystems/${NO_ID}/managers`, payload: { accountId: NO_ID } },
  'DELETE /api/staff/subsystems/:id/managers/:accountId': { roles: ['SYSTEM_STAFF'], url: `/api/staff/subsystems/${NO_ID}/managers/${NO_ID}` },
  'GET /api/staff/announcements': { roles: ['SYSTEM_STAFF'] },
  'POST /api/staff/announcements': { roles: ['SYSTEM_STAFF'], payload: { category: '' } },
  'PATCH /api/staff/announcements/:id': { roles: ['SYSTEM_STAFF'], url: `/api/staff/announcements/${NO_ID}`, payload: { title: 'x' } },
  'POST /api/staff/announcements/:id/publish': { roles: ['SYSTEM_STAFF'], url: `/api/staff/announcements/${NO_ID}/publish` },
  'POST /api/staff/announcements/:id/unpublish': { roles: ['SYSTEM_STAFF'], url: `/api/staff/announcements/${NO_ID}/unpublish` },
  'GET /api/staff/downloads': { roles: ['SYSTEM_STAFF'] },
  'POST /api/staff/downloads': { roles: ['SYSTEM_STAFF'], payload: {} },
  'POST /api/staff/downloads/:id/file': { roles: ['SYSTEM_STAFF'], url: `/api/staff/downloads/${NO_ID}/file`, payload: {} },
  'PATCH /api/staff/downloads/:id': { roles: ['SYSTEM_STAFF'], url: `/api/staff/downloads/${NO_ID}`, payload: { title: 'x' } },
  'GET /api/staff/accounts': { roles: ['SYSTEM_STAFF'], url: '/api/staff/accounts?accountName=demo' },
  'GET /api/audit-events': { roles: ['SYSTEM_STAFF'] },
  'GET /api/audit-events.csv': { roles: ['SYSTEM_STAFF'] },
  // 篩檢結果查詢: an invalid body is refused (400) without a lookup being made.
  'POST /api/screening/lookups': { roles: INSTITUTION_MEMBERS, payload: { nationalId: 'x' } },
  'POST /api/screening/lookup-log/search': { roles: ['SYSTEM_STAFF'], payload: {} },
  'POST /api/screening/institution-lookup-log/search': { roles: ['INSTITUTION_MANAGER'], payload: {} },
  'GET /api/screening/alerts': { roles: ['SYSTEM_STAFF'] },
  'GET /api/screening/alerts/summary': { roles: ['SYSTEM_STAFF'] },
  'POST /api/screening/alerts/:id/acknowledge': { roles: ['SYSTEM_STAFF'], url: `/api/screening/alerts/${NO_ID}/acknowledge` },
  'POST /api/staff/screening-imports': { roles: ['SYSTEM_STAFF'], payload: {} },
  // 管理者帳號申請、異動: unknown kinds / ids give 400 / 404 without changing demo data.
  'GET /api/manager-requests': { roles: INSTITUTION_MEMBERS },
  'GET /api/manager-requests/preview': { roles: INSTITUTION_MEMBERS, url: '/api/manager-requests/preview?kind=X' },
  'POST /api/manager-requests': { roles: INSTITUTION_MEMBERS, payload: { kind: 'X' } },
  'GET /api/manager-requests/:id': { roles: INSTITUTION_MEMBERS, url: `/api/manager-requests/${NO_ID}` },
  'POST /api/manager-requests/:id/card-challenge': { roles: INSTITUTION_MEMBERS, url: `/api/manager-requests/${NO_ID}/card-challenge` },
  'POST /api/manager-requests/:id/card-verification': { roles: INSTITUTION_MEMBERS, url: `/api/manager-requests/${NO_ID}/card-verification`, payload: {} },
  'POST /api/manager-requests/:id/paper': { roles: INSTITUTION_MEMBERS, url: `/api/manager-requests/${NO_ID}/paper` },
  'GET /api/manager-requests/:id/form.pdf': { roles: INSTITUTION_MEMBERS, url: `/api/manager-requests/${NO_ID}/form.pdf` },
  'POST /api/manager-requests/:id/scan': { roles: INSTITUTION_MEMBERS, url: `/api/manager-requests/${NO_ID}/scan` },
  'GET /api/manager-requests/:id/scan': { roles: INSTITUTION_MEMBERS, url: `/api/manager-requests/${NO_ID}/scan` },
  'POST /api/manager-requests/:id/cancel': { roles: INSTITUTION_MEMBERS, url: `/api/manager-requests/${NO_ID}/cancel` },
  'GET /api/staff/manager-requests': { roles: ['SYSTEM_STAFF'] },
  'GET /api/staff/manager-requests/:id': { roles: ['SYSTEM_STAFF'], url: `/api/staff/manager-requests/${NO_ID}` },
  'GET /api/staff/manager-requests/:id/scan': { roles: ['SYSTEM_STAFF'], url: `/api/staff/manager-requests/${NO_ID}/scan` },
  'GET /api/staff/manager-requests/:id/form.pdf': { roles: ['SYSTEM_STAFF'], url: `/api/staff/manager-requests/${NO_ID}/form.pdf` },
  'POST /api/staff/manager-requests/:id/scan': { roles: ['SYSTEM_STAFF'], url: `/api/staff/manager-requests/${NO_ID}/scan` },
  'POST /api/staff/manager-requests/:id/decision': { roles: ['SYSTEM_STAFF'], url: `/api/staff/manager-requests/${NO_ID}/decision`, payload: { decision: 'APPROVE' } },
  // 單一入口: the login hand-over needs the portal session; an unknown interaction is a 404.
  'POST /api/sso/interactions/:uid/continue': { roles: EVERY_ROLE, url: `/api/sso/interactions/${NO_UID}/continue`, payload: {} },
  // 子系統登入狀態: the caller's own sign-ins only; an unknown subsystem is a 404.
  'GET /api/account/sso-sessions': { roles: EVERY_ROLE },
  'POST /api/account/sso-sessions/logout-all': { roles: EVERY_ROLE, payload: {} },
  'POST /api/account/sso-sessions/:clientId/logout': { roles: EVERY_ROLE, url: '/api/account/sso-sessions/no-such-subsystem/logout', payload: {} },
  'GET /api/staff/oidc-clients': { roles: ['SYSTEM_STAFF'] },
  'GET /api/staff/subsystems/:id/oidc-client': { roles: ['SYSTEM_STAFF'], url: `/api/staff/subsystems/${NO_ID}/oidc-client` },
  'POST /api/staff/subsystems/:id/oidc-client': { roles: ['SYSTEM_STAFF'], url: `/api/staff/subsystems/${NO_ID}/oidc-client`, payload: { redirectUris: [] } },
  'PATCH /api/staff/subsystems/:id/oidc-client': { roles: ['SYSTEM_STAFF'], url: `/api/staff/subsystems/${NO_ID}/oidc-client`, payload: { allowRefreshToken: true } },
  'POST /api/staff/subsystems/:id/oidc-client/rotate-secret': { roles: ['SYSTEM_STAFF'], url: `/api/staff/subsystems/${NO_ID}/oidc-client/rotate-secret`, payload: {} },
  'POST /api/staff/subsystems/:id/oidc-client/disable': { roles: ['SYSTEM_STAFF'], url: `/api/staff/subsystems/${NO_ID}/oidc-client/disable`, payload: {} },
  'POST /api/staff/subsystems/:id/oidc-client/enable': { roles: ['SYSTEM_STAFF'], url: `/api/staff/subsystems/${NO_ID}/oidc-client/enable`, payload: {} },
  'GET /api/staff/oidc-signing-keys': { roles: ['SYSTEM_STAFF'] },
  // An algorithm the provider does not sign with: 400, no rotation.
  'POST /api/staff/oidc-signing-keys/rotate': { roles: ['SYSTEM_STAFF'], payload: { alg: 'HS256' } },
};

/** Public routes, each with why it needs no login. */
const PUBLIC_ROUTES: Record<string, string> = {
  'GET /api/institutions': '機構查詢 on the application form',
  'GET /api/institutions/:code': '機構查詢 on the application form',
  'GET /api/subsystems': 'list on the application form and home page',
  'GET /api/announcements': '公告事項',
  'GET /api/downloads': '下載專區',
  'GET /api/downloads/:id/file': '下載專區',
  'POST /api/applications': '帳號申請 (JSON only + SameSite, rate-limited)',
  'POST /api/application-status': '申請進度查詢 (JSON only, rate-limited)',
  'POST /api/auth/login': 'login (JSON only, rate-limited)',
  'POST /api/auth/refresh': 'works with an expired access token; checks CSRF against the refresh family',
  'POST /api/auth/logout': 'works with an expired access token; checks CSRF against the session family',
  'POST /api/auth/forgot-password': '忘記密碼 (JSON only, rate-limited)',
  'POST /api/auth/reset-password': 'the mailed token is the proof',
  'POST /api/auth/reset-password/strength': 'the mailed token is the proof (a verdict only)',
  'POST /api/account/confirm-email': 'the mailed token is the proof (may be opened in another browser)',
  'POST /api/card-verification/challenges': 'pending managers cannot log in: account + password (login-strength, rate-limited)',
  'POST /api/card-verification/verifications': 'the challenge id + nonce of the password-checked step, and the card signature, are the proof',
  'POST /api/applications/paper-form': 'pending managers cannot log in: account + password (rate-limited)',
  'POST /api/applications/paper-form/scan': 'pending managers cannot log in: account + password in the multipart fields (rate-limited)',
  'POST /api/applications/manager-request': 'pending managers cannot log in: account + password (rate-limited)',
  'POST /api/applications/credentials': 'pending managers cannot log in: account + password, checked and nothing else (rate-limited)',
  'GET /api/sso/interactions/:uid': "the OpenID provider's redirect to the login hand-over page; changes nothing",
  'GET /api/sso/interactions/:uid/details': "the provider's interaction cookie is the proof; says whether a portal session exists",
  'POST /api/sso/interactions/:uid/abort': "the provider's interaction cookie is the proof; only sends access_denied to the subsystem (JSON only)",
  'POST /api/sso/logout': "the provider's session secret (xsrf) is the proof; ends that provider session (JSON only, rate-limited)",
};

/** The subsystems' machine-to-machine routes: a client-credentials token with this scope, never a portal login. */
const SUBSYSTEM_ROUTES: Record<string, string> = {
  'POST /api/screening/ingest': 'screening:ingest',
  'POST /api/screening/eligibility': 'screening:eligibility',
};

/**
 * The OpenID provider's own endpoints (oidc-provider under /oidc, not Fastify routes, so absent
 * from app.routeAccess): each with what a caller without credentials gets. Clients authenticate
 * at token, introspection and revocation; userinfo takes a bearer token; the rest are public by
 * the protocol (discovery, keys, the authorization and logout endpoints, which hand over to the
 * portal's login).
 */
const OIDC_ROUTES: { method: 'GET' | 'POST'; url: string; status: number; why: string }[] = [
  { method: 'GET', url: '/oidc/.well-known/openid-configuration', status: 200, why: 'discovery' },
  { method: 'GET', url: '/oidc/jwks', status: 200, why: 'public signing keys' },
  { method: 'GET', url: '/oidc/auth?client_id=nobody', status: 303, why: 'authorization: unknown client → the zh-TW error page' },
  { method: 'POST', url: '/oidc/token', status: 401, why: 'client authentication required (an unknown client here)' },
  { method: 'POST', url: '/oidc/token/introspection', status: 401, why: 'client authentication required' },
  { method: 'POST', url: '/oidc/token/revocation', status: 401, why: 'client authentication required' },
  { method: 'GET', url: '/oidc/me', status: 401, why: 'userinfo: bearer access token required' },
  { method: 'GET', url: '/oidc/session/end', status: 303, why: 'RP-initiated logout: the confirmation page' },
];

let ctx: TestContext;
const sessions = {} as Record<AccountRole, TestSession>;

beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0 });
  for (const role of ACCOUNT_ROLES) sessions[role] = await login(ctx.app, DEMO_ACCOUNT_OF[role]);
});
afterAll(() => ctx.close());

const apiRoutes = () => ctx.app.routeAccess.filter((route) => route.url.startsWith('/api/') && !route.url.startsWith('/api/docs'));

describe('route table', () => {
  it('classifies every registered /api route: protected ones are in the matrix, public ones are listed', () => {
    const unclassified = apiRoutes()
      .map((route) => ({ key: `${route.method} ${route.url}`, access: route.access }))
      .filter(({ key, access }) => !(key in { authenticated: MATRIX, subsystem: SUBSYSTEM_ROUTES, public: PUBLIC_ROUTES }[access]));
    expect(unclassified).toEqual([]);
  });

  it('has no stale rows, and the matrix roles equal the guards of the routes', () => {
    const registered = new Map(apiRoutes().map((route) => [`${route.method} ${route.url}`, route]));
    for (const key of Object.keys(MATRIX)) {
      const route = registered.get(key);
      expect(route?.access, key).toBe('authenticated');
      expect([...(route?.roles ?? EVERY_ROLE)].sort(), key).toEqual([...MATRIX[key]!.roles].sort());
    }
    for (const key of Object.keys(PUBLIC_ROUTES)) expect(registered.get(key)?.access, key).toBe('public');
    for (const [key, scope] of Object.entries(SUBSYSTEM_ROUTES)) expect(registered.get(key), key).toMatchObject({ access: 'subsystem', scope });
  });
});

describe.each(Object.keys(SUBSYSTEM_ROUTES))('%s', (key) => {
  const [method, url] = key.split(' ') as ['POST', string];
  it('nobody, and every portal login, → 401', async () => {
    for (const session of [null, ...ACCOUNT_ROLES.map((role) => sessions[role])]) {
      const response = await ctx.app.inject({ method, url, headers: session ? session.headers(url) : {}, payload: {} });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'INVALID_TOKEN' });
    }
  });
});

describe('the OpenID provider endpoints', () => {
  it.each(OIDC_ROUTES)('$method $url → $status ($why)', async ({ method, url, status }) => {
    const response = await ctx.app.inject({
      method,
      url,
      ...(method === 'POST' && {
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('nobody:wrong').toString('base64')}` },
        payload: 'grant_type=client_credentials&token=x',
      }),
    });
    expect(response.statusCode).toBe(status);
    if (status === 401) expect(response.json()).toMatchObject({ error: expect.stringMatching(/^invalid_(client|token)$/) });
  });
});

describe.each(Object.entries(MATRIX))('%s', (key, row) => {
  const [method, path] = key.split(' ') as ['GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string];
  const url = row.url ?? path;
  const send = (session: TestSession | null) =>
    ctx.app.inject({
      method,
      url,
      headers: session ? session.headers(url) : {},
      ...(row.payload && { payload: row.payload }),
    });

  it('nobody → 401', async () => {
    const response = await send(null);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'UNAUTHORIZED', message: '請先登入。' });
  });

  it.each(ACCOUNT_ROLES)('%s', async (role) => {
    const response = await send(sessions[role]);
    if (row.roles.includes(role)) {
      // Admitted: success, or a refusal of the input itself (never an authorization answer).
      expect([200, 201, 202, 204, 400, 404, 409], `${role} got ${response.statusCode} ${response.body}`).toContain(response.statusCode);
    } else {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ code: 'FORBIDDEN', message: '您沒有權限執行此操作。' });
    }
  });
});
