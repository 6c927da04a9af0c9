import {
  accessStatusLabels,
  accountNameKey,
  AUTH_MESSAGES,
  formatTaipeiDate,
  tooManyStatusQueriesMessage,
  type ApplicationStatus,
  type ApplicationStatusQuery,
  type ApplicationStep,
} from '@portal/shared';
import type { NationalIdCrypto, PrismaClient } from '@portal/db';
import { HttpError, TooManyAttemptsError } from '../../errors/http-error.js';
import type { FailureCounter } from '../auth/failure-counter.js';
import { managerRequestSteps } from '../manager-requests/status-steps.js';
import { labelledRoleAndStatus } from './account-labels.js';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

const VERIFICATION_LABELS = {
  CARD: '醫事機構卡驗證',
  PAPER: '紙本審核',
  MANAGER_APPROVAL: '單位業務管理者核准',
  UNCHOSEN: '醫事機構卡驗證或紙本審核',
} as const;

/** The latest 駁回 of the account by its institution's manager (reason and when), if any. */
async function managerRejection(prisma: PrismaClient, accountId: string): Promise<{ at: Date; reason: string | null } | undefined> {
  const event = await prisma.auditEvent.findFirst({
    where: { entityType: 'account', entityId: accountId, action: 'account.rejected' },
    orderBy: { id: 'desc' },
    select: { at: true, after: true },
  });
  if (!event) return undefined;
  const reason = (event.after as { reason?: unknown } | null)?.reason;
  return { at: event.at, reason: typeof reason === 'string' && reason.trim() ? reason : null };
}

/** Per 帳號: failed queries within the window before further ones are refused (429). */
export const STATUS_QUERY_ACCOUNT_LIMIT = 10;
export const STATUS_QUERY_ACCOUNT_WINDOW_MS = 15 * 60 * 1000;

/**
 * 申請進度查詢 (no login): 帳號 + 身分證. Either one wrong gives the same 404, so the query
 * cannot be used to learn which account names exist: the one read is keyed on both at once, so
 * an existing name with a wrong 身分證 costs what an unknown name costs (no joined rows are
 * read until both match). Guessing the 身分證 of one name is bounded per name (reserved before
 * the read, whether or not the name exists; a match clears the count), besides the per-IP limit.
 */
export async function queryApplicationStatus(
  deps: { prisma: PrismaClient; crypto: NationalIdCrypto; failures: FailureCounter },
  input: ApplicationStatusQuery,
): Promise<ApplicationStatus> {
  const key = accountNameKey(input.accountName);
  const failureKey = `status:${key}`;
  const reservation = await deps.failures.reserve(failureKey, STATUS_QUERY_ACCOUNT_LIMIT, STATUS_QUERY_ACCOUNT_WINDOW_MS);
  if (!reservation.granted) {
    const seconds = Math.max(1, Math.ceil(reservation.retryAfterMs / 1000));
    throw new TooManyAttemptsError(seconds, tooManyStatusQueriesMessage(Math.ceil(seconds / 60)));
  }
  const account = await deps.prisma.account.findFirst({
    where: { accountNameKey: key, nationalIdHash: deps.crypto.lookupHash(input.nationalId) },
    select: {
      id: true,
      accountName: true,
      applicationNo: true,
      role: true,
      status: true,
      verificationMethod: true,
      createdAt: true,
      activatedAt: true,
      deactivatedAt: true,
      updatedAt: true,
      institution: { select: { code: true, name: true } },
      managerRequests: {
        where: { kind: 'A' },
        orderBy: { submittedAt: 'desc' },
        take: 1,
        select: { status: true, decidedAt: true, reason: true, dueAt: true, scanFileId: true },
      },
      subsystemAccesses: {
        orderBy: [{ subsystem: { sortOrder: 'asc' } }],
        select: { status: true, decidedAt: true, reason: true, subsystem: { select: { code: true, name: true } } },
      },
    },
  });
  if (!account) throw new HttpError(404, 'APPLICATION_NOT_FOUND', AUTH_MESSAGES.applicationStatusNotFound);
  await deps.failures.reset(failureKey);

  const wasActivated = account.status === 'ACTIVE' || (account.status === 'DEACTIVATED' && account.activatedAt !== null);
  const request = account.managerRequests[0];
  const steps: ApplicationStep[] = [
    { key: 'submitted', label: '帳號申請', state: 'DONE', date: iso(account.createdAt), note: null },
  ];

  const isGeneralUser = account.role === 'GENERAL_USER';
  const label = isGeneralUser
    ? VERIFICATION_LABELS.MANAGER_APPROVAL
    : VERIFICATION_LABELS[account.verificationMethod ?? 'UNCHOSEN'];
  if (wasActivated) {
    steps.push({ key: 'verification', label, state: 'DONE', date: iso(account.activatedAt), note: null });
  } else if (account.status === 'REJECTED' || account.status === 'DEACTIVATED') {
    // A 一般使用者's application is decided by the manager: its reason is kept with the decision's audit event.
    const managerDecision = request ? undefined : await managerRejection(deps.prisma, account.id);
    steps.push({
      key: 'verification',
      label,
      state: 'REJECTED',
      date: iso(request?.decidedAt ?? managerDecision?.at ?? account.deactivatedAt ?? account.updatedAt),
      note: request?.reason ?? managerDecision?.reason ?? null,
    });
  } else {
    let note: string;
    if (isGeneralUser) note = '待貴機構單位業務管理者核准。';
    else if (request?.status === 'PENDING_REVIEW' && request.scanFileId) {
      const due = request.dueAt ? `（預計 ${formatTaipeiDate(request.dueAt)} 前）` : '';
      note = `已收到您上傳的申請表掃描檔，系統人員將於三個工作天內${due}完成審核，結果將以 E-mail 通知您。`;
    } else if (account.verificationMethod === 'PAPER') {
      note = '請列印申請表並蓋妥機構關防後上傳或寄送服務信箱，系統人員將於三個工作天內完成審核。';
    } else note = '請以醫事機構卡完成驗證；若無法使用醫事機構卡，請改以紙本審核。';
    steps.push({ key: 'verification', label, state: 'WAITING', date: null, note });
  }

  for (const access of account.subsystemAccesses) {
    const step = { key: `subsystem:${access.subsystem.code}`, label: `子系統申請：${access.subsystem.name}` };
    if (access.status === 'APPROVED') {
      steps.push({ ...step, state: 'DONE', date: iso(access.decidedAt), note: null });
    } else if (access.status === 'REJECTED' || access.status === 'REVOKED') {
      steps.push({
        ...step,
        state: 'REJECTED',
        date: iso(access.decidedAt),
        note: access.reason ?? accessStatusLabels[access.status],
      });
    } else if (account.status === 'ACTIVE') {
      steps.push({ ...step, state: 'WAITING', date: null, note: '待子系統管理者審核。' });
    } else {
      steps.push({ ...step, state: 'NOT_STARTED', date: null, note: '帳號開通後，由子系統管理者審核。' });
    }
  }

  steps.push(...(await managerRequestSteps(deps.prisma, account.id)));

  return {
    applicationNo: account.applicationNo,
    accountName: account.accountName,
    ...labelledRoleAndStatus(account),
    institution: account.institution,
    submittedAt: account.createdAt.toISOString(),
    steps,
  };
}
