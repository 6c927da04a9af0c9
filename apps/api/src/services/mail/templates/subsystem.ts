import { renderLayout, type RenderedMail } from '../layout.js';
import { pageUrl } from './format.js';

export interface SubsystemApprovedData {
  origin: string;
  name: string;
  accountName: string;
  subsystemName: string;
}

export function subsystemApproved(data: SubsystemApprovedData): RenderedMail {
  return renderLayout({
    subject: `子系統「${data.subsystemName}」使用申請已核准`,
    recipientName: data.name,
    paragraphs: [`您申請使用的子系統「${data.subsystemName}」已由子系統管理者核准，登入後即可由入口網站直接開啟。`],
    facts: [
      ['帳號', data.accountName],
      ['子系統', data.subsystemName],
    ],
    action: { label: '服務登入', url: pageUrl(data.origin, '/login') },
  });
}

export interface SubsystemRejectedData {
  name: string;
  accountName: string;
  subsystemName: string;
  reason: string;
}

export function subsystemRejected(data: SubsystemRejectedData): RenderedMail {
  return renderLayout({
    subject: `子系統「${data.subsystemName}」使用申請已駁回`,
    recipientName: data.name,
    paragraphs: [`很抱歉，您申請使用的子系統「${data.subsystemName}」未獲子系統管理者核准。如有疑問，請洽下方諮詢窗口。`],
    facts: [
      ['帳號', data.accountName],
      ['子系統', data.subsystemName],
      ['駁回原因', data.reason],
    ],
  });
}
