import { ACCOUNT_ROLE_LABELS, ACCOUNT_STATUS_LABELS, type AccountRole, type AccountStatus } from '@portal/shared';

/** An account's role and status with the zh-TW labels every view shows beside them. */
export const labelledRoleAndStatus = (account: { role: AccountRole; status: AccountStatus }) => ({
  role: account.role,
  roleLabel: ACCOUNT_ROLE_LABELS[account.role],
  status: account.status,
  statusLabel: ACCOUNT_STATUS_LABELS[account.status],
});
