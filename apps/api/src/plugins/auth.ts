import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '@portal/db';
import { AUTH_MESSAGES, type AccountRole } from '@portal/shared';
import { forbidden, HttpError, sessionExpired, unauthorized } from '../errors/http-error.js';
import { csrfTokenFor, csrfTokenMatches, readLiveSessionState } from '../services/auth/sessions.js';
import { DEVICE_COOKIE_MAX_AGE_SECONDS, DEVICE_COOKIE_PATH, deviceCookies } from '../services/auth/device-cookies.js';
import { refreshRotation, type RefreshRotation } from '../services/auth/refresh-rotation.js';
import { accessTokenExpiry, type SessionDeadlines, type SessionLifetime } from '../services/auth/session-lifetime.js';

/** Claims of the access token. */
export interface AccessClaims {
  sub: string;
  role: AccountRole;
  /** account.sessionVersion when issued: a bump revokes the token. */
  sv: number;
  /** Session (refresh-token family) id: logout revokes it; the CSRF token is bound to it. */
  sid: string;
  /** The session's idle deadline and absolute end when issued (seconds since the epoch). */
  ie: number;
  ae: number;
  /** Never past `ie` or `ae` (seconds since the epoch); required by the verifier. */
  exp: number;
}

/** The logged-in caller, on `request.user` after `app.authenticate`. */
export interface AuthUser {
  id: string;
  role: AccountRole;
  sessionVersion: number;
  familyId: string;
  /** When the access token expires (ms since the epoch). */
  accessExpiresAt: number;
  /** The session's deadlines as of the token (a refresh in another tab may have moved the idle one on). */
  deadlines: SessionDeadlines;
}

function userFromClaims(claims: AccessClaims): AuthUser {
  return {
    id: claims.sub,
    role: claims.role,
    sessionVersion: claims.sv,
    familyId: claims.sid,
    accessExpiresAt: claims.exp * 1000,
    deadlines: { idleExpiresAt: new Date(claims.ie * 1000), absoluteExpiresAt: new Date(claims.ae * 1000) },
  };
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AuthUser;
  }
}

export const COOKIE_NAMES = { access: 'portal_at', refresh: 'portal_rt', csrf: 'portal_csrf' } as const;
export const CSRF_HEADER = 'x-csrf-token';
export const REFRESH_COOKIE_PATH = '/api/auth';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A hook that also says, for the route table, which roles it admits. */
export type RoleGuard = onRequestAsyncHookHandler & { roles: readonly AccountRole[] };

export interface RouteAccess {
  method: string;
  url: string;
  /**
   * 'public': no login; 'authenticated': app.authenticate runs (and maybe a role guard);
   * 'subsystem': a subsystem's client-credentials bearer token with `scope` (app.requireSubsystemScope).
   */
  access: 'public' | 'authenticated' | 'subsystem';
  scope?: string | undefined;
  /** Admitted roles; undefined = every logged-in role. */
  roles?: readonly AccountRole[] | undefined;
}

export interface SessionCookieInput {
  accountId: string;
  role: AccountRole;
  sessionVersion: number;
  familyId: string;
  /** The session's deadlines: the access token and the cookies end with them. */
  deadlines: SessionDeadlines;
  /** A new refresh token to set (login, refresh); absent keeps the current one. */
  refreshToken?: string | undefined;
}

