import {
  ACCOUNT_MESSAGES,
  ACCOUNT_ROLE_LABELS,
  accessStatusLabels,
  AUTH_MESSAGES,
  type ChangePasswordRequest,
  type MySubsystem,
  type MySubsystemList,
  type Profile,
  type UpdateProfileResponse,
} from '@portal/shared';
import { hashPassword, verifyPassword, type NationalIdCrypto, type Prisma, type PrismaClient } from '@portal/db';
import { HttpError } from '../errors/http-error.js';
import { recordAudit, type RequestOrigin } from './audit.js';
import { enqueueTemplate } from './mail/outbox.js';
import { emailChangeLink } from './mail/templates.js';
import { assertAcceptableNewPassword, passwordCheckSelect } from './password-reset.js';
import { newOpaqueToken, revokeAllSessions, sha256Hex } from './sessions.js';
import { isUniqueViolation } from './unique-violation.js';

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
): Promise<UpdateProfileResponse> {
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
      const token = newOpaqueToken();
      const now = new Date();
      await tx.emailChangeToken.updateMany({ where: { accountId, usedAt: null }, data: { usedAt: now } });
      await tx.emailChangeToken.create({
        data: {
          accountId,
          newEmail: changes.email,
          tokenHash: sha256Hex(token),
          expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_MINUTES * 60_000),
        },
      });
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
    return {
      profile,
      emailChangePending,
      message: emailChangePending ? `${ACCOUNT_MESSAGES.profileUpdated}${ACCOUNT_MESSAGES.emailChangePending}` : ACCOUNT_MESSAGES.profileUpdated,
    };
  });
}

/** Opening the link of the confirmation mail (no login needed: the token is the proof). */
export async function confirmEmailChange(prisma: PrismaClient, token: string, origin: RequestOrigin): Promise<void> {
  const invalid = () =>
    new HttpError(400, 'EMAIL_TOKEN_INVALID', ACCOUNT_MESSAGES.emailTokenInvalid, { token: [ACCOUNT_MESSAGES.emailTokenInvalid] });
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

/**
 * 變更密碼: current password first, then the shared policy. Every other login of the account
 * ends (version bump + rows revoked); the caller re-issues the access token of this one with
 * the returned version.
 */
export async function changePassword(
  deps: { prisma: PrismaClient; crypto: NationalIdCrypto },
  user: { id: string; familyId: string },
  input: ChangePasswordRequest,
  origin: RequestOrigin,
): Promise<{ sessionVersion: number }> {
  const account = await deps.prisma.account.findUniqueOrThrow({ where: { id: user.id }, select: passwordCheckSelect });
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new HttpError(400, 'CURRENT_PASSWORD_WRONG', AUTH_MESSAGES.currentPasswordWrong, {
      currentPassword: [AUTH_MESSAGES.currentPasswordWrong],
    });
  }
  await assertAcceptableNewPassword(account, deps.crypto, input.password);
  const passwordHash = await hashPassword(input.password);
  return deps.prisma.$transaction(async (tx) => {
    await tx.account.update({ where: { id: user.id }, data: { passwordHash } });
    const sessionVersion = await revokeAllSessions(tx, user.id, { exceptFamilyId: user.familyId });
    await recordAudit(tx, { actorId: user.id, action: 'account.password.changed', entityType: 'account', entityId: user.id }, origin);
    return { sessionVersion };
  });
}

// ───────────────────────── my subsystems ─────────────────────────

const accessSelect = {
  status: true,
  reason: true,
  requestedAt: true,
  decidedAt: true,
  subsystem: { select: { code: true, name: true, sortOrder: true } },
} satisfies Prisma.SubsystemAccessSelect;

