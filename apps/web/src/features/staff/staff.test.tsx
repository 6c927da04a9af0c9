import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loggedInAs } from '../../testing/handlers/auth';
import { renderApp } from '../../testing/render';
import { server } from '../../testing/server';

describe('公告管理 (系統人員)', () => {
  it('creates a draft, then publishes it after confirming', { timeout: 30_000 }, async () => {
    server.use(loggedInAs('SYSTEM_STAFF'));
    const posts: Array<{ url: string; body: unknown }> = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST' && request.url.includes('/api/staff/announcements')) {
        void request.clone().text().then((text) => posts.push({ url: new URL(request.url).pathname, body: text ? JSON.parse(text) : null }));
      }
    });
    const { user } = await renderApp('/manage/announcements');
    const table = await screen.findByRole('table', { name: '公告清單' });
    expect(within(table).getByRole('row', { name: /成人預防保健系統例行維護/ })).toHaveTextContent('草稿');

    await user.click(screen.getByRole('button', { name: '新增公告' }));
    const form = screen.getByRole('form', { name: '新增公告' });
    await user.click(within(form).getByRole('button', { name: '新增（草稿）' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('請修正以下欄位分類：請輸入分類系統：請選擇系統標題：請輸入標題');
    expect(within(form).getByRole('textbox', { name: '(必填)分類' })).toHaveAttribute('aria-invalid', 'true');
    expect(posts).toEqual([]);

    await user.type(within(form).getByRole('textbox', { name: '(必填)分類' }), '公告');
    await user.selectOptions(within(form).getByRole('combobox', { name: '(必填)系統' }), '戒菸服務');
    await user.type(within(form).getByRole('textbox', { name: '(必填)標題' }), '戒菸服務申報期限');
    await user.type(within(form).getByRole('textbox', { name: '內容' }), '請於月底前完成申報。');
    await user.type(within(form).getByLabelText('發佈日期'), '2026-12-01');
    await user.click(within(form).getByRole('button', { name: '新增（草稿）' }));
    expect(await screen.findByText('已新增公告「戒菸服務申報期限」（草稿）。')).toHaveAttribute('role', 'status');
    expect(posts).toEqual([
      {
        url: '/api/staff/announcements',
        body: { category: '公告', system: '戒菸服務', title: '戒菸服務申報期限', body: '請於月底前完成申報。', publishedAt: '2026-12-01T00:00:00+08:00' },
      },
    ]);

    await user.click(screen.getByRole('button', { name: '發佈（成人預防保健系統例行維護）' }));
    await user.click(within(screen.getByRole('alertdialog', { name: '發佈公告' })).getByRole('button', { name: '確定發佈' }));
    expect(await screen.findByText('公告「成人預防保健系統例行維護」已發佈。')).toBeInTheDocument();
    expect(posts[1]).toEqual({ url: '/api/staff/announcements/d4d4d4d4-0000-4000-8000-000000000001/publish', body: {} });
  });
});
