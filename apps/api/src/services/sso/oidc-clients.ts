/**
 * 系統人員 register each subsystem as a client of the portal's OpenID provider (子系統管理).
 * client_id is the subsystem's code. A client secret is random, returned once, stored only
 * sealed (the provider compares it in clear, so a hash would not do); a private_key_jwt client
 * keeps only its public keys. Every change is audited; disabling a client ends its users'
 * sign-ins there.
 */
import { randomBytes } from 'node:crypto';
import { Prisma, type PrismaClient } from '@portal/db';
import {
  OIDC_CLIENT_MESSAGES,
  type CreateOidcClientRequest,
  type OidcClient,
  type OidcClientList,
  type OidcClientWithSecret,
  type PublicJwks,
  type UpdateOidcClientRequest,
} from '@portal/shared';
import { HttpError, notFound } from '../../errors/http-error.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import { endSsoSignIns } from './sign-in-revocation.js';

export interface OidcClientDeps {
  prisma: PrismaClient;
  /** Seals a client secret (the provider's secret box). */
  seal(plain: string): Uint8Array<ArrayBuffer>;
}

const clientNotFound = () => new HttpError(404, 'OIDC_CLIENT_NOT_FOUND', OIDC_CLIENT_MESSAGES.notFound);

const include = { subsystem: { select: { id: true, code: true, name: true } } } as const;
type ClientRow = Prisma.OidcClientGetPayload<{ include: typeof include }>;

