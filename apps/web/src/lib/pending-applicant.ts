import type { PendingApplicationCredentials } from '@portal/shared';

/*
 * The 帳號 and 密碼 of a 單位業務管理者 who has just applied, kept in memory only (never in
 * storage, the URL or history state), so that the 醫事機構卡驗證 / 紙本審核 screens that follow
 * the application need not ask for them again. A reload forgets them; the screens then ask.
 */
let remembered: PendingApplicationCredentials | null = null;

export function rememberPendingApplicant(credentials: PendingApplicationCredentials): void {
  remembered = { ...credentials };
}

export function pendingApplicant(): PendingApplicationCredentials | null {
  return remembered;
}

export function forgetPendingApplicant(): void {
  remembered = null;
}