/** What a session body needs of the cookies just set. */
export interface IssuedSessionCookies extends SessionDeadlines {
  csrfToken: string;
  accessExpiresAt: Date;
  idleTimeoutSeconds: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook: 401 unless a valid, unrevoked session of an ACTIVE account; CSRF on writes. */
    authenticate: onRequestAsyncHookHandler;
    auth: {
      /** Sets portal_at (+ portal_rt, portal_csrf); returns what the session body needs. */
      issueCookies(reply: FastifyReply, input: SessionCookieInput): IssuedSessionCookies;
      clearCookies(reply: FastifyReply): void;
      csrfTokenFor(familyId: string): string;
      /** The 403 for a missing / wrong X-CSRF-Token (refresh and logout check it themselves). */
      assertCsrf(request: FastifyRequest, familyId: string): void;
      /** The login an access-token cookie names, expired or not (logout), or undefined if it is not ours. */
      sessionOfAccessToken(token: string | undefined): { accountId: string; familyId: string } | undefined;
      /** An argon2id hash of a random password, made once: verified against for unknown accounts. */
      dummyPasswordHash: string;
      /** Origin for links in mail (reset password, confirm e-mail). */
      publicOrigin: string;
      /** SESSION_IDLE_MINUTES and SESSION_ABSOLUTE_HOURS. */
      lifetime: SessionLifetime;
      /** How refresh tokens are replaced (REFRESH_GRACE_SECONDS). */
      refreshRotation: RefreshRotation;
      /** The device id of the account's device cookie in this request, when it holds a valid one. */
      deviceIdOf(request: FastifyRequest, accountName: string): string | null;
      /** After a successful login: a new device cookie for the account in this browser. */
      issueDeviceCookie(reply: FastifyReply, accountName: string): void;
    };
    /** Every route with its access rule, for the authorization-matrix test and the docs. */
    routeAccess: RouteAccess[];
  }
}

/** onRequest hook admitting only `roles` (after app.authenticate, before the body is even parsed). */
export function requireRoles(...roles: AccountRole[]): RoleGuard {
  const guard = async (request: FastifyRequest) => {
    if (!request.user) throw unauthorized();
    if (!roles.includes(request.user.role)) throw forbidden();
  };
  return Object.assign(guard, { roles: Object.freeze([...roles]) });
}

export interface AuthPluginOptions {
  jwtSecret: Buffer;
  publicOrigin: string;
  lifetime: SessionLifetime;
  refreshGraceMs: number;
}

