import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { managerForm } from '../../testing/fixtures';
import { renderApp, searchOf } from '../../testing/render';
import { server } from '../../testing/server';
import { rowsOf, textsOf } from '../../testing/table-text';

function recordRequests() {
  const requests: Record<string, string>[] = [];
  server.events.on('request:start', ({ request }) => {
    const { pathname, searchParams } = new URL(request.url);
    // The 服務登入 box asks for the session too; only the list requests matter here.
    if (pathname !== '/api/downloads') return;
    searchParams.delete('page');
    searchParams.delete('pageSize');
    requests.push(Object.fromEntries(searchParams));
  });
  return requests;
}

describe('下載專區', () => {
  it('lists the files with title, download link, type and size', async () => {
    await renderApp('/downloads');
    const table = await screen.findByRole('table', { name: '下載專區檔案列表' });
    expect(textsOf(table, 'columnheader')).toEqual(['所屬系統', '所屬分類', '檔案', '日期']);
    expect(rowsOf(table)).toEqual([
      [
        '單一入口系統',
        '表格範例',
        '預防保健單一入口-管理者帳號申請表預防保健單一入口管理者帳號申請表v2.pdf PDF 123 KB',
        '2018/04/24',
      ],
      ['戒菸服務', '操作手冊', '戒菸服務系統操作手冊smoking-cessation-manual.docx DOCX 2.5 MB', '2022/07/01'],
    ]);
    const link = within(table).getByRole('link', { name: '預防保健單一入口管理者帳號申請表v2.pdf' });
    expect(link).toHaveAttribute('href', managerForm.href);
    expect(link).toHaveAttribute('download', managerForm.filename);
  });

  it('offers the systems and categories from the API', async () => {
    await renderApp('/downloads');
    const form = screen.getByRole('search', { name: '下載專區查詢' });
    expect(within(form).getByRole('group', { name: '分類查詢：' })).toBeInTheDocument();
    const system = within(form).getByRole('combobox', { name: '所屬系統' });
    const category = within(form).getByRole('combobox', { name: '所屬分類' });
    await waitFor(() =>
      expect(within(system).getAllByRole('option').map((option) => option.textContent)).toEqual([
        '請選擇系統',
        '單一入口系統',
        '戒菸服務',
      ]),
    );
    expect(within(category).getAllByRole('option').map((option) => option.textContent)).toEqual([
      '請選擇分類',
      '操作手冊',
      '表格範例',
    ]);
    expect(within(form).getByLabelText('輸入關鍵字：')).toHaveAttribute('placeholder', '請輸入要查詢的關鍵字');
  });

  it('filters by system and category when 查詢 is pressed, keeping the filters in the URL', async () => {
    const requests = recordRequests();
    const { user, router } = await renderApp('/downloads');
    await screen.findByRole('table');
    await user.selectOptions(await screen.findByRole('combobox', { name: '所屬系統' }), '單一入口系統');
    await user.selectOptions(screen.getByRole('combobox', { name: '所屬分類' }), '表格範例');
    await user.click(screen.getByRole('button', { name: '查詢' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('共 1 筆資料'));
    expect(rowsOf(screen.getByRole('table'))[0]?.[0]).toBe('單一入口系統');
    expect(searchOf(router)).toEqual({ system: '單一入口系統', category: '表格範例' });
    expect(requests).toEqual([{}, { system: '單一入口系統', category: '表格範例' }]);
  });

  it('searches by keyword when Enter is pressed, trimming it', async () => {
    const requests = recordRequests();
    const { user, router } = await renderApp('/downloads');
    await screen.findByRole('table');
    await user.type(screen.getByLabelText('輸入關鍵字：'), '  操作手冊 {Enter}');

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('共 1 筆資料'));
    expect(screen.getByRole('link', { name: 'smoking-cessation-manual.docx' })).toBeInTheDocument();
    expect(searchOf(router)).toEqual({ keyword: '操作手冊' });
    expect(requests).toEqual([{}, { keyword: '操作手冊' }]);
  });

  it('says 查無資料 when nothing matches', async () => {
    const { user } = await renderApp('/downloads');
    await screen.findByRole('table');
    await user.type(screen.getByLabelText('輸入關鍵字：'), '不存在的檔案');
    await user.click(screen.getByRole('button', { name: '查詢' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('共 0 筆資料'));
    expect(rowsOf(screen.getByRole('table'))).toEqual([['查無資料']]);
  });

  it('refuses a keyword longer than the API allows, with the shared message', async () => {
    const requests = recordRequests();
    const { user, router } = await renderApp('/downloads');
    await screen.findByRole('table');
    const keyword = screen.getByLabelText('輸入關鍵字：');
    await user.click(keyword);
    await user.paste('字'.repeat(51));
    await user.click(screen.getByRole('button', { name: '查詢' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('關鍵字不得超過 50 個字。');
    expect(keyword).toHaveAttribute('aria-invalid', 'true');
    expect(keyword).toHaveAccessibleDescription('關鍵字不得超過 50 個字。');
    expect(searchOf(router)).toEqual({});
    expect(requests).toEqual([{}]);
  });

  it('starts from the filters in the URL', async () => {
    await renderApp('/downloads?system=%E6%88%92%E8%8F%B8%E6%9C%8D%E5%8B%99&keyword=manual');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('共 1 筆資料'));
    expect(screen.getByRole('combobox', { name: '所屬系統' })).toHaveValue('戒菸服務');
    expect(screen.getByLabelText('輸入關鍵字：')).toHaveValue('manual');
    expect(document.title).toBe('下載專區 | 醫療院所預防保健暨戒菸服務單一入口系統');
  });
});