function toClient(row: ClientRow): OidcClient {
  return {
    clientId: row.clientId,
    subsystem: row.subsystem,
    redirectUris: row.redirectUris,
    postLogoutRedirectUris: row.postLogoutRedirectUris,
    backchannelLogoutUri: row.backchannelLogoutUri,
    tokenEndpointAuthMethod: row.tokenEndpointAuthMethod as OidcClient['tokenEndpointAuthMethod'],
    jwks: (row.jwks as PublicJwks | null) ?? null,
    idTokenSignedResponseAlg: row.idTokenSignedResponseAlg as OidcClient['idTokenSignedResponseAlg'],
    allowRefreshToken: row.allowRefreshToken,
    clientCredentialsScopes: row.clientCredentialsScopes as OidcClient['clientCredentialsScopes'],
    active: row.active,
    secretRotatedAt: row.secretRotatedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a client: its settings, never a secret. */
function auditView(client: OidcClient) {
  const { subsystem: _subsystem, createdAt: _createdAt, updatedAt: _updatedAt, ...settings } = client;
  return settings as unknown as Prisma.InputJsonValue;
}

/** 256 random bits, base64url: what the subsystem's operator copies once. */
const newSecret = () => randomBytes(32).toString('base64url');

export async function listOidcClients(prisma: PrismaClient): Promise<OidcClientList> {
  const subsystems = await prisma.subsystem.findMany({
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: { id: true, code: true, name: true, oidcClient: { include } },
  });
  return { items: subsystems.map(({ oidcClient, ...subsystem }) => ({ subsystem, client: oidcClient ? toClient(oidcClient) : null })) };
}

export async function getOidcClient(prisma: PrismaClient, subsystemId: string): Promise<OidcClient> {
  const row = await prisma.oidcClient.findUnique({ where: { subsystemId }, include });
  if (!row) throw clientNotFound();
  return toClient(row);
}

/** Locks the client row of a subsystem for a change (two staff editing at once apply one after the other). */
async function lockClient(tx: Prisma.TransactionClient, subsystemId: string): Promise<ClientRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM oidc_clients WHERE subsystem_id = ${subsystemId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw clientNotFound();
  return tx.oidcClient.findUniqueOrThrow({ where: { subsystemId }, include });
}

export async function createOidcClient(
  deps: OidcClientDeps,
  actorId: string,
  subsystemId: string,
  body: CreateOidcClientRequest & { tokenEndpointAuthMethod: OidcClient['tokenEndpointAuthMethod'] },
  origin: RequestOrigin,
): Promise<OidcClientWithSecret> {
  return deps.prisma.$transaction(async (tx) => {
    const subsystem = await tx.subsystem.findUnique({ where: { id: subsystemId }, select: { code: true } });
    if (!subsystem) throw notFound();
    if (await tx.oidcClient.findUnique({ where: { subsystemId }, select: { id: true } })) {
      throw new HttpError(409, 'OIDC_CLIENT_EXISTS', OIDC_CLIENT_MESSAGES.exists);
    }
    const secret = body.tokenEndpointAuthMethod === 'client_secret_basic' ? newSecret() : null;
    const row = await tx.oidcClient.create({
      data: {
        subsystemId,
        clientId: subsystem.code,
        redirectUris: body.redirectUris,
        postLogoutRedirectUris: body.postLogoutRedirectUris ?? [],
        backchannelLogoutUri: body.backchannelLogoutUri ?? null,
        tokenEndpointAuthMethod: body.tokenEndpointAuthMethod,
        jwks: (body.jwks ?? undefined) as Prisma.InputJsonValue | undefined,
        idTokenSignedResponseAlg: body.idTokenSignedResponseAlg ?? 'RS256',
        allowRefreshToken: body.allowRefreshToken ?? true,
        clientCredentialsScopes: body.clientCredentialsScopes ?? [],
        secretCipher: secret ? deps.seal(secret) : null,
        secretRotatedAt: secret ? new Date() : null,
      },
      include,
    });
    const client = toClient(row);
    await recordAudit(tx, { actorId, action: 'oidc_client.created', entityType: 'oidc_client', entityId: client.clientId, after: auditView(client) }, origin);
    return { client, clientSecret: secret };
  });
}

export async function updateOidcClient(
  deps: OidcClientDeps,
  actorId: string,
  subsystemId: string,
  body: UpdateOidcClientRequest,
  origin: RequestOrigin,
): Promise<OidcClient> {
  return deps.prisma.$transaction(async (tx) => {
    const before = toClient(await lockClient(tx, subsystemId));
    const method = body.tokenEndpointAuthMethod ?? before.tokenEndpointAuthMethod;
    const jwks = body.jwks !== undefined ? body.jwks : before.jwks;
    if (method === 'private_key_jwt' && !jwks) throw new HttpError(400, 'VALIDATION_FAILED', OIDC_CLIENT_MESSAGES.jwksRequired, { jwks: [OIDC_CLIENT_MESSAGES.jwksRequired] });
    const row = await tx.oidcClient.update({
      where: { subsystemId },
      data: {
        ...(body.redirectUris && { redirectUris: body.redirectUris }),
        ...(body.postLogoutRedirectUris && { postLogoutRedirectUris: body.postLogoutRedirectUris }),
        ...(body.backchannelLogoutUri !== undefined && { backchannelLogoutUri: body.backchannelLogoutUri }),
        ...(body.idTokenSignedResponseAlg && { idTokenSignedResponseAlg: body.idTokenSignedResponseAlg }),
        ...(body.allowRefreshToken !== undefined && { allowRefreshToken: body.allowRefreshToken }),
        ...(body.clientCredentialsScopes && { clientCredentialsScopes: body.clientCredentialsScopes }),
        tokenEndpointAuthMethod: method,
        // A key client keeps no secret; a secret client keeps no keys (its secret comes by rotation).
        jwks: method === 'private_key_jwt' ? (jwks as Prisma.InputJsonValue) : Prisma.DbNull,
        ...(method === 'private_key_jwt' && { secretCipher: null, secretRotatedAt: null }),
      },
      include,
    });
    const client = toClient(row);
    await recordAudit(tx, { actorId, action: 'oidc_client.updated', entityType: 'oidc_client', entityId: client.clientId, before: auditView(before), after: auditView(client) }, origin);
    return client;
  });
}

export async function rotateOidcClientSecret(deps: OidcClientDeps, actorId: string, subsystemId: string, origin: RequestOrigin): Promise<OidcClientWithSecret> {
  return deps.prisma.$transaction(async (tx) => {
    const before = await lockClient(tx, subsystemId);
    if (before.tokenEndpointAuthMethod !== 'client_secret_basic') throw new HttpError(409, 'OIDC_CLIENT_NO_SECRET', OIDC_CLIENT_MESSAGES.noSecretForKeyAuth);
    const secret = newSecret();
    const row = await tx.oidcClient.update({ where: { subsystemId }, data: { secretCipher: deps.seal(secret), secretRotatedAt: new Date() }, include });
    await recordAudit(tx, { actorId, action: 'oidc_client.secret_rotated', entityType: 'oidc_client', entityId: row.clientId }, origin);
    return { client: toClient(row), clientSecret: secret };
  });
}

/** 停用 / 啟用: a disabled client is refused by the provider at once; its users' sign-ins there end. */
export async function setOidcClientActive(
  prisma: PrismaClient,
  actorId: string,
  subsystemId: string,
  active: boolean,
  origin: RequestOrigin,
): Promise<OidcClient> {
  return prisma.$transaction(async (tx) => {
    const before = await lockClient(tx, subsystemId);
    const row = await tx.oidcClient.update({ where: { subsystemId }, data: { active }, include });
    if (before.active && !active) {
      const accounts = await tx.oidcPayload.findMany({ where: { kind: 'Grant', clientId: row.clientId }, select: { accountId: true }, distinct: ['accountId'] });
      for (const { accountId } of accounts) {
        if (accountId) await endSsoSignIns(tx, accountId, 'client-disabled', { clientId: row.clientId });
      }
    }
    if (before.active !== active) {
      await recordAudit(tx, { actorId, action: active ? 'oidc_client.enabled' : 'oidc_client.disabled', entityType: 'oidc_client', entityId: row.clientId }, origin);
    }
    return toClient(row);
  });
}
