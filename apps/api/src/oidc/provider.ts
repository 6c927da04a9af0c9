import type { SqlRunner } from '@portal/db';
import { CLIENT_CREDENTIALS_SCOPES } from '@portal/shared';
import type { JWK } from 'jose';
import Provider, { errors, type Account, type KoaContextWithOIDC } from 'oidc-provider';
import { maySignInTo, readSsoAccount, type SsoAccount } from '../services/sso/sso-account.js';
import { createPayloadAdapter } from './adapter.js';
import { createClientAdapter, USER_SCOPES } from './clients.js';
import type { SecretBox } from './secret-box.js';

/** What a sign-in at the portal was: the password (the 醫事機構卡 at the provider comes later). */
export const PASSWORD_ACR = 'urn:portal:loa:pwd';
export const PASSWORD_AMR = ['pwd'];

/** Lifetimes (seconds). Sessions, grants and refresh tokens as long as the portal's own login. */
export const OIDC_TTL = {
  AuthorizationCode: 60,
  AccessToken: 600,
  ClientCredentials: 600,
  IdToken: 600,
  Interaction: 600,
  Session: 12 * 3600,
  Grant: 12 * 3600,
  RefreshToken: 12 * 3600,
} as const;

/** Paths of the SPA pages the provider sends the browser to (all inside the portal's CSP). */
export const SSO_PAGES = {
  interaction: (uid: string) => `/api/sso/interactions/${uid}`,
  error: '/sso/error',
  logout: '/sso/logout',
  loggedOut: '/sso/logged-out',
} as const;

export interface ProviderOptions {
  issuer: string;
  publicOrigin: string;
  sql: SqlRunner;
  box: SecretBox;
  jwks: { keys: JWK[] };
  /** Cookies marked Secure (every origin except the local plain-http one). */
  secureCookies: boolean;
}

function redirectTo(ctx: Pick<KoaContextWithOIDC, 'status' | 'redirect'>, location: string) {
  ctx.status = 303;
  ctx.redirect(location);
}

/** Whether a back-channel logout may reach this URL although it is on a private address. */
async function isRegisteredLogoutUri(sql: SqlRunner, url: string): Promise<boolean> {
  const rows = await sql.query(`SELECT 1 AS found FROM oidc_clients WHERE backchannel_logout_uri = $1 AND active LIMIT 1`, [url]);
  return rows.length > 0;
}

