import { AnnouncementPageSchema } from '@portal/shared';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../testing/server';
import { apiGet } from './api-client';
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
