import { formatTaipeiDate, type ManagerRequestKind } from '@portal/shared';
import { renderLayout, type RenderedMail } from '../layout.js';

export type { ManagerRequestKind };

/** As the form names them in running text: code and description (the screens write 「A.…」). */
export const MANAGER_REQUEST_KIND_LABELS: Readonly<Record<ManagerRequestKind, string>> = {
  A: 'A 初次管理者帳號申請',
  B: 'B 停用管理者帳號',
  C_A: 'C-a 升為管理者',
  C_B: 'C-b 降為一般使用者',
};

export interface ManagerRequestReceivedData {
  name: string;
  accountName: string;
  applicationNo: string;
  kind: ManagerRequestKind;
  /** Submitted + 3 working days. */
  dueAt: Date;
}

export function managerRequestReceived(data: ManagerRequestReceivedData): RenderedMail {
  return renderLayout({
    subject: '管理者帳號申請、異動已受理',
    recipientName: data.name,
    paragraphs: ['我們已收到您的管理者帳號申請、異動，系統人員將於三個工作天內完成審核，審核結果將以 E-mail 通知您。'],
    facts: [
      ['申請編號', data.applicationNo],
      ['申請類別', MANAGER_REQUEST_KIND_LABELS[data.kind]],
      ['帳號', data.accountName],
      ['預計完成日期', formatTaipeiDate(data.dueAt)],
    ],
  });
}

export type ManagerRequestDecidedData = {
  name: string;
  accountName: string;
  applicationNo: string;
  kind: ManagerRequestKind;
} & ({ decision: 'APPROVED'; reason?: string } | { decision: 'REJECTED'; reason: string });

export function managerRequestDecided(data: ManagerRequestDecidedData): RenderedMail {
  const approved = data.decision === 'APPROVED';
  const facts: [string, string][] = [
    ['申請編號', data.applicationNo],
    ['申請類別', MANAGER_REQUEST_KIND_LABELS[data.kind]],
    ['帳號', data.accountName],
    ['審核結果', approved ? '核准' : '駁回'],
  ];
  if (data.reason) facts.push([approved ? '說明' : '駁回原因', data.reason]);
  return renderLayout({
    subject: `管理者帳號申請、異動審核結果：${approved ? '核准' : '駁回'}`,
    recipientName: data.name,
    paragraphs: [
      approved
        ? '您的管理者帳號申請、異動已核准，變更已生效。'
        : '很抱歉，您的管理者帳號申請、異動未獲核准。如有疑問，請洽下方諮詢窗口。',
    ],
    facts,
  });
}
