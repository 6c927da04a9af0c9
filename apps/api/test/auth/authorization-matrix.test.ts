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

/** Protected routes. Keys: "METHOD /url" exactly as registered. */
const MATRIX: Record<string, MatrixRow> = {
  'GET /api/auth/session': { roles: EVERY_ROLE },
  'GET /api/account/profile': { roles: EVERY_ROLE },
  'PATCH /api/account/profile': { roles: EVERY_ROLE, payload: { phone: '02-12345678' } },
  // passwordConfirm mismatch: validated (400) without changing the demo password.
  'POST /api/account/password': { roles: EVERY_ROLE, payload: { currentPassword: 'x', password: 'Aa1*aaaaaa', passwordConfirm: 'different' } },
  'GET /api/account/subsystems': { roles: EVERY_ROLE },
  'POST /api/account/subsystems': { roles: ['INSTITUTION_MANAGER', 'GENERAL_USER'], payload: { code: 'no-such-subsystem' } },
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
  'POST /api/account/confirm-email': 'the mailed token is the proof (may be opened in another browser)',
};

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
      .filter(({ key, access }) => (access === 'authenticated' ? !(key in MATRIX) : !(key in PUBLIC_ROUTES)));
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
