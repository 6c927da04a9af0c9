import { formatTaipeiDate, MANAGER_REQUEST_KIND_LABELS, MANAGER_VERIFICATION_METHOD_LABELS, type ApplicationStep } from '@portal/shared';
import type { PrismaClient } from '@portal/db';

/**
 * 申請進度查詢: one step per manager request of the account (A included: it says which way it is
 * verified and when it is due), newest last.
 */
export async function managerRequestSteps(prisma: PrismaClient, accountId: string): Promise<ApplicationStep[]> {
  const rows = await prisma.managerRequest.findMany({
    where: { accountId },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    take: 20,
    select: { requestNo: true, kind: true, status: true, verificationMethod: true, submittedAt: true, dueAt: true, decidedAt: true, reason: true },
  });
  return rows.map((row): ApplicationStep => {
    const method = row.verificationMethod === 'CARD' || row.verificationMethod === 'PAPER' ? MANAGER_VERIFICATION_METHOD_LABELS[row.verificationMethod] : null;
    const step = { key: `manager-request:${row.requestNo}`, label: `管理者帳號申請、異動：${MANAGER_REQUEST_KIND_LABELS[row.kind]}（${row.requestNo}）` };
    switch (row.status) {
      case 'APPROVED':
        return { ...step, state: 'DONE', date: row.decidedAt?.toISOString() ?? null, note: method ? `已核准（${method}）` : '已核准' };
      case 'REJECTED':
        return { ...step, state: 'REJECTED', date: row.decidedAt?.toISOString() ?? null, note: row.reason };
      case 'CANCELLED':
        return { ...step, state: 'REJECTED', date: row.decidedAt?.toISOString() ?? null, note: '已取消' };
      case 'PENDING_REVIEW':
        return {
          ...step,
          state: 'WAITING',
          date: null,
          note: row.dueAt ? `紙本審核中，預計於 ${formatTaipeiDate(row.dueAt)} 前完成。` : '紙本審核中。',
        };
      case 'AWAITING_VERIFICATION':
        return { ...step, state: 'WAITING', date: null, note: '請以醫事機構卡驗證，或列印申請表改以紙本審核。' };
    }
  });
}
