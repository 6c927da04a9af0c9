/**
 * 醫事機構卡驗證 of a pending 單位業務管理者 application, end to end through the API: real
 * signatures by tools/card-sim's test cards over the challenge the API issued.
 */
import type { TestPki } from '@portal/card-sim';
import { buildCardAuthTbs, type CardChallenge } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_REFUSALS } from '../../src/services/card-verification/index.js';
import { createAccount } from '../helpers/accounts.js';
import { login } from '../helpers/auth.js';
import type { TestContext } from '../helpers/test-app.js';
import { createCardTestApp, mailsTo, signChallenge } from '../manager-requests/manager-test-kit.js';

let ctx: TestContext;
let pki: TestPki;
let close: () => Promise<void>;
let serial = 0;

beforeAll(async () => {
  ({ ctx, pki, close } = await createCardTestApp());
});
afterAll(() => close());

/** A fresh pending manager application at `institutionCode`. */
async function pendingApplicant(institutionCode = '9900000001') {
  serial += 1;
  const accountName = `pending${serial}`;
  const { account } = await createAccount(ctx, { accountName, institutionCode });
  return { account, accountName };
}

async function challengeFor(accountName: string, password = 'Portal*Demo=2026') {
  return ctx.app.inject({ method: 'POST', url: '/api/card-verification/challenges', payload: { accountName, password } });
}

const verify = (payload: object) => ctx.app.inject({ method: 'POST', url: '/api/card-verification/verifications', payload });

async function refusalOf(cardId: string, options: { institutionCode?: string; alter?: (body: Awaited<ReturnType<typeof signChallenge>>) => object } = {}) {
  const { accountName, account } = await pendingApplicant(options.institutionCode);
  const challenge = (await challengeFor(accountName)).json() as CardChallenge;
  const body = await signChallenge(pki, cardId, challenge);
  const response = await verify(options.alter ? options.alter(body) : body);
  const after = await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: account.id }, select: { status: true } });
  expect(after.status).toBe('PENDING_VERIFICATION');
  return response;
}

const expectRefusal = (response: { statusCode: number; json(): unknown }, code: keyof typeof CARD_REFUSALS) => {
  expect(response.statusCode).toBe(CARD_REFUSALS[code].status);
  expect(response.json()).toEqual({ code, message: CARD_REFUSALS[code].message });
};

