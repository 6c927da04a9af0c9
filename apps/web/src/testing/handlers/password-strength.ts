import { collectPasswordUserInputs, RatePasswordRequestSchema, RateResetPasswordRequestSchema, type ErrorBody } from '@portal/shared';
import { evaluatePassword } from '@portal/shared/password-strength';
import { http, HttpResponse } from 'msw';
import { profileFixture } from './account';

/** The account's 身分證 as the API knows it; the browser never receives it. */
export const ACCOUNT_NATIONAL_ID = 'F131104093';

/** The API's rating: the shared evaluatePassword with the account's own inputs (real zxcvbn). */
const rate = (password: string) =>
  HttpResponse.json(
    evaluatePassword(password, collectPasswordUserInputs({ accountName: profileFixture.accountName, name: profileFixture.name, nationalId: ACCOUNT_NATIONAL_ID, email: profileFixture.email })),
  );

const invalid = () => HttpResponse.json({ code: 'VALIDATION_FAILED', message: '資料格式不正確' } satisfies ErrorBody, { status: 400 });

/** POST /api/auth/reset-password/strength ('valid-token' names the fixture account) and /api/account/password/strength. */
export const passwordStrengthHandlers = [
  http.post('*/api/auth/reset-password/strength', async ({ request }) => {
    const parsed = RateResetPasswordRequestSchema.safeParse(await request.json());
    if (!parsed.success || parsed.data.token !== 'valid-token') return invalid();
    return rate(parsed.data.password);
  }),
  http.post('*/api/account/password/strength', async ({ request }) => {
    const parsed = RatePasswordRequestSchema.safeParse(await request.json());
    return parsed.success ? rate(parsed.data.password) : invalid();
  }),
];
