import { MANAGER_REQUEST_MESSAGES, type CreateManagerRequest, type ErrorBody, type ManagerRequestPreview, type MyManagerRequests } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { loggedInAs } from '../../testing/handlers/auth';
import { createdRequestFixture, myRequestsFixture } from '../../testing/handlers/manager-requests';
import { renderApp } from '../../testing/render';
import { server } from '../../testing/server';

function recordCreates() {
  const bodies: CreateManagerRequest[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.method !== 'POST' || !request.url.endsWith('/api/manager-requests')) return;
    void request
      .clone()
      .json()
      .then((body) => bodies.push(body as CreateManagerRequest));
  });
  return bodies;
}

const section = () => screen.findByRole('region', { name: '管理者權限申請' });

describe('管理者權限申請 on 我的帳號', () => {
  it('lists my requests with status, reason and dates', async () => {
    server.use(loggedInAs('INSTITUTION_MANAGER'));
    await renderApp('/account/profile');
    const region = await section();
    const table = await within(region).findByRole('table', { name: '我的管理者帳號申請、異動' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('MR20261001-0003');
    expect(row).toHaveTextContent('C-b.降為一般使用者');
    expect(row).toHaveTextContent('已駁回（原因：申請表未蓋機構關防）');
    expect(row).toHaveTextContent('2026/10/01');
    expect(row).toHaveTextContent('2026/10/06');
  });

  it('a 一般使用者 may apply for 管理者權限 (C-a)', async () => {
    server.use(
      loggedInAs('GENERAL_USER'),
      http.get('*/api/account/profile', () =>
        HttpResponse.json({ accountName: 'demouser', name: '李示範', role: 'GENERAL_USER', roleLabel: '一般使用者', institution: { code: '9900000001', name: '示範醫院' }, phone: '02-12345678', mobile: null, email: 'u@demo.invalid', pendingEmail: null }),
      ),
      http.get('*/api/manager-requests', () => HttpResponse.json({ items: [], open: null, availableKinds: ['C_A'] } satisfies MyManagerRequests)),
    );
    const bodies = recordCreates();
    const { user } = await renderApp('/account/profile');
    const region = await section();
    expect(within(region).queryByRole('button', { name: '申請調降為一般使用者' })).not.toBeInTheDocument();
    expect(within(region).queryByLabelText('同仁的帳號')).not.toBeInTheDocument();
    await user.click(await within(region).findByRole('button', { name: '申請管理者權限' }));
    const dialog = await screen.findByRole('dialog', { name: '確認申請管理者權限' });
    expect(within(dialog).queryByText(MANAGER_REQUEST_MESSAGES.noManagerLeftWarning)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '確認送出' }));
    await waitFor(() => expect(bodies).toEqual([{ kind: 'C_A' }]));
    const links = await within(region).findAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['醫事機構卡驗證', `/account/manager-requests/${createdRequestFixture.id}/card-verification`],
      ['紙本審核', `/account/manager-requests/${createdRequestFixture.id}/paper-review`],
    ]);
  });

  it('warns in the confirmation dialog when the request leaves the institution without a manager', async () => {
    server.use(
      loggedInAs('INSTITUTION_MANAGER'),
      http.get('*/api/manager-requests/preview', ({ request }) => {
        expect(new URL(request.url).searchParams.get('kind')).toBe('C_B');
        return HttpResponse.json({ leavesInstitutionWithoutManager: true, warning: MANAGER_REQUEST_MESSAGES.noManagerLeftWarning } satisfies ManagerRequestPreview);
      }),
    );
    const bodies = recordCreates();
    const { user } = await renderApp('/account/profile');
    const region = await section();
    expect(await within(region).findByRole('button', { name: '申請管理者帳號停用' })).toBeInTheDocument();
    await user.click(await within(region).findByRole('button', { name: '申請調降為一般使用者' }));
    const dialog = await screen.findByRole('dialog', { name: '確認申請調降為一般使用者' });
    expect(dialog).toHaveTextContent(MANAGER_REQUEST_MESSAGES.noManagerLeftWarning);
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(bodies).toEqual([]);

    await user.click(within(region).getByRole('button', { name: '申請調降為一般使用者' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '確認送出' }));
    await waitFor(() => expect(bodies).toEqual([{ kind: 'C_B' }]));
  });

  it('deactivates a colleague by 帳號 (B), showing the API refusal when the account is unknown', async () => {
    server.use(
      loggedInAs('INSTITUTION_MANAGER'),
      http.get('*/api/manager-requests/preview', ({ request }) => {
        const target = new URL(request.url).searchParams.get('targetAccountName');
        if (target !== 'colleague01') {
          return HttpResponse.json({ code: 'MANAGER_REQUEST_TARGET_NOT_FOUND', message: MANAGER_REQUEST_MESSAGES.targetNotFound } satisfies ErrorBody, { status: 404 });
        }
        return HttpResponse.json({ leavesInstitutionWithoutManager: false, warning: null } satisfies ManagerRequestPreview);
      }),
    );
    const bodies = recordCreates();
    const { user } = await renderApp('/account/profile');
    const region = await section();
    await user.type(await within(region).findByLabelText('同仁的帳號'), 'nobody');
    await user.click(within(region).getByRole('button', { name: '停用同仁的管理者帳號' }));
    expect(await within(region).findByRole('alert')).toHaveTextContent(MANAGER_REQUEST_MESSAGES.targetNotFound);

    await user.clear(within(region).getByLabelText('同仁的帳號'));
    await user.type(within(region).getByLabelText('同仁的帳號'), 'colleague01');
    await user.click(within(region).getByRole('button', { name: '停用同仁的管理者帳號' }));
    await user.click(within(await screen.findByRole('dialog', { name: '確認停用同仁的管理者帳號（colleague01）' })).getByRole('button', { name: '確認送出' }));
    await waitFor(() => expect(bodies).toEqual([{ kind: 'B', targetAccountName: 'colleague01' }]));
  });

  it('offers both ways of verifying an open request', async () => {
    server.use(
      loggedInAs('INSTITUTION_MANAGER'),
      http.get('*/api/manager-requests', () => HttpResponse.json({ ...myRequestsFixture, open: createdRequestFixture, availableKinds: [] } satisfies MyManagerRequests)),
    );
    await renderApp('/account/profile');
    const region = await section();
    expect(await within(region).findByText(/處理中的申請：C-b.降為一般使用者（待驗證）/)).toBeInTheDocument();
    expect(within(region).getByRole('link', { name: '醫事機構卡驗證' })).toBeInTheDocument();
    expect(within(region).getByRole('link', { name: '紙本審核' })).toBeInTheDocument();
  });
});
