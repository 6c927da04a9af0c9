/**
 * Role rule (docs/product.md, Rules 1): an institution without a 單位業務管理者 (active or
 * awaiting activation) cannot get 一般使用者 accounts, because general users are approved by
 * their institution's manager and nobody could approve them.
 *
 * The form calls `canApplyForRole` to disable the option; the API calls it again inside
 * the transaction that creates the account, with `hasManager` read in that transaction.
 */
import { z } from 'zod';

export const APPLICANT_ROLES = ['INSTITUTION_MANAGER', 'GENERAL_USER'] as const;
export type ApplicantRole = (typeof APPLICANT_ROLES)[number];

/** Labels as the guide's role picker shows them: 單位業務管理者 / 一般使用者. */
export const APPLICANT_ROLE_LABELS: Readonly<Record<ApplicantRole, string>> = {
  INSTITUTION_MANAGER: '單位業務管理者',
  GENERAL_USER: '一般使用者',
};

/** Verbatim from the administration's guide (the reminder under the role picker). */
export const GENERAL_USER_REQUIRES_MANAGER_MESSAGE =
  '提醒：當機構尚未有人申請「單位管理者」時，不可申請「一般使用者」';

export const ROLE_REQUIRED_MESSAGE = '請選擇使用者角色別';

export const ApplicantRoleSchema = z.enum(APPLICANT_ROLES, { error: ROLE_REQUIRED_MESSAGE });

export type RoleDecision = { allowed: true } | { allowed: false; message: string };

/**
 * 單位業務管理者 is always allowed: a second manager is legitimate (flow 3, 一般使用者
 * 申請管理者權限, exists for that). 一般使用者 needs an existing manager.
 */
export function canApplyForRole(
  role: ApplicantRole,
  institution: { hasManager: boolean },
): RoleDecision {
  if (role === 'GENERAL_USER' && !institution.hasManager) {
    return { allowed: false, message: GENERAL_USER_REQUIRES_MANAGER_MESSAGE };
  }
  return { allowed: true };
}
