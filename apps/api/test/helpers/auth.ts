import type { LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '@portal/db';
import type { App } from '../../src/app.js';
import { createTestApp, type TestContext } from './test-app.js';

/** A logged-in browser: its cookie jar and CSRF token. */
export interface TestSession {
  cookies: Record<string, string>;
  csrfToken: string;
  /** Cookie header for requests to /api/* (the refresh cookie only goes to /api/auth). */
  cookieHeader(path?: string): string;
  headers(path?: string): Record<string, string>;
  /** Applies Set-Cookie of a response (rotation, logout), like a browser would. */
  absorb(response: LightMyRequestResponse): void;
}

export function sessionFrom(response: LightMyRequestResponse): TestSession {
  const cookies: Record<string, string> = {};
  const paths: Record<string, string> = {};
  const session: TestSession = {
    cookies,
    csrfToken: '',
    cookieHeader(path = '/api/account/profile') {
      return Object.entries(cookies)
        .filter(([name]) => path.startsWith(paths[name] ?? '/'))
        .map(([name, value]) => `${name}=${value}`)
        .join('; ');
    },
    headers(path) {
      return { cookie: session.cookieHeader(path), 'x-csrf-token': session.csrfToken };
    },
    absorb(next) {
      for (const cookie of next.cookies) {
        if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0)) delete cookies[cookie.name];
        else cookies[cookie.name] = cookie.value;
        paths[cookie.name] = cookie.path ?? '/';
        if (cookie.name === 'portal_csrf') session.csrfToken = cookie.value;
      }
    },
  };
  session.absorb(response);
  return session;
}

export async function login(app: App, accountName: string, password = DEMO_PASSWORD, remoteAddress?: string): Promise<TestSession> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { accountName, password }, ...(remoteAddress ? { remoteAddress } : {}) });
  if (response.statusCode !== 200) throw new Error(`login ${accountName}: ${response.statusCode} ${response.body}`);
  return sessionFrom(response);
}

/**
 * A fresh app (demo seed, no extra institutions) with each of `accountNames` logged in: the
 * usual start of a file that acts as one or two roles. The caller closes `ctx` after its tests.
 */
export async function createTestAppWith<const Names extends readonly string[]>(
  ...accountNames: Names
): Promise<{ ctx: TestContext; sessions: { [K in keyof Names]: TestSession } }> {
  const ctx = await createTestApp({ demoInstitutions: 0 });
  const sessions = [];
  for (const accountName of accountNames) sessions.push(await login(ctx.app, accountName));
  return { ctx, sessions: sessions as { [K in keyof Names]: TestSession } };
}
