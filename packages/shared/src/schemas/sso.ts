/**
 * 單一入口 as the subsystems' OpenID Connect provider: the bodies of the login continuation
 * (/api/sso/interactions/:uid/*) and of 系統人員's client registration
 * (/api/staff/oidc-clients, /api/staff/subsystems/:id/oidc-client*).
 */
import { z } from 'zod';
import { text } from './text.js';
import { SCREENING_SCOPES } from '../screening/schemas.js';

export const SSO_MESSAGES = {
  interactionNotFound: '登入流程已逾時或不存在，請回到子系統重新登入。',
  notApproved: '您的帳號尚未取得此子系統的使用權限。請至「我的服務」申請，經子系統管理者核准後即可進入。',
  accountNotActive: '您的帳號目前非啟用狀態，無法進入子系統。',
  clientDisabled: '此子系統目前暫停以單一入口登入。',
  logoutInvalid: '登出請求已失效，請回到子系統重新操作。',
  sessionNotFound: '您目前沒有登入此子系統。',
  allSessionsEnded: '已登出全部子系統，各子系統已收到登出通知。',
  noSessions: '您目前沒有登入中的子系統。',
} as const;

/** The result message of 登出 of one subsystem (我的服務 → 子系統登入狀態). */
export const ssoSessionEndedMessage = (subsystemName: string) => `已登出「${subsystemName}」，該子系統已收到登出通知。`;

export const OIDC_CLIENT_MESSAGES = {
  notFound: '此子系統尚未設定單一入口用戶端。',
  exists: '此子系統已設定單一入口用戶端。',
  redirectUrisRequired: '請至少輸入一個登入後導回網址',
  tooManyUris: '網址最多 10 個。',
  uriInvalid: '網址須為 https://（本機測試可用 http://localhost 或 http://127.0.0.1），且不得含 # 片段。',
  uriDuplicate: '網址不可重複。',
  jwksRequired: '使用 private_key_jwt 時請提供子系統的公開金鑰（JWKS）。',
  jwksInvalid: 'JWKS 格式不正確：須為含公開金鑰（不含私鑰）的 {"keys": [...]}。',
  jwksOnlyForKeyAuth: '僅 private_key_jwt 需要公開金鑰。',
  noSecretForKeyAuth: '使用 private_key_jwt 的用戶端沒有密鑰可更換。',
  created: '已建立單一入口用戶端，請立即複製用戶端密鑰，離開本頁後將無法再次查看。',
  secretRotated: '已更換用戶端密鑰，舊密鑰已失效。請立即複製新密鑰。',
  updated: '已更新單一入口用戶端設定。',
  disabled: '已停用此子系統的單一入口登入，其登入工作階段已結束。',
  enabled: '已重新啟用此子系統的單一入口登入。',
} as const;

// ---------------------------------------------------------------------------------------------
// Interaction (the SPA page /sso/continue/:uid)

export const SsoInteractionParamsSchema = z.object({
  uid: text().regex(/^[A-Za-z0-9_-]{10,64}$/, SSO_MESSAGES.interactionNotFound),
});
export type SsoInteractionParams = z.infer<typeof SsoInteractionParamsSchema>;

/** What the page shows: LOGIN_REQUIRED → the portal login first; NOT_APPROVED → how to request access. */
export const SsoDecisionSchema = z.enum(['CONTINUE', 'LOGIN_REQUIRED', 'NOT_APPROVED']);
export type SsoDecision = z.infer<typeof SsoDecisionSchema>;

/** GET /api/sso/interactions/:uid/details → 200; 404 SSO_INTERACTION_NOT_FOUND. */
export const SsoInteractionDetailsSchema = z.object({
  uid: text(),
  prompt: z.enum(['login', 'consent']),
  client: z.object({ clientId: text(), name: text() }),
  account: z.object({ id: text(), accountName: text(), name: text() }).nullable(),
  decision: SsoDecisionSchema,
});
export type SsoInteractionDetails = z.infer<typeof SsoInteractionDetailsSchema>;

