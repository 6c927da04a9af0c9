import { ACCOUNT_MESSAGES, ACCOUNT_ROLE_LABELS, AUTH_MESSAGES, type Profile, type UpdateProfileResponse } from '@portal/shared';
import type { Prisma, PrismaClient } from '@portal/db';
import { fieldError } from '../../errors/http-error.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import type { FailureCounter } from '../auth/failure-counter.js';
import { verifyCurrentPassword } from '../auth/login.js';
import { newMailedToken, sha256Hex } from '../auth/sessions.js';
import { enqueueTemplate, type WithMail } from '../mail/outbox.js';
import { emailChangeLink } from '../mail/templates.js';

export const EMAIL_CHANGE_TTL_MINUTES = 24 * 60;

const profileSelect = {
  accountName: true,
  name: true,
  role: true,
  phone: true,
  mobile: true,
  email: true,
  institution: { select: { code: true, name: true } },
  emailChangeTokens: {
    where: { usedAt: null },
    orderBy: { createdAt: 'desc' },
    take: 1,
    select: { newEmail: true, expiresAt: true },
  },
} satisfies Prisma.AccountSelect;

type ProfileRow = Prisma.AccountGetPayload<{ select: typeof profileSelect }>;

function toProfile(row: ProfileRow, now = new Date()): Profile {
  const pending = row.emailChangeTokens.find((token) => token.expiresAt > now);
  return {
    accountName: row.accountName,
    name: row.name,
    role: row.role,
    roleLabel: ACCOUNT_ROLE_LABELS[row.role],
    institution: row.institution,
    phone: row.phone,
    mobile: row.mobile,
    email: row.email,
    pendingEmail: pending?.newEmail ?? null,
  };
}

export async function getProfile(prisma: PrismaClient, accountId: string): Promise<Profile> {
  const row = await prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: profileSelect });
  return toProfile(row);
}

export interface ProfileChanges {
  phone?: string | undefined;
  mobile?: string | null | undefined;
  email?: string | undefined;
  currentPassword?: string | undefined;
}

/**
 * 市話 and 手機 change at once. A different E-mail only starts a change, and only with the
 * current password (checked like a login, before anything is written): the link goes to the new
 * address, a notice to the old one, and the account keeps the old address until the link is
 * opened — so neither a typo nor a borrowed session can redirect the reset mails silently.
 */
