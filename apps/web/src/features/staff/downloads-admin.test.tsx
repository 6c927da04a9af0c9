import { PORTAL_SYSTEM_NAME } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loggedInAs } from '../../testing/handlers/auth';
import { publishedDownload } from '../../testing/handlers/back-office';
import { subsystems } from '../../testing/fixtures';
import { readMultipart, type MultipartBody } from '../../testing/multipart';
import { renderApp } from '../../testing/render';
import { server } from '../../testing/server';

/** What the page sent to /api/staff/downloads*: method, path and body (JSON or multipart). */
function recordDownloadWrites() {
  const writes: Array<{ method: string; path: string; body: unknown }> = [];
  server.events.on('request:start', ({ request }) => {
    const path = new URL(request.url).pathname;
    if (request.method === 'GET' || !path.startsWith('/api/staff/downloads')) return;
    const body: Promise<unknown> = request.headers.get('content-type')?.startsWith('multipart/')
      ? readMultipart(request.clone())
      : request.clone().json();
    void body.then((parsed) => writes.push({ method: request.method, path, body: parsed }));
  });
  return writes;
}

async function openDownloadsAdmin() {
  server.use(loggedInAs('SYSTEM_STAFF'));
  const rendered = await renderApp('/manage/downloads');
  await screen.findByRole('row', { name: new RegExp(publishedDownload.title) });
  return rendered;
}

describe('下載專區管理 (系統人員)', () => {
  it('下架 asks first: the dialog opens on 取消, which sends nothing; 確定下架 sends the status and focus goes to the result', { timeout: 30_000 }, async () => {
    const writes = recordDownloadWrites();
    const { user } = await openDownloadsAdmin();
    const unpublish = screen.getByRole('button', { name: `下架（${publishedDownload.title}）` });

    await user.click(unpublish);
    let dialog = screen.getByRole('alertdialog', { name: '下架檔案' });
    expect(dialog).toHaveAccessibleDescription(`確定要下架「${publishedDownload.title}」嗎？下架後下載專區不再提供此檔案。`);
    expect(within(dialog).getByRole('button', { name: '取消' })).toHaveFocus();
    // Enter on the focused 取消 decides nothing.
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(unpublish).toHaveFocus();
    expect(writes).toEqual([]);

    await user.click(unpublish);
    dialog = screen.getByRole('alertdialog', { name: '下架檔案' });
    await user.click(within(dialog).getByRole('button', { name: '確定下架' }));
    const result = await screen.findByText(`「${publishedDownload.title}」已下架。`);
    await waitFor(() => expect(result).toHaveFocus());
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(writes).toEqual([{ method: 'PATCH', path: `/api/staff/downloads/${publishedDownload.id}`, body: { status: 'UNPUBLISHED' } }]);
  });

  it('新增檔案: 所屬系統 is a select of the portal and every subsystem, required with its own message, and is sent as chosen', { timeout: 30_000 }, async () => {
    const writes = recordDownloadWrites();
    const { user } = await openDownloadsAdmin();
    await user.click(screen.getByRole('button', { name: '新增檔案' }));
    const form = screen.getByRole('form', { name: '新增檔案' });
    const system = within(form).getByRole('combobox', { name: '(必填)所屬系統' });
    await waitFor(() => expect(within(system).getAllByRole('option')).toHaveLength(subsystems.length + 2));
    expect(within(system).getAllByRole('option').map((option) => option.textContent)).toEqual(['請選擇', PORTAL_SYSTEM_NAME, ...subsystems.map((item) => item.name)]);

    await user.click(within(form).getByRole('button', { name: '上傳' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('所屬系統：請選擇系統');
    expect(system).toHaveAttribute('aria-invalid', 'true');
    expect(system).toHaveAccessibleDescription('請選擇系統');
    expect(writes).toEqual([]);

    await user.selectOptions(system, '戒菸服務');
    await user.type(within(form).getByRole('textbox', { name: '(必填)所屬分類' }), '表格範例');
    await user.type(within(form).getByRole('textbox', { name: '(必填)標題' }), '戒菸服務申報表');
    await user.upload(within(form).getByLabelText(/檔案/), new File(['%PDF-1.4'], 'claim.pdf', { type: 'application/pdf' }));
    await user.click(within(form).getByRole('button', { name: '上傳' }));
    const result = await screen.findByText('已新增「戒菸服務申報表」。');
    await waitFor(() => expect(result).toHaveFocus());
    expect(writes).toEqual([
      {
        method: 'POST',
        path: '/api/staff/downloads',
        body: { fields: { system: '戒菸服務', category: '表格範例', title: '戒菸服務申報表' }, file: { contentType: 'application/pdf' } } satisfies MultipartBody,
      },
    ]);
  });
});
