import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loggedInAs } from '../../testing/handlers/auth';
import { DEMO_PERSON, resetScreeningHandlers } from '../../testing/handlers/screening';
import { renderApp } from '../../testing/render';
import { server } from '../../testing/server';

afterEach(resetScreeningHandlers);

describe('篩檢結果查詢', () => {
  it('is linked from the side column and 我的服務 for institution accounts', async () => {
    server.use(loggedInAs('GENERAL_USER'));
    await renderApp('/account');
    const side = within(screen.getByRole('complementary', { name: '服務登入與帳號服務' }));
    expect(side.getByRole('link', { name: '篩檢結果查詢' })).toHaveAttribute('href', '/screening');
  });

  it('looks a person up: header, follow-up awaiting, one row per service with eligibility; focus on the result; printable', async () => {
    server.use(loggedInAs('GENERAL_USER'));
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { user } = await renderApp('/screening');
    await user.type(screen.getByLabelText('(必填)身分證字號'), DEMO_PERSON.nationalId);
    await user.type(screen.getByLabelText('(必填)出生日期'), DEMO_PERSON.birthDate);
    await user.click(screen.getByRole('radio', { name: '看診服務' }));
    await user.click(screen.getByRole('button', { name: '查詢' }));

    const heading = await screen.findByRole('heading', { level: 2, name: '查詢結果' });
    await waitFor(() => expect(heading).toHaveFocus());
    const facts = screen.getByText('身分證字號', { selector: 'dt' }).closest('dl')!;
    expect(within(facts).getByText('F22****036')).toBeInTheDocument();
    expect(within(facts).getByText('1986/03/15（民國 75 年）')).toBeInTheDocument();
    expect(within(facts).getByText('40 歲（依補助規定以年度計：查詢年 − 出生年）')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: '異常結果待追蹤（1 項）' })).toBeInTheDocument();

    const table = screen.getByRole('table', { name: '各項預防保健服務紀錄及今日受檢資格' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['乳房X光攝影', '子宮頸抹片檢查待追蹤', 'B、C型肝炎篩檢']);
    expect(rows[0]).toHaveTextContent('尚無紀錄');
    expect(rows[0]).toHaveTextContent('可受檢');
    expect(rows[1]).toHaveTextContent('異常');
    expect(rows[1]).toHaveTextContent('已轉介轉介 2025/11/20');
    expect(rows[1]).toHaveTextContent('尚未到期2027/01/01 起可受檢');
    expect(rows[2]).toHaveTextContent('終身一次已使用');
    // The deciding rule as its summary and start date, not its id; an id the table lacks stays as it is.
    expect(rows[0]).toHaveTextContent('依規定（2025/01/01 起）：40–74 歲女性每 2 年 1 次');
    expect(rows[0]).not.toHaveTextContent('MAMMOGRAPHY@');
    expect(rows[2]).toHaveTextContent('依規定 HEPATITIS_BC@2025-01-01');

    await user.click(screen.getByRole('button', { name: '列印' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('says the same for any mismatch, and focuses the message', async () => {
    server.use(loggedInAs('INSTITUTION_MANAGER'));
    const { user } = await renderApp('/screening');
    await user.type(screen.getByLabelText('(必填)身分證字號'), DEMO_PERSON.nationalId);
    await user.type(screen.getByLabelText('(必填)出生日期'), '1986-03-16');
    await user.click(screen.getByRole('radio', { name: '追蹤管理' }));
    await user.click(screen.getByRole('button', { name: '查詢' }));
    const message = await screen.findByRole('alert');
    expect(message).toHaveTextContent('查無符合的資料，請確認身分證字號及出生日期是否正確。');
    await waitFor(() => expect(message.parentElement).toHaveFocus());
  });

  it('checks the form with the shared rules before asking', async () => {
    server.use(loggedInAs('GENERAL_USER'));
    const { user } = await renderApp('/screening');
    await user.type(screen.getByLabelText('(必填)身分證字號'), 'A123456788');
    await user.click(screen.getByRole('button', { name: '查詢' }));
    expect(await screen.findByText('身分證字號（或居留證號）格式或檢查碼錯誤，請確認後再輸入')).toBeInTheDocument();
    expect(screen.getByText('請輸入出生日期')).toBeInTheDocument();
    expect(screen.getByText('請選擇查詢目的')).toBeInTheDocument();
    expect(screen.getByLabelText('(必填)身分證字號')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the daily limit message', async () => {
    server.use(
      loggedInAs('GENERAL_USER'),
      http.post('/api/screening/lookups', () =>
        HttpResponse.json({ code: 'SCREENING_DAILY_LIMIT', message: '您今日的篩檢結果查詢已達 200 次上限，請於明日再查詢；如因業務需要須提高上限，請洽諮詢窗口。' }, { status: 429 }),
      ),
    );
    const { user } = await renderApp('/screening');
    await user.type(screen.getByLabelText('(必填)身分證字號'), DEMO_PERSON.nationalId);
    await user.type(screen.getByLabelText('(必填)出生日期'), DEMO_PERSON.birthDate);
    await user.click(screen.getByRole('radio', { name: '看診服務' }));
    await user.click(screen.getByRole('button', { name: '查詢' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('已達 200 次上限');
  });

  it('is not offered to staff (the guard sends them back to 我的服務)', async () => {
    server.use(loggedInAs('SYSTEM_STAFF'));
    await renderApp('/screening');
    expect(await screen.findByRole('heading', { level: 1, name: '我的服務' })).toBeInTheDocument();
  });
});

describe('篩檢結果查詢紀錄 and alerts (系統人員)', () => {
  it('lists lookups with the person’s hash, never a 身分證; a 身分證 filter goes in the body, not the URL', async () => {
    server.use(loggedInAs('SYSTEM_STAFF'));
    const bodies: unknown[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/api/screening/lookup-log')) void request.clone().json().then((body) => bodies.push(body));
    });
    const { user, router } = await renderApp('/manage/screening-lookups');
    const table = await screen.findByRole('table', { name: '篩檢結果查詢紀錄（第 1 頁）' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('demouser（李示範）');
    expect(row).toHaveTextContent('示範醫院（9900000001）');
    expect(row).toHaveTextContent(`${'ab'.repeat(8)}…`);
    expect(row).toHaveTextContent('看診服務');
    expect(screen.getByRole('searchbox', { name: '機構代碼' })).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: '被查詢者身分證字號' }), DEMO_PERSON.nationalId);
    await user.type(screen.getByRole('searchbox', { name: '查詢者帳號' }), 'demouser');
    await user.click(screen.getByRole('button', { name: '查詢' }));
    await waitFor(() => expect(bodies).toContainEqual({ account: 'demouser', nationalId: DEMO_PERSON.nationalId }));
    expect(router.state.location.search).toBe('?account=demouser');
  });

  it('the manager’s view has no institution filter', async () => {
    server.use(loggedInAs('INSTITUTION_MANAGER'));
    await renderApp('/manage/institution-screening-lookups');
    await screen.findByRole('table', { name: '本機構篩檢查詢紀錄（第 1 頁）' });
    expect(screen.queryByRole('searchbox', { name: '機構代碼' })).toBeNull();
  });

  it('counts open alerts in the side column and marks one handled', async () => {
    server.use(loggedInAs('SYSTEM_STAFF'));
    const { user } = await renderApp('/manage/screening-alerts');
    const side = within(screen.getByRole('complementary', { name: '服務登入與帳號服務' }));
    expect(await side.findByRole('link', { name: '篩檢查詢警示（1 件未處理）' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: '篩檢查詢警示' });
    await user.click(within(table).getByRole('button', { name: '標示為已處理（busyuser，2026-11-26）' }));
    const status = await screen.findByText('已將 busyuser 於 2026-11-26 的警示標示為已處理。');
    await waitFor(() => expect(status).toHaveFocus());
    expect(await side.findByRole('link', { name: '篩檢查詢警示' })).toBeInTheDocument();
  });
});

describe('篩檢資料匯入 (系統人員)', () => {
  it('needs a file, checks it (試匹配) and lists every bad row', async () => {
    server.use(loggedInAs('SYSTEM_STAFF'));
    const { user } = await renderApp('/manage/screening-import');
    expect(screen.getByRole('link', { name: '下載 CSV 範本' })).toHaveAttribute('download', '篩檢資料匯入範本.csv');
    await user.click(screen.getByRole('button', { name: '匯入' }));
    expect(await screen.findByText('請選擇 CSV 檔案。')).toBeInTheDocument();
    expect(screen.getByLabelText('(必填)CSV 檔案')).toHaveFocus();

    await user.upload(screen.getByLabelText('(必填)CSV 檔案'), new File(['子系統代碼\nBAD'], 'backfill.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: '試匹配（只檢查，不匯入）' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('2 筆資料列中有 1 筆有誤，請修正後再匯入。');
    const table = screen.getByRole('table', { name: '有誤的資料列（1 筆）' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('第 3 列BAD-1服務日期：日期格式須為 YYYY-MM-DD（西元年）。');
  });

  it('imports a clean file', async () => {
    server.use(loggedInAs('SYSTEM_STAFF'));
    const { user } = await renderApp('/manage/screening-import');
    await user.upload(screen.getByLabelText('(必填)CSV 檔案'), new File(['子系統代碼\nGOOD'], 'backfill.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: '匯入' }));
    const outcome = await screen.findByText('已匯入 2 筆：新增 2 筆、更新 0 筆、未變動 0 筆。');
    expect(outcome).toHaveAttribute('role', 'status');
    await waitFor(() => expect(outcome.closest('.import-outcome')).toHaveFocus());
  });
});
