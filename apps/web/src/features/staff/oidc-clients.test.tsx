import { OIDC_CLIENT_MESSAGES, type ErrorBody } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSRF_TOKEN, loggedInAs } from '../../testing/handlers/auth';
import { NEW_SECRET, oidcClientApi } from '../../testing/handlers/oidc-clients';
import { renderApp } from '../../testing/render';
import { server } from '../../testing/server';

// The page is a lazy chunk: load it once up front, so that the first render is not the one that waits for it.
beforeAll(() => import('./components/subsystems-page'), 60_000);

const CHILD = '/api/staff/subsystems/b1b1b1b1-0000-4000-8000-000000000002/oidc-client';
const ADULT = '/api/staff/subsystems/b1b1b1b1-0000-4000-8000-000000000001/oidc-client';

/** Click and paste: typing an address key by key adds nothing here but time. */
async function fill(user: Awaited<ReturnType<typeof renderApp>>['user'], field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function openPage() {
  server.use(loggedInAs('SYSTEM_STAFF'));
  const api = oidcClientApi();
  server.use(...api.handlers);
  const csrf: Array<string | null> = [];
  server.events.on('request:start', ({ request }) => {
    if (request.method !== 'GET') csrf.push(request.headers.get('x-csrf-token'));
  });
  const rendered = await renderApp('/manage/subsystems');
  await screen.findByRole('heading', { level: 2, name: '兒童預防保健' }, { timeout: 10_000 });
  const card = (name: string) => within(screen.getByRole('region', { name: new RegExp(`^${name}`) }));
  const clientOf = async (name: string) => within(await card(name).findByRole('region', { name: /單一入口用戶端/ }, { timeout: 10_000 }));
  return { ...rendered, api, csrf, clientOf };
}

describe('子系統管理: the single sign-on client of a subsystem', { timeout: 60_000 }, () => {
  it('shows a registered client, and says when a subsystem has none', async () => {
    const { clientOf } = await openPage();
    const adult = await clientOf('成人預防保健');
    const facts = Object.fromEntries(
      adult.getAllByRole('term').map((term) => [term.textContent, (term.nextElementSibling as HTMLElement).textContent]),
    );
    expect(facts).toMatchObject({
      用戶端識別碼: 'adult-preventive',
      狀態: '啟用',
      登入後導回網址: 'http://localhost:3001/callback',
      後端登出通知網址: 'http://localhost:3001/backchannel-logout',
      用戶端驗證方式: '用戶端密鑰（client_secret_basic）',
      'ID Token 簽章演算法': 'RS256',
      更新權杖: '不允許',
    });
    const child = await clientOf('兒童預防保健');
    expect(child.getByText(/尚未設定/)).toBeInTheDocument();
    expect(child.getByRole('button', { name: '設定單一入口用戶端（兒童預防保健）' })).toBeInTheDocument();
    expect(child.queryByRole('button', { name: /更換密鑰/ })).not.toBeInTheDocument();
  });

  it('registers a client: checks the addresses first, then shows the secret once with a copy button', async () => {
    const { user, api, csrf, clientOf } = await openPage();
    const child = await clientOf('兒童預防保健');
    await user.click(child.getByRole('button', { name: '設定單一入口用戶端（兒童預防保健）' }));
    const form = within(screen.getByRole('form', { name: '設定「兒童預防保健」的單一入口用戶端' }));

    await user.click(form.getByRole('button', { name: '建立用戶端' }));
    expect(form.getByRole('alert')).toHaveTextContent(`請修正以下欄位登入後導回網址：${OIDC_CLIENT_MESSAGES.redirectUrisRequired}`);
    const redirects = form.getByRole('textbox', { name: '(必填)登入後導回網址' });
    expect(redirects).toHaveAttribute('aria-invalid', 'true');

    await fill(user, redirects, 'https://child.example.test/callback\nhttp://child.example.test/callback');
    await fill(user, form.getByRole('textbox', { name: '後端登出通知網址' }), 'https://child.example.test/backchannel#x');
    await user.click(form.getByRole('button', { name: '建立用戶端' }));
    expect(form.getByRole('alert')).toHaveTextContent(`登入後導回網址：第 2 行：${OIDC_CLIENT_MESSAGES.uriInvalid}`);
    expect(form.getByRole('alert')).toHaveTextContent(`後端登出通知網址：${OIDC_CLIENT_MESSAGES.uriInvalid}`);
    expect(api.calls).toEqual([]);

    await user.clear(redirects);
    await fill(user, redirects, 'https://child.example.test/callback');
    await user.clear(form.getByRole('textbox', { name: '後端登出通知網址' }));
    await fill(user, form.getByRole('textbox', { name: '後端登出通知網址' }), 'https://child.example.test/backchannel-logout');
    await fill(user, form.getByRole('textbox', { name: '登出後導回網址' }), 'https://child.example.test/bye');
    await user.selectOptions(form.getByRole('combobox', { name: '(必填)ID Token 簽章演算法' }), 'ES256');
    await user.click(form.getByRole('checkbox', { name: /上傳篩檢紀錄/ }));
    await user.click(form.getByRole('button', { name: '建立用戶端' }));

    const dialog = within(await screen.findByRole('dialog', { name: '用戶端密鑰（僅顯示這一次）' }));
    expect(api.calls).toEqual([
      {
        method: 'POST',
        path: CHILD,
        body: {
          redirectUris: ['https://child.example.test/callback'],
          postLogoutRedirectUris: ['https://child.example.test/bye'],
          backchannelLogoutUri: 'https://child.example.test/backchannel-logout',
          tokenEndpointAuthMethod: 'client_secret_basic',
          jwks: null,
          idTokenSignedResponseAlg: 'ES256',
          allowRefreshToken: false,
          clientCredentialsScopes: ['screening:ingest'],
        },
      },
    ]);
    expect(csrf).toEqual([CSRF_TOKEN]);
    const secret = dialog.getByRole('textbox', { name: '用戶端密鑰' });
    expect(secret).toHaveValue(NEW_SECRET);
    expect(secret).toHaveFocus();
    expect(secret).toHaveAttribute('readonly');
    expect(screen.getByRole('dialog')).toHaveAccessibleDescription(/關閉本視窗後將無法再次查看/);
    await user.click(dialog.getByRole('button', { name: '複製密鑰' }));
    expect(await navigator.clipboard.readText()).toBe(NEW_SECRET);
    expect(dialog.getByRole('status')).toHaveTextContent('已複製到剪貼簿。');

    await user.click(dialog.getByRole('button', { name: '我已妥善保存，關閉' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(NEW_SECRET)).not.toBeInTheDocument();
    const after = await clientOf('兒童預防保健');
    await waitFor(() => expect(after.getByRole('status')).toHaveFocus());
    expect(after.getByRole('status')).toHaveTextContent(OIDC_CLIENT_MESSAGES.created);
    expect(await after.findByText('child-preventive')).toBeInTheDocument();
  });

  it('private_key_jwt needs the subsystem public keys, never a private key', async () => {
    const { user, api, clientOf } = await openPage();
    const adult = await clientOf('成人預防保健');
    await user.click(adult.getByRole('button', { name: '修改用戶端設定（成人預防保健）' }));
    const form = within(screen.getByRole('form', { name: '修改「成人預防保健」的單一入口用戶端' }));
    expect(form.getByRole('textbox', { name: '(必填)登入後導回網址' })).toHaveValue('http://localhost:3001/callback');
    expect(form.queryByRole('textbox', { name: /JWKS/ })).not.toBeInTheDocument();

    await user.click(form.getByRole('radio', { name: '子系統私鑰簽署（private_key_jwt）' }));
    const jwks = form.getByRole('textbox', { name: '(必填)子系統公開金鑰（JWKS）' });
    await user.click(form.getByRole('button', { name: '儲存' }));
    expect(form.getByRole('alert')).toHaveTextContent(`子系統公開金鑰（JWKS）：${OIDC_CLIENT_MESSAGES.jwksRequired}`);

    await user.click(jwks);
    await user.paste('{"keys":[{"kty":"EC","crv":"P-256","x":"x","y":"y","d":"private"}]}');
    await user.click(form.getByRole('button', { name: '儲存' }));
    expect(form.getByRole('alert')).toHaveTextContent(`子系統公開金鑰（JWKS）：${OIDC_CLIENT_MESSAGES.jwksInvalid}`);
    expect(api.calls).toEqual([]);

    await user.clear(jwks);
    await user.paste('{"keys":[{"kty":"EC","crv":"P-256","x":"x","y":"y"}]}');
    await user.click(form.getByRole('button', { name: '儲存' }));
    expect(await (await clientOf('成人預防保健')).findByText(OIDC_CLIENT_MESSAGES.updated)).toHaveFocus();
    expect(api.calls).toEqual([
      {
        method: 'PATCH',
        path: ADULT,
        body: expect.objectContaining({ tokenEndpointAuthMethod: 'private_key_jwt', jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }] } }),
      },
    ]);
    // No secret to rotate for a key-authenticated client; no secret dialog either.
    expect((await clientOf('成人預防保健')).queryByRole('button', { name: /更換密鑰/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('rotates the secret after confirming, and shows the new one once', async () => {
    const { user, api, clientOf } = await openPage();
    await user.click((await clientOf('成人預防保健')).getByRole('button', { name: '更換密鑰（成人預防保健）' }));
    const confirm = within(screen.getByRole('alertdialog', { name: '更換用戶端密鑰' }));
    expect(confirm.getByRole('button', { name: '取消' })).toHaveFocus();
    await user.click(confirm.getByRole('button', { name: '確定更換' }));
    const dialog = within(await screen.findByRole('dialog', { name: '用戶端密鑰（僅顯示這一次）' }));
    expect(dialog.getByRole('textbox', { name: '用戶端密鑰' })).toHaveValue(NEW_SECRET);
    expect(api.calls).toEqual([{ method: 'POST', path: `${ADULT}/rotate-secret`, body: {} }]);
    await user.keyboard('{Escape}');
    expect(await (await clientOf('成人預防保健')).findByText(OIDC_CLIENT_MESSAGES.secretRotated)).toHaveFocus();
  });

  it('disables after confirming, then enables again', async () => {
    const { user, api, clientOf } = await openPage();
    await user.click((await clientOf('成人預防保健')).getByRole('button', { name: '停用單一入口登入（成人預防保健）' }));
    const confirm = within(screen.getByRole('alertdialog', { name: '停用單一入口登入' }));
    expect(confirm.getByText(/目前在該子系統的登入也會結束/)).toBeInTheDocument();
    await user.click(confirm.getByRole('button', { name: '確定停用' }));
    const adult = await clientOf('成人預防保健');
    expect(await adult.findByText(OIDC_CLIENT_MESSAGES.disabled)).toHaveFocus();
    expect(await adult.findByText('已停用（無法以單一入口登入）')).toBeInTheDocument();
    await user.click(adult.getByRole('button', { name: '重新啟用（成人預防保健）' }));
    expect(await adult.findByText(OIDC_CLIENT_MESSAGES.enabled)).toBeInTheDocument();
    expect(api.calls.map((call) => call.path)).toEqual([`${ADULT}/disable`, `${ADULT}/enable`]);
  });

  it('shows the API refusals: one about a field next to it, one about the client at the top of the form', async () => {
    const { user, clientOf } = await openPage();
    const refusals: Array<[number, ErrorBody]> = [
      [400, { code: 'VALIDATION_FAILED', message: '輸入的資料有誤，請檢查後再送出。', fieldErrors: { backchannelLogoutUri: ['此網址無法連線。'] } }],
      [409, { code: 'OIDC_CLIENT_EXISTS', message: OIDC_CLIENT_MESSAGES.exists }],
    ];
    server.use(http.post('*/api/staff/subsystems/:id/oidc-client', () => HttpResponse.json(refusals[0]![1], { status: refusals.shift()![0] })));
    await user.click((await clientOf('兒童預防保健')).getByRole('button', { name: '設定單一入口用戶端（兒童預防保健）' }));
    const form = within(screen.getByRole('form', { name: '設定「兒童預防保健」的單一入口用戶端' }));
    await fill(user, form.getByRole('textbox', { name: '(必填)登入後導回網址' }), 'https://child.example.test/callback');
    await fill(user, form.getByRole('textbox', { name: '後端登出通知網址' }), 'https://child.example.test/bc');
    await user.click(form.getByRole('button', { name: '建立用戶端' }));
    expect(await form.findByText('此網址無法連線。')).toBeInTheDocument();
    expect(form.getByRole('textbox', { name: '後端登出通知網址' })).toHaveAccessibleDescription(/此網址無法連線。/);

    await user.click(form.getByRole('button', { name: '建立用戶端' }));
    expect(await form.findByText(OIDC_CLIENT_MESSAGES.exists)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('lists the signing keys and rotates one algorithm after confirmation, focusing the result', async () => {
    const { user, api, csrf } = await openPage();
    const section = within(screen.getByRole('region', { name: '單一入口簽章金鑰' }));
    const table = within(await section.findByRole('table', { name: '單一入口簽章金鑰' }));
    const stateOf = (kid: string) => within(table.getByRole('rowheader', { name: kid }).closest('tr')!).getAllByRole('cell')[1]!.textContent;
    expect(stateOf('rs256-old')).toBe('使用中');
    expect(stateOf('rs256-next')).toBe('預備（已公開，下次輪替啟用）');

    await user.click(section.getByRole('button', { name: '輪替 RS256 金鑰' }));
    const dialog = within(screen.getByRole('alertdialog', { name: '輪替簽章金鑰' }));
    await user.click(dialog.getByRole('button', { name: '確定輪替' }));
    const done = await screen.findByText('已輪替 RS256 簽章金鑰：新金鑰 rs256-next 開始簽章，舊金鑰保留公開至已簽發的權杖到期。');
    await waitFor(() => expect(done).toHaveFocus());
    await waitFor(() => expect(stateOf('rs256-next')).toBe('使用中'));
    expect(stateOf('rs256-old')).toBe('已退役（公開至已簽發的權杖到期）');
    expect(api.calls).toEqual([{ method: 'POST', path: '/api/staff/oidc-signing-keys/rotate', body: { alg: 'RS256' } }]);
    expect(csrf).toEqual([CSRF_TOKEN]);
  });
});
