import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AnnouncementPage } from '@portal/shared';
import { announcementsFail } from '../../testing/handlers/announcements';
import { maintenanceAnnouncement, seedAnnouncement } from '../../testing/fixtures';
import { renderApp, searchOf } from '../../testing/render';
import { server } from '../../testing/server';
import { rowsOf, textsOf } from '../../testing/table-text';

describe('公告事項', () => {
  it('renders the seed announcement with its date in Asia/Taipei', async () => {
    await renderApp('/');
    const table = await screen.findByRole('table', { name: '公告事項列表（點選標題可展開公告內容）' });
    expect(textsOf(table, 'columnheader')).toEqual(['分類', '系統', '標題', '發佈日期']);
    expect(rowsOf(table)).toEqual([
      ['公告', '單一入口系統', seedAnnouncement.title + seedAnnouncement.body, '2020/09/26'],
      ['系統維護', '成人預防保健', maintenanceAnnouncement.title + maintenanceAnnouncement.body, '2021/03/01'],
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('共 2 筆資料');
    expect(document.title).toBe('公告事項 | 醫療院所預防保健暨戒菸服務單一入口系統');
    expect(screen.getByRole('navigation', { name: '目前位置' })).toHaveTextContent('目前位置：公告事項');
  });

  it('opens an announcement body from its title', async () => {
    const { user } = await renderApp('/');
    const body = await screen.findByText(seedAnnouncement.body);
    expect(body).not.toBeVisible();
    await user.click(screen.getByText(seedAnnouncement.title));
    expect(body).toBeVisible();
  });

  it('filters by 分類查詢, sending ?category= and keeping it in the URL', async () => {
    const requested: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      // The 服務登入 box asks for the session too; only the list requests matter here.
      if (url.pathname === '/api/announcements') requested.push(url.searchParams.get('category'));
    });
    const { user, router } = await renderApp('/');
    const select = await screen.findByRole('combobox', { name: '分類查詢：' });
    await waitFor(() =>
      expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual(['全部', '公告', '系統維護']),
    );

    await user.selectOptions(select, '系統維護');

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('共 1 筆資料'));
    expect(rowsOf(screen.getByRole('table'))).toEqual([
      ['系統維護', '成人預防保健', maintenanceAnnouncement.title + maintenanceAnnouncement.body, '2021/03/01'],
    ]);
    expect(requested).toEqual([null, '系統維護']);
    expect(searchOf(router)).toEqual({ category: '系統維護' });
    expect(select).toHaveValue('系統維護');
  });

  it('starts from the category in the URL', async () => {
    await renderApp('/?category=%E5%85%AC%E5%91%8A');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('共 1 筆資料'));
    expect(screen.getByRole('combobox', { name: '分類查詢：' })).toHaveValue('公告');
    expect(rowsOf(screen.getByRole('table'))[0]?.[0]).toBe('公告');
  });

  it('shows the API error message in an alert', async () => {
    server.use(announcementsFail(400, { code: 'BAD_REQUEST', message: '分類不得超過 20 個字。' }));
    await renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent('分類不得超過 20 個字。');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a generic zh-TW message when the server fails without the error shape', async () => {
    server.use(http.get('*/api/announcements', () => new HttpResponse('Bad Gateway', { status: 502 })));
    await renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent('系統發生錯誤，請稍後再試；若問題持續，請洽諮詢窗口。');
  });

  it('pages through results when total exceeds pageSize', async () => {
    const many = Array.from({ length: 25 }, (_, index) => ({
      ...seedAnnouncement,
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      title: `公告 ${index + 1}`,
    }));
    server.use(
      http.get('*/api/announcements', ({ request }) => {
        const url = new URL(request.url);
        const page = Number(url.searchParams.get('page'));
        const pageSize = Number(url.searchParams.get('pageSize'));
        return HttpResponse.json({
          items: many.slice((page - 1) * pageSize, page * pageSize),
          total: many.length,
          page,
          pageSize,
          categories: ['公告'],
        } satisfies AnnouncementPage);
      }),
    );
    const { user, router } = await renderApp('/');
    const pagination = await screen.findByRole('navigation', { name: '公告事項分頁' });
    expect(pagination).toHaveTextContent('第 1 頁／共 3 頁');
    expect(within(pagination).getByRole('link', { name: '第 1 頁' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(pagination).getByRole('link', { name: '下一頁' }));

    expect(await screen.findByText('公告 11')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: '公告事項分頁' })).toHaveTextContent('第 2 頁／共 3 頁');
    expect(searchOf(router)).toEqual({ page: '2' });
  });
});
