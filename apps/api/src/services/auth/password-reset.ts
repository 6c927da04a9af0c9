import {
  accountNameKey,
  AUTH_MESSAGES,
  collectPasswordUserInputs,
  type ForgotPasswordRequest,
  type PasswordVerdict,
  type RateResetPasswordRequest,
  type ResetPasswordRequest,
} from '@portal/shared';
import { evaluatePassword } from '../../lib/password-strength.js';
import { hashPassword, verifyPassword, type NationalIdCrypto, type Prisma, type PrismaClient } from '@portal/db';
import { HttpError, TooManyAttemptsError } from '../../errors/http-error.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import type { FailureCounter } from './failure-counter.js';
import { loginFailureKey } from './login.js';
import { enqueueTemplate, type WithMail } from '../mail/outbox.js';
import { passwordResetLink } from '../mail/templates.js';
import { newMailedToken, revokeAllSessions, sha256Hex } from './sessions.js';

export const PASSWORD_RESET_TTL_MINUTES = 30;
/**
 * Reset mails asked for one account name (a mailbox must not be flooded), counted twice: per
 * name and client address, a few an hour; per name from anywhere, more but in a short window.
 * So requests sent from elsewhere can hold the owner's reset mail back for 15 minutes at most,
 * and only by spending the per-address budget of several addresses; from the owner's own
 * address the owner's requests still count alone.
 */
export const FORGOT_PASSWORD_LIMITS = {
  perAddress: { limit: 5, windowMs: 60 * 60 * 1000 },
  perAccount: { limit: 20, windowMs: 15 * 60 * 1000 },
} as const;

export interface PasswordResetDeps {
  prisma: PrismaClient;
  crypto: NationalIdCrypto;
  failures: FailureCounter;
  publicOrigin: string;
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * 忘記密碼, the part done before the answer: the per-name counts (whether or not the name exists,
 * so the throttle reveals nothing either), reserved before anything else. Nothing here reads the
 * account: the answer is the same 202, in the same time, for every name; `requestPasswordReset`
 * runs after it.
 */
export async function countPasswordResetRequest(failures: FailureCounter, input: ForgotPasswordRequest, ip: string): Promise<void> {
  const name = accountNameKey(input.accountName);
  const { perAddress, perAccount } = FORGOT_PASSWORD_LIMITS;
  // The address first: a request refused there does not use up the name's budget from anywhere.
  for (const [key, { limit, windowMs }] of [
    [`forgot:${name}:${ip}`, perAddress],
    [`forgot:${name}`, perAccount],
  ] as const) {
    const reservation = await failures.reserve(key, limit, windowMs);
    if (!reservation.granted) {
      const seconds = Math.max(1, Math.ceil(reservation.retryAfterMs / 1000));
      throw new TooManyAttemptsError(seconds, `重設密碼申請次數過多，請於 ${Math.ceil(seconds / 60)} 分鐘後再試。`);
    }
  }
}

/**
 * 忘記密碼, the work, run after the 202 has been sent (decision 010: the time of the answer must
 * not depend on whether name and e-mail match): one read, then one transaction with an audit row
 * and, when they match, a new link in the outbox.
 */
export async function requestPasswordReset(
  deps: Omit<PasswordResetDeps, 'failures'>,
  input: ForgotPasswordRequest,
  origin: RequestOrigin,
): Promise<WithMail<void>> {
  const { prisma, crypto } = deps;
  const key = accountNameKey(input.accountName);
  const account = await prisma.account.findUnique({
    where: { accountNameKey: key },
    select: { id: true, accountName: true, name: true, email: true, nationalIdHash: true, status: true },
  });
  const nationalIdHash = input.nationalId ? crypto.lookupHash(input.nationalId) : undefined;
  const matches =
    account !== null &&
    account.status === 'ACTIVE' &&
    (input.email === undefined || sameEmail(account.email, input.email)) &&
    (nationalIdHash === undefined || account.nationalIdHash === nationalIdHash);

  await prisma.$transaction(async (tx) => {
    if (!matches) {
      await recordAudit(
        tx,
        { actorLabel: 'anonymous', action: 'password.reset.requested', entityType: 'account', after: { accountName: input.accountName, matched: false } },
        origin,
      );
      return;
    }
    const { token, stored } = newMailedToken(PASSWORD_RESET_TTL_MINUTES);
    // Only the newest link works: asking again retires the previous ones.
    await tx.passwordResetToken.updateMany({ where: { accountId: account.id, usedAt: null }, data: { usedAt: new Date() } });
    await tx.passwordResetToken.create({ data: { accountId: account.id, ...stored } });
    await enqueueTemplate(tx, 'password-reset', account.email, {
      name: account.name,
      accountName: account.accountName,
      link: passwordResetLink(deps.publicOrigin, token),
      expiresMinutes: PASSWORD_RESET_TTL_MINUTES,
    });
    await recordAudit(
      tx,
      { actorLabel: 'anonymous', action: 'password.reset.requested', entityType: 'account', entityId: account.id, after: { accountName: account.accountName, matched: true } },
      origin,
    );
  });
  return { result: undefined, mailQueued: matches };
}

const invalidToken = () =>
  new HttpError(400, 'RESET_TOKEN_INVALID', AUTH_MESSAGES.resetTokenInvalid, { token: [AUTH_MESSAGES.resetTokenInvalid] });

/** The reset link's row while it still works (unused, unexpired, active account); else 400. */
async function usableResetToken(prisma: PrismaClient, token: string) {
  const row = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { id: true, expiresAt: true, usedAt: true, account: { select: passwordCheckSelect } },
  });
  if (!row || row.usedAt || row.expiresAt <= new Date() || row.account.status !== 'ACTIVE') throw invalidToken();
  return row;
}

