import { portalPaths } from '@portal/shared';
import { renderLayout, type MailContent, type RenderedMail } from '../layout.js';
import { pageUrl } from './format.js';

/** Whom and which subsystem: what every mail about a subsystem-access request names. */
interface SubsystemAccessData {
  name: string;
  accountName: string;
  subsystemName: string;
}

export interface SubsystemApprovedData extends SubsystemAccessData {
  origin: string;
}

export interface SubsystemRejectedData extends SubsystemAccessData {
  reason: string;
}

export type SubsystemRevokedData = SubsystemRejectedData;

function subsystemAccessMail(data: SubsystemAccessData, subject: string, paragraph: string, extra: Pick<MailContent, 'action'> & { reason?: [string, string] }) {
  return renderLayout({
    subject: `子系統「${data.subsystemName}」${subject}`,
    recipientName: data.name,
    paragraphs: [paragraph],
    facts: [['帳號', data.accountName], ['子系統', data.subsystemName], ...(extra.reason ? [extra.reason] : [])],
    ...(extra.action && { action: extra.action }),
  });
}

export function subsystemApproved(data: SubsystemApprovedData): RenderedMail {
  return subsystemAccessMail(data, '使用申請已核准', `您申請使用的子系統「${data.subsystemName}」已由子系統管理者核准，登入後即可由入口網站直接開啟。`, {
    action: { label: '服務登入', url: pageUrl(data.origin, portalPaths.login) },
  });
}

export function subsystemRejected(data: SubsystemRejectedData): RenderedMail {
  return subsystemAccessMail(data, '使用申請已駁回', `很抱歉，您申請使用的子系統「${data.subsystemName}」未獲子系統管理者核准。如有疑問，請洽下方諮詢窗口。`, {
    reason: ['駁回原因', data.reason],
  });
}

export function subsystemRevoked(data: SubsystemRevokedData): RenderedMail {
  return subsystemAccessMail(
    data,
    '使用權限已停用',
    `您子系統「${data.subsystemName}」的使用權限已由子系統管理者停用。如有疑問，請洽該子系統管理者或下方諮詢窗口。`,
    { reason: ['停用原因', data.reason] },
  );
}
