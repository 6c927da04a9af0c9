import { createServer, type IncomingMessage, type Server } from 'node:http';
import * as client from 'openid-client';
import { DEMO_PASSWORD } from '@portal/db';
import { createTestApp, type TestAppOptions, type TestContext } from './test-app.js';
import { freePort } from './free-port.js';

/**
 * The SSO harness: the portal listening on a real port (the provider's issuer is its public
 * origin), a relying party that receives back-channel logouts, and a cookie-jar "browser" that
 * follows redirects by hand, honouring cookie paths, like a browser does.
 */
export interface SsoHarness {
  ctx: TestContext;
  origin: string;
  issuer: URL;
  rp: { origin: string; logouts: string[]; close(): Promise<void>; failNext: number };
  close(): Promise<void>;
}


function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
  });
}

export async function startSsoHarness(env: Record<string, string> = {}, options: Pick<TestAppOptions, 'logger' | 'oidcLimits'> = {}): Promise<SsoHarness> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const ctx = await createTestApp({ demoInstitutions: 0, env: { PUBLIC_ORIGIN: origin, ...env }, ...options });
  await ctx.app.listen({ port, host: '127.0.0.1' });

  const rp = { origin: '', logouts: [] as string[], failNext: 0, close: () => Promise.resolve() };
  const rpServer: Server = createServer(async (request, response) => {
    if (request.method === 'POST' && request.url === '/backchannel-logout') {
      const body = new URLSearchParams(await readBody(request));
      if (rp.failNext > 0) {
        rp.failNext -= 1;
        response.writeHead(503).end();
        return;
      }
      rp.logouts.push(body.get('logout_token') ?? '');
      response.writeHead(200).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/plain' }).end('rp');
  });
  await new Promise<void>((resolve) => rpServer.listen(0, '127.0.0.1', resolve));
  const rpAddress = rpServer.address();
  rp.origin = `http://127.0.0.1:${typeof rpAddress === 'object' && rpAddress ? rpAddress.port : 0}`;
  rp.close = () => new Promise<void>((resolve) => rpServer.close(() => resolve()));

  return {
    ctx,
    origin,
    issuer: new URL(`${origin}/oidc`),
    rp,
    async close() {
      await rp.close();
      await ctx.close();
    },
  };
}

/** A browser: cookies by name and path, redirects followed by hand. */
export class Browser {
  private jar = new Map<string, { name: string; value: string; path: string }>();
  csrfToken = '';

  constructor(private readonly portalOrigin: string) {}

  private cookieHeader(url: string): string {
    const target = new URL(url);
    if (target.origin !== this.portalOrigin) return '';
    return [...this.jar.values()]
      .filter((cookie) => cookie.path === '/' || target.pathname === cookie.path || target.pathname.startsWith(`${cookie.path}/`))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  private store(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const [name = '', ...rest] = pair.split('=');
      const value = rest.join('=');
      const pathAttribute = attributes.find((attribute) => attribute.toLowerCase().startsWith('path='));
      const path = pathAttribute ? pathAttribute.slice(5) : '/';
      const expired = attributes.some((attribute) => /^expires=thu, 01 jan 1970/i.test(attribute) || /^max-age=0$/i.test(attribute)) || value === '';
      const key = `${name}|${path}`;
      if (expired) this.jar.delete(key);
      else this.jar.set(key, { name, value, path });
      if (name === 'portal_csrf' && !expired) this.csrfToken = value;
    }
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(response);
    return response;
  }

  /** Same-origin JSON call of the SPA (with the CSRF header, as the SPA sends it). */
  async api(method: string, path: string, body?: unknown): Promise<Response> {
    return this.request(`${this.portalOrigin}${path}`, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), 'x-csrf-token': this.csrfToken },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  }

  /** A new browser, already logged in to the portal as `accountName`. */
  static async loggedIn(portalOrigin: string, accountName: string): Promise<Browser> {
    const browser = new Browser(portalOrigin);
    await browser.login(accountName);
    return browser;
  }

  async login(accountName: string, password = DEMO_PASSWORD) {
    const response = await this.api('POST', '/api/auth/login', { accountName, password });
    if (response.status !== 200) throw new Error(`login ${accountName}: ${response.status} ${await response.text()}`);
  }

  /** Follows redirects while on the portal; stops at the first URL elsewhere or a non-redirect. */
  async navigate(url: string): Promise<{ url: string; status?: number }> {
    let current = url;
    for (let hop = 0; hop < 10; hop += 1) {
      if (!current.startsWith(this.portalOrigin)) return { url: current };
      const response = await this.request(current);
      if (response.status >= 300 && response.status < 400) {
        current = new URL(response.headers.get('location') ?? '', current).href;
        continue;
      }
      return { url: current, status: response.status };
    }
    throw new Error('too many redirects');
  }
}

export interface RelyingParty {
  config: client.Configuration;
  clientId: string;
  redirectUri: string;
}

export async function relyingParty(issuer: URL, clientId: string, secret: string, redirectUri: string, metadata: Partial<client.ClientMetadata> = {}): Promise<RelyingParty> {
  const config = await client.discovery(issuer, clientId, metadata, client.ClientSecretBasic(secret), { execute: [client.allowInsecureRequests] });
  return { config, clientId, redirectUri };
}

export interface StartedAuthorization {
  url: URL;
  verifier: string;
  state: string;
  nonce: string;
}

export async function startAuthorization(rp: RelyingParty, parameters: Record<string, string> = {}): Promise<StartedAuthorization> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(rp.config, {
    redirect_uri: rp.redirectUri,
    scope: 'openid portal offline_access',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...parameters,
  });
  return { url, verifier, state, nonce };
}

/**
 * The SPA's part of a login hand-over: what /sso/continue/:uid does with the portal session.
 * Returns where the browser ends (the RP's redirect URI with the code, or an error).
 */
export async function continueAtPortal(browser: Browser, landed: string): Promise<string> {
  const uid = new URL(landed).pathname.split('/').pop() ?? '';
  const response = await browser.api('POST', `/api/sso/interactions/${uid}/continue`, {});
  if (response.status !== 200) throw new Error(`continue: ${response.status} ${await response.text()}`);
  const { redirectTo } = (await response.json()) as { redirectTo: string };
  return (await browser.navigate(redirectTo)).url;
}

/** authorize → (hand-over if asked) → code at the RP → tokens. */
export async function signIn(browser: Browser, rp: RelyingParty, parameters: Record<string, string> = {}) {
  const started = await startAuthorization(rp, parameters);
  let landed = (await browser.navigate(started.url.href)).url;
  const handedOver = landed.includes('/sso/continue/');
  if (handedOver) landed = await continueAtPortal(browser, landed);
  const tokens = await exchange(rp, landed, started);
  return { tokens, handedOver, started, callback: landed };
}

export function exchange(rp: RelyingParty, callback: string, started: StartedAuthorization) {
  return client.authorizationCodeGrant(rp.config, new URL(callback), {
    pkceCodeVerifier: started.verifier,
    expectedState: started.state,
    expectedNonce: started.nonce,
  });
}

export { client };
export const SSO_PASSWORD = DEMO_PASSWORD;
