import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loggedInAs } from '../../testing/handlers/auth';
import { accessRequests } from '../../testing/handlers/back-office';
import { renderApp, searchOf } from '../../testing/render';
import { server } from '../../testing/server';
import { textsOf } from '../../testing/table-text';

async function openQueue(path = '/manage/access-requests') {
  server.use(loggedInAs('SUBSYSTEM_MANAGER'));
  const app = await renderApp(path);
  const table = await screen.findByRole('table', { name: '子系統使用申請' });
  return { ...app, table };
}

describe('子系統申請審核 (子系統管理者)', () => {
  it('lists the access requests with 帳號', async () => {
    const { table } = await openQueue();
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['newuser01', 'newuser02']);
    const row = within(table).getByRole('row', { name: /newuser01/ });
    expect(textsOf(row, 'cell').slice(1, 6)).toEqual([
      '張小明',
      '9900000001 示範醫院',
      '臺北市',
      '成人預防保健',
      '2026/11/20',
    ]);
  });

  it('offers only the managed subsystems and puts the filters in the URL', { timeout: 30_000 }, async () => {
    const { user, router } = await openQueue();
    const subsystem = screen.getByRole('combobox', { name: '子系統' });
    expect(within(subsystem).getAllByRole('option').map((option) => option.textContent)).toEqual(['全部（我管理的子系統）', '成人預防保健']);
    await user.type(screen.getByRole('searchbox', { name: '機構（代碼或名稱）' }), '99000');
    await user.selectOptions(screen.getByRole('combobox', { name: '縣市' }), '臺北市');
    await user.type(screen.getByLabelText('申請日期（起）'), '2026-11-01');
    await user.type(screen.getByLabelText('申請日期（迄）'), '2026-11-30');
    await user.click(screen.getByRole('button', { name: '查詢' }));
    expect(searchOf(router)).toEqual({ institution: '99000', city: '臺北市', from: '2026-11-01', to: '2026-11-30' });
  });

  it('refuses a date range that ends before it starts, next to the field', async () => {
    const { user, router } = await openQueue();
    await user.type(screen.getByLabelText('申請日期（起）'), '2026-11-30');
    await user.type(screen.getByLabelText('申請日期（迄）'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: '查詢' }));
    expect(screen.getByLabelText('申請日期（起）')).toHaveAccessibleDescription('起始日期不可晚於結束日期。');
    expect(screen.getByRole('alert')).toHaveTextContent('申請日期（起）：起始日期不可晚於結束日期。');
    expect(searchOf(router)).toEqual({});
  });

  it('bulk-approves the selection after confirming and shows what was approved and skipped', async () => {
    let posted: unknown = null;
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('bulk-approve')) void request.clone().json().then((body: unknown) => (posted = body));
    });
    const { user } = await openQueue();
    const bulk = screen.getByRole('button', { name: '批次核准（已選 0 筆）' });
    // Focusable, says why it cannot act, and does nothing when pressed.
    expect(bulk).toHaveAttribute('aria-disabled', 'true');
    expect(bulk).toHaveAccessibleDescription('請先勾選要核准的申請。');
    await user.click(bulk);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: '全選本頁可核准的申請' }));
    await user.click(screen.getByRole('button', { name: '批次核准（已選 2 筆）' }));
    const dialog = screen.getByRole('alertdialog', { name: '批次核准' });
    expect(dialog).toHaveTextContent('確定要核准選取的 2 筆申請嗎？');
    expect(posted).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: '確定批次核准' }));

    const result = await screen.findByText('核准 1 筆，略過 1 筆。');
    const status = result.closest('[role="status"]') as HTMLElement;
    expect(within(status).getByRole('listitem')).toHaveTextContent('newuser01（成人預防保健）：此申請已被處理');
    expect(posted).toEqual({ ids: accessRequests.map((item) => item.id) });
  });

  it('blocks a row 駁回 without a reason', async () => {
    const { user, table } = await openQueue();
    const row = within(table).getByRole('row', { name: /newuser02/ });
    await user.click(within(row).getByRole('button', { name: '駁回（newuser02，成人預防保健）' }));
    const dialog = screen.getByRole('dialog', { name: '駁回申請' });
    await user.click(within(dialog).getByRole('button', { name: '確定駁回' }));
    expect(within(dialog).getByRole('textbox', { name: '(必填)駁回原因' })).toHaveAccessibleDescription('駁回時請填寫原因');
  });
});
