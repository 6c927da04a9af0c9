import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import middie from '@fastify/middie';
import type Provider from 'oidc-provider';
import { HttpError, unauthorized } from '../errors/http-error.js';
import { dispatchBackchannelLogouts } from './backchannel.js';
import { registerDemoSubsystem } from './demo-client.js';
import { createProvider } from './provider.js';
import { createSecretBox, type SecretBox } from './secret-box.js';
import { ensureSigningKeys, loadSigningJwks, rotateSigningKey, signingKeysVersion, type SigningAlg } from './signing-keys.js';

/** The calling subsystem of a machine-to-machine request, on `request.subsystemClient`. */
export interface SubsystemClient {
  clientId: string;
  scopes: string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    oidc: {
      /** The provider of the moment (reload swaps it). */
      readonly provider: Provider;
      readonly issuer: string;
      box: SecretBox;
      /** Builds a provider over the current signing keys and swaps it in (key rotation, no restart). */
      reload(): Promise<void>;
      /** Reloads when the keys in the database differ from this instance's (another instance rotated); true if it did. */
      reloadIfKeysChanged(): Promise<boolean>;
      /** One rotation step of `alg` (NEXT → ACTIVE → RETIRED), then this instance reloads; the others within OIDC_KEY_CHECK_INTERVAL_MS. */
      rotateSigningKey(alg: SigningAlg, alsoInTransaction?: Parameters<typeof rotateSigningKey>[4]): Promise<{ activeKid: string }>;
      /** Sends the due back-channel logouts now (also run by a timer); the number delivered. */
      dispatchBackchannelNow(): Promise<number>;
    };
    /**
     * onRequest hook of the subsystems' own endpoints: a bearer access token from the client
     * credentials grant that carries `scope`; puts the client on request.subsystemClient.
     */
    requireSubsystemScope(scope: string): onRequestAsyncHookHandler & { subsystemScope: string };
  }
  interface FastifyRequest {
    subsystemClient?: SubsystemClient;
  }
}

export interface OidcPluginOptions {
  oidcKey: Buffer;
  publicOrigin: string;
  /** A TLS-terminating proxy is in front (TRUST_PROXY_HOPS > 0): the provider reads X-Forwarded-Proto. */
  behindProxy: boolean;
  /** How often due back-channel logouts are sent; 0: only when dispatchBackchannelNow is called. */
  dispatchIntervalMs: number;
  /** How often to look for keys rotated by another instance; 0: only when reloadIfKeysChanged is called. */
  keyCheckIntervalMs?: number;
  /** The embedded demo's subsystem to register at start (never in production: env refuses it). */
  demoSubsystem?: { url: string; secret: string } | undefined;
  /** Requests per minute: /oidc/auth per IP, /oidc/token per client (or IP). */
  limits?: { authPerMinute: number; tokenPerMinute: number };
}

const DEFAULT_LIMITS = { authPerMinute: 60, tokenPerMinute: 120 };

/** The client of a token request: HTTP Basic's user, else the form's client_id is unread (body not parsed yet). */
function tokenClientKey(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const user = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')[0];
    if (user) return `client:${decodeURIComponent(user)}`;
  }
  return `ip:${request.ip}`;
}

/**
 * The portal as the subsystems' OpenID Connect provider (oidc-provider, mounted at /oidc):
 * docs/decisions/009-single-sign-on.md. Its routes are not Fastify routes; the
 * authorization-matrix test lists them itself.
 */
