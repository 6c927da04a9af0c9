import { describe, expect, it } from 'vitest';
import {
  ChangePasswordRequestSchema,
  ForgotPasswordRequestSchema,
  LoginRequestSchema,
  makeTaiwanIdWithChecksum,
  ResetPasswordRequestSchema,
  UpdateProfileRequestSchema,
} from '../../src/index.js';
import { issues } from './issues.js';

describe('LoginRequestSchema', () => {
  it('trims the account name and needs both fields', () => {
    expect(LoginRequestSchema.parse({ accountName: ' Wang ', password: 'x' })).toEqual({ accountName: 'Wang', password: 'x' });
    expect(issues(LoginRequestSchema.safeParse({ accountName: ' ', password: '' }))).toEqual([
      ['accountName', '請輸入您的帳號'],
      ['password', '請輸入您的密碼'],
    ]);
  });
});

describe('ForgotPasswordRequestSchema', () => {
  it('takes the e-mail or the 身分證, blanks meaning "not given"', () => {
    const id = makeTaiwanIdWithChecksum('A12345678');
    expect(ForgotPasswordRequestSchema.parse({ accountName: 'wang', email: ' wang@example.com ', nationalId: '' })).toEqual({
      accountName: 'wang',
      email: 'wang@example.com',
    });
    expect(ForgotPasswordRequestSchema.parse({ accountName: 'wang', nationalId: id.toLowerCase() })).toEqual({ accountName: 'wang', nationalId: id });
    expect(issues(ForgotPasswordRequestSchema.safeParse({ accountName: 'wang', email: '' }))).toEqual([
      ['email', '請輸入您的E-mail信箱或身分證字號'],
    ]);
  });
});

describe('ResetPasswordRequestSchema / ChangePasswordRequestSchema', () => {
  it('apply the composition rules and the confirmation', () => {
    expect(issues(ResetPasswordRequestSchema.safeParse({ token: 't', password: 'Qv7#mZ2!pL9x', passwordConfirm: 'other' }))).toEqual([
      ['passwordConfirm', '兩次輸入的密碼不一致'],
    ]);
    const weak = ChangePasswordRequestSchema.safeParse({ currentPassword: 'a', password: 'abcdefgh', passwordConfirm: 'abcdefgh' });
    expect(issues(weak).map(([path]) => path)).toEqual(['password', 'password', 'password']);
  });
});

describe('UpdateProfileRequestSchema', () => {
  it('normalises, and "" or null clears the mobile number', () => {
    expect(UpdateProfileRequestSchema.parse({ phone: '02-12345678=9', mobile: '0912345678' })).toEqual({ phone: '02-12345678#9', mobile: '0912-345678' });
    expect(UpdateProfileRequestSchema.parse({ mobile: '' })).toEqual({ mobile: null });
    expect(UpdateProfileRequestSchema.parse({ mobile: null })).toEqual({ mobile: null });
    expect(UpdateProfileRequestSchema.parse({})).toEqual({});
    expect(issues(UpdateProfileRequestSchema.safeParse({ mobile: '0800' }))).toEqual([['mobile', '手機號碼格式錯誤，請依範例填寫，例如 0912-345678']]);
  });
});
