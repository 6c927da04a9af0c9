import { BACK_OFFICE_MESSAGES, type DecisionRequest, type ErrorBody } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { loggedInAs } from '../../testing/handlers/auth';
import { renderApp } from '../../testing/render';
import { server } from '../../testing/server';
import { textsOf } from '../../testing/table-text';

/** Records the bodies POSTed to the decision endpoint (the default handler still answers). */
function recordDecisions() {
  const bodies: DecisionRequest[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && request.url.includes('/api/institution-manager/applications/')) {
      void request.clone().json().then((body: DecisionRequest) => bodies.push(body));
    }
  });
  return bodies;
}

async function openQueue() {
  server.use(loggedInAs('INSTITUTION_MANAGER'));
  const app = await renderApp('/manage/applications');
  const table = await screen.findByRole('table', { name: '待審核的一般使用者申請' });
  return { ...app, table };
}

describe('一般使用者申請審核 (單位業務管理者)', () => {
  it('lists the pending applications with 帳號, 姓名, 申請日期 and 申請子系統', async () => {
    const { table } = await openQueue();
    expect(screen.getByRole('heading', { level: 1, name: '一般使用者申請審核' })).toBeInTheDocument();
    const row = within(table).getByRole('row', { name: /newuser01/ });
    expect(within(row).getByRole('rowheader')).toHaveTextContent('newuser01');
    expect(textsOf(row, 'cell')).toEqual(['張小明', '2026/11/26', '成人預防保健、戒菸服務', '核准（newuser01）駁回（newuser01）']);
  });

  it('asks for confirmation before 核准, then posts the decision', async () => {
    const bodies = recordDecisions();
    const { user } = await openQueue();
    const approve = screen.getByRole('button', { name: '核准（newuser01）' });
    await user.click(approve);

    const dialog = screen.getByRole('alertdialog', { name: '核准申請' });
    expect(dialog).toHaveTextContent('確定要核准newuser01（張小明）的帳號申請嗎？');
    expect(within(dialog).getByRole('button', { name: '取消' })).toHaveFocus();
    expect(bodies).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: '確定核准' }));
    expect(await screen.findByText(`newuser01：${BACK_OFFICE_MESSAGES.approved}`)).toHaveAttribute('role', 'status');
    expect(bodies).toEqual([{ decision: 'APPROVE' }]);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('Esc cancels the dialog, sends nothing and gives focus back to the button', async () => {
    const bodies = recordDecisions();
    const { user } = await openQueue();
    const approve = screen.getByRole('button', { name: '核准（newuser01）' });
    await user.click(approve);
    await user.keyboard('{Tab}{Tab}{Tab}');
    expect(screen.getByRole('alertdialog')).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(approve).toHaveFocus();
    expect(bodies).toEqual([]);
  });

  it('blocks 駁回 without a reason with 「駁回時請填寫原因」, then sends the reason', async () => {
    const bodies = recordDecisions();
    const { user } = await openQueue();
    await user.click(screen.getByRole('button', { name: '駁回（newuser01）' }));
    const dialog = screen.getByRole('dialog', { name: '駁回申請' });
    const reason = within(dialog).getByRole('textbox', { name: '(必填)駁回原因' });
    expect(reason).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: '確定駁回' }));
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(BACK_OFFICE_MESSAGES.reasonRequired);
    expect(within(dialog).getByRole('alert')).toHaveTextContent(`請修正以下欄位駁回原因：${BACK_OFFICE_MESSAGES.reasonRequired}`);
    expect(bodies).toEqual([]);

    await user.type(reason, '非本院人員');
    await user.click(within(dialog).getByRole('button', { name: '確定駁回' }));
    expect(await screen.findByText(`newuser01：${BACK_OFFICE_MESSAGES.rejected}`)).toBeInTheDocument();
    expect(bodies).toEqual([{ decision: 'REJECT', reason: '非本院人員' }]);
  });

  it('shows 「此申請已被處理」 on a 409 and refreshes the queue', async () => {
    let listCalls = 0;
    server.use(
      http.post('*/api/institution-manager/applications/:id/decision', () =>
        HttpResponse.json({ code: 'ALREADY_DECIDED', message: BACK_OFFICE_MESSAGES.alreadyDecided } satisfies ErrorBody, { status: 409 }),
      ),
    );
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'GET' && request.url.includes('/api/institution-manager/applications')) listCalls += 1;
    });
    const { user } = await openQueue();
    expect(listCalls).toBe(1);
    await user.click(screen.getByRole('button', { name: '核准（newuser01）' }));
    await user.click(screen.getByRole('button', { name: '確定核准' }));
    expect(await screen.findByText(BACK_OFFICE_MESSAGES.alreadyDecided)).toHaveAttribute('role', 'alert');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await waitFor(() => expect(listCalls).toBe(2));
  });
});

describe('單位帳號管理', () => {
  it('lists the accounts with their states and confirms 停用', async () => {
    server.use(loggedInAs('INSTITUTION_MANAGER'));
    let posted: unknown = null;
    server.use(
      http.post('*/api/institution-manager/accounts/:id/deactivate', async ({ params, request }) => {
        posted = await request.json();
        return HttpResponse.json({ id: String(params.id), status: 'DEACTIVATED', statusLabel: '已停用', message: BACK_OFFICE_MESSAGES.deactivated });
      }),
    );
    const { user } = await renderApp('/manage/accounts');
    const table = await screen.findByRole('table', { name: '本機構帳號' });
    const row = within(table).getByRole('row', { name: /demouser/ });
    expect(textsOf(row, 'cell').slice(0, 3)).toEqual(['李示範', '一般使用者', '已開通']);
    await user.click(within(row).getByRole('button', { name: '停用（demouser）' }));
    await user.click(within(screen.getByRole('dialog', { name: '停用帳號' })).getByRole('button', { name: '確定停用' }));
    expect(await screen.findByText(`demouser：${BACK_OFFICE_MESSAGES.deactivated}`)).toBeInTheDocument();
    expect(posted).toEqual({});
  });
});
