import type { AuditAction, ManagerRequestKind } from '@portal/shared';
import type { NationalIdCrypto, Prisma, PrismaClient } from '@portal/db';
import type { CardTrustStore } from '../card-verification/index.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import { lockInstitution } from '../institutions/institution-lock.js';
import { countManagers } from '../institutions/managers.js';
import { enqueueTemplate } from '../mail/outbox.js';
import type { MailTemplateData } from '../mail/templates.js';
import { revokeAllSessions } from '../auth/sessions.js';
import type { HolidayCalendar } from '../../lib/working-days.js';
import { refuseRequest } from './errors.js';

/** What the manager-request services need (no Fastify). */
export interface ManagerRequestDeps {
  prisma: PrismaClient;
  crypto: NationalIdCrypto;
  /** The portal's origin: signed by the card, and used in mail links. */
  publicOrigin: string;
  calendar: HolidayCalendar;
  trustStore: CardTrustStore;
  challengeTtlMs: number;
  now?: () => Date;
}

export const nowOf = (deps: Pick<ManagerRequestDeps, 'now'>) => deps.now?.() ?? new Date();

/** Takes the institution lock of the role rule before a request changes who the managers are. */
export async function lockRequestInstitution(tx: Prisma.TransactionClient, institutionId: string): Promise<void> {
  if (!(await lockInstitution(tx, { id: institutionId }))) throw refuseRequest('MANAGER_REQUEST_NOT_FOUND');
}

/** B and C-b take a manager away: true when none would be left. */
export async function leavesWithoutManager(
  tx: Prisma.TransactionClient | PrismaClient,
  kind: ManagerRequestKind,
  account: { id: string; institutionId: string | null },
): Promise<boolean> {
  if ((kind !== 'B' && kind !== 'C_B') || !account.institutionId) return false;
  return (await countManagers(tx, account.institutionId, account.id)) === 0;
}

export interface Actor {
  id: string | null;
  label?: string;
}

/**
 * Applies an approved request to its account, inside the caller's transaction, which must hold
 * the institution lock. Conditional updates: when the account is no longer in the state the
 * request expects (deactivated meanwhile, already promoted…), 409 and the transaction rolls back.
 * Returns whether the account's sessions were revoked.
 */
export async function applyEffect(
  tx: Prisma.TransactionClient,
  request: { id: string; kind: ManagerRequestKind; accountId: string },
  method: 'CARD' | 'PAPER',
  now: Date,
): Promise<{ sessionsRevoked: boolean }> {
  const where = { id: request.accountId };
  let changed: { count: number };
  switch (request.kind) {
    case 'A':
      changed = await tx.account.updateMany({
        where: { ...where, role: 'INSTITUTION_MANAGER', status: 'PENDING_VERIFICATION' },
        data: { status: 'ACTIVE', verificationMethod: method, activatedAt: now },
      });
      break;
    case 'B':
      changed = await tx.account.updateMany({
        where: { ...where, role: 'INSTITUTION_MANAGER', status: 'ACTIVE' },
        data: { status: 'DEACTIVATED', deactivatedAt: now },
      });
      break;
    case 'C_A':
      changed = await tx.account.updateMany({
        where: { ...where, role: 'GENERAL_USER', status: 'ACTIVE' },
        data: { role: 'INSTITUTION_MANAGER' },
      });
      break;
    case 'C_B':
      changed = await tx.account.updateMany({
        where: { ...where, role: 'INSTITUTION_MANAGER', status: 'ACTIVE' },
        data: { role: 'GENERAL_USER' },
      });
      break;
  }
  if (changed.count === 0) throw refuseRequest('MANAGER_REQUEST_NOT_APPLICABLE');
  if (request.kind === 'A') return { sessionsRevoked: false };
  // A role change or a deactivation ends every session of the account at once.
  await revokeAllSessions(tx, request.accountId, { reason: request.kind === 'B' ? 'account-deactivated' : 'role-changed' });
  return { sessionsRevoked: true };
}

/** The addresses a decision is mailed to: the account's holder and, if another, the starter. */
async function recipientsOf(tx: Prisma.TransactionClient, request: { accountId: string; requestedById: string }) {
  const people = await tx.account.findMany({
    where: { id: { in: [request.accountId, request.requestedById] } },
    select: { id: true, name: true, email: true, accountName: true },
  });
  const seen = new Set<string>();
  return people.filter((person) => !seen.has(person.email.toLowerCase()) && seen.add(person.email.toLowerCase()));
}

/** Mails `template` about a request to its account's holder and, if another, to its starter. */
async function mailPeopleOf<Name extends 'manager-request-decided' | 'manager-request-received'>(
  tx: Prisma.TransactionClient,
  request: { accountId: string; requestedById: string; requestNo: string; kind: ManagerRequestKind },
  template: Name,
  data: Omit<MailTemplateData[Name], 'name' | 'accountName' | 'applicationNo' | 'kind'>,
): Promise<void> {
  const { accountName } = await tx.account.findUniqueOrThrow({ where: { id: request.accountId }, select: { accountName: true } });
  for (const person of await recipientsOf(tx, request)) {
    const about = { name: person.name, accountName, applicationNo: request.requestNo, kind: request.kind };
    await enqueueTemplate(tx, template, person.email, { ...data, ...about } as MailTemplateData[Name]);
  }
}

export async function mailDecision(
  tx: Prisma.TransactionClient,
  deps: Pick<ManagerRequestDeps, 'publicOrigin'>,
  request: { accountId: string; requestedById: string; requestNo: string; kind: ManagerRequestKind },
  decision: { decision: 'APPROVED'; reason?: string | null } | { decision: 'REJECTED'; reason: string },
): Promise<void> {
  await mailPeopleOf(
    tx,
    request,
    'manager-request-decided',
    decision.decision === 'APPROVED'
      ? { decision: 'APPROVED' as const, ...(decision.reason ? { reason: decision.reason } : {}) }
      : { decision: 'REJECTED' as const, reason: decision.reason },
  );
  if (request.kind === 'A' && decision.decision === 'APPROVED') await mailAccountActivated(tx, deps, request.accountId);
}

/** 帳號已開通, to the holder of a manager account that has just been activated. */
export async function mailAccountActivated(tx: Prisma.TransactionClient, deps: Pick<ManagerRequestDeps, 'publicOrigin'>, accountId: string) {
  const holder = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { accountName: true, name: true, email: true } });
  await enqueueTemplate(tx, 'account-activated', holder.email, { origin: deps.publicOrigin, name: holder.name, accountName: holder.accountName });
}

export async function mailReceived(
  tx: Prisma.TransactionClient,
  request: { accountId: string; requestedById: string; requestNo: string; kind: ManagerRequestKind; dueAt: Date },
): Promise<void> {
  await mailPeopleOf(tx, request, 'manager-request-received', { dueAt: request.dueAt });
}

export function audit(
  tx: Prisma.TransactionClient | PrismaClient,
  actor: Actor,
  action: AuditAction,
  requestId: string | undefined,
  after: Prisma.InputJsonValue,
  origin: RequestOrigin,
) {
  return recordAudit(
    tx as Prisma.TransactionClient,
    {
      ...(actor.id ? { actorId: actor.id } : { actorLabel: actor.label ?? 'anonymous' }),
      action,
      entityType: 'manager_request',
      ...(requestId && { entityId: requestId }),
      after,
    },
    origin,
  );
}
