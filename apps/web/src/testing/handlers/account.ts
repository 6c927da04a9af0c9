import {
  ACCOUNT_MESSAGES,
  AUTH_MESSAGES,
  ChangePasswordRequestSchema,
  ConfirmEmailRequestSchema,
  RequestSubsystemSchema,
  UpdateProfileRequestSchema,
  type ErrorBody,
  type MessageResponse,
  type MySubsystem,
  type MySsoSessionList,
  type MySubsystemList,
  type Profile,
  type UpdateProfileResponse,
} from '@portal/shared';
import { http, HttpResponse } from 'msw';
import { subsystems } from '../fixtures';

export const profileFixture = {
  accountName: 'demomanager',
  name: '王示範',
  role: 'INSTITUTION_MANAGER',
  roleLabel: '單位業務管理者',
  institution: { code: '9900000001', name: '示範醫院' },
  phone: '02-12345678#123',
  mobile: '0912-345678',
  email: 'demomanager@demo.invalid',
  pendingEmail: null,
} satisfies Profile;

export const mySubsystemsFixture = {
  canRequest: true,
  items: [
    { code: 'adult-preventive', name: '成人預防保健', status: 'APPROVED', statusLabel: '已核准', reason: null, requestedAt: '2026-10-01T01:00:00.000Z', decidedAt: '2026-10-02T01:00:00.000Z', launchUrl: 'http://localhost:3001/login' },
    { code: 'child-preventive', name: '兒童預防保健', status: 'PENDING', statusLabel: '待審核', reason: null, requestedAt: '2026-10-01T01:00:00.000Z', decidedAt: null, launchUrl: null },
    { code: 'prenatal', name: '孕婦產前檢查', status: 'REJECTED', statusLabel: '已駁回', reason: '貴機構未提供產檢服務', requestedAt: '2026-10-01T01:00:00.000Z', decidedAt: '2026-10-03T01:00:00.000Z', launchUrl: null },
    { code: 'oral-cancer', name: '口腔癌篩檢', status: 'REVOKED', statusLabel: '已停用', reason: '合約到期', requestedAt: '2026-10-01T01:00:00.000Z', decidedAt: '2026-10-05T01:00:00.000Z', launchUrl: null },
  ],
} satisfies MySubsystemList;

export const mySsoSessionsFixture = {
  items: [
    { clientId: 'adult-preventive', subsystemName: '成人預防保健', startedAt: '2026-12-03T01:02:03.000Z', count: 1 },
    { clientId: 'child-preventive', subsystemName: '兒童預防保健', startedAt: '2026-12-03T02:00:00.000Z', count: 2 },
  ],
} satisfies MySsoSessionList;

/** The demo accounts' password (the seed's). */
const DEMO_PASSWORD = 'Portal*Demo=2026';

const fieldRefusal = (code: string, field: string, message: string) =>
  HttpResponse.json({ code, message, fieldErrors: { [field]: [message] } } satisfies ErrorBody, { status: 400 });

const invalid = () =>
  HttpResponse.json({ code: 'VALIDATION_FAILED', message: '輸入的資料有誤，請檢查後再送出。' } satisfies ErrorBody, { status: 400 });

export const accountHandlers = [
  http.get('*/api/account/profile', () => HttpResponse.json(profileFixture satisfies Profile)),
  http.patch('*/api/account/profile', async ({ request }) => {
    const parsed = UpdateProfileRequestSchema.safeParse(await request.json());
    if (!parsed.success) return invalid();
    const { email, currentPassword, ...contact } = parsed.data;
    const emailChangePending = email !== undefined && email !== profileFixture.email;
    if (emailChangePending && currentPassword !== DEMO_PASSWORD) {
      return fieldRefusal('CURRENT_PASSWORD_WRONG', 'currentPassword', AUTH_MESSAGES.currentPasswordWrong);
    }
    const profile: Profile = {
      ...profileFixture,
      ...(contact.phone !== undefined && { phone: contact.phone }),
      ...(contact.mobile !== undefined && { mobile: contact.mobile }),
      pendingEmail: emailChangePending ? email : null,
    };
    return HttpResponse.json({
      profile,
      emailChangePending,
      message: emailChangePending ? ACCOUNT_MESSAGES.emailChangePending : ACCOUNT_MESSAGES.profileUpdated,
    } satisfies UpdateProfileResponse);
  }),
  http.post('*/api/account/password', async ({ request }) => {
    const parsed = ChangePasswordRequestSchema.safeParse(await request.json());
    if (!parsed.success) return invalid();
    // As the API: the current password first, then the new one against the policy.
    if (parsed.data.currentPassword !== DEMO_PASSWORD) return fieldRefusal('CURRENT_PASSWORD_WRONG', 'currentPassword', AUTH_MESSAGES.currentPasswordWrong);
    if (parsed.data.password === DEMO_PASSWORD) return fieldRefusal('PASSWORD_UNCHANGED', 'password', AUTH_MESSAGES.passwordSameAsCurrent);
    return HttpResponse.json({ message: ACCOUNT_MESSAGES.passwordChanged } satisfies MessageResponse);
  }),
  http.post('*/api/account/confirm-email', async ({ request }) => {
    const parsed = ConfirmEmailRequestSchema.safeParse(await request.json());
    if (!parsed.success || parsed.data.token !== 'valid-token') {
      return HttpResponse.json({ code: 'EMAIL_TOKEN_INVALID', message: ACCOUNT_MESSAGES.emailTokenInvalid } satisfies ErrorBody, { status: 400 });
    }
    return HttpResponse.json({ message: ACCOUNT_MESSAGES.emailConfirmed } satisfies MessageResponse);
  }),
  http.get('*/api/account/sso-sessions', () => HttpResponse.json(mySsoSessionsFixture satisfies MySsoSessionList)),
  http.get('*/api/account/subsystems', () => HttpResponse.json(mySubsystemsFixture satisfies MySubsystemList)),
  http.post('*/api/account/subsystems', async ({ request }) => {
    const parsed = RequestSubsystemSchema.safeParse(await request.json());
    const subsystem = parsed.success ? subsystems.find((item) => item.code === parsed.data.code) : undefined;
    if (!subsystem) return invalid();
    return HttpResponse.json(
      { code: subsystem.code, name: subsystem.name, status: 'PENDING', statusLabel: '待審核', reason: null, requestedAt: '2026-11-26T01:00:00.000Z', decidedAt: null, launchUrl: null } satisfies MySubsystem,
      { status: 201 },
    );
  }),
];
