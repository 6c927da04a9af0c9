import { ACCOUNT_MESSAGES, ACCOUNT_ROLE_LABELS, type Profile, type UpdateProfileResponse } from '@portal/shared';
import type { Prisma, PrismaClient } from '@portal/db';
import { fieldError } from '../../errors/http-error.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
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
}

/**
 * 市話 and 手機 change at once. A different E-mail only starts a change: the link goes to the
 * new address, and the account keeps the old one until the link is opened (so a typo or a
 * hijacked session cannot redirect the reset mails silently).
 */
export async function updateProfile(
  deps: { prisma: PrismaClient; publicOrigin: string },
  accountId: string,
  changes: ProfileChanges,
  origin: RequestOrigin,
): Promise<WithMail<UpdateProfileResponse>> {
  return deps.prisma.$transaction(async (tx) => {
    const before = await tx.account.findUniqueOrThrow({
      where: { id: accountId },
      select: { accountName: true, name: true, phone: true, mobile: true, email: true },
    });
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
    if (changes.email !== undefined && changes.email.toLowerCase() !== before.email.toLowerCase()) {
      const { token, stored } = newMailedToken(EMAIL_CHANGE_TTL_MINUTES);
      // Only the newest link works: changing again retires the previous ones.
      await tx.emailChangeToken.updateMany({ where: { accountId, usedAt: null }, data: { usedAt: new Date() } });
      await tx.emailChangeToken.create({ data: { accountId, newEmail: changes.email, ...stored } });
      await enqueueTemplate(tx, 'email-change-confirm', changes.email, {
        name: before.name,
        accountName: before.accountName,
        newEmail: changes.email,
        link: emailChangeLink(deps.publicOrigin, token),
        expiresMinutes: EMAIL_CHANGE_TTL_MINUTES,
      });
      await recordAudit(
        tx,
        { actorId: accountId, action: 'account.email-change.requested', entityType: 'account', entityId: accountId, before: { email: before.email }, after: { newEmail: changes.email } },
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

/** Opening the link of the confirmation mail (no login needed: the token is the proof). */
export async function confirmEmailChange(prisma: PrismaClient, token: string, origin: RequestOrigin): Promise<void> {
  const invalid = () => fieldError(400, 'EMAIL_TOKEN_INVALID', 'token', ACCOUNT_MESSAGES.emailTokenInvalid);
  await prisma.$transaction(async (tx) => {
    const row = await tx.emailChangeToken.findUnique({
      where: { tokenHash: sha256Hex(token) },
      select: { id: true, accountId: true, newEmail: true, usedAt: true, expiresAt: true, account: { select: { email: true, status: true } } },
    });
    if (!row || row.usedAt || row.expiresAt <= new Date() || row.account.status !== 'ACTIVE') throw invalid();
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
