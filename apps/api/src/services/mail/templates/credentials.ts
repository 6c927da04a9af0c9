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

/**
 * A mail whose point is one link that works once and lapses: what it is for, the button, how long
 * it lasts, and what to do when the reader did not ask for it.
 */
function oneTimeLinkMail(
  data: { name?: string; accountName: string; link: string; expiresMinutes: number },
  { subject, paragraph, ifNotAsked }: { subject: string; paragraph: string; ifNotAsked: string },
): RenderedMail {
  return renderLayout({
    subject,
    recipientName: data.name ?? data.accountName,
    paragraphs: [paragraph],
    action: { label: subject, url: data.link },
    notes: [`此連結於 ${data.expiresMinutes} 分鐘內有效，且僅能使用一次。`, ifNotAsked],
  });
}

export function passwordReset(data: PasswordResetData): RenderedMail {
  return oneTimeLinkMail(data, {
    subject: '重設密碼',
    paragraph: `我們收到帳號「${data.accountName}」重設密碼的要求，請點選下方連結設定新密碼。`,
    ifNotAsked: '若您並未要求重設密碼，請忽略本信件，您的密碼不會變更。',
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
  return oneTimeLinkMail(data, {
    subject: '確認變更 E-mail',
    paragraph: `帳號「${data.accountName}」要求將 E-mail 變更為 ${data.newEmail}，請點選下方連結確認；確認後，系統通知將寄至此信箱。`,
    ifNotAsked: '若您並未要求變更 E-mail，請忽略本信件，您的帳號資料不會變更。',
  });
}

export interface EmailChangeNoticeData {
  origin: string;
  name?: string;
  accountName: string;
  newEmail: string;
}

/**
 * To the address being replaced, when the change is asked for (before the link is opened): if
 * it was not the owner, the owner still has time to stop it, and is told how.
 */
export function emailChangeNotice(data: EmailChangeNoticeData): RenderedMail {
  return renderLayout({
    subject: 'E-mail 變更通知',
    recipientName: data.name ?? data.accountName,
    paragraphs: [
      `帳號「${data.accountName}」剛剛要求將 E-mail 由本信箱變更為 ${data.newEmail}。確認信已寄至新信箱，點選其中的連結後才會變更；變更後，系統通知（包括重設密碼的信件）只會寄至新信箱。`,
      '若這是您本人的操作，無須處理。',
      '若不是您本人：請立即登入並於「帳號資料」變更密碼，或以「忘記密碼」重設密碼——尚未確認的 E-mail 變更會隨之失效，其他裝置上的登入也會全部登出；並請以電話或 E-mail 通知下方諮詢窗口，告知您的帳號及收到本通知的時間。',
    ],
    facts: [
      ['帳號', data.accountName],
      ['新的 E-mail', data.newEmail],
    ],
    links: [
      { label: '服務登入', url: pageUrl(data.origin, portalPaths.login) },
      { label: '忘記密碼', url: pageUrl(data.origin, portalPaths.forgotPassword) },
    ],
    notes: ['本通知寄至變更前的 E-mail 信箱，讓帳號持有人知悉每一次 E-mail 變更。'],
  });
}