/** POST /api/sso/interactions/:uid/continue and …/abort → 200: where the browser goes next. */
export const SsoRedirectSchema = z.object({ redirectTo: text() });
export type SsoRedirect = z.infer<typeof SsoRedirectSchema>;

export const SsoEmptyBodySchema = z.object({}).strict();

/**
 * POST /api/sso/logout → 200 SsoRedirect: the confirmation of 登出 asked by a subsystem
 * (RP-initiated logout). `xsrf` is the value the provider put in /sso/logout?xsrf=…; the answer
 * is the subsystem's registered post-logout address, or /sso/logged-out. 400 SSO_LOGOUT_INVALID.
 */
export const SsoLogoutRequestSchema = z.object({ xsrf: text().min(1, SSO_MESSAGES.logoutInvalid).max(200, SSO_MESSAGES.logoutInvalid) }).strict();
export type SsoLogoutRequest = z.infer<typeof SsoLogoutRequestSchema>;

// ---------------------------------------------------------------------------------------------
// 我的服務 → 子系統登入狀態: the user's own sign-ins at the subsystems

/** One subsystem the user is signed in to through the portal: its live grants and when the first began. */
export const MySsoSessionSchema = z.object({
  clientId: text(),
  subsystemName: text(),
  startedAt: z.iso.datetime(),
  /** Live sign-ins (browsers or devices) at that subsystem. */
  count: z.number().int().min(1),
});
export type MySsoSession = z.infer<typeof MySsoSessionSchema>;

/** GET /api/account/sso-sessions → 200. */
export const MySsoSessionListSchema = z.object({ items: z.array(MySsoSessionSchema) });
export type MySsoSessionList = z.infer<typeof MySsoSessionListSchema>;

export const MySsoSessionParamsSchema = z.object({ clientId: text().regex(/^[a-z0-9-]{1,40}$/, SSO_MESSAGES.sessionNotFound) });

/** POST /api/account/sso-sessions/logout-all and …/:clientId/logout → 200; 404 SSO_SESSION_NOT_FOUND. */
export const EndSsoSessionsResultSchema = z.object({ message: text(), ended: z.array(text()) });
export type EndSsoSessionsResult = z.infer<typeof EndSsoSessionsResultSchema>;

// ---------------------------------------------------------------------------------------------
// Client registration (系統人員, 子系統管理)

export const OIDC_AUTH_METHODS = ['client_secret_basic', 'private_key_jwt'] as const;
export const OidcAuthMethodSchema = z.enum(OIDC_AUTH_METHODS);
export type OidcAuthMethod = z.infer<typeof OidcAuthMethodSchema>;

export const ID_TOKEN_ALGS = ['RS256', 'ES256'] as const;
export const IdTokenAlgSchema = z.enum(ID_TOKEN_ALGS);

