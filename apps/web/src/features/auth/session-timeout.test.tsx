import { AUTH_MESSAGES, SESSION_END_CODES, sessionIdleExpiredMessage, type Session } from '@portal/shared';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noteActivity } from '../../lib/activity';
import { CSRF_COOKIE } from '../../lib/csrf';
import { sessions } from '../../testing/handlers/auth';
import { renderApp } from '../../testing/render';
import { server } from '../../testing/server';

/** Idle timeout in the SPA: the warning, 繼續使用, and the end. */
const MINUTE = 60_000;
let start: number;
let refreshBodies: unknown[];

function sessionEnding(idleEndsAt: number, absoluteEndsAt = start + 12 * 60 * MINUTE): Session {
  return {
    ...sessions.GENERAL_USER,
    accessExpiresAt: new Date(Math.min(idleEndsAt, start + 10 * MINUTE)).toISOString(),
    idleExpiresAt: new Date(idleEndsAt).toISOString(),
    absoluteExpiresAt: new Date(absoluteEndsAt).toISOString(),
    idleTimeoutSeconds: 1800,
  };
}

/** Logged in with `session`; the refresh answers with `refreshed` (a session or a refusal). */
function loggedIn(session: Session, refreshed: () => Response) {
  document.cookie = `${CSRF_COOKIE}=${encodeURIComponent(session.csrfToken)}; path=/`;
  server.use(
    http.get('*/api/auth/session', () => HttpResponse.json(session)),
    http.post('*/api/auth/refresh', async ({ request }) => {
      refreshBodies.push(await request.json());
      return refreshed();
    }),
  );
}

const advance = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  start = Date.now();
  localStorage.clear();
  noteActivity(start);
  refreshBodies = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the idle timeout', () => {
  it('warns two minutes before the end with focus on 繼續使用, which keeps the session', async () => {
    loggedIn(sessionEnding(start + 30 * MINUTE), () => HttpResponse.json(sessionEnding(Date.now() + 30 * MINUTE)));
    await renderApp('/account');
    await advance(27 * MINUTE);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await advance(MINUTE + 1_000);
    const dialog = await screen.findByRole('alertdialog', { name: '即將自動登出' });
    expect(dialog).toHaveAccessibleDescription(/約 2 分鐘後）自動登出/);
    const keep = within(dialog).getByRole('button', { name: '繼續使用' });
    expect(keep).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: '登出' })).toBeInTheDocument();

    fireEvent.click(keep);
    await vi.waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    // 繼續使用 is activity: the API hears the user is here.
    expect(refreshBodies).toEqual([{ idleSeconds: 0 }]);
    expect(screen.getByRole('heading', { level: 1, name: '我的服務' })).toBeInTheDocument();
  });

  it('refreshes quietly instead when the user was active meanwhile (in this tab or another)', async () => {
    loggedIn(sessionEnding(start + 30 * MINUTE), () => HttpResponse.json(sessionEnding(Date.now() + 20 * MINUTE)));
    await renderApp('/account');
    await advance(10 * MINUTE);
    fireEvent.keyDown(document.body, { key: 'a' });
    await advance(18 * MINUTE + 1_000);
    await vi.waitFor(() => expect(refreshBodies).toHaveLength(1));
    // Idle since the key press: the API sets the deadline from it.
    const { idleSeconds } = refreshBodies[0] as { idleSeconds: number };
    expect(Math.abs(idleSeconds - 18 * 60)).toBeLessThan(10);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('at the end lets the API end the session and shows 服務登入 with the reason', async () => {
    const message = sessionIdleExpiredMessage(30);
    loggedIn(sessionEnding(start + 30 * MINUTE), () => HttpResponse.json({ code: SESSION_END_CODES.idle, message }, { status: 401 }));
    const { router } = await renderApp('/account');
    await advance(28 * MINUTE + 1_000);
    await screen.findByRole('alertdialog');
    await advance(2 * MINUTE + 1_000);

    const loginBox = within(await screen.findByRole('region', { name: '服務登入' }));
    expect(await loginBox.findByRole('alert')).toHaveTextContent(message);
    expect(router.state.location.pathname).toBe('/');
    expect(loginBox.getByLabelText('帳號')).toHaveFocus();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect((refreshBodies[0] as { idleSeconds: number }).idleSeconds).toBeGreaterThanOrEqual(30 * 60);
  });

  it('only warns before the absolute end (no 繼續使用), then ends the session', async () => {
    loggedIn(sessionEnding(start + 30 * MINUTE, start + 10 * MINUTE), () =>
      HttpResponse.json({ code: SESSION_END_CODES.absolute, message: AUTH_MESSAGES.sessionExpired }, { status: 401 }),
    );
    await renderApp('/account');
    await advance(8 * MINUTE + 1_000);
    const dialog = await screen.findByRole('alertdialog', { name: '即將自動登出' });
    expect(within(dialog).queryByRole('button', { name: '繼續使用' })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '登出' })).toHaveFocus();
    await advance(2 * MINUTE + 1_000);
    expect(await within(screen.getByRole('region', { name: '服務登入' })).findByRole('alert')).toHaveTextContent(AUTH_MESSAGES.sessionExpired);
  });
});
