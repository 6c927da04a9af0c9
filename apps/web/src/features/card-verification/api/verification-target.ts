import type { PendingApplicationCredentials } from '@portal/shared';

/**
 * Whose verification a screen performs: a pending 單位業務管理者 application (no login; 帳號 +
 * 密碼 prove it, kind A), or a logged-in account's request (B / C-a / C-b) by its id.
 */
export type VerificationTarget =
  | { kind: 'pending'; credentials: PendingApplicationCredentials }
  | { kind: 'request'; requestId: string };
