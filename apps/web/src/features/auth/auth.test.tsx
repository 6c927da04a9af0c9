import { AUTH_MESSAGES, LOGIN_REFUSAL_CODES, PASSWORD_RULES, PASSWORD_STRENGTH_ADVICE, tooManyLoginFailuresMessage, type Session } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { CSRF_TOKEN, loggedInAs, loginFails, sessions } from '../../testing/handlers/auth';
import { ACCOUNT_NATIONAL_ID } from '../../testing/handlers/password-strength';
import { renderApp } from '../../testing/render';
import { server } from '../../testing/server';

vi.mock('../../lib/password-strength/create-password-strength-evaluator', async () => {
  const { createInlinePasswordStrengthEvaluator } = await import('../../lib/password-strength/create-inline-password-strength-evaluator');
  return { createPasswordStrengthEvaluator: createInlinePasswordStrengthEvaluator };
});

const loginBox = () => within(screen.getByRole('region', { name: '服務登入' }));

async function logIn(user: Awaited<ReturnType<typeof renderApp>>['user'], accountName: string, password: string) {
  await user.type(await loginBox().findByLabelText('帳號'), accountName);
  await user.type(loginBox().getByLabelText('密碼'), password);
  await user.click(loginBox().getByRole('button', { name: '登入' }));
}

