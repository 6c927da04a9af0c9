import { signingKeyRotatedMessage, signingKeyStateLabels, type RotateSigningKeyRequest, type RotateSigningKeyResult, type SigningKeyList } from '@portal/shared';
import type { Prisma, PrismaClient } from '@portal/db';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';

type SigningAlg = RotateSigningKeyRequest['alg'];

/** The provider's rotation (app.oidc.rotateSigningKey): one step, `alsoInTransaction` inside it, then a reload. */
export type RotateSigningKey = (
  alg: SigningAlg,
  alsoInTransaction: (tx: Prisma.TransactionClient, rotated: { activeKid: string }) => Promise<unknown>,
) => Promise<{ activeKid: string }>;

/** 單一入口簽章金鑰: the keys the provider publishes (never their private part), by state then age. */
export async function listSigningKeys(prisma: PrismaClient): Promise<SigningKeyList> {
  const rows = await prisma.oidcSigningKey.findMany({
    select: { kid: true, alg: true, state: true, createdAt: true, activatedAt: true, retiredAt: true },
    orderBy: [{ alg: 'desc' }, { createdAt: 'desc' }],
  });
  const rank = { ACTIVE: 0, NEXT: 1, RETIRED: 2 } as const;
  // RS256 (the default) first; within an algorithm the signing key, then the next, then the retired.
  rows.sort((a, b) => b.alg.localeCompare(a.alg) || rank[a.state] - rank[b.state]);
  return {
    items: rows.map((row) => ({
      kid: row.kid,
      alg: row.alg as SigningAlg,
      state: row.state,
      stateLabel: signingKeyStateLabels[row.state],
      createdAt: row.createdAt.toISOString(),
      activatedAt: row.activatedAt?.toISOString() ?? null,
      retiredAt: row.retiredAt?.toISOString() ?? null,
    })),
  };
}

/** 系統人員's 輪替: one step for `alg`, audited in the same transaction; every instance picks it up. */
export async function rotateSigningKeyAsStaff(rotate: RotateSigningKey, actorId: string, alg: SigningAlg, origin: RequestOrigin): Promise<RotateSigningKeyResult> {
  const { activeKid } = await rotate(alg, (tx, rotated) =>
    recordAudit(tx, { actorId, action: 'sso.signing-key.rotated', entityType: 'oidc_signing_key', entityId: rotated.activeKid, after: { alg } }, origin),
  );
  return { message: signingKeyRotatedMessage(alg, activeKid), activeKid };
}
