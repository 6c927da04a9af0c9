import type { Prisma } from '@portal/db';
import type { AuditAction } from '@portal/shared';

/** Where a request came from, for the audit trail. */
export interface RequestOrigin {
  ip?: string | undefined;
  requestId?: string | undefined;
}

export interface AuditEntry {
  actorId?: string | null;
  actorLabel?: string;
  action: AuditAction;
  entityType: string;
  entityId?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/** Writes one audit event; call it inside the transaction of the change it records. */
export function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry, origin: RequestOrigin) {
  return tx.auditEvent.create({ data: { ...entry, ip: origin.ip, requestId: origin.requestId } });
}
