import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_MESSAGES, PASSWORD_RULES, type AccountApplicationInput } from '@portal/shared';
import { FIELD_FIXTURES, PASSWORD_FIXTURES, type FieldName } from '@portal/shared/fixtures';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { nextAddress, validApplication } from './application-fixtures.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0 });
});
afterAll(() => ctx?.close());

const apply = (body: unknown) =>
  ctx.app.inject({ method: 'POST', url: '/api/applications', payload: body as object, remoteAddress: nextAddress() });

/** The contract: the API refuses exactly what the shared fixtures say, with the same words. */
const BODY_FIELD: Record<FieldName, keyof AccountApplicationInput> = {
  accountName: 'accountName',
  personName: 'name',
  nationalId: 'nationalId',
  landlinePhone: 'phone',
  mobilePhone: 'mobile',
  email: 'email',
  institutionCode: 'institutionCode',
};

describe('contract: field fixtures', () => {
  for (const fixture of FIELD_FIXTURES) {
    const field = BODY_FIELD[fixture.field];
    it.each(fixture.rejected.map((r) => [JSON.stringify(r.value), r] as const))(`${fixture.label} rejects %s`, async (_name, rejected) => {
      const body = { ...validApplication(), [field]: rejected.value };
      const res = await apply(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().fieldErrors[field]).toEqual([expect.stringContaining(rejected.messageIncludes)]);
    });
    it.each(fixture.accepted.map((a) => [JSON.stringify(a.value), a] as const))(`${fixture.label} accepts %s`, async (_name, accepted) => {
      // An institution that does not exist: the value passes validation, then nothing is written.
      const body = { ...validApplication({ institutionCode: '0000000000' }), [field]: accepted.value };
      const res = await apply(body);
      expect(res.statusCode).toBe(404);
      // Well-formed: whatever else may be said of the value (an unknown 機構代碼), it is not
      // one of the field's format messages.
      const messages: string[] = res.json().fieldErrors?.[field] ?? [];
      for (const rejected of fixture.rejected) {
        expect(messages.some((message) => message.includes(rejected.messageIncludes))).toBe(false);
      }
    });
  }
});

describe('contract: password fixtures', () => {
  const strength = PASSWORD_RULES.STRENGTH.message;
  it.each(PASSWORD_FIXTURES.map((f) => [f.note, f] as const))('%s', async (_note, fixture) => {
    // At 示範診所: the fixtures' applicant has the 身分證 of a demo account of 示範醫院 (decision 011).
    const body = validApplication({ institutionCode: '9900000002', role: 'INSTITUTION_MANAGER', password: fixture.password, ...fixture.context });
    const res = await apply(body);
    if (fixture.acceptable) {
      expect(res.statusCode, res.body).toBe(201);
      // Fixtures share a 身分證: closed again so the next may apply at the same institution (decision 011).
      await ctx.db.prisma.account.update({ where: { accountNameKey: body.accountName.toLowerCase() }, data: { status: 'REJECTED' } });
      return;
    }
    expect(res.statusCode).toBe(400);
    const composition = fixture.unmet.filter((code) => code !== 'STRENGTH').map((code) => PASSWORD_RULES[code].message);
    const expected = fixture.password === '' ? [APPLICATION_MESSAGES.passwordRequired] : composition.length > 0 ? composition : [strength];
    expect(res.json().fieldErrors.password).toEqual(expected);
  });
});
