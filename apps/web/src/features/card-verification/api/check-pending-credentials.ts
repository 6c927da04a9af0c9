import { MessageResponseSchema, MANAGER_REQUEST_ROUTES, type PendingApplicationCredentials } from '@portal/shared';
import { apiPost } from '../../../lib/api-client';

/**
 * Checks 帳號 + 密碼 of a pending 單位業務管理者 application as soon as they are entered, with the
 * API's own check (POST /api/applications/credentials: throttled per address and counted against
 * the account like a login; nothing changes). Rejects with the API's error (401 for wrong ones,
 * 429).
 */
export async function checkPendingCredentials(credentials: PendingApplicationCredentials): Promise<void> {
  await apiPost(MANAGER_REQUEST_ROUTES.pendingCredentials, credentials, MessageResponseSchema);
}
