import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loggedInAs } from '../../testing/handlers/auth';
import { renderApp, searchOf } from '../../testing/render';
import { server } from '../../testing/server';

describe('稽核紀錄 (系統人員)', () => {
  it('searches, pages with 下一頁 (keyset) and links the CSV export of the same filters', { timeout: 30_000 }, async () => {
    server.use(loggedInAs('SYSTEM_STAFF'));
    const requested: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/api/audit-events')) requested.push(new URL(request.url).search);
    });
    const { user, router } = await renderApp('/manage/audit-events');
    const table = await screen.findByRole('table', { name: '稽核紀錄（第 1 頁）' });
    // The zh-TW name, with the code under it for whoever searches by it.
    expect(within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual([
      '核准子系統申請subsystem-access.approved',
      '駁回子系統申請subsystem-access.rejected',
    ]);
    expect(within(within(table).getAllByRole('row')[1]!).getAllByRole('cell')[2]).toHaveTextContent('帳號');
    expect(screen.getByRole('link', { name: '匯出 CSV' })).toHaveAttribute('href', '/api/audit-events.csv');

    await user.type(screen.getByRole('searchbox', { name: '操作者帳號' }), 'demomanager');
    await user.type(screen.getByRole('searchbox', { name: '動作' }), 'subsystem-access.');
    await user.type(screen.getByLabelText('日期（起）'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: '查詢' }));
    expect(searchOf(router)).toEqual({ actor: 'demomanager', action: 'subsystem-access.', from: '2026-11-01' });
    // Focus goes to the result count, read out once the page has loaded.
    await waitFor(() => expect(document.activeElement).toHaveClass('result-status'));
    await waitFor(() => expect(document.activeElement).toHaveTextContent('第 1 頁，本頁 2 筆'));
    await waitFor(() =>
      expect(screen.getByRole('link', { name: '匯出 CSV' })).toHaveAttribute(
        'href',
        '/api/audit-events.csv?actor=demomanager&action=subsystem-access.&from=2026-11-01',
      ),
    );
    await screen.findByRole('table', { name: '稽核紀錄（第 1 頁）' });

    await user.click(screen.getByRole('button', { name: '下一頁' }));
    const second = await screen.findByRole('table', { name: '稽核紀錄（第 2 頁）' });
    expect(within(second).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('button', { name: '下一頁' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: '下一頁' })).toHaveAccessibleDescription('已是最後一頁。');
    expect(requested).toEqual(['', '?actor=demomanager&action=subsystem-access.&from=2026-11-01', '?actor=demomanager&action=subsystem-access.&from=2026-11-01&cursor=2']);
  });
});
