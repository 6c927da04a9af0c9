import { portalPaths } from '@portal/shared';
import { renderLayout, type RenderedMail } from '../layout.js';
import { pageUrl } from './format.js';

/** `${origin}/reset-password?token=…` */
export function passwordResetLink(origin: string, token: string): string {
  return pageUrl(origin, portalPaths.resetPassword, { token });
}

/** `${origin}/account/confirm-email?token=…` */
export function emailChangeLink(origin: string, token: string): string {
  return pageUrl(origin, portalPaths.confirmEmail, { token });
}

export interface PasswordResetData {
  /** 姓名, when known; the account name otherwise. */
  name?: string;
  accountName: string;
  link: string;
  expiresMinutes: number;
}

export function passwordReset(data: PasswordResetData): RenderedMail {
  return renderLayout({
    subject: '重設密碼',
    recipientName: data.name ?? data.accountName,
    paragraphs: [`我們收到帳號「${data.accountName}」重設密碼的要求，請點選下方連結設定新密碼。`],
    action: { label: '重設密碼', url: data.link },
    notes: [
      `此連結於 ${data.expiresMinutes} 分鐘內有效，且僅能使用一次。`,
      '若您並未要求重設密碼，請忽略本信件，您的密碼不會變更。',
    ],
  });
}

export interface EmailChangeConfirmData {
  name?: string;
  accountName: string;
  newEmail: string;
  link: string;
  expiresMinutes: number;
}

export function emailChangeConfirm(data: EmailChangeConfirmData): RenderedMail {
  return renderLayout({
    subject: '確認變更 E-mail',
    recipientName: data.name ?? data.accountName,
    paragraphs: [
      `帳號「${data.accountName}」要求將 E-mail 變更為 ${data.newEmail}，請點選下方連結確認；確認後，系統通知將寄至此信箱。`,
    ],
    action: { label: '確認變更 E-mail', url: data.link },
    notes: [
      `此連結於 ${data.expiresMinutes} 分鐘內有效，且僅能使用一次。`,
      '若您並未要求變更 E-mail，請忽略本信件，您的帳號資料不會變更。',
    ],
  });
}
