import { portalPaths } from '@portal/shared';
import { renderLayout, type RenderedMail } from '../layout.js';
import { pageUrl } from './format.js';

export interface ScreeningLookupAlertData {
  origin: string;
  /** The staff member addressed. */
  name: string;
  accountName: string;
  accountHolder: string;
  institution: string;
  /** YYYY-MM-DD (Taipei) */
  day: string;
  distinctPersons: number;
  threshold: number;
}

export function screeningLookupAlert(data: ScreeningLookupAlertData): RenderedMail {
  return renderLayout({
    subject: `篩檢結果查詢異常警示：帳號 ${data.accountName} 於 ${data.day} 查詢 ${data.distinctPersons} 人`,
    recipientName: data.name,
    paragraphs: [
      `帳號 ${data.accountName}（${data.accountHolder}，${data.institution}）於 ${data.day} 已查詢 ${data.distinctPersons} 位不同民眾的篩檢結果，達到警示門檻 ${data.threshold} 人。`,
      '篩檢結果屬個人健康資料，請確認查詢是否出於看診服務或追蹤管理之需要，必要時聯繫該機構之單位業務管理者。',
    ],
    facts: [
      ['帳號', data.accountName],
      ['使用者', data.accountHolder],
      ['機構', data.institution],
      ['查詢日期', data.day],
      ['不同民眾數', String(data.distinctPersons)],
    ],
    action: { label: '檢視篩檢查詢警示', url: pageUrl(data.origin, portalPaths.screeningAlerts) },
    notes: ['同一帳號同一天只會通知一次。'],
  });
}
