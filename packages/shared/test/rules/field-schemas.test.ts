import { InstitutionCodeSchema } from '../../src/schemas/institution.js';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AccountNameSchema,
  EmailSchema,
  LandlinePhoneSchema,
  MobilePhoneSchema,
  PersonNameSchema,
  accountNameKey,
  normalizeMobile,
} from '../../src/rules/contact-fields.js';
import { FIELD_FIXTURES, type FieldName } from '../../src/rules/fixtures.js';
import { NationalIdSchema } from '../../src/rules/national-id.js';

// The same mapping the SPA and API contract tests use: fixture field → schema.
const SCHEMAS: Record<FieldName, z.ZodType> = {
  accountName: AccountNameSchema,
  personName: PersonNameSchema,
  nationalId: NationalIdSchema,
  landlinePhone: LandlinePhoneSchema,
  mobilePhone: MobilePhoneSchema,
  email: EmailSchema,
  institutionCode: InstitutionCodeSchema,
};

describe.each(FIELD_FIXTURES)('$field ($label)', ({ field, accepted, rejected }) => {
  const schema = SCHEMAS[field];

  it.each(accepted)('accepts %j', ({ value, normalized }) => {
    const result = schema.safeParse(value);
    expect(result).toEqual({ success: true, data: normalized });
  });

  it.each(rejected)('rejects %j', ({ value, messageIncludes }) => {
    const result = schema.safeParse(value);
    expect(result.success).toBe(false);
    // Exactly one message, so the form shows one clear reason.
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([messageIncludes]);
  });
});

describe('field helpers', () => {
  it('account key is lower-case and trimmed', () => {
    expect(accountNameKey('  Wang.XM_01 ')).toBe('wang.xm_01');
  });

  it('normalizeMobile leaves a non-mobile value trimmed but unchanged', () => {
    expect(normalizeMobile(' 0212345678 ')).toBe('0212345678');
    expect(normalizeMobile('0912345678')).toBe('0912-345678');
  });

  it('a non-string is refused with the required message', () => {
    expect(AccountNameSchema.safeParse(12345).error?.issues.map((i) => i.message)).toEqual([
      '請輸入您的帳號',
    ]);
    expect(LandlinePhoneSchema.safeParse(null).error?.issues.map((i) => i.message)).toEqual([
      '請輸入您的市話號碼',
    ]);
  });
});