/** The meter of 重設密碼: the link names the account whose inputs rate the candidate. */
export async function ratePasswordForReset(
  deps: Pick<PasswordResetDeps, 'prisma' | 'crypto'>,
  input: RateResetPasswordRequest,
): Promise<PasswordVerdict> {
  const row = await usableResetToken(deps.prisma, input.token);
  return rateNewPassword(row.account, deps.crypto, input.password);
}

type PasswordOwner = { accountName: string; name: string; email: string; nationalIdCipher: Uint8Array };

/**
 * A new password rated with the account's own user inputs (帳號, 姓名, 身分證, E-mail): what the
 * API enforces and what the meter of 重設密碼 and 變更密碼 shows (the 身分證 stays here).
 */
export function rateNewPassword(account: PasswordOwner, crypto: NationalIdCrypto, password: string): Promise<PasswordVerdict> {
  return evaluatePassword(
    password,
    collectPasswordUserInputs({
      accountName: account.accountName,
      name: account.name,
      nationalId: crypto.decrypt(account.nationalIdCipher),
      email: account.email,
    }),
  );
}

/** Policy + "not the current password"; shared by reset and change. Throws 400 with fieldErrors. */
export async function assertAcceptableNewPassword(account: PasswordOwner & { passwordHash: string }, crypto: NationalIdCrypto, password: string) {
  const verdict = await rateNewPassword(account, crypto, password);
  if (!verdict.acceptable) {
    throw new HttpError(400, 'WEAK_PASSWORD', verdict.unmet[0]?.message ?? AUTH_MESSAGES.passwordRequired, {
      password: verdict.unmet.map((rule) => rule.message),
    });
  }
  if (await verifyPassword(account.passwordHash, password)) {
    throw new HttpError(400, 'PASSWORD_UNCHANGED', AUTH_MESSAGES.passwordSameAsCurrent, {
      password: [AUTH_MESSAGES.passwordSameAsCurrent],
    });
  }
}

export const passwordCheckSelect = {
  id: true,
  accountName: true,
  name: true,
  email: true,
  passwordHash: true,
  nationalIdCipher: true,
  status: true,
} satisfies Prisma.AccountSelect;

/**
 * 重設密碼: the token is single-use; every session of the account ends, every other mailed link
 * is retired, and the failed-login lock of the account is lifted (whoever reads its mailbox is
 * its owner; a lock put on by someone else's guesses must not outlast the reset).
 */
export async function resetPassword(
  deps: Pick<PasswordResetDeps, 'prisma' | 'crypto' | 'failures'>,
  input: ResetPasswordRequest,
  origin: RequestOrigin,
): Promise<void> {
  const { prisma, crypto } = deps;
  const row = await usableResetToken(prisma, input.token);
  await assertAcceptableNewPassword(row.account, crypto, input.password);
  const passwordHash = await hashPassword(input.password);

  await prisma.$transaction(async (tx) => {
    // Conditional: of two concurrent uses of one link, only one changes the password.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count === 0) throw invalidToken();
    await tx.account.update({ where: { id: row.account.id }, data: { passwordHash } });
    await revokeAllSessions(tx, row.account.id, { reason: 'password-reset' });
    await recordAudit(
      tx,
      { actorId: row.account.id, action: 'password.reset.completed', entityType: 'account', entityId: row.account.id },
      origin,
    );
  });
  await deps.failures.reset(loginFailureKey(row.account.accountName));
}
