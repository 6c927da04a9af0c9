import { MANAGER_REQUEST_MESSAGES, type ErrorBody, type ManagerRequestDecision } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { loggedInAs } from '../../testing/handlers/auth';
import { staffDetailFixture, staffQueueFixture } from '../../testing/handlers/manager-requests';
import { renderApp } from '../../testing/render';
import { server } from '../../testing/server';
import { textsOf } from '../../testing/table-text';

const detailPath = `/manage/manager-requests/${staffQueueFixture.items[0]!.id}`;

function recordDecisions() {
  const decisions: ManagerRequestDecision[] = [];
  server.events.on('request:start', ({ request }) => {
    if (!request.url.endsWith('/decision')) return;
    void request
      .clone()
      .json()
      .then((body) => decisions.push(body as ManagerRequestDecision));
  });
  return decisions;
}

describe('管理者帳號申請審核 (系統人員)', () => {
  it('lists overdue requests first, marked 逾期 in text', async () => {
    server.use(loggedInAs('SYSTEM_STAFF'));
    await renderApp('/manage/manager-requests');
    const table = await screen.findByRole('table', { name: /管理者帳號申請、異動審核清單/ });
    const headers = textsOf(table, 'columnheader');
    expect(headers).toEqual(['申請編號', '類別', '帳號', '機構', '掃描檔', '送出日期', '到期日']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual(['MR20261117-0004', 'MR20261125-0001']);
    expect(within(rows[0]!).getAllByRole('cell')[2]).toHaveTextContent('oldmanager（陳舊管）');
    // Which requests can be reviewed now: the applicant of the first has not uploaded the scan yet.
    expect(rows.map((row) => within(row).getAllByRole('cell')[4]!.textContent)).toEqual(['尚未上傳', '已上傳']);
    expect(within(rows[0]!).getAllByRole('cell')[6]).toHaveTextContent(/^2026\/11\/20.*逾期$/);
    expect(within(rows[1]!).getAllByRole('cell')[6]).toHaveTextContent('2026/11/28');
    expect(within(rows[1]!).queryByText('逾期')).not.toBeInTheDocument();
    expect(within(rows[0]!).getByRole('link', { name: 'MR20261117-0004' })).toHaveAttribute(
      'href',
      '/manage/manager-requests/11111111-aaaa-4bbb-8ccc-000000000002',
    );
    expect(screen.getByText('本頁有 1 筆已逾期（超過三個工作天）。')).toBeInTheDocument();
  });

  it('shows the scan beside the data and approves after confirming in a dialog', async () => {
    server.use(loggedInAs('SYSTEM_STAFF'));
    const decisions = recordDecisions();
    const { user } = await renderApp(detailPath);
    expect(await screen.findByTitle('申請 MR20261125-0001 的申請表掃描檔（stamped.pdf）')).toHaveAttribute(
      'src',
      `/api/staff/manager-requests/${staffQueueFixture.items[0]!.id}/scan`,
    );
    expect(screen.getByText('A12****789')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '核准' }));
    const dialog = screen.getByRole('dialog', { name: '確認核准' });
    await user.click(within(dialog).getByRole('button', { name: '確認核准' }));
    expect(await screen.findByText(MANAGER_REQUEST_MESSAGES.approved)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(decisions).toEqual([{ decision: 'APPROVE' }]);
  });

  it('shows an image scan as <img> with alt text', async () => {
    server.use(
      loggedInAs('SYSTEM_STAFF'),
      http.get('*/api/staff/manager-requests/:id', () =>
        HttpResponse.json(
          staffDetailFixture({ scan: { filename: 'stamped.png', contentType: 'image/png', size: 99, uploadedAt: '2026-11-25T02:00:00.000Z', url: '/api/staff/manager-requests/x/scan' } }),
        ),
      ),
    );
    await renderApp(detailPath);
    expect(await screen.findByRole('img', { name: '申請 MR20261125-0001 的申請表掃描檔（stamped.png）' })).toBeInTheDocument();
  });

  it('requires a reason to reject (駁回時請填寫原因), then sends it', async () => {
    server.use(loggedInAs('SYSTEM_STAFF'));
    const decisions = recordDecisions();
    const { user } = await renderApp(detailPath);
    await user.click(await screen.findByRole('button', { name: '駁回' }));
    const dialog = screen.getByRole('dialog', { name: '確認駁回' });
    await user.click(within(dialog).getByRole('button', { name: '確認駁回' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('駁回時請填寫原因');
    expect(decisions).toEqual([]);
    await user.type(within(dialog).getByLabelText('駁回原因（必填）'), '申請表未蓋機構關防');
    await user.click(within(dialog).getByRole('button', { name: '確認駁回' }));
    expect(await screen.findByText(MANAGER_REQUEST_MESSAGES.rejected)).toBeInTheDocument();
    expect(decisions).toEqual([{ decision: 'REJECT', reason: '申請表未蓋機構關防' }]);
  });

  it('Escape closes the dialog and nothing is sent', async () => {
    server.use(loggedInAs('SYSTEM_STAFF'));
    const decisions = recordDecisions();
    const { user } = await renderApp(detailPath);
    const approve = await screen.findByRole('button', { name: '核准' });
    await user.click(approve);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(approve).toHaveFocus());
    expect(decisions).toEqual([]);
  });

  it('shows the 409 message when another staff member decided first', async () => {
    server.use(
      loggedInAs('SYSTEM_STAFF'),
      http.post('*/api/staff/manager-requests/:id/decision', () =>
        HttpResponse.json({ code: 'MANAGER_REQUEST_ALREADY_DECIDED', message: MANAGER_REQUEST_MESSAGES.alreadyDecided } satisfies ErrorBody, { status: 409 }),
      ),
    );
    const { user } = await renderApp(detailPath);
    await user.click(await screen.findByRole('button', { name: '核准' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: '確認核准' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(MANAGER_REQUEST_MESSAGES.alreadyDecided);
  });
});