function toMySubsystem(row: Prisma.SubsystemAccessGetPayload<{ select: typeof accessSelect }>): MySubsystem {
  return {
    code: row.subsystem.code,
    name: row.subsystem.name,
    status: row.status,
    statusLabel: accessStatusLabels[row.status],
    reason: row.reason,
    requestedAt: row.requestedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/** Institution staff request subsystems; 子系統管理者 and 系統人員 have none. */
const canRequestSubsystems = (account: { institutionId: string | null; role: string }) =>
  account.institutionId !== null && (account.role === 'INSTITUTION_MANAGER' || account.role === 'GENERAL_USER');

export async function listMySubsystems(prisma: PrismaClient, accountId: string): Promise<MySubsystemList> {
  const account = await prisma.account.findUniqueOrThrow({
    where: { id: accountId },
    select: {
      role: true,
      institutionId: true,
      subsystemAccesses: { select: accessSelect, orderBy: { subsystem: { sortOrder: 'asc' } } },
    },
  });
  const canRequest = canRequestSubsystems(account);
  return { items: canRequest ? account.subsystemAccesses.map(toMySubsystem) : [], canRequest };
}

/**
 * 申請其他子系統: a new PENDING request, or a REJECTED one asked again (back to PENDING, the old
 * decision cleared). Pending / approved / revoked ones are refused with 409. Decided inside
 * one transaction; the unique (account, subsystem) index settles a double click.
 */
export async function requestSubsystem(
  prisma: PrismaClient,
  accountId: string,
  code: string,
  origin: RequestOrigin,
): Promise<MySubsystem> {
  try {
    return await requestSubsystemInTransaction(prisma, accountId, code, origin);
  } catch (error) {
    // Two concurrent first requests: the unique (account, subsystem) index lets one through.
    if (isUniqueViolation(error, 'subsystem_id')) {
      throw new HttpError(409, 'SUBSYSTEM_PENDING', ACCOUNT_MESSAGES.subsystemAlreadyPending);
    }
    throw error;
  }
}

function requestSubsystemInTransaction(prisma: PrismaClient, accountId: string, code: string, origin: RequestOrigin) {
  return prisma.$transaction(async (tx) => {
    const account = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { role: true, institutionId: true } });
    if (!canRequestSubsystems(account)) throw new HttpError(403, 'FORBIDDEN', ACCOUNT_MESSAGES.subsystemNotForRole);
    const subsystem = await tx.subsystem.findFirst({ where: { code, active: true }, select: { id: true } });
    if (!subsystem) throw new HttpError(404, 'SUBSYSTEM_NOT_FOUND', ACCOUNT_MESSAGES.subsystemUnknown, { code: [ACCOUNT_MESSAGES.subsystemUnknown] });
    const existing = await tx.subsystemAccess.findUnique({
      where: { accountId_subsystemId: { accountId, subsystemId: subsystem.id } },
      select: { id: true, status: true, reason: true },
    });
    const conflict = {
      PENDING: ACCOUNT_MESSAGES.subsystemAlreadyPending,
      APPROVED: ACCOUNT_MESSAGES.subsystemAlreadyApproved,
      REVOKED: ACCOUNT_MESSAGES.subsystemRevoked,
    } as const;
    if (existing && existing.status !== 'REJECTED') {
      throw new HttpError(409, `SUBSYSTEM_${existing.status}`, conflict[existing.status]);
    }
    let row;
    if (existing) {
      const reopened = await tx.subsystemAccess.updateMany({
        where: { id: existing.id, status: 'REJECTED' },
        data: { status: 'PENDING', requestedAt: new Date(), decidedAt: null, decidedById: null, reason: null },
      });
      if (reopened.count === 0) throw new HttpError(409, 'SUBSYSTEM_PENDING', ACCOUNT_MESSAGES.subsystemAlreadyPending);
      row = await tx.subsystemAccess.findUniqueOrThrow({ where: { id: existing.id }, select: accessSelect });
    } else {
      row = await tx.subsystemAccess.create({ data: { accountId, subsystemId: subsystem.id }, select: accessSelect });
    }
    await recordAudit(
      tx,
      {
        actorId: accountId,
        action: 'subsystem-access.requested',
        entityType: 'subsystem-access',
        entityId: `${accountId}:${code}`,
        ...(existing && { before: { status: existing.status, reason: existing.reason } }),
        after: { status: 'PENDING', subsystem: code },
      },
      origin,
    );
    return toMySubsystem(row);
  });
}

