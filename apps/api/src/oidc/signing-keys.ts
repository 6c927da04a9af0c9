import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Prisma, PrismaClient } from '@portal/db';
import type { SecretBox } from './secret-box.js';

/**
 * The provider's signing keys, in oidc_signing_keys with the private part sealed under
 * OIDC_KEY. RS256 signs ID tokens by default (every RP supports it), ES256 for clients that ask.
 * A key goes NEXT (published, so that RPs have it cached before it signs) → ACTIVE (signs) →
 * RETIRED (published until tokens it signed have expired) → deleted.
 */
export const SIGNING_ALGS = ['RS256', 'ES256'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

/** Retired keys stay published this long: longer than any ID token lives and an RP caches a JWKS. */
export const RETIRED_KEY_KEEP_MS = 2 * 24 * 60 * 60 * 1000;

async function newKey(alg: SigningAlg, box: SecretBox) {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'RS256' && { modulusLength: 2048 }) });
  // Unique kids, as the provider requires: the algorithm, the day and randomness.
  const kid = `${alg.toLowerCase()}-${new Date().toISOString().slice(0, 10)}-${randomBytes(6).toString('hex')}`;
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateJwkCipher: box.seal(JSON.stringify(jwk)) };
}

/** At start: an ACTIVE key of each algorithm, made when there is none (a new installation). */
export async function ensureSigningKeys(prisma: PrismaClient, box: SecretBox): Promise<void> {
  for (const alg of SIGNING_ALGS) {
    const active = await prisma.oidcSigningKey.count({ where: { alg, state: 'ACTIVE' } });
    if (active === 0) await prisma.oidcSigningKey.create({ data: { ...(await newKey(alg, box)), state: 'ACTIVE', activatedAt: new Date() } });
  }
}

/**
 * The provider's JWKS: ACTIVE keys first (the provider signs with the first key of an
 * algorithm), then NEXT and RETIRED, which are only published.
 */
export async function loadSigningJwks(prisma: PrismaClient, box: SecretBox): Promise<{ keys: JWK[] }> {
  const rows = await prisma.oidcSigningKey.findMany({ orderBy: [{ activatedAt: 'desc' }, { createdAt: 'desc' }] });
  const rank = { ACTIVE: 0, NEXT: 1, RETIRED: 2 } as const;
  rows.sort((a, b) => rank[a.state] - rank[b.state]);
  return { keys: rows.map((row) => JSON.parse(box.open(row.privateJwkCipher)) as JWK) };
}

/**
 * One step of rotation for an algorithm: the ACTIVE key retires, the NEXT one (made now if
 * there is none) becomes ACTIVE, a new NEXT is made, and retired keys past RETIRED_KEY_KEEP_MS
 * are deleted. Every instance then reloads its provider (the plugin's `reload`).
 */
export async function rotateSigningKey(
  prisma: PrismaClient,
  box: SecretBox,
  alg: SigningAlg,
  now = new Date(),
  /** Runs in the rotation's transaction (the audit record of who rotated). */
  alsoInTransaction?: (tx: Prisma.TransactionClient, rotated: { activeKid: string }) => Promise<unknown>,
): Promise<{ activeKid: string }> {
  const made = [await newKey(alg, box), await newKey(alg, box)];
  return prisma.$transaction(async (tx) => {
    await tx.oidcSigningKey.deleteMany({ where: { alg, state: 'RETIRED', retiredAt: { lt: new Date(now.getTime() - RETIRED_KEY_KEEP_MS) } } });
    await tx.oidcSigningKey.updateMany({ where: { alg, state: 'ACTIVE' }, data: { state: 'RETIRED', retiredAt: now } });
    const next = await tx.oidcSigningKey.findFirst({ where: { alg, state: 'NEXT' }, orderBy: { createdAt: 'asc' } });
    const activeKid = next ? next.kid : made[0]!.kid;
    if (next) await tx.oidcSigningKey.update({ where: { kid: next.kid }, data: { state: 'ACTIVE', activatedAt: now } });
    else await tx.oidcSigningKey.create({ data: { ...made[0]!, state: 'ACTIVE', activatedAt: now } });
    await tx.oidcSigningKey.create({ data: { ...made[1]!, state: 'NEXT' } });
    await alsoInTransaction?.(tx, { activeKid });
    return { activeKid };
  });
}

/**
 * What identifies the current set of keys: every kid with its state. Another instance's rotation
 * changes it, so an instance that sees a new value reloads its provider (plugin.ts).
 */
export async function signingKeysVersion(prisma: PrismaClient): Promise<string> {
  const rows = await prisma.oidcSigningKey.findMany({ select: { kid: true, state: true }, orderBy: { kid: 'asc' } });
  return rows.map((row) => `${row.kid}:${row.state}`).join(',');
}