export function createProvider(options: ProviderOptions): Provider {
  const { sql, box, publicOrigin } = options;
  const clientAdapter = createClientAdapter(sql, box);
  // One read of the account per request, shared by findAccount and loadExistingGrant.
  const accountsOfRequest = new WeakMap<object, Promise<SsoAccount | undefined>>();
  const accountFor = (ctx: KoaContextWithOIDC, accountId: string) => {
    let pending = accountsOfRequest.get(ctx);
    if (!pending) {
      pending = readSsoAccount(sql, accountId);
      accountsOfRequest.set(ctx, pending);
    }
    return pending;
  };

  const provider = new Provider(options.issuer, {
    adapter: (name: string) => (name === 'Client' ? clientAdapter : createPayloadAdapter(sql, name)),
    jwks: options.jwks,
    cookies: {
      keys: [box.derive('cookies').toString('base64url')],
      long: { signed: true, secure: options.secureCookies, sameSite: 'lax' },
      short: { signed: true, secure: options.secureCookies, sameSite: 'lax' },
    },
    pkce: { required: () => true },
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic', 'private_key_jwt'],
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    },
    enabledJWA: {
      idTokenSigningAlgValues: ['RS256', 'ES256'],
      clientAuthSigningAlgValues: ['RS256', 'PS256', 'ES256'],
    },
    scopes: [...USER_SCOPES, 'offline_access', ...CLIENT_CREDENTIALS_SCOPES],
    claims: {
      openid: ['sub', 'acr', 'amr', 'auth_time'],
      portal: ['account', 'name', 'institution_code', 'institution_name', 'role', 'subsystems'],
    },
    acrValues: [PASSWORD_ACR],
    // The portal claims go into the ID token as well, not only to userinfo.
    conformIdTokenClaims: false,
    ttl: OIDC_TTL,
    allowOmittingSingleRegisteredRedirectUri: false,
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // The SPA page shows the confirmation with a plain form posting `xsrf` to /oidc/session/end/confirm.
        logoutSource(ctx, form) {
          const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
          const query = new URLSearchParams({ xsrf });
          const clientName = ctx.oidc.client?.clientName;
          if (clientName) query.set('client', clientName);
          redirectTo(ctx, `${publicOrigin}${SSO_PAGES.logout}?${query}`);
        },
        postLogoutSuccessSource(ctx) {
          redirectTo(ctx, `${publicOrigin}${SSO_PAGES.loggedOut}`);
        },
      },
    },
    interactions: { url: (_ctx, interaction) => SSO_PAGES.interaction(interaction.uid) },
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // A refresh token is good once; its reuse revokes the grant.
    rotateRefreshToken: true,
    renderError(ctx, out) {
      redirectTo(ctx, `${publicOrigin}${SSO_PAGES.error}?${new URLSearchParams({ error: String(out.error) })}`);
    },
    async fetch(url, init) {
      // The provider refuses private and loopback addresses (SSRF guard); registered
      // back-channel logout URIs of subsystems inside the network are let through.
      const target = String(url);
      if (await isRegisteredLogoutUri(sql, target)) delete (init as { dispatcher?: unknown }).dispatcher;
      return globalThis.fetch(target, init);
    },
    /**
     * Every token-bound call (code and refresh exchange, userinfo, introspection) re-checks the
     * access: an account that is no longer active or approved for that client has no account,
     * so the call fails. At the authorization endpoint (no token) the session's account is
     * returned as is; loadExistingGrant decides there (returning nothing here would be a 500).
     */
    async findAccount(ctx, sub, token): Promise<Account | undefined> {
      const account = await accountFor(ctx, sub);
      if (token && 'clientId' in token && token.clientId && !maySignInTo(account, token.clientId)) return undefined;
      return {
        accountId: sub,
        async claims() {
          if (!account) return { sub };
          return {
            sub,
            account: account.accountName,
            name: account.name,
            institution_code: account.institutionCode,
            institution_name: account.institutionName,
            role: account.role,
            subsystems: account.subsystems,
          };
        },
      };
    },
    /**
     * Subsystems are the portal's own: an approved account gets its grant without a consent
     * screen. An account without APPROVED access gets no grant, so the provider asks the portal
     * page, which explains how to request access; with prompt=none it is access_denied at once.
     */
    async loadExistingGrant(ctx) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const account = await accountFor(ctx, session.accountId);
      if (!maySignInTo(account, client.clientId)) {
        if (ctx.oidc.prompts.has('none')) throw new errors.AccessDenied('subsystem access not approved for this account');
        return undefined;
      }
      const grantId = session.grantIdFor(client.clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(client.grantTypeAllowed('refresh_token') ? 'openid portal offline_access' : 'openid portal');
      await grant.save();
      return grant;
    },
  });
  // Without a signed-in account the provider would answer /session/end with a self-submitting
  // form (an inline script the CSP refuses): the same portal page confirms that logout too.
  provider.use(async (ctx, next) => {
    await next();
    const session = (ctx as Partial<KoaContextWithOIDC>).oidc?.session;
    if (ctx.path === '/session/end' && ctx.status === 200 && session && !session.accountId && session.state?.secret) {
      redirectTo(ctx, `${publicOrigin}${SSO_PAGES.logout}?${new URLSearchParams({ xsrf: String(session.state.secret) })}`);
    }
  });
  return provider;
}
