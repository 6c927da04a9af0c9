import { SSO_MESSAGES, type SsoDecision } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CSRF_TOKEN, loggedInAs, sessions } from '../../testing/handlers/auth';
import { SSO_ABORT_REDIRECT, SSO_REDIRECT, SSO_UID, ssoInteraction } from '../../testing/handlers/sso';
import { renderApp } from '../../testing/render';
import { server } from '../../testing/server';
import { leaveFor } from './api/interaction';

// jsdom cannot leave the page: record where the page sends the browser instead.
vi.mock('./api/interaction', async (importOriginal) => ({ ...(await importOriginal<object>()), leaveFor: vi.fn() }));
const left = vi.mocked(leaveFor);
beforeEach(() => left.mockReset());
// The pages are lazy chunks: load them once up front, so that the first render is not the one that waits for them.
beforeAll(() => Promise.all([import('./components/sso-continue-page'), import('./components/sso-error-page'), import('./components/sso-logout-page')]), 60_000);

const continuePath = `/sso/continue/${SSO_UID}`;
const heading = () => screen.getByRole('heading', { level: 1 });
/** The page heading says `name` and has focus (the page moves it there once the outcome is known). */
const headingFocused = (name: string) =>
  waitFor(() => expect(screen.getByRole('heading', { level: 1, name })).toHaveFocus(), { timeout: 5_000 });

describe('/sso/continue/:uid (a subsystem hands its login to the portal)', { timeout: 30_000 }, () => {
  it('with a portal session: says which subsystem, continues at once with the CSRF header, and goes back to it', async () => {
    server.use(loggedInAs('INSTITUTION_MANAGER'));
    const { handlers, calls } = ssoInteraction(() => 'CONTINUE');
    server.use(...handlers);
    await renderApp(continuePath);
    await headingFocused('進入「成人預防保健」');
    expect(screen.getByRole('status')).toHaveTextContent('您已登入單一入口（王示範，帳號 demomanager），正在進入「成人預防保健」，請稍候…');
    await waitFor(() => expect(left).toHaveBeenCalledWith(SSO_REDIRECT), { timeout: 5_000 });
    expect(calls).toEqual([{ path: 'continue', csrf: CSRF_TOKEN, body: {} }]);
  });

  it('without a session: the 服務登入 box takes focus and says why; after logging in the login goes on', async () => {
    let decision: SsoDecision = 'LOGIN_REQUIRED';
    const { handlers, calls } = ssoInteraction(() => decision);
    server.use(
      http.post('*/api/auth/login', () => {
        decision = 'CONTINUE';
        return HttpResponse.json(sessions.INSTITUTION_MANAGER);
      }),
      ...handlers,
    );
    const { user, router } = await renderApp(continuePath);
    expect(await screen.findByRole('heading', { level: 1, name: '登入以進入「成人預防保健」' })).toBeInTheDocument();
    const account = screen.getByRole('textbox', { name: '帳號' });
    await waitFor(() => expect(account).toHaveFocus(), { timeout: 5_000 });
    expect(screen.getByRole('alert')).toHaveTextContent('請登入單一入口，以進入「成人預防保健」。');
    expect(calls).toEqual([]);

    await user.type(account, 'demomanager');
    await user.type(screen.getByLabelText('密碼'), 'Portal*Demo=2026');
    await user.click(screen.getByRole('button', { name: '登入' }));
    await waitFor(() => expect(left).toHaveBeenCalledWith(SSO_REDIRECT), { timeout: 5_000 });
    expect(router.state.location.pathname).toBe(continuePath);
    expect(calls).toEqual([{ path: 'continue', csrf: CSRF_TOKEN, body: {} }]);
  });

  it('without a session: 取消並返回子系統 aborts and goes back to the subsystem', async () => {
    const { handlers, calls } = ssoInteraction(() => 'LOGIN_REQUIRED');
    server.use(...handlers);
    const { user } = await renderApp(continuePath);
    await user.click(await screen.findByRole('button', { name: '取消並返回子系統' }));
    await waitFor(() => expect(left).toHaveBeenCalledWith(SSO_ABORT_REDIRECT));
    expect(calls.map((call) => call.path)).toEqual(['abort']);
  });

  it('a login without approval: the zh-TW access-denied page, how to request access, and the way back', async () => {
    server.use(loggedInAs('GENERAL_USER'));
    const { handlers, calls } = ssoInteraction(() => 'NOT_APPROVED');
    server.use(...handlers);
    const { user } = await renderApp(continuePath);
    await headingFocused('您尚未取得此子系統的使用權限');
    const main = within(screen.getByRole('main'));
    expect(main.getByText('您的帳號尚未獲核准使用「成人預防保健」，或使用權限已被停用，因此無法進入。')).toBeInTheDocument();
    expect(main.getByRole('heading', { level: 2, name: '如何取得使用權限' })).toBeInTheDocument();
    expect(main.getAllByRole('listitem')[0]).toHaveTextContent('至「我的服務」的「申請其他子系統」選擇「成人預防保健」並送出申請');
    expect(main.getByRole('link', { name: '前往我的服務申請' })).toHaveAttribute('href', '/account');
    expect(calls).toEqual([]);

    await user.click(main.getByRole('button', { name: '返回子系統' }));
    await waitFor(() => expect(left).toHaveBeenCalledWith(SSO_ABORT_REDIRECT));
  });

  it('a refusal of continue (approval revoked meanwhile) shows the access-denied page', async () => {
    server.use(loggedInAs('GENERAL_USER'));
    let decision: SsoDecision = 'CONTINUE';
    const { handlers } = ssoInteraction(() => decision);
    // First in the list, so it answers before the default continue.
    server.use(
      http.post('*/api/sso/interactions/:uid/continue', () => {
        decision = 'NOT_APPROVED';
        return HttpResponse.json({ code: 'SSO_NOT_APPROVED', message: SSO_MESSAGES.notApproved }, { status: 403 });
      }),
      ...handlers,
    );
    await renderApp(continuePath);
    await headingFocused('您尚未取得此子系統的使用權限');
    expect(left).not.toHaveBeenCalled();
  });

  it('a subsystem manager, who cannot request access, is sent to 諮詢窗口 instead', async () => {
    server.use(loggedInAs('SUBSYSTEM_MANAGER'), ...ssoInteraction(() => 'NOT_APPROVED').handlers);
    await renderApp(continuePath);
    await screen.findByRole('heading', { level: 1, name: '您尚未取得此子系統的使用權限' });
    expect(screen.getByRole('main')).toHaveTextContent('您的帳號無法自行申請，如需使用請洽「諮詢窗口」');
  });

  it('an expired or unknown login says so', async () => {
    server.use(loggedInAs('GENERAL_USER'));
    await renderApp('/sso/continue/zzzzzzzzzzzzzzzz');
    await headingFocused('登入流程已逾時');
    expect(screen.getByText(SSO_MESSAGES.interactionNotFound)).toBeInTheDocument();
    expect(left).not.toHaveBeenCalled();
  });

  it('a server failure is shown with 重新查詢', async () => {
    server.use(loggedInAs('GENERAL_USER'), ...ssoInteraction(() => ({ status: 500, code: 'INTERNAL', message: '系統發生錯誤，請稍後再試。' })).handlers);
    await renderApp(continuePath);
    await headingFocused('無法進入子系統');
    expect(screen.getByRole('alert')).toHaveTextContent('系統發生錯誤，請稍後再試。');
    expect(screen.getByRole('button', { name: '重新查詢' })).toBeInTheDocument();
  });
});