export const oidcPlugin = fp(
  async (app: FastifyInstance, options: OidcPluginOptions) => {
    const box = createSecretBox(options.oidcKey);
    const origin = new URL(options.publicOrigin);
    const issuer = `${origin.origin}/oidc`;
    const secureCookies = !(origin.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(origin.hostname));
    await ensureSigningKeys(app.db.prisma, box);
    if (options.demoSubsystem) await registerDemoSubsystem(app.db.prisma, box, options.demoSubsystem);

    // The key set the provider of the moment was built over.
    let keysVersion = '';
    const build = async () => {
      keysVersion = await signingKeysVersion(app.db.prisma);
      const provider = createProvider({
        issuer,
        publicOrigin: origin.origin,
        sql: app.db.sql,
        box,
        jwks: await loadSigningJwks(app.db.prisma, box),
        secureCookies,
      });
      provider.proxy = options.behindProxy;
      provider.on('server_error', (_ctx, error) => app.log.error({ err: error }, 'OpenID provider error'));
      return provider;
    };
    let provider = await build();
    let callback = provider.callback();

    const limits = options.limits ?? DEFAULT_LIMITS;
    const authLimit = app.createRateLimit({ max: limits.authPerMinute, timeWindow: 60_000 });
    const tokenLimit = app.createRateLimit({ max: limits.tokenPerMinute, timeWindow: 60_000, keyGenerator: tokenClientKey });
    app.addHook('onRequest', async (request) => {
      const path = request.url.split('?')[0];
      const limit = path === '/oidc/token' ? tokenLimit : path === '/oidc/auth' ? authLimit : undefined;
      if (!limit) return;
      const verdict = await limit(request);
      if (!verdict.isAllowed && verdict.isExceeded) {
        throw new HttpError(429, 'TOO_MANY_REQUESTS', `操作過於頻繁，請於 ${Math.max(1, verdict.ttlInSeconds)} 秒後再試。`);
      }
    });

    await app.register(middie);
    // Indirect, so that reload() can swap the provider under a running server.
    app.use('/oidc', (req: IncomingMessage, res: ServerResponse) => callback(req, res));

    async function reload() {
      provider = await build();
      callback = provider.callback();
    }
    const dispatchBackchannelNow = () => dispatchBackchannelLogouts({ prisma: app.db.prisma, provider, log: app.log });
    app.decorate('oidc', {
      get provider() {
        return provider;
      },
      issuer,
      box,
      reload,
      async reloadIfKeysChanged() {
        if ((await signingKeysVersion(app.db.prisma)) === keysVersion) return false;
        await reload();
        return true;
      },
      async rotateSigningKey(alg: SigningAlg, alsoInTransaction?: Parameters<typeof rotateSigningKey>[4]) {
        const rotated = await rotateSigningKey(app.db.prisma, box, alg, new Date(), alsoInTransaction);
        await reload();
        return rotated;
      },
      dispatchBackchannelNow,
    });

    app.decorate('requireSubsystemScope', (scope: string) => {
      const hook: onRequestAsyncHookHandler = async (request) => {
        const header = request.headers.authorization;
        const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
        if (!token) throw unauthorized('INVALID_TOKEN', '缺少存取權杖（Authorization: Bearer）。');
        const found = await provider.ClientCredentials.find(token);
        if (!found?.clientId || found.isExpired) throw unauthorized('INVALID_TOKEN', '存取權杖無效或已過期。');
        const client = await provider.Client.find(found.clientId);
        if (!client) throw unauthorized('INVALID_TOKEN', '此子系統的單一入口用戶端已停用。');
        const scopes = (found.scope ?? '').split(' ').filter(Boolean);
        if (!scopes.includes(scope)) throw new HttpError(403, 'INSUFFICIENT_SCOPE', `存取權杖未包含此功能所需的授權範圍（${scope}）。`);
        request.subsystemClient = { clientId: found.clientId, scopes };
      };
      return Object.assign(hook, { subsystemScope: scope });
    });

    if (options.keyCheckIntervalMs) {
      const timer = setInterval(() => {
        app.oidc.reloadIfKeysChanged().catch((error: unknown) => app.log.error({ err: error }, 'signing key check failed'));
      }, options.keyCheckIntervalMs);
      timer.unref();
      app.addHook('onClose', async () => clearInterval(timer));
    }

    if (options.dispatchIntervalMs > 0) {
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        dispatchBackchannelNow()
          .catch((error: unknown) => app.log.error({ err: error }, 'back-channel logout dispatch failed'))
          .finally(() => {
            running = false;
          });
      }, options.dispatchIntervalMs);
      timer.unref();
      app.addHook('onClose', async () => clearInterval(timer));
    }
  },
  { name: 'oidc', dependencies: ['database', 'rate-limit', 'errors'] },
);
