import { ManagerRequestSchema, MANAGER_REQUEST_ROUTES, type PendingApplicationCredentials } from '@portal/shared';
import { apiPost } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';

/**
 * Checks 帳號 + 密碼 of a pending 單位業務管理者 application as soon as they are entered, with the
 * API's own check (POST …/manager-request: throttled per address and counted against the
 * account like a login). Rejects with the API's error (401 for wrong ones, 429). A 404 says the
 * application has no request on the paper path yet: the credentials are right.
 */
export async function checkPendingCredentials(credentials: PendingApplicationCredentials): Promise<void> {
  try {
    await apiPost(MANAGER_REQUEST_ROUTES.pendingRequest, credentials, ManagerRequestSchema);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'MANAGER_REQUEST_NOT_FOUND') return;
    throw error;
  }
}