/**
 * Sessions: a 10-minute JWT access token in an HttpOnly cookie, a rotating opaque refresh
 * token (sessions table) in a cookie only /api/auth sees, and a CSRF token bound to the
 * session. See docs/decisions/002-sessions-and-csrf.md.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, options: AuthPluginOptions) => {
    const { jwtSecret } = options;
    // Browsers drop Secure cookies on plain http, which only the local embedded setup uses.
    const origin = new URL(options.publicOrigin);
    const secure = !(origin.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(origin.hostname));

    await app.register(cookie);
    // Tokens are signed and verified through app.jwt with no per-call options: @fastify/jwt
    // then reuses one signer and one verifier instead of building them on every request. The
    // expiry is a claim set by issueCookies (it depends on the session's deadlines), and a
    // token without one is refused.
    await app.register(jwt, {
      secret: jwtSecret,
      sign: { algorithm: 'HS256' },
      verify: { algorithms: ['HS256'], requiredClaims: ['exp'] },
    });

    // A cross-site <form> can post text/plain without a CORS preflight; JSON it cannot. Without
    // this parser such a post gets 415 before any handler runs (the CSRF defence of the
    // anonymous endpoints, with SameSite=Strict cookies).
    app.removeContentTypeParser('text/plain');

    const dummyPasswordHash = await hashPassword(randomBytes(24).toString('base64url'));
    const devices = deviceCookies(jwtSecret);

    const assertCsrf = (request: FastifyRequest, familyId: string) => {
      const header = request.headers[CSRF_HEADER];
      if (!csrfTokenMatches(jwtSecret, familyId, typeof header === 'string' ? header : undefined)) {
        throw new HttpError(403, 'CSRF_INVALID', AUTH_MESSAGES.csrfInvalid);
      }
    };

    const authenticate: onRequestAsyncHookHandler = async (request) => {
      // Only the HttpOnly cookie carries the access token (never an Authorization header).
      const token = request.cookies[COOKIE_NAMES.access];
      if (!token) throw unauthorized();
      let user: AuthUser;
      try {
        user = userFromClaims(app.jwt.verify<AccessClaims>(token));
      } catch {
        throw sessionExpired();
      }
      request.user = user;
      const live = await readLiveSessionState(app.db.sql, user.id, user.familyId);
      if (!live || live.status !== 'ACTIVE' || live.sessionVersion !== user.sessionVersion || live.familyRevoked) {
        throw sessionExpired();
      }
      // The role of the moment (a role change also bumps the version, so they agree anyway).
      user.role = live.role;
      if (STATE_CHANGING.has(request.method)) assertCsrf(request, user.familyId);
    };

    app.decorate('authenticate', authenticate);
    app.decorate('auth', {
      issueCookies(reply: FastifyReply, input: SessionCookieInput) {
        const now = new Date();
        const { deadlines } = input;
        const accessExpiresAt = accessTokenExpiry(deadlines, now);
        const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
        const token = app.jwt.sign({
          sub: input.accountId,
          role: input.role,
          sv: input.sessionVersion,
          sid: input.familyId,
          ie: seconds(deadlines.idleExpiresAt),
          ae: seconds(deadlines.absoluteExpiresAt),
          exp: seconds(accessExpiresAt),
        });
        const csrfToken = csrfTokenFor(jwtSecret, input.familyId);
        const base = { secure, sameSite: 'strict' as const };
        const secondsUntil = (date: Date) => Math.max(0, Math.ceil((date.getTime() - now.getTime()) / 1000));
        reply.setCookie(COOKIE_NAMES.access, token, { ...base, httpOnly: true, path: '/', maxAge: secondsUntil(accessExpiresAt) });
        // The refresh and CSRF cookies last as long as the login can: the API decides the idle end.
        const sessionMaxAge = secondsUntil(deadlines.absoluteExpiresAt);
        if (input.refreshToken) {
          reply.setCookie(COOKIE_NAMES.refresh, input.refreshToken, { ...base, httpOnly: true, path: REFRESH_COOKIE_PATH, maxAge: sessionMaxAge });
        }
        // Readable by the SPA on purpose: it copies it into X-CSRF-Token after a reload.
        reply.setCookie(COOKIE_NAMES.csrf, csrfToken, { ...base, httpOnly: false, path: '/', maxAge: sessionMaxAge });
        return { csrfToken, accessExpiresAt, ...deadlines, idleTimeoutSeconds: options.lifetime.idleMs / 1000 };
      },
      clearCookies(reply: FastifyReply) {
        const base = { secure, sameSite: 'strict' as const };
        reply.clearCookie(COOKIE_NAMES.access, { ...base, httpOnly: true, path: '/' });
        reply.clearCookie(COOKIE_NAMES.refresh, { ...base, httpOnly: true, path: REFRESH_COOKIE_PATH });
        reply.clearCookie(COOKIE_NAMES.csrf, { ...base, path: '/' });
      },
      csrfTokenFor: (familyId: string) => csrfTokenFor(jwtSecret, familyId),
      assertCsrf,
      sessionOfAccessToken(token: string | undefined) {
        if (!token) return undefined;
        try {
          const claims = app.jwt.verify<AccessClaims>(token, { ignoreExpiration: true });
          return { accountId: claims.sub, familyId: claims.sid };
        } catch {
          return undefined;
        }
      },
      dummyPasswordHash,
      publicOrigin: origin.origin,
      lifetime: options.lifetime,
      refreshRotation: refreshRotation(jwtSecret, options.refreshGraceMs),
      deviceIdOf: (request: FastifyRequest, accountName: string) => devices.deviceIdOf(accountName, request.cookies[devices.nameFor(accountName)]),
      issueDeviceCookie(reply: FastifyReply, accountName: string) {
        reply.setCookie(devices.nameFor(accountName), devices.issue(accountName), {
          secure,
          sameSite: 'strict',
          httpOnly: true,
          path: DEVICE_COOKIE_PATH,
          maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
        });
      },
    });

    const routeAccess: RouteAccess[] = [];
    app.decorate('routeAccess', routeAccess);
    app.addHook('onRoute', (route) => {
      const handlers = [route.onRequest, route.preValidation, route.preHandler].flat().filter(Boolean);
      const guarded = handlers.includes(authenticate);
      const guard = handlers.find((handler): handler is RoleGuard => Array.isArray((handler as Partial<RoleGuard>).roles));
      const scope = handlers.map((handler) => (handler as { subsystemScope?: string }).subsystemScope).find(Boolean);
      for (const method of [route.method].flat()) {
        if (method === 'HEAD') continue;
        const access = guarded ? 'authenticated' : scope ? 'subsystem' : 'public';
        routeAccess.push({ method, url: route.url, access, roles: guard?.roles, scope });
      }
    });
  },
  { name: 'auth', dependencies: ['errors', 'database'] },
);
