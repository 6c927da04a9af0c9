import { APPLICANT_ROLE_LABELS, MANAGER_FORM_TITLE, portalPaths, type ApplicantRole } from '@portal/shared';
import { renderLayout, type RenderedMail } from '../layout.js';
import { pageUrl } from './format.js';

export interface ApplicationReceivedData {
  origin: string;
  /** 姓名 */
  name: string;
  applicationNo: string;
  accountName: string;
  institution: { code: string; name: string };
  role: ApplicantRole;
  /** INSTITUTION_VERIFICATION (a 單位業務管理者) or MANAGER_APPROVAL (a 一般使用者). */
  nextStep: 'INSTITUTION_VERIFICATION' | 'MANAGER_APPROVAL';
  /** Names of the subsystems applied for; none is fine. */
  subsystems?: string[];
}

const NEXT_STEP_TEXT: Record<ApplicationReceivedData['nextStep'], string> = {
  INSTITUTION_VERIFICATION:
    `下一步：請以醫事機構卡完成驗證，驗證成功後帳號即可啟用；若無法以醫事機構卡驗證，請以紙本審核：下載「${MANAGER_FORM_TITLE}」，加蓋機構關防後上傳或寄至客服信箱，系統人員將於三個工作天內完成審核。兩者皆以您申請的帳號及密碼進入，不需登入。`,
  MANAGER_APPROVAL: '下一步：您的申請已送交貴機構的單位業務管理者審核，審核通過後即可登入使用。',
};

export function applicationReceived(data: ApplicationReceivedData): RenderedMail {
  const statusLink = { label: '申請進度查詢', url: pageUrl(data.origin, portalPaths.applicationStatus) };
  // A pending 單位業務管理者 must be able to come back to the verification from the mail.
  const links =
    data.nextStep === 'INSTITUTION_VERIFICATION'
      ? {
          action: { label: '醫事機構卡驗證', url: pageUrl(data.origin, portalPaths.applyCardVerification) },
          links: [{ label: '紙本審核', url: pageUrl(data.origin, portalPaths.applyPaperReview) }, statusLink],
        }
      : { action: statusLink };
  return renderLayout({
    subject: '帳號申請已受理',
    recipientName: data.name,
    paragraphs: ['我們已收到您的帳號申請，申請資料如下。', NEXT_STEP_TEXT[data.nextStep]],
    facts: [
      ['申請編號', data.applicationNo],
      ['帳號', data.accountName],
      ['機構', `${data.institution.code} ${data.institution.name}`],
      ['使用者角色別', APPLICANT_ROLE_LABELS[data.role]],
      ['申請子系統', data.subsystems?.length ? data.subsystems.join('、') : '無（僅使用篩檢結果查詢）'],
    ],
    ...links,
    notes: ['查詢申請進度時，請輸入帳號及身分證字號。'],
  });
}

export interface AccountActivatedData {
  origin: string;
  name: string;
  accountName: string;
}

export function accountActivated(data: AccountActivatedData): RenderedMail {
  return renderLayout({
    subject: '帳號已啟用',
    recipientName: data.name,
    paragraphs: ['您的帳號已啟用，現在即可登入使用。'],
    facts: [['帳號', data.accountName]],
    action: { label: '服務登入', url: pageUrl(data.origin, portalPaths.login) },
  });
}

export interface AccountRejectedData {
  origin: string;
  name: string;
  accountName: string;
  applicationNo: string;
  reason: string;
}

export function accountRejected(data: AccountRejectedData): RenderedMail {
  return renderLayout({
    subject: '帳號申請未通過',
    recipientName: data.name,
    paragraphs: ['很抱歉，您的帳號申請未通過審核。如有疑問，請洽下方諮詢窗口。'],
    facts: [
      ['申請編號', data.applicationNo],
      ['帳號', data.accountName],
      ['駁回原因', data.reason],
    ],
    action: { label: '申請進度查詢', url: pageUrl(data.origin, portalPaths.applicationStatus) },
  });
}