/** Scopes a subsystem may get with client credentials (machine-to-machine calls). */
export const CLIENT_CREDENTIALS_SCOPES = [SCREENING_SCOPES.ingest, SCREENING_SCOPES.eligibility] as const;
export const ClientCredentialsScopeSchema = z.enum(CLIENT_CREDENTIALS_SCOPES);

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https://, or http:// on a loopback host (a subsystem under test on the same machine); never a fragment. */
export function isAllowedClientUri(value: string): boolean {
  const url = URL.parse(value);
  if (!url || url.hash || value.includes('#') || url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

const ClientUriSchema = text().trim().max(300, OIDC_CLIENT_MESSAGES.uriInvalid).refine(isAllowedClientUri, OIDC_CLIENT_MESSAGES.uriInvalid);

const uriList = (min: number) =>
  z
    .array(ClientUriSchema)
    .min(min, OIDC_CLIENT_MESSAGES.redirectUrisRequired)
    .max(10, OIDC_CLIENT_MESSAGES.tooManyUris)
    .refine((uris) => new Set(uris).size === uris.length, OIDC_CLIENT_MESSAGES.uriDuplicate);

const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

/** A JWK member's value: printable ASCII only (base64url numbers, names, x5c), never control characters. */
const JwkValueSchema = z.union([text().regex(/^[\x20-\x7E]{0,8192}$/), z.array(text().regex(/^[\x20-\x7E]{0,8192}$/)).max(10)]);

/** A subsystem's public keys for private_key_jwt: RSA or EC, never a private or symmetric member. */
export const PublicJwksSchema = z
  .object(
    {
      keys: z
        .array(z.object({ kty: z.enum(['RSA', 'EC']) }).catchall(JwkValueSchema), { error: OIDC_CLIENT_MESSAGES.jwksInvalid })
        .min(1, OIDC_CLIENT_MESSAGES.jwksInvalid)
        .max(5, OIDC_CLIENT_MESSAGES.jwksInvalid),
    },
    { error: OIDC_CLIENT_MESSAGES.jwksInvalid },
  )
  .refine(
    (jwks) => jwks.keys.every((key) => Object.keys(key).length <= 20 && Object.keys(key).every((member) => /^[A-Za-z0-9_]{1,32}$/.test(member)) && PRIVATE_JWK_MEMBERS.every((member) => !(member in key))),
    OIDC_CLIENT_MESSAGES.jwksInvalid,
  );
export type PublicJwks = z.infer<typeof PublicJwksSchema>;

const clientFields = {
  redirectUris: uriList(1),
  postLogoutRedirectUris: uriList(0),
  backchannelLogoutUri: ClientUriSchema.nullable(),
  tokenEndpointAuthMethod: OidcAuthMethodSchema,
  jwks: PublicJwksSchema.nullable(),
  idTokenSignedResponseAlg: IdTokenAlgSchema,
  allowRefreshToken: z.boolean(),
  clientCredentialsScopes: z.array(ClientCredentialsScopeSchema).max(CLIENT_CREDENTIALS_SCOPES.length),
};

/** jwks goes with private_key_jwt and only with it. */
function checkJwksForMethod(
  value: { tokenEndpointAuthMethod?: OidcAuthMethod | undefined; jwks?: PublicJwks | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.tokenEndpointAuthMethod === 'private_key_jwt' && !value.jwks) {
    ctx.addIssue({ code: 'custom', path: ['jwks'], message: OIDC_CLIENT_MESSAGES.jwksRequired });
  }
  if (value.tokenEndpointAuthMethod === 'client_secret_basic' && value.jwks) {
    ctx.addIssue({ code: 'custom', path: ['jwks'], message: OIDC_CLIENT_MESSAGES.jwksOnlyForKeyAuth });
  }
}

/** POST /api/staff/subsystems/:id/oidc-client → 201 OidcClientWithSecret; 409 OIDC_CLIENT_EXISTS. */
export const CreateOidcClientRequestSchema = z
  .object({
    redirectUris: clientFields.redirectUris,
    postLogoutRedirectUris: clientFields.postLogoutRedirectUris.default([]),
    backchannelLogoutUri: clientFields.backchannelLogoutUri.default(null),
    tokenEndpointAuthMethod: clientFields.tokenEndpointAuthMethod.default('client_secret_basic'),
    jwks: clientFields.jwks.default(null),
    idTokenSignedResponseAlg: clientFields.idTokenSignedResponseAlg.default('RS256'),
    allowRefreshToken: clientFields.allowRefreshToken.default(true),
    clientCredentialsScopes: clientFields.clientCredentialsScopes.default([]),
  })
  .strict()
  .superRefine(checkJwksForMethod);
export type CreateOidcClientRequest = z.input<typeof CreateOidcClientRequestSchema>;

/**
 * PATCH /api/staff/subsystems/:id/oidc-client → 200 OidcClient. Absent fields stay. Changing
 * the method to private_key_jwt needs jwks in the same body; changing it to
 * client_secret_basic needs a secret: rotate it afterwards (until then the client cannot log in).
 */
export const UpdateOidcClientRequestSchema = z
  .object({
    redirectUris: clientFields.redirectUris.optional(),
    postLogoutRedirectUris: clientFields.postLogoutRedirectUris.optional(),
    backchannelLogoutUri: clientFields.backchannelLogoutUri.optional(),
    tokenEndpointAuthMethod: clientFields.tokenEndpointAuthMethod.optional(),
    jwks: clientFields.jwks.optional(),
    idTokenSignedResponseAlg: clientFields.idTokenSignedResponseAlg.optional(),
    allowRefreshToken: clientFields.allowRefreshToken.optional(),
    clientCredentialsScopes: clientFields.clientCredentialsScopes.optional(),
  })
  .strict()
  .superRefine(checkJwksForMethod);
export type UpdateOidcClientRequest = z.input<typeof UpdateOidcClientRequestSchema>;

export const OidcClientSchema = z.object({
  clientId: text(),
  subsystem: z.object({ id: text(), code: text(), name: text() }),
  redirectUris: z.array(text()),
  postLogoutRedirectUris: z.array(text()),
  backchannelLogoutUri: text().nullable(),
  tokenEndpointAuthMethod: OidcAuthMethodSchema,
  jwks: PublicJwksSchema.nullable(),
  idTokenSignedResponseAlg: IdTokenAlgSchema,
  allowRefreshToken: z.boolean(),
  clientCredentialsScopes: z.array(ClientCredentialsScopeSchema),
  active: z.boolean(),
  /** When the current secret was issued (null for private_key_jwt). */
  secretRotatedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type OidcClient = z.infer<typeof OidcClientSchema>;

/** The answer that carries a new secret: shown once, never stored in clear. */
export const OidcClientWithSecretSchema = z.object({ client: OidcClientSchema, clientSecret: text().nullable() });
export type OidcClientWithSecret = z.infer<typeof OidcClientWithSecretSchema>;

/** GET /api/staff/oidc-clients: every subsystem, with its client or null. */
export const OidcClientListSchema = z.object({
  items: z.array(
    z.object({
      subsystem: z.object({ id: text(), code: text(), name: text() }),
      client: OidcClientSchema.nullable(),
    }),
  ),
});
export type OidcClientList = z.infer<typeof OidcClientListSchema>;

// ---------------------------------------------------------------------------------------------
// Signing keys (系統人員, 子系統管理 → 單一入口簽章金鑰)

export const SIGNING_KEY_STATES = ['NEXT', 'ACTIVE', 'RETIRED'] as const;
export const signingKeyStateLabels: Record<(typeof SIGNING_KEY_STATES)[number], string> = {
  NEXT: '預備（已公開，下次輪替啟用）',
  ACTIVE: '使用中',
  RETIRED: '已退役（公開至已簽發的權杖到期）',
};

export const SigningKeySchema = z.object({
  kid: text(),
  alg: IdTokenAlgSchema,
  state: z.enum(SIGNING_KEY_STATES),
  stateLabel: text(),
  createdAt: z.iso.datetime(),
  activatedAt: z.iso.datetime().nullable(),
  retiredAt: z.iso.datetime().nullable(),
});
export type SigningKey = z.infer<typeof SigningKeySchema>;

/** GET /api/staff/oidc-signing-keys → 200: every published key (the JWKS), newest first per state. */
export const SigningKeyListSchema = z.object({ items: z.array(SigningKeySchema) });
export type SigningKeyList = z.infer<typeof SigningKeyListSchema>;

/** POST /api/staff/oidc-signing-keys/rotate → 200 RotateSigningKeyResult. */
export const RotateSigningKeyRequestSchema = z.object({ alg: IdTokenAlgSchema }).strict();
export type RotateSigningKeyRequest = z.infer<typeof RotateSigningKeyRequestSchema>;
export const RotateSigningKeyResultSchema = z.object({ message: text(), activeKid: text() });
export type RotateSigningKeyResult = z.infer<typeof RotateSigningKeyResultSchema>;

export const signingKeyRotatedMessage = (alg: string, kid: string) =>
  `已輪替 ${alg} 簽章金鑰：新金鑰 ${kid} 開始簽章，舊金鑰保留公開至已簽發的權杖到期。`;