export async function updateProfile(
  deps: { prisma: PrismaClient; publicOrigin: string; failures: FailureCounter },
  accountId: string,
  changes: ProfileChanges,
  origin: RequestOrigin,
): Promise<WithMail<UpdateProfileResponse>> {
  const current = await deps.prisma.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { accountName: true, email: true, passwordHash: true },
  });
  const newEmail = changes.email !== undefined && changes.email.toLowerCase() !== current.email.toLowerCase() ? changes.email : undefined;
  if (newEmail !== undefined) {
    if (!changes.currentPassword) {
      throw fieldError(400, 'CURRENT_PASSWORD_REQUIRED', 'currentPassword', ACCOUNT_MESSAGES.emailChangeNeedsPassword);
    }
    await verifyCurrentPassword(deps.failures, current, changes.currentPassword);
  }
  return deps.prisma.$transaction(async (tx) => {
    // Locked: a password change or reset (which retires pending links) is either wholly before
    // this — then the password checked above is no longer the account's — or waits for it.
    await lockAccount(tx, accountId);
    const before = await tx.account.findUniqueOrThrow({
      where: { id: accountId },
      select: { accountName: true, name: true, phone: true, mobile: true, email: true, passwordHash: true },
    });
    if (newEmail !== undefined && before.passwordHash !== current.passwordHash) {
      throw fieldError(400, 'CURRENT_PASSWORD_WRONG', 'currentPassword', AUTH_MESSAGES.currentPasswordWrong);
    }
    const data: Prisma.AccountUpdateInput = {};
    if (changes.phone !== undefined && changes.phone !== before.phone) data.phone = changes.phone;
    if (changes.mobile !== undefined && changes.mobile !== before.mobile) data.mobile = changes.mobile;
    if (Object.keys(data).length > 0) {
      await tx.account.update({ where: { id: accountId }, data });
      await recordAudit(
        tx,
        {
          actorId: accountId,
          action: 'account.profile.updated',
          entityType: 'account',
          entityId: accountId,
          before: { phone: before.phone, mobile: before.mobile },
          after: { phone: data.phone ?? before.phone, mobile: (data.mobile as string | null | undefined) ?? before.mobile },
        },
        origin,
      );
    }
    let emailChangePending = false;
    if (newEmail !== undefined) {
      const { token, stored } = newMailedToken(EMAIL_CHANGE_TTL_MINUTES);
      // Only the newest link works: changing again retires the previous ones.
      await tx.emailChangeToken.updateMany({ where: { accountId, usedAt: null }, data: { usedAt: new Date() } });
      await tx.emailChangeToken.create({ data: { accountId, newEmail, ...stored } });
      await enqueueTemplate(tx, 'email-change-confirm', newEmail, {
        name: before.name,
        accountName: before.accountName,
        newEmail,
        link: emailChangeLink(deps.publicOrigin, token),
        expiresMinutes: EMAIL_CHANGE_TTL_MINUTES,
      });
      // The address being replaced hears of it at once, with how to stop it.
      await enqueueTemplate(tx, 'email-change-notice', before.email, {
        origin: deps.publicOrigin,
        name: before.name,
        accountName: before.accountName,
        newEmail,
      });
      await recordAudit(
        tx,
        { actorId: accountId, action: 'account.email-change.requested', entityType: 'account', entityId: accountId, before: { email: before.email }, after: { newEmail } },
        origin,
      );
      emailChangePending = true;
    }
    const profile = toProfile(await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: profileSelect }));
    const message = emailChangePending ? `${ACCOUNT_MESSAGES.profileUpdated}${ACCOUNT_MESSAGES.emailChangePending}` : ACCOUNT_MESSAGES.profileUpdated;
    // The confirmation link goes to the new address: mailed only when the E-mail changes.
    return { result: { profile, emailChangePending, message }, mailQueued: emailChangePending };
  });
}

/**
 * The account row, locked before its mailed links: a password change or reset locks the row
 * (its update) and then retires the links, so taking them in the same order cannot deadlock.
 */
async function lockAccount(tx: Prisma.TransactionClient, accountId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM accounts WHERE id = ${accountId}::uuid FOR UPDATE`;
}

/**
 * Opening the link of the confirmation mail (no login needed: the token is the proof). Against a
 * password change or reset at the same moment, one of the two goes first (the account row lock):
 * the link is either used before the change (and the new address stands) or already retired.
 */
export async function confirmEmailChange(prisma: PrismaClient, token: string, origin: RequestOrigin): Promise<void> {
  const invalid = () => fieldError(400, 'EMAIL_TOKEN_INVALID', 'token', ACCOUNT_MESSAGES.emailTokenInvalid);
  await prisma.$transaction(async (tx) => {
    const row = await tx.emailChangeToken.findUnique({
      where: { tokenHash: sha256Hex(token) },
      select: { id: true, accountId: true, newEmail: true, usedAt: true, expiresAt: true, account: { select: { email: true, status: true } } },
    });
    if (!row || row.usedAt || row.expiresAt <= new Date() || row.account.status !== 'ACTIVE') throw invalid();
    await lockAccount(tx, row.accountId);
    const claimed = await tx.emailChangeToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count === 0) throw invalid();
    await tx.account.update({ where: { id: row.accountId }, data: { email: row.newEmail } });
    await recordAudit(
      tx,
      { actorId: row.accountId, action: 'account.email-change.confirmed', entityType: 'account', entityId: row.accountId, before: { email: row.account.email }, after: { email: row.newEmail } },
      origin,
    );
  });
}
