import cookie from '@fastify/cookie';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { createLogoutTokenVerifier, InvalidLogoutToken } from './logout-token.js';
import { accessDeniedBody, loggedOutBody, loginFailedBody, page, signedInBody, signedOutBody } from './pages.js';
import { RpSessionStore } from './rp-sessions.js';

export interface DemoSubsystemOptions {
  /** The portal's issuer, `<portal origin>/oidc`. */
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Where this subsystem is reached, e.g. http://localhost:3001 (its redirect URIs hang off it). */
  baseUrl: URL;
  /** The portal's page to go back to (and to request access from). */
  portalUrl: URL;
  subsystemName: string;
  /** The subsystem's own session length; the back-channel logout usually ends it sooner. */
  sessionSeconds?: number;
  logger?: boolean;
}

const SCOPE = 'openid portal';
const SESSION_ENDED = '您在本子系統的登入已結束（已由單一入口登出、權限已變更或逾時），請重新登入。';

/**
 * A relying party of the portal's OpenID Connect provider, as a real subsystem would be one:
 * authorization code flow with PKCE S256, a confidential client (client_secret_basic), its own
 * session from the ID token, RP-initiated logout, and a back-channel logout endpoint that ends
 * its sessions when the portal says so (logout, revoked access, deactivation).
 */
export async function createDemoSubsystem(options: DemoSubsystemOptions) {
  const sessions = new RpSessionStore(options.sessionSeconds ?? 8 * 3600);
  // Own names per client: cookies are not kept apart by port, and two demo subsystems (or the
  // portal) may run on the same host.
  const sessionCookie = `demo_${options.clientId}_session`;
  const loginCookie = `demo_${options.clientId}_login`;
  const redirectUri = new URL('/callback', options.baseUrl).href;
  const postLogoutRedirectUri = new URL('/logged-out', options.baseUrl).href;
  const secureCookies = options.baseUrl.protocol === 'https:';
  const portalUrl = options.portalUrl.href;
  const render = (reply: FastifyReply, title: string, body: Parameters<typeof page>[0]['body'], status = 200) =>
    reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page({ subsystemName: options.subsystemName, title, body }));

  // Discovery waits for the first login, so the subsystem may start before the portal is up.
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= oidc
      .discovery(options.issuer, options.clientId, undefined, oidc.ClientSecretBasic(options.clientSecret), {
        // http only for a portal on localhost (development); a real deployment is https.
        execute: options.issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
  let verifyLogoutToken: ReturnType<typeof createLogoutTokenVerifier> | undefined;
  const logoutTokenVerifier = async () => {
    if (!verifyLogoutToken) {
      const metadata = (await configuration()).serverMetadata();
      if (!metadata.jwks_uri) throw new Error('the provider publishes no jwks_uri');
      verifyLogoutToken = createLogoutTokenVerifier({ issuer: metadata.issuer, jwksUri: new URL(metadata.jwks_uri), clientId: options.clientId });
    }
    return verifyLogoutToken;
  };

  const app = Fastify({ logger: options.logger ?? false });
  await app.register(cookie);
  // The back-channel logout token comes as an HTML form body (logout_token=…).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies } as const;
  const currentSession = (request: FastifyRequest) => sessions.get(request.cookies[sessionCookie]);

  app.get('/', async (request, reply) => {
    const session = currentSession(request);
    if (!session) {
      // A cookie of a session this subsystem no longer holds: the portal ended it (back-channel
      // logout after a logout or a revoked access) or it expired.
      const ended = request.cookies[sessionCookie] !== undefined;
      reply.clearCookie(sessionCookie, { path: '/' });
      return render(reply, '尚未登入', signedOutBody({ subsystemName: options.subsystemName, ...(ended && { notice: SESSION_ENDED }) }));
    }
    return render(reply, '首頁', signedInBody({ subsystemName: options.subsystemName, claims: session.claims, portalUrl }));
  });

  /** The initiate-login URI: the portal's 進入系統 opens this, which starts the code flow. */
  app.get('/login', async (_request, reply) => {
    const config = await configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const loginId = sessions.beginLogin({ codeVerifier, state, nonce });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return reply.setCookie(loginCookie, loginId, { ...cookieOptions, maxAge: 600 }).redirect(url.href, 303);
  });

  app.get('/callback', async (request, reply) => {
    const pending = sessions.takeLogin(request.cookies[loginCookie]);
    reply.clearCookie(loginCookie, { path: '/' });
    const query = request.query as Record<string, string | undefined>;
    if (query.error === 'access_denied') {
      const requestAccessUrl = new URL('/account', options.portalUrl).href;
      return render(reply, '尚未取得使用權限', accessDeniedBody({ subsystemName: options.subsystemName, requestAccessUrl }), 403);
    }
    if (!pending) return render(reply, '登入未完成', loginFailedBody({ reason: '登入逾時或已完成，請重新登入。' }), 400);
    const config = await configuration();
    const currentUrl = new URL(request.url, options.baseUrl);
    try {
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      const session = sessions.start({
        sub: claims.sub,
        sid: typeof claims.sid === 'string' ? claims.sid : undefined,
        claims: { ...claims },
        idToken: tokens.id_token!,
      });
      request.log.info({ sub: claims.sub }, 'signed in through the portal');
      return reply.setCookie(sessionCookie, session.id, cookieOptions).redirect('/', 303);
    } catch (error) {
      request.log.warn({ err: error }, 'the code flow failed');
      const reason = query.error ? `單一入口回覆：${query.error_description ?? query.error}` : '無法向單一入口確認您的身分，請重新登入。';
      return render(reply, '登入未完成', loginFailedBody({ reason }), 400);
    }
  });

  /** 登出: ends this subsystem's session, then the portal's (RP-initiated logout), which comes back to /logged-out. */
  app.post('/logout', async (request, reply) => {
    const session = currentSession(request);
    sessions.end(session?.id);
    reply.clearCookie(sessionCookie, { path: '/' });
    if (!session) return reply.redirect('/', 303);
    const endSession = oidc.buildEndSessionUrl(await configuration(), {
      id_token_hint: session.idToken,
      post_logout_redirect_uri: postLogoutRedirectUri,
    });
    return reply.redirect(endSession.href, 303);
  });

  app.get('/logged-out', async (_request, reply) => render(reply, '已登出', loggedOutBody({ portalUrl })));

  /** Back-channel logout: the portal ends this subsystem's sessions of a user (§2.8: 200, or 400 with an error). */
  app.post('/backchannel-logout', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const token = (request.body as Record<string, string> | undefined)?.logout_token;
    if (!token) return reply.status(400).send({ error: 'invalid_request', error_description: 'logout_token is missing' });
    try {
      const named = await (await logoutTokenVerifier())(token);
      const ended = sessions.endFor(named);
      request.log.info({ ...named, ended }, 'back-channel logout');
      return reply.status(200).send();
    } catch (error) {
      if (!(error instanceof InvalidLogoutToken)) throw error;
      request.log.warn({ reason: error.message }, 'logout token refused');
      return reply.status(400).send({ error: 'invalid_request', error_description: error.message });
    }
  });

  return { app, sessions };
}