describe('/sso/error', { timeout: 30_000 }, () => {
  it.each([
    ['invalid_client', '此子系統尚未在單一入口完成註冊，或已暫停以單一入口登入。'],
    ['invalid_redirect_uri', '子系統的導回網址與單一入口登記的不符，為保護您的帳號，已停止登入。'],
    ['something_new', '登入子系統時發生錯誤。'],
  ])('explains %s in zh-TW with the code for support', async (code, text) => {
    await renderApp(`/sso/error?error=${code}`);
    expect(heading()).toHaveTextContent('無法登入子系統');
    await waitFor(() => expect(heading()).toHaveFocus());
    expect(screen.getByText(text)).toBeInTheDocument();
    expect(screen.getByText(code)).toBeInTheDocument();
  });

  it('access_denied is the access-denied page', async () => {
    await renderApp('/sso/error?error=access_denied');
    expect(heading()).toHaveTextContent('您尚未取得此子系統的使用權限');
    expect(screen.getByText('您的帳號尚未獲核准使用此子系統，或使用權限已被停用，因此無法進入。')).toBeInTheDocument();
  });
});

describe('/sso/logout (a subsystem asks to log out)', { timeout: 30_000 }, () => {
  it('confirms with the provider xsrf token, then goes where the API says (the subsystem)', async () => {
    const posted: Array<{ body: unknown; csrf: string | null }> = [];
    server.use(
      http.post('*/api/sso/logout', async ({ request }) => {
        posted.push({ body: await request.json(), csrf: request.headers.get('x-csrf-token') });
        return HttpResponse.json({ redirectTo: 'http://localhost:3001/logged-out?state=s' });
      }),
    );
    const { user } = await renderApp('/sso/logout?xsrf=the-xsrf-token&client=%E6%88%90%E4%BA%BA%E9%A0%90%E9%98%B2%E4%BF%9D%E5%81%A5');
    expect(heading()).toHaveTextContent('登出單一入口');
    await waitFor(() => expect(heading()).toHaveFocus());
    expect(screen.getByText('「成人預防保健」要求登出。')).toBeInTheDocument();
    const form = within(screen.getByRole('form', { name: '登出單一入口' }));
    expect(form.getByRole('link', { name: '取消' })).toHaveAttribute('href', '/');
    await user.click(form.getByRole('button', { name: '確定登出' }));
    await waitFor(() => expect(left).toHaveBeenCalledWith('http://localhost:3001/logged-out?state=s'));
    expect(posted).toEqual([{ body: { xsrf: 'the-xsrf-token' }, csrf: null }]);
  });

  it('shows the refusal of an expired logout request', async () => {
    server.use(
      http.post('*/api/sso/logout', () =>
        HttpResponse.json({ code: 'SSO_LOGOUT_INVALID', message: '登出請求已失效，請回到子系統重新操作。' }, { status: 400 }),
      ),
    );
    const { user } = await renderApp('/sso/logout?xsrf=old');
    await user.click(screen.getByRole('button', { name: '確定登出' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('登出請求已失效，請回到子系統重新操作。');
    expect(left).not.toHaveBeenCalled();
  });

  it('refuses an incomplete request', async () => {
    await renderApp('/sso/logout');
    expect(screen.getByText('登出請求不完整，請回到子系統重新操作。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '確定登出' })).not.toBeInTheDocument();
  });

  it('/sso/logged-out confirms the logout', async () => {
    await renderApp('/sso/logged-out');
    expect(heading()).toHaveTextContent('您已登出');
    expect(screen.getByRole('status')).toHaveTextContent('您已登出單一入口及子系統。');
  });
});
