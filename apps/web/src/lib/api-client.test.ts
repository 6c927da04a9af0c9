import { AnnouncementPageSchema, type Session } from '@portal/shared';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../testing/server';
import { sessions } from '../testing/handlers/auth';
import { apiGet, refreshSession, setSessionEvents } from './api-client';
import { getCsrfToken } from './csrf';
import { REFRESH_CHANNEL } from './refresh-across-tabs';
import { ApiError } from './api-error';

describe('apiGet', () => {
  it('turns the error body into an ApiError with the zh-TW message and field errors', async () => {
    server.use(
      http.get('*/api/announcements', () =>
        HttpResponse.json(
          { code: 'VALIDATION_FAILED', message: '輸入的資料有誤，請檢查後再送出。', fieldErrors: { page: ['頁碼必須是 1 至 10000 的整數。'] } },
          { status: 400 },
        ),
      ),
    );
    const error = await apiGet('/api/announcements', AnnouncementPageSchema).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '輸入的資料有誤，請檢查後再送出。',
      fieldErrors: { page: ['頁碼必須是 1 至 10000 的整數。'] },
    });
  });

  it('rejects a response that does not match the shared schema', async () => {
    server.use(http.get('*/api/announcements', () => HttpResponse.json({ items: 'nope' })));
    await expect(apiGet('/api/announcements', AnnouncementPageSchema)).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      message: '系統發生錯誤，請稍後再試；若問題持續，請洽諮詢窗口。',
    });
  });

  it('reports a network failure in zh-TW', async () => {
    server.use(http.get('*/api/announcements', () => HttpResponse.error()));
    await expect(apiGet('/api/announcements', AnnouncementPageSchema)).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      message: '無法連線至伺服器，請檢查網路連線後再試。',
    });
  });

  it('drops empty query parameters', async () => {
    let search = '';
    server.use(
      http.get('*/api/announcements', ({ request }) => {
        search = new URL(request.url).search;
        return HttpResponse.json({ items: [], total: 0, page: 1, pageSize: 10, categories: [] });
      }),
    );
    await apiGet('/api/announcements', AnnouncementPageSchema, { params: { category: '', page: 1, pageSize: 10, x: undefined } });
    expect(search).toBe('?page=1&pageSize=10');
  });
});

describe('refreshSession across tabs', () => {
  const refreshed = { kind: 'refreshed', session: sessions.GENERAL_USER } as const;
  const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('takes the outcome of another tab that is refreshing instead of asking the API again', async () => {
    let asked = 0;
    server.use(
      http.post('*/api/auth/refresh', () => {
        asked += 1;
        return HttpResponse.json(sessions.GENERAL_USER);
      }),
    );
    const heard: Session[] = [];
    setSessionEvents({ refreshed: (session) => heard.push(session), lost: () => undefined });
    const otherTab = new BroadcastChannel(REFRESH_CHANNEL);
    try {
      otherTab.postMessage({ type: 'started' });
      await tick();
      const goesOn = refreshSession();
      await tick();
      otherTab.postMessage({ type: 'outcome', outcome: refreshed });
      expect(await goesOn).toBe(true);
      expect(asked).toBe(0);
      expect(heard).toEqual([sessions.GENERAL_USER]);
      expect(getCsrfToken()).toBe(sessions.GENERAL_USER.csrfToken);

      // A refresh of another tab that this one was not waiting for moves its deadlines too.
      otherTab.postMessage({ type: 'outcome', outcome: refreshed });
      await tick();
      expect(heard).toHaveLength(2);
      // Once the other tab is done, this one asks the API itself.
      expect(await refreshSession()).toBe(true);
      expect(asked).toBe(1);
    } finally {
      otherTab.close();
      setSessionEvents(null);
    }
  });
});
