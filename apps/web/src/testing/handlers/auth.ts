import { CSRF_COOKIE } from '../../lib/csrf';
import {
  ACCOUNT_ROLE_LABELS,
  ApplicationStatusQuerySchema,
  AUTH_MESSAGES,
  ForgotPasswordRequestSchema,
  LoginRequestSchema,
  ResetPasswordRequestSchema,
  type AccountRole,
  type ApplicationStatus,
  type ErrorBody,
  type MessageResponse,
  type Session,
} from '@portal/shared';
import { http, HttpResponse } from 'msw';

export const CSRF_TOKEN = 'csrf-token-of-the-test-session';

/** A demo account's session; the CSRF token and the session's timings are the same for every role. */
const demoSession = (role: AccountRole, who: Pick<Session, 'id' | 'accountName' | 'name' | 'institution' | 'managedSubsystems'>): Session => ({
  ...who,
  role,
  roleLabel: ACCOUNT_ROLE_LABELS[role],
  csrfToken: CSRF_TOKEN,
  accessExpiresAt: '2030-01-01T00:10:00.000Z',
  idleExpiresAt: '2030-01-01T00:30:00.000Z',
  absoluteExpiresAt: '2030-01-01T12:00:00.000Z',
  idleTimeoutSeconds: 1800,
});

export const sessions: Record<AccountRole, Session> = {
  INSTITUTION_MANAGER: demoSession('INSTITUTION_MANAGER', { id: '11111111-1111-4111-8111-111111111111', accountName: 'demomanager', name: '王示範', institution: { code: '9900000001', name: '示範醫院' }, managedSubsystems: [] }),
  GENERAL_USER: demoSession('GENERAL_USER', { id: '22222222-2222-4222-8222-222222222222', accountName: 'demouser', name: '李示範', institution: { code: '9900000001', name: '示範醫院' }, managedSubsystems: [] }),
  SUBSYSTEM_MANAGER: demoSession('SUBSYSTEM_MANAGER', { id: '33333333-3333-4333-8333-333333333333', accountName: 'demosubadult', name: '成人預防保健管理者', institution: null, managedSubsystems: [{ code: 'adult-preventive', name: '成人預防保健' }] }),
  SYSTEM_STAFF: demoSession('SYSTEM_STAFF', { id: '44444444-4444-4444-8444-444444444444', accountName: 'demostaff', name: '陳示範', institution: null, managedSubsystems: [] }),
};

const error = (status: number, body: ErrorBody, headers?: Record<string, string>) =>
  HttpResponse.json(body satisfies ErrorBody, { status, headers });
const invalid = () => error(400, { code: 'VALIDATION_FAILED', message: '輸入的資料有誤，請檢查後再送出。' });
export const notLoggedIn = () => error(401, { code: 'UNAUTHORIZED', message: '請先登入。' });

export const applicationStatusFixture = {
  applicationNo: 'A20261126-0001',
  accountName: 'newuser01',
  role: 'GENERAL_USER',
  roleLabel: ACCOUNT_ROLE_LABELS.GENERAL_USER,
  status: 'PENDING_APPROVAL',
  statusLabel: '待核准',
  institution: { code: '9900000001', name: '示範醫院' },
  submittedAt: '2026-11-25T16:30:00.000Z',
  steps: [
    { key: 'submitted', label: '帳號申請送出', state: 'DONE', date: '2026-11-25T16:30:00.000Z', note: null },
    { key: 'verification', label: '單位業務管理者核准', state: 'WAITING', date: null, note: '請洽貴機構單位業務管理者' },
    { key: 'subsystem:adult-preventive', label: '成人預防保健', state: 'NOT_STARTED', date: null, note: null },
  ],
} satisfies ApplicationStatus;

/**
 * /api/auth/* and /api/application-status. By default nobody is logged in; `loggedInAs(role)`
 * answers the session (and login) as that role.
 */
export const authHandlers = [
  http.get('*/api/auth/session', () => notLoggedIn()),
  http.post('*/api/auth/refresh', () => error(401, { code: 'SESSION_EXPIRED', message: AUTH_MESSAGES.sessionExpired })),
  http.post('*/api/auth/login', async ({ request }) => {
    const parsed = LoginRequestSchema.safeParse(await request.json());
    if (!parsed.success) return invalid();
    if (parsed.data.accountName === 'demomanager' && parsed.data.password === 'Portal*Demo=2026') {
      return HttpResponse.json(sessions.INSTITUTION_MANAGER satisfies Session);
    }
    return error(401, { code: 'INVALID_CREDENTIALS', message: AUTH_MESSAGES.invalidCredentials });
  }),
  http.post('*/api/auth/logout', () => HttpResponse.json({ message: AUTH_MESSAGES.loggedOut } satisfies MessageResponse)),
  http.post('*/api/auth/forgot-password', async ({ request }) => {
    if (!ForgotPasswordRequestSchema.safeParse(await request.json()).success) return invalid();
    return HttpResponse.json({ message: AUTH_MESSAGES.forgotPasswordAccepted } satisfies MessageResponse, { status: 202 });
  }),
  http.post('*/api/auth/reset-password', async ({ request }) => {
    const parsed = ResetPasswordRequestSchema.safeParse(await request.json());
    if (!parsed.success) return invalid();
    if (parsed.data.token !== 'valid-token') return error(400, { code: 'RESET_TOKEN_INVALID', message: AUTH_MESSAGES.resetTokenInvalid });
    return HttpResponse.json({ message: AUTH_MESSAGES.passwordResetDone } satisfies MessageResponse);
  }),
  http.post('*/api/application-status', async ({ request }) => {
    const parsed = ApplicationStatusQuerySchema.safeParse(await request.json());
    if (!parsed.success) return invalid();
    if (parsed.data.accountName !== 'newuser01') {
      return error(404, { code: 'APPLICATION_NOT_FOUND', message: AUTH_MESSAGES.applicationStatusNotFound });
    }
    return HttpResponse.json(applicationStatusFixture);
  }),
];

/**
 * The session answers as `role` (as after a login in an earlier page load, which also left the
 * readable CSRF cookie behind; testing/setup.ts clears it after each test).
 */
export const loggedInAs = (role: AccountRole) => {
  document.cookie = `${CSRF_COOKIE}=${encodeURIComponent(sessions[role].csrfToken)}; path=/`;
  return http.get('*/api/auth/session', () => HttpResponse.json(sessions[role] satisfies Session));
};

export const loginFails = (status: number, body: ErrorBody, headers?: Record<string, string>) =>
  http.post('*/api/auth/login', () => error(status, body, headers));
