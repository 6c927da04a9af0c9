import { describe, expect, it } from 'vitest';
import { ROLE_FIXTURES } from '../../src/rules/fixtures.js';
import {
  APPLICANT_ROLE_LABELS,
  ApplicantRoleSchema,
  GENERAL_USER_REQUIRES_MANAGER_MESSAGE,
  canApplyForRole,
} from '../../src/rules/role-rule.js';

describe('canApplyForRole', () => {
  it.each(ROLE_FIXTURES)('$role with hasManager=$hasManager', ({ role, hasManager, allowed, message }) => {
    const expected = allowed ? { allowed: true } : { allowed: false, message };
    expect(canApplyForRole(role, { hasManager })).toEqual(expected);
  });

  it('uses the seed wording verbatim', () => {
    expect(GENERAL_USER_REQUIRES_MANAGER_MESSAGE).toBe(
      '提醒：當機構尚未有人申請「單位管理者」時，不可申請「一般使用者」',
    );
  });
});

describe('roles', () => {
  it('labels', () => {
    expect(APPLICANT_ROLE_LABELS).toEqual({
      INSTITUTION_MANAGER: '單位業務管理者',
      GENERAL_USER: '一般使用者',
    });
  });
  it('schema accepts the two roles and refuses anything else in zh-TW', () => {
    expect(ApplicantRoleSchema.safeParse('GENERAL_USER')).toEqual({ success: true, data: 'GENERAL_USER' });
    expect(ApplicantRoleSchema.safeParse('ADMIN').error?.issues.map((i) => i.message)).toEqual([
      '請選擇使用者角色別',
    ]);
    expect(ApplicantRoleSchema.safeParse(undefined).error?.issues.map((i) => i.message)).toEqual([
      '請選擇使用者角色別',
    ]);
  });
});
