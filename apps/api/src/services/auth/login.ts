import { accountNameKey, AUTH_MESSAGES, LOGIN_REFUSAL_CODES, tooManyLoginFailuresMessage, type LoginRequest } from '@portal/shared';
import { verifyPassword, type PrismaClient, type SqlRunner } from '@portal/db';
import { fieldError, HttpError, TooManyAttemptsError } from '../../errors/http-error.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import type { FailureCounter } from './failure-counter.js';
import { findLoginAccount, recordLogin } from './login-records.js';
import type { IssuedRefreshToken } from './sessions.js';
import type { SessionAccount } from './session-body.js';
import type { SessionLifetime } from './session-lifetime.js';

/** Per account: this many failed logins within the window lock further attempts until it ends. */
export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

const STATUS_REFUSALS = {
  PENDING_VERIFICATION: AUTH_MESSAGES.pendingVerification,
  PENDING_APPROVAL: AUTH_MESSAGES.pendingApproval,
  REJECTED: AUTH_MESSAGES.rejected,
  DEACTIVATED: AUTH_MESSAGES.deactivated,
} as const;

export interface LoginDeps {
  prisma: PrismaClient;
  sql: SqlRunner;
  failures: FailureCounter;
  /** Verified against when the account does not exist, so both cases cost one argon2id verify. */
  dummyPasswordHash: string;
  lifetime: SessionLifetime;
}

export const loginFailureKey = (accountName: string) => `login:${accountNameKey(accountName)}`;

/** A trusted browser's own failure budget for the account (see device-cookies.ts). */
const deviceFailureKey = (accountName: string, deviceId: string) => `login-device:${accountNameKey(accountName)}:${deviceId}`;

/**
 * The per-account failure limit, shared by every endpoint that checks a password for an account
 * name (login, change-password's current password, the pending applicant's calls): reserves the
 * attempt before the password is verified (see FailureCounter.reserve), or answers 429 with the
 * time to wait once the name has failed too often within the window, after `beforeRefusal` (the
 * audit event) has run. Returns the counter's key: `reset` it when the password was right.
 *
 * A login from a browser holding the account's device cookie (`deviceId`) spends that device's
 * own budget, so failures from elsewhere do not lock the owner out there; once the device has
 * spent its budget it is treated like any untrusted client and counts against the account.
 */
export async function reserveLoginAttempt(
  failures: FailureCounter,
  accountName: string,
  beforeRefusal?: () => Promise<unknown>,
  deviceId?: string | null,
): Promise<string> {
  if (deviceId) {
    const deviceKey = deviceFailureKey(accountName, deviceId);
    if ((await failures.reserve(deviceKey, LOGIN_FAILURE_LIMIT, LOGIN_FAILURE_WINDOW_MS)).granted) return deviceKey;
  }
  const failureKey = loginFailureKey(accountName);
  const reservation = await failures.reserve(failureKey, LOGIN_FAILURE_LIMIT, LOGIN_FAILURE_WINDOW_MS);
  if (!reservation.granted) {
    const seconds = Math.max(1, Math.ceil(reservation.retryAfterMs / 1000));
    await beforeRefusal?.();
    throw new TooManyAttemptsError(seconds, tooManyLoginFailuresMessage(Math.ceil(seconds / 60)));
  }
  return failureKey;
}

/**
 * A logged-in caller proving the password again before a change that could take the account
 * over (變更密碼, a new E-mail): a wrong one counts like a failed login of the account, so a
 * stolen session is no way to guess the password; the right one clears the count. 400 with a
 * field error on `currentPassword` when wrong, 429 once the account's limit is reached.
 */
export async function verifyCurrentPassword(
  failures: FailureCounter,
  account: { accountName: string; passwordHash: string },
  currentPassword: string,
): Promise<void> {
  const failureKey = await reserveLoginAttempt(failures, account.accountName);
  if (!(await verifyPassword(account.passwordHash, currentPassword))) {
    throw fieldError(400, 'CURRENT_PASSWORD_WRONG', 'currentPassword', AUTH_MESSAGES.currentPasswordWrong);
  }
  await failures.reset(failureKey);
}

/**
 * 服務登入. The answer never reveals whether an account exists: unknown name and wrong
 * password both verify one argon2id hash and get the same 401; the account's status is told
 * only to someone who knows its password. `deviceId` comes from a valid device cookie for this
 * account name (an unknown name never has one, so it takes the same path as any untrusted client).
 */
export async function login(
  deps: LoginDeps,
  input: LoginRequest,
  origin: RequestOrigin & { userAgent?: string | undefined },
  deviceId?: string | null,
): Promise<{ account: SessionAccount & { sessionVersion: number }; refresh: IssuedRefreshToken }> {
  const { prisma, failures } = deps;
  const failureKey = await reserveLoginAttempt(failures, input.accountName, () =>
    recordAudit(
      prisma,
      { actorLabel: 'anonymous', action: 'auth.login.failed', entityType: 'account', after: { accountName: input.accountName, reason: 'throttled' } },
      origin,
    ),
    deviceId,
  );

  const account = await findLoginAccount(deps.sql, accountNameKey(input.accountName));
  const passwordOk = await verifyPassword(account?.passwordHash ?? deps.dummyPasswordHash, input.password);

  if (!account || !passwordOk) {
    // The reserved attempt stays counted: it was a failure.
    await recordAudit(
      prisma,
      {
        actorLabel: 'anonymous',
        action: 'auth.login.failed',
        entityType: 'account',
        ...(account && { entityId: account.id }),
        after: { accountName: input.accountName, reason: account ? 'wrong-password' : 'unknown-account' },
      },
      origin,
    );
    throw new HttpError(401, 'INVALID_CREDENTIALS', AUTH_MESSAGES.invalidCredentials);
  }

  // The right password: the attempts counted against the name (or this device) end here.
  await failures.reset(failureKey);
  if (account.status !== 'ACTIVE') {
    await recordAudit(
      prisma,
      {
        actorId: account.id,
        action: 'auth.login.failed',
        entityType: 'account',
        entityId: account.id,
        after: { accountName: input.accountName, reason: 'status', status: account.status },
      },
      origin,
    );
    throw new HttpError(403, LOGIN_REFUSAL_CODES[account.status], STATUS_REFUSALS[account.status]);
  }

  const refresh = await recordLogin(deps.sql, account, deps.lifetime, origin);
  // The account changed between the read and the password check (deactivated, role changed,
  // password reset: each bumps session_version); what was checked no longer holds.
  if (!refresh) throw new HttpError(409, 'ACCOUNT_CHANGED', AUTH_MESSAGES.accountChangedDuringLogin);
  const { passwordHash: _hash, status: _status, ...sessionAccount } = account;
  return { account: sessionAccount, refresh };
}