describe('服務登入', () => {
  it('logs in, lands on 我的服務 and greets the user in the box', async () => {
    const { user, router } = await renderApp('/');
    await logIn(user, 'demomanager', 'Portal*Demo=2026');
    expect(await screen.findByRole('heading', { level: 1, name: '我的服務' }, { timeout: 15000 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account');
    expect(loginBox().getByText('王示範 您好')).toBeInTheDocument();
    expect(loginBox().getByText('單位業務管理者')).toBeInTheDocument();
    expect(loginBox().getByText('示範醫院')).toBeInTheDocument();
    expect(loginBox().getByRole('link', { name: '我的帳號' })).toHaveAttribute('href', '/account/profile');
    expect(loginBox().getByRole('button', { name: '登出' })).toBeEnabled();
  });

  it('says which field is missing without calling the API', async () => {
    const { user } = await renderApp('/');
    await user.click(await loginBox().findByRole('button', { name: '登入' }));
    expect(loginBox().getByRole('alert')).toHaveTextContent(`${AUTH_MESSAGES.accountNameRequired}；${AUTH_MESSAGES.passwordRequired}`);
  });

  it('announces a wrong password with the API message and clears the password', async () => {
    const { user } = await renderApp('/');
    await logIn(user, 'demomanager', 'Wrong*Pass1');
    expect(await loginBox().findByRole('alert')).toHaveTextContent(AUTH_MESSAGES.invalidCredentials);
    expect(loginBox().getByLabelText('密碼')).toHaveValue('');
  });

  it('shows the 403 message of an account awaiting verification as the API sends it', async () => {
    server.use(loginFails(403, { code: LOGIN_REFUSAL_CODES.PENDING_VERIFICATION, message: AUTH_MESSAGES.pendingVerification }));
    const { user } = await renderApp('/');
    await logIn(user, 'newmgr', 'Portal*Demo=2026');
    expect(await loginBox().findByRole('alert')).toHaveTextContent(AUTH_MESSAGES.pendingVerification);
    // The way back to the verification, which needs no login.
    expect(loginBox().getByRole('link', { name: '以醫事機構卡驗證' })).toHaveAttribute('href', '/apply/card-verification');
    expect(loginBox().getByRole('link', { name: /以紙本審核/ })).toHaveAttribute('href', '/apply/paper-review');
  });

  it('offers no verification links when the password is wrong', async () => {
    const { user } = await renderApp('/');
    await logIn(user, 'demomanager', 'Wrong*Pass1');
    await loginBox().findByRole('alert');
    expect(loginBox().queryByRole('link', { name: '以醫事機構卡驗證' })).not.toBeInTheDocument();
  });

  it('shows the 429 message with the wait', async () => {
    server.use(loginFails(429, { code: 'TOO_MANY_LOGIN_FAILURES', message: tooManyLoginFailuresMessage(15) }, { 'retry-after': '900' }));
    const { user } = await renderApp('/');
    await logIn(user, 'demomanager', 'Wrong*Pass1');
    expect(await loginBox().findByRole('alert')).toHaveTextContent('登入失敗次數過多，請於 15 分鐘後再試。');
  });

  it('adds the wait from Retry-After when the 429 message has none', async () => {
    server.use(loginFails(429, { code: 'RATE_LIMITED', message: '操作過於頻繁，請稍後再試。' }, { 'retry-after': '120' }));
    const { user } = await renderApp('/');
    await logIn(user, 'demomanager', 'Wrong*Pass1');
    expect(await loginBox().findByRole('alert')).toHaveTextContent('操作過於頻繁，請稍後再試。（請於 2 分鐘後再試）');
  });

  it('logs out with the CSRF header, goes home and says so', async () => {
    server.use(loggedInAs('GENERAL_USER'));
    let csrf: string | null = null;
    server.use(
      http.post('*/api/auth/logout', ({ request }) => {
        csrf = request.headers.get('x-csrf-token');
        return HttpResponse.json({ message: AUTH_MESSAGES.loggedOut });
      }),
    );
    const { user, router } = await renderApp('/account');
    await screen.findByRole('heading', { level: 1, name: '我的服務' });
    await user.click(loginBox().getByRole('button', { name: '登出' }));
    expect(await loginBox().findByRole('status')).toHaveTextContent(AUTH_MESSAGES.loggedOut);
    expect(csrf).toBe(CSRF_TOKEN);
    expect(router.state.location.pathname).toBe('/');
    expect(loginBox().getByLabelText('帳號')).toBeInTheDocument();
    expect(screen.queryByRole('alert')?.textContent ?? null).toBeNull();
  });

  it('sends the CSRF token of the cookie after a reload', async () => {
    document.cookie = 'portal_csrf=from-cookie; path=/';
    try {
      server.use(
        http.get('*/api/auth/session', () => HttpResponse.json({ ...sessions.GENERAL_USER, csrfToken: 'from-cookie' } satisfies Session)),
      );
      let csrf: string | null = null;
      server.use(
        http.post('*/api/auth/logout', ({ request }) => {
          csrf = request.headers.get('x-csrf-token');
          return HttpResponse.json({ message: AUTH_MESSAGES.loggedOut });
        }),
      );
      const { user } = await renderApp('/');
      await user.click(await loginBox().findByRole('button', { name: '登出' }));
      await loginBox().findByRole('status');
      expect(csrf).toBe('from-cookie');
    } finally {
      document.cookie = 'portal_csrf=; path=/; max-age=0';
    }
  });

  it('refreshes once on a 401 and retries the call', async () => {
    document.cookie = 'portal_csrf=cookie-token; path=/';
    try {
      const calls: string[] = [];
      let refreshed = false;
      server.use(
        http.get('*/api/auth/session', () => {
          calls.push('session');
          return refreshed
            ? HttpResponse.json(sessions.GENERAL_USER satisfies Session)
            : HttpResponse.json({ code: 'SESSION_EXPIRED', message: AUTH_MESSAGES.sessionExpired }, { status: 401 });
        }),
        http.post('*/api/auth/refresh', ({ request }) => {
          calls.push(`refresh ${request.headers.get('x-csrf-token')}`);
          refreshed = true;
          return HttpResponse.json(sessions.GENERAL_USER satisfies Session);
        }),
      );
      await renderApp('/account');
      expect(await screen.findByRole('heading', { level: 1, name: '我的服務' })).toBeInTheDocument();
      expect(calls).toEqual(['session', 'refresh cookie-token', 'session']);
    } finally {
      document.cookie = 'portal_csrf=; path=/; max-age=0';
    }
  });

  it('treats a failed refresh as logged out (one refresh, no loop)', async () => {
    document.cookie = 'portal_csrf=cookie-token; path=/';
    try {
      let refreshes = 0;
      server.use(
        http.post('*/api/auth/refresh', () => {
          refreshes += 1;
          return HttpResponse.json({ code: 'SESSION_EXPIRED', message: AUTH_MESSAGES.sessionExpired }, { status: 401 });
        }),
      );
      await renderApp('/account');
      expect(await screen.findByRole('heading', { level: 1, name: '公告事項' })).toBeInTheDocument();
      expect(refreshes).toBe(1);
    } finally {
      document.cookie = 'portal_csrf=; path=/; max-age=0';
    }
  });
});

describe('route guard', () => {
  it('sends /account without a session to the home page, says 請先登入。 and focuses the login box', async () => {
    const { router } = await renderApp('/account/profile');
    expect(await screen.findByRole('heading', { level: 1, name: '公告事項' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(await loginBox().findByRole('alert')).toHaveTextContent('請先登入。');
    await waitFor(() => expect(loginBox().getByLabelText('帳號')).toHaveFocus());
  });

  it('goes back to the page asked for after logging in', async () => {
    const { user, router } = await renderApp('/account/profile');
    await loginBox().findByRole('alert');
    await logIn(user, 'demomanager', 'Portal*Demo=2026');
    expect(await screen.findByRole('heading', { level: 1, name: '我的帳號' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account/profile');
  });
});

describe('忘記密碼 / 重設密碼', () => {
  it('sends 帳號 + E-mail and shows the API confirmation', async () => {
    let body: unknown;
    server.use(
      http.post('*/api/auth/forgot-password', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ message: AUTH_MESSAGES.forgotPasswordAccepted }, { status: 202 });
      }),
    );
    const { user } = await renderApp('/forgot-password');
    expect(screen.getByRole('heading', { level: 1, name: '忘記密碼' })).toBeInTheDocument();
    const main = within(screen.getByRole('main'));
    await user.type(main.getByLabelText('(必填)帳號'), 'demouser');
    await user.type(main.getByLabelText('(必填)E-mail信箱'), 'demouser@demo.invalid');
    await user.click(main.getByRole('button', { name: '寄送重設密碼連結' }));
    expect(await main.findByRole('status')).toHaveTextContent(AUTH_MESSAGES.forgotPasswordAccepted);
    // The form is gone with its button: focus is on the outcome, not on <body>.
    expect(main.getByRole('status')).toHaveFocus();
    expect(body).toEqual({ accountName: 'demouser', email: 'demouser@demo.invalid' });
  });

  it('can use the 身分證 instead, and asks for one of them', async () => {
    const { user } = await renderApp('/forgot-password');
    const main = within(screen.getByRole('main'));
    await user.type(main.getByLabelText('(必填)帳號'), 'demouser');
    await user.click(main.getByRole('radio', { name: '身分證字號' }));
    await user.click(main.getByRole('button', { name: '寄送重設密碼連結' }));
    expect(await main.findByText(AUTH_MESSAGES.forgotPasswordIdentityRequired)).toBeInTheDocument();
    await user.type(main.getByLabelText('(必填)身分證字號'), 'A123456789');
    await user.click(main.getByRole('button', { name: '寄送重設密碼連結' }));
    expect(await main.findByRole('status')).toHaveTextContent(AUTH_MESSAGES.forgotPasswordAccepted);
  });

  it('resets the password with the meter and links to 登入', async () => {
    const { user } = await renderApp('/reset-password?token=valid-token');
    const main = within(screen.getByRole('main'));
    await user.type(main.getByLabelText('(必填)新密碼'), 'Tpe*2024*Hosp');
    await waitFor(() => expect(main.getByRole('meter', { name: '密碼強度' })).toHaveAttribute('data-evaluated-length', '13'));
    expect(main.getByRole('meter', { name: '密碼強度' })).toHaveAttribute('aria-valuetext', '強');
    await user.type(main.getByLabelText('(必填)再輸入一次新密碼'), 'Tpe*2024*Hosp');
    await user.click(main.getByRole('button', { name: '重設密碼' }));
    expect(await main.findByRole('status')).toHaveTextContent(AUTH_MESSAGES.passwordResetDone);
    expect(main.getByRole('status')).toHaveFocus();
    await user.click(main.getByRole('link', { name: '登入' }));
    await waitFor(() => expect(loginBox().getByLabelText('帳號')).toHaveFocus());
  });

  it('rates the new password with the account’s own 身分證 (by the API), and says what to do when only the strength fails', async () => {
    const { user } = await renderApp('/reset-password?token=valid-token');
    const main = within(screen.getByRole('main'));
    // Every listed rule is met, but it is the account's 身分證 with two characters added.
    await user.type(main.getByLabelText('(必填)新密碼'), `${ACCOUNT_NATIONAL_ID}!x`);
    const meter = main.getByRole('meter', { name: '密碼強度' });
    await waitFor(() => expect(meter).toHaveAttribute('data-evaluated-length', '12'));
    expect(meter).toHaveAttribute('aria-valuetext', '弱');
    expect(main.getByText(PASSWORD_RULES.STRENGTH.message)).toBeInTheDocument();
    expect(main.getByText(PASSWORD_STRENGTH_ADVICE)).toBeInTheDocument();
    // On submit the same verdict refuses it next to the field; nothing is sent to reset.
    await user.type(main.getByLabelText('(必填)再輸入一次新密碼'), `${ACCOUNT_NATIONAL_ID}!x`);
    await user.click(main.getByRole('button', { name: '重設密碼' }));
    await waitFor(() => expect(main.getByLabelText('(必填)新密碼')).toHaveAttribute('aria-invalid', 'true'));
    expect(main.queryByText(AUTH_MESSAGES.passwordResetDone)).not.toBeInTheDocument();
  });

  /** Opens the mailed 重設密碼 link with its token and submits the new password twice. */
  async function submitReset(token: string, password: string, passwordConfirm: string) {
    const { user } = await renderApp(`/reset-password?token=${token}`);
    const main = within(screen.getByRole('main'));
    await user.type(main.getByLabelText('(必填)新密碼'), password);
    await user.type(main.getByLabelText('(必填)再輸入一次新密碼'), passwordConfirm);
    await user.click(main.getByRole('button', { name: '重設密碼' }));
    return main;
  }

  it('shows the API message for a used or expired link', async () => {
    const main = await submitReset('used-token', 'Tpe*2024*Hosp', 'Tpe*2024*Hosp');
    expect(await main.findByRole('alert')).toHaveTextContent(AUTH_MESSAGES.resetTokenInvalid);
  });

  it('refuses mismatched passwords with the shared message', async () => {
    const main = await submitReset('valid-token', 'Tpe*2024*Hosp', 'Tpe*2024*Hosx');
    expect(await main.findByText(AUTH_MESSAGES.passwordMismatch)).toBeInTheDocument();
  });
});
