import { portalPaths } from '@portal/shared';
import { renderLayout, type RenderedMail } from '../layout.js';
import { pageUrl } from './format.js';

export interface ApproverDigestData {
  origin: string;
  name: string;
  /** YYYY/MM/DD (Taipei) */
  date: string;
  /** One line per queue: 「一般使用者帳號申請」「子系統：成人預防保健」 … */
  queues: { label: string; pending: number; overdue: number; path: string }[];
}

export function approverDigest(data: ApproverDigestData): RenderedMail {
  const pending = data.queues.reduce((sum, queue) => sum + queue.pending, 0);
  const overdue = data.queues.reduce((sum, queue) => sum + queue.overdue, 0);
  return renderLayout({
    subject: `待審核案件通知（${data.date}）：待審核 ${pending} 件${overdue ? `，逾期 ${overdue} 件` : ''}`,
    recipientName: data.name,
    paragraphs: [
      `截至 ${data.date}，您負責審核的案件如下，請登入後儘速處理。`,
      ...(overdue ? [`其中 ${overdue} 件已等候超過三天。`] : []),
    ],
    facts: data.queues.map((queue) => [queue.label, `待審核 ${queue.pending} 件（逾期 ${queue.overdue} 件）`] as [string, string]),
    action: { label: '前往審核', url: pageUrl(data.origin, data.queues[0]?.path ?? portalPaths.home) },
    notes: ['本通知每日寄送一次，僅於有待審核案件時寄出。'],
  });
}
