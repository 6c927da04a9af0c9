/**
 * Every decision in the back office is a state transition defined once, here: one table per
 * record type. `applyTransition` applies one inside the caller's transaction as a conditional
 * update (`WHERE id = … AND status = from`), so that of two approvers deciding the same request
 * at once exactly one wins: the loser's update matches no row (PostgreSQL re-checks the WHERE
 * after the winner commits) and gets 409 with nothing changed. The audit event (before → after)
 * is written in the same transaction.
 */
import type { Prisma } from '@portal/db';
import { BACK_OFFICE_MESSAGES, type AccessStatus, type AccountStatus, type AuditAction } from '@portal/shared';
import { HttpError } from '../../errors/http-error.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';

interface Transition<Status extends string> {
  from: Status;
  to: Status;
  /** The audit action. */
  action: AuditAction;
}

/** Account (一般使用者 by the institution manager). */
export const ACCOUNT_TRANSITIONS = {
  approve: { from: 'PENDING_APPROVAL', to: 'ACTIVE', action: 'account.approved' },
  reject: { from: 'PENDING_APPROVAL', to: 'REJECTED', action: 'account.rejected' },
  deactivate: { from: 'ACTIVE', to: 'DEACTIVATED', action: 'account.deactivated' },
  reactivate: { from: 'DEACTIVATED', to: 'ACTIVE', action: 'account.reactivated' },
} as const satisfies Record<string, Transition<AccountStatus>>;

/**
 * SubsystemAccess (by the subsystem's manager). REJECTED/REVOKED → PENDING (a new request) is
 * applied by POST /api/account/subsystems (services/accounts/my-subsystems.ts).
 */
export const ACCESS_TRANSITIONS = {
  approve: { from: 'PENDING', to: 'APPROVED', action: 'subsystem-access.approved' },
  reject: { from: 'PENDING', to: 'REJECTED', action: 'subsystem-access.rejected' },
  revoke: { from: 'APPROVED', to: 'REVOKED', action: 'subsystem-access.revoked' },
} as const satisfies Record<string, Transition<AccessStatus>>;

export const TRANSITIONS = { account: ACCOUNT_TRANSITIONS, 'subsystem-access': ACCESS_TRANSITIONS } as const;
export type RecordType = keyof typeof TRANSITIONS;
export type TransitionName<T extends RecordType> = keyof (typeof TRANSITIONS)[T] & string;

/** Whether `name` may be applied to a record in `status` (for the UI's buttons and early refusals). */
export function canTransition<T extends RecordType>(type: T, name: TransitionName<T>, status: string): boolean {
  return (TRANSITIONS[type][name] as Transition<string>).from === status;
}

export const alreadyDecided = () => new HttpError(409, 'ALREADY_DECIDED', BACK_OFFICE_MESSAGES.alreadyDecided);

export interface ApplyTransitionInput<T extends RecordType> {
  type: T;
  name: TransitionName<T>;
  id: string;
  actorId: string;
  origin: RequestOrigin;
  /** Extra columns written with the status (decidedAt, reason, activatedAt …). */
  data?: T extends 'account' ? Prisma.AccountUncheckedUpdateManyInput : Prisma.SubsystemAccessUncheckedUpdateManyInput;
  /** Extra fields for the audit event's before / after (reason, subsystem …). */
  auditBefore?: Record<string, Prisma.InputJsonValue | null>;
  auditAfter?: Record<string, Prisma.InputJsonValue | null>;
}

/**
 * Applies one transition inside `tx`: conditional update, then the audit event. Throws 409
 * ALREADY_DECIDED (and changes nothing) when the record is no longer in the `from` state.
 * Scope checks (is this record the caller's?) are the caller's job, before this.
 */
export async function applyTransition<T extends RecordType>(
  tx: Prisma.TransactionClient,
  input: ApplyTransitionInput<T>,
): Promise<{ from: string; to: string }> {
  const transition = TRANSITIONS[input.type][input.name] as Transition<string>;
  const { count } =
    input.type === 'account'
      ? await tx.account.updateMany({
          where: { id: input.id, status: transition.from as AccountStatus },
          data: { ...(input.data as Prisma.AccountUncheckedUpdateManyInput), status: transition.to as AccountStatus },
        })
      : await tx.subsystemAccess.updateMany({
          where: { id: input.id, status: transition.from as AccessStatus },
          data: { ...(input.data as Prisma.SubsystemAccessUncheckedUpdateManyInput), status: transition.to as AccessStatus },
        });
  if (count === 0) throw alreadyDecided();
  await recordAudit(
    tx,
    {
      actorId: input.actorId,
      action: transition.action,
      entityType: input.type,
      entityId: input.id,
      before: { status: transition.from, ...input.auditBefore },
      after: { status: transition.to, ...input.auditAfter },
    },
    input.origin,
  );
  return { from: transition.from, to: transition.to };
}