describe('POST /api/card-verification/challenges', () => {
  it('issues a 256-bit single-use nonce and the exact text to sign, bound to the applicant', async () => {
    const { accountName, account } = await pendingApplicant();
    const response = await challengeFor(accountName);
    expect(response.statusCode).toBe(201);
    const challenge = response.json() as CardChallenge;
    expect(Buffer.from(challenge.nonce, 'base64url')).toHaveLength(32);
    expect(challenge.institutionCode).toBe('9900000001');
    expect(challenge.toBeSigned).toBe(buildCardAuthTbs({ origin: 'http://localhost:3000', institutionCode: '9900000001', nonce: challenge.nonce }));
    const expiresIn = Date.parse(challenge.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(290_000);
    expect(expiresIn).toBeLessThanOrEqual(300_000);
    const row = await ctx.db.prisma.cardChallenge.findUniqueOrThrow({ where: { id: challenge.challengeId } });
    expect([row.accountId, row.managerRequestId, row.usedAt]).toEqual([account.id, null, null]);
    expect(row.nonceHash).not.toContain(challenge.nonce);
  });

  it('answers a wrong password, an unknown name and an active account alike (401)', async () => {
    const { accountName } = await pendingApplicant();
    const body = { code: 'PENDING_APPLICATION_NOT_FOUND', message: '帳號或密碼錯誤，或此帳號不是待驗證的單位業務管理者申請。' };
    for (const [name, password] of [[accountName, 'Wrong*Pass=1'], ['nosuchaccount', 'Portal*Demo=2026'], ['demomanager', 'Portal*Demo=2026']] as const) {
      const response = await challengeFor(name, password);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual(body);
    }
  });
});

describe('POST /api/card-verification/verifications', () => {
  it('activates the account at once (成功！), audits it and mails account-activated', async () => {
    const { accountName, account } = await pendingApplicant('9900000002');
    const challenge = (await challengeFor(accountName)).json() as CardChallenge;
    const response = await verify(await signChallenge(pki, '9900000002', challenge));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ result: 'ACTIVATED', message: '成功！', request: null });
    const after = await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    expect([after.status, after.verificationMethod, after.activatedAt !== null]).toEqual(['ACTIVE', 'CARD', true]);
    const event = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: account.id, action: 'account.activated' } });
    expect(event.after).toMatchObject({ method: 'CARD', card: { institutionCode: '9900000002' } });
    expect((await mailsTo(ctx, after.email)).map((mail) => mail.template)).toEqual(['account-activated']);
    // …and can now log in.
    await login(ctx.app, accountName);
  });

  it('accepts an ECDSA card as well', async () => {
    const { accountName } = await pendingApplicant('9900000002');
    const challenge = (await challengeFor(accountName)).json() as CardChallenge;
    expect((await verify(await signChallenge(pki, 'ec-9900000002', challenge))).statusCode).toBe(200);
  });

  it('closes an open A request (paper chosen earlier) as approved by card', async () => {
    const { accountName, account } = await pendingApplicant();
    const form = await ctx.app.inject({ method: 'POST', url: '/api/applications/paper-form', payload: { accountName, password: 'Portal*Demo=2026' } });
    expect(form.statusCode).toBe(200);
    const challenge = (await challengeFor(accountName)).json() as CardChallenge;
    expect((await verify(await signChallenge(pki, '9900000001', challenge))).statusCode).toBe(200);
    const request = await ctx.db.prisma.managerRequest.findFirstOrThrow({ where: { accountId: account.id } });
    expect([request.kind, request.status, request.verificationMethod, request.openAccountId]).toEqual(['A', 'APPROVED', 'CARD', null]);
  });

  it('refuses a card of another institution', async () => {
    expectRefusal(await refusalOf('9900000001', { institutionCode: '9900000002' }), 'CARD_INSTITUTION_MISMATCH');
  });
  it('refuses an expired card', async () => expectRefusal(await refusalOf('expired'), 'CARD_CERT_EXPIRED'));
  it('refuses a card of an untrusted CA', async () => expectRefusal(await refusalOf('untrusted'), 'CARD_CHAIN_UNTRUSTED'));
  it('refuses a revoked card (on the CRL)', async () => expectRefusal(await refusalOf('revoked'), 'CARD_REVOKED'));
  it('refuses a card that is not an institution card', async () => expectRefusal(await refusalOf('non-institution'), 'CARD_NOT_INSTITUTION_CARD'));
  it('refuses a certificate that may not sign', async () => expectRefusal(await refusalOf('no-signing-usage'), 'CARD_KEY_USAGE'));
  it('refuses an altered signature', async () => {
    const response = await refusalOf('9900000001', {
      alter: (body) => {
        const bytes = Buffer.from(body.signature, 'base64');
        bytes[10] = bytes[10]! ^ 0xff;
        return { ...body, signature: bytes.toString('base64') };
      },
    });
    expectRefusal(response, 'CARD_SIGNATURE_INVALID');
  });
  it('refuses a signature over another text (another origin: a phishing copy)', async () => {
    const { accountName } = await pendingApplicant();
    const challenge = (await challengeFor(accountName)).json() as CardChallenge;
    const phishing = buildCardAuthTbs({ origin: 'https://portal.example', institutionCode: '9900000001', nonce: challenge.nonce });
    expectRefusal(await verify(await signChallenge(pki, '9900000001', challenge, phishing)), 'CARD_SIGNATURE_INVALID');
  });

  it('refuses a replayed nonce: used once (even by a failed attempt), refused forever', async () => {
    const { accountName } = await pendingApplicant();
    const challenge = (await challengeFor(accountName)).json() as CardChallenge;
    expectRefusal(await verify(await signChallenge(pki, 'expired', challenge)), 'CARD_CERT_EXPIRED');
    expectRefusal(await verify(await signChallenge(pki, '9900000001', challenge)), 'CARD_CHALLENGE_USED');
  });

  it('refuses an expired nonce', async () => {
    const { accountName } = await pendingApplicant();
    const challenge = (await challengeFor(accountName)).json() as CardChallenge;
    await ctx.db.prisma.cardChallenge.update({ where: { id: challenge.challengeId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectRefusal(await verify(await signChallenge(pki, '9900000001', challenge)), 'CARD_CHALLENGE_EXPIRED');
  });

  it('refuses an unknown challenge, or the right id with another nonce', async () => {
    const { accountName } = await pendingApplicant();
    const challenge = (await challengeFor(accountName)).json() as CardChallenge;
    const body = await signChallenge(pki, '9900000001', challenge);
    const refusalsAudited = () => ctx.db.prisma.auditEvent.count({ where: { action: 'card-verification.refused' } });
    const before = await refusalsAudited();
    expectRefusal(await verify({ ...body, challengeId: '00000000-0000-4000-8000-000000000000' }), 'CARD_CHALLENGE_UNKNOWN');
    // An id naming no challenge concerns nobody's request: refused, and the audit trail unchanged.
    expect(await refusalsAudited()).toBe(before);
    expectRefusal(await verify({ ...body, nonce: 'A'.repeat(43) }), 'CARD_CHALLENGE_UNKNOWN');
    // A wrong nonce for a real challenge is a guess at someone's request: audited.
    expect(await refusalsAudited()).toBe(before + 1);
    // The genuine answer still works: a guess does not burn the nonce.
    expect((await verify(body)).statusCode).toBe(200);
  });

  it('audits each refusal with its precise detail', async () => {
    const events = await ctx.db.prisma.auditEvent.findMany({ where: { action: 'card-verification.refused' } });
    const codes = new Set(events.map((event) => (event.after as { code: string }).code));
    for (const code of ['CARD_CERT_EXPIRED', 'CARD_REVOKED', 'CARD_CHAIN_UNTRUSTED', 'CARD_CHALLENGE_USED']) expect(codes).toContain(code);
  });
});
