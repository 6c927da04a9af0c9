import { AUTH_MESSAGES } from '@portal/shared';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../testing/render';
import { applicationStatusFixture } from '../../testing/handlers/auth';
import { server } from '../../testing/server';
import { textsOf } from '../../testing/table-text';

async function query(accountName: string, nationalId = 'A123456789') {
  const { user } = await renderApp('/application-status');
  const main = within(screen.getByRole('main'));
  await user.type(main.getByLabelText('(必填)帳號'), accountName);
  await user.type(main.getByLabelText('(必填)身分證字號'), nationalId);
  await user.click(main.getByRole('button', { name: '查詢' }));
  return main;
}

describe('申請進度查詢', () => {
  it('shows each step with its state label, date and note', async () => {
    const main = await query('newuser01');
    const table = await main.findByRole('table', { name: '申請進度' });
    const rows = within(table).getAllByRole('row').map((row) => within(row).queryAllByRole('cell').map((cell) => cell.textContent));
    expect(textsOf(table, 'columnheader')).toEqual(['步驟', '狀態', '日期', '說明']);
    expect(rows.slice(1)).toEqual([
      ['帳號申請送出', '已完成', '2026/11/26', '—'],
      ['單位業務管理者核准', '處理中', '—', '請洽貴機構單位業務管理者'],
      ['成人預防保健', '尚未開始', '—', '—'],
    ]);
    expect(main.getByText('待核准')).toBeInTheDocument();
    // The answer takes focus, so that it is read out; a general user gets no verification links.
    expect(main.getByRole('heading', { name: '查詢結果' })).toHaveFocus();
    expect(main.queryByRole('link', { name: '以醫事機構卡驗證' })).not.toBeInTheDocument();
  });

  it('leads a 單位業務管理者 awaiting verification back to 醫事機構卡驗證 and 紙本審核', async () => {
    server.use(
      http.post('*/api/application-status', () =>
        HttpResponse.json({ ...applicationStatusFixture, role: 'INSTITUTION_MANAGER', roleLabel: '單位業務管理者', status: 'PENDING_VERIFICATION', statusLabel: '待驗證' }),
      ),
    );
    const main = await query('newmgr01');
    expect(await main.findByRole('link', { name: '以醫事機構卡驗證' })).toHaveAttribute('href', '/apply/card-verification');
    expect(main.getByRole('link', { name: /以紙本審核/ })).toHaveAttribute('href', '/apply/paper-review');
  });

  it('shows the generic not-found message of the API', async () => {
    const main = await query('nobody');
    expect(await main.findByRole('alert')).toHaveTextContent(AUTH_MESSAGES.applicationStatusNotFound);
    expect(main.getByRole('alert').parentElement).toHaveFocus();
  });

  it('shows the 429 message', async () => {
    server.use(
      http.post('*/api/application-status', () =>
        HttpResponse.json({ code: 'RATE_LIMITED', message: '操作過於頻繁，請稍後再試。' }, { status: 429, headers: { 'retry-after': '60' } }),
      ),
    );
    const main = await query('newuser01');
    expect(await main.findByRole('alert')).toHaveTextContent('操作過於頻繁，請稍後再試。');
  });

  it('checks the 身分證 with the shared rule before asking', async () => {
    const main = await query('newuser01', 'A123456788');
    expect(await main.findByLabelText('(必填)身分證字號')).toHaveAttribute('aria-invalid', 'true');
  });
});
