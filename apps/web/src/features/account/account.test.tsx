import { ACCOUNT_MESSAGES, AUTH_MESSAGES, PASSWORD_POLICY_TEXT, PASSWORD_STRENGTH_ADVICE, type AccountRole, type MySsoSessionList, type MySubsystemList } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { mySsoSessionsFixture, mySubsystemsFixture } from '../../testing/handlers/account';
import { CSRF_TOKEN, loggedInAs } from '../../testing/handlers/auth';
import { ACCOUNT_NATIONAL_ID } from '../../testing/handlers/password-strength';
import { renderApp } from '../../testing/render';
import { server } from '../../testing/server';
import { rowsOf } from '../../testing/table-text';

vi.mock('../../lib/password-strength/create-password-strength-evaluator', async () => {
  const { createInlinePasswordStrengthEvaluator } = await import('../../lib/password-strength/create-inline-password-strength-evaluator');
  return { createPasswordStrengthEvaluator: createInlinePasswordStrengthEvaluator };
});

const cardTitles = () => screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);

describe('我的服務 (home after login)', () => {
  it.each<[AccountRole, string[]]>([
    ['INSTITUTION_MANAGER', ['單位帳號管理', '篩檢結果查詢', '帳號資料', '我的子系統', '子系統登入狀態']],
    ['GENERAL_USER', ['篩檢結果查詢', '帳號資料', '我的子系統', '子系統登入狀態']],
    ['SUBSYSTEM_MANAGER', ['子系統申請審核', '篩檢結果查詢', '帳號資料']],
    ['SYSTEM_STAFF', ['後台管理', '篩檢結果查詢', '帳號資料']],
  ])('%s sees the cards of the role', async (role, cards) => {
    server.use(loggedInAs(role));
    await renderApp('/account');
    expect(await screen.findByRole('heading', { level: 1, name: '我的服務' })).toBeInTheDocument();
    const main = within(screen.getByRole('main'));
    if (role === 'INSTITUTION_MANAGER' || role === 'GENERAL_USER') await main.findByRole('table', { name: '我的子系統' });
    expect(cardTitles().filter((title) => title !== '服務登入' && title !== '帳號服務')).toEqual(cards);
    if (role === 'INSTITUTION_MANAGER' || role === 'GENERAL_USER') {
      expect(main.getByRole('link', { name: '前往篩檢結果查詢' })).toHaveAttribute('href', '/screening');
    } else {
      expect(main.getByText('篩檢結果查詢供醫事機構帳號（單位業務管理者、一般使用者）使用。')).toBeInTheDocument();
    }
    // The role's back-office screens are linked from its card.
    const manageHrefs = main.queryAllByRole('link').map((link) => link.getAttribute('href')).filter((href) => href?.startsWith('/manage/'));
    if (role === 'INSTITUTION_MANAGER') expect(manageHrefs).toEqual(['/manage/applications', '/manage/accounts', '/manage/institution-screening-lookups']);
    if (role === 'SUBSYSTEM_MANAGER') {
      expect(manageHrefs).toEqual(['/manage/access-requests']);
      expect(main.getAllByRole('listitem')[0]).toHaveTextContent('成人預防保健');
    }
    if (role === 'SYSTEM_STAFF') {
      expect(manageHrefs).toEqual(
        expect.arrayContaining(['/manage/institutions', '/manage/subsystems', '/manage/announcements', '/manage/downloads', '/manage/account-search', '/manage/audit-events']),
      );
    }
  });

  it('lists my subsystems with status and reason; 進入系統 opens an approved, connected subsystem', async () => {
    server.use(loggedInAs('GENERAL_USER'));
    await renderApp('/account');
    const table = await screen.findByRole('table', { name: '我的子系統' });
    const rows = rowsOf(table);
    expect(rows).toEqual([
      ['成人預防保健', '已核准', '—', '進入系統「成人預防保健」'],
      // A request still waiting says what it waits for.
      ['兒童預防保健', '待審核', '待子系統管理者審核通過後，才可以使用。', '—'],
      ['孕婦產前檢查', '已駁回', '貴機構未提供產檢服務', '—'],
      ['口腔癌篩檢', '已停用', '合約到期', '—'],
    ]);
    expect(within(table).getByRole('link', { name: '進入系統「成人預防保健」' })).toHaveAttribute('href', 'http://localhost:3001/login');
    expect(within(table).getAllByRole('link')).toHaveLength(1);
  });

  it('lists the subsystem sign-ins; 登出 of one and 登出全部 send the CSRF header and focus the result', async () => {
    let items = [...mySsoSessionsFixture.items];
    const posted: { url: string; csrf: string | null }[] = [];
    server.use(
      loggedInAs('GENERAL_USER'),
      http.get('*/api/account/sso-sessions', () => HttpResponse.json({ items } satisfies MySsoSessionList)),
      http.post('*/api/account/sso-sessions/:clientId/logout', ({ request, params }) => {
        posted.push({ url: new URL(request.url).pathname, csrf: request.headers.get('x-csrf-token') });
        items = items.filter((item) => item.clientId !== params.clientId);
        return HttpResponse.json({ message: '已登出「成人預防保健」，該子系統已收到登出通知。', ended: [String(params.clientId)] });
      }),
      http.post('*/api/account/sso-sessions/logout-all', ({ request }) => {
        posted.push({ url: new URL(request.url).pathname, csrf: request.headers.get('x-csrf-token') });
        items = [];
        return HttpResponse.json({ message: '已登出全部子系統，各子系統已收到登出通知。', ended: ['child-preventive'] });
      }),
    );
    const { user } = await renderApp('/account');
    const table = await screen.findByRole('table', { name: '子系統登入狀態' });
    // Intl may put a non-breaking space between date and time.
    const rows = within(table).getAllByRole('row').slice(1).map((row) => row.textContent?.replace(/\s/gu, ' '));
    expect(rows).toEqual(['成人預防保健2026/12/03 09:02:031登出「成人預防保健」', '兒童預防保健2026/12/03 10:00:002登出「兒童預防保健」']);

    await user.click(within(table).getByRole('button', { name: '登出「成人預防保健」' }));
    const done = await screen.findByText('已登出「成人預防保健」，該子系統已收到登出通知。');
    expect(done).toHaveAttribute('role', 'status');
    await waitFor(() => expect(done).toHaveFocus());
    await waitFor(() => expect(within(screen.getByRole('table', { name: '子系統登入狀態' })).getAllByRole('row')).toHaveLength(2));

    await user.click(screen.getByRole('button', { name: '登出全部子系統' }));
    const all = await screen.findByText('已登出全部子系統，各子系統已收到登出通知。');
    await waitFor(() => expect(all).toHaveFocus());
    expect(await screen.findByText('您目前沒有登入中的子系統。')).toBeInTheDocument();
    expect(posted).toEqual([
      { url: '/api/account/sso-sessions/adult-preventive/logout', csrf: CSRF_TOKEN },
      { url: '/api/account/sso-sessions/logout-all', csrf: CSRF_TOKEN },
    ]);
  });

  it('says so when an approved subsystem cannot be opened from the portal yet', async () => {
    server.use(
      loggedInAs('GENERAL_USER'),
      http.get('*/api/account/subsystems', () =>
        HttpResponse.json({ canRequest: true, items: [{ ...mySubsystemsFixture.items[0]!, launchUrl: null }] } satisfies MySubsystemList),
      ),
    );
    await renderApp('/account');
    const table = await screen.findByRole('table', { name: '我的子系統' });
    expect(within(table).queryByRole('link')).not.toBeInTheDocument();
    expect(within(table).getByText('此子系統尚未開放由本入口進入')).toBeInTheDocument();
  });

  it('requests another subsystem (not yet requested, or rejected) with the CSRF header', async () => {
    server.use(loggedInAs('GENERAL_USER'));
    let sent: { body: unknown; csrf: string | null } | null = null;
    server.use(
      http.post('*/api/account/subsystems', async ({ request }) => {
        sent = { body: await request.json(), csrf: request.headers.get('x-csrf-token') };
        return HttpResponse.json(
          { code: 'prenatal', name: '孕婦產前檢查', status: 'PENDING', statusLabel: '待審核', reason: null, requestedAt: '2026-11-26T01:00:00.000Z', decidedAt: null, launchUrl: null },
          { status: 201 },
        );
      }),
    );
    const { user } = await renderApp('/account');
    const select = await screen.findByRole('combobox', { name: '子系統' });
    const options = within(select).getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['請選擇', '孕婦產前檢查（已駁回，重新申請）', '子宮頸癌篩檢', '乳癌篩檢', '大腸癌篩檢', '肺癌篩檢', 'B、C型肝炎篩檢', '戒菸服務']);
    // Before a subsystem is chosen 送出申請 stays focusable, says why, and sends nothing.
    const send = screen.getByRole('button', { name: '送出申請' });
    expect(send).toHaveAttribute('aria-disabled', 'true');
    expect(send).toHaveAccessibleDescription('請先選擇子系統。');
    await user.click(send);
    expect(sent).toBeNull();
    await user.selectOptions(select, 'prenatal');
    expect(send).not.toHaveAttribute('aria-disabled');
    await user.click(send);
    expect(await screen.findByText(ACCOUNT_MESSAGES.subsystemRequested)).toBeInTheDocument();
    expect(sent).toEqual({ body: { code: 'prenatal' }, csrf: CSRF_TOKEN });
  });
});

describe('我的帳號', () => {
  /** 帳號資料 as the demo manager, with `address` typed over the E-mail (nothing saved yet). */
  async function typeNewEmail(address: string) {
    server.use(loggedInAs('INSTITUTION_MANAGER'));
    const { user } = await renderApp('/account/profile');
    const profile = within(await screen.findByRole('region', { name: '帳號資料' }));
    const email = profile.getByLabelText('(必填)E-mail');
    await user.clear(email);
    await user.type(email, address);
    return { user, profile, email };
  }

  it('shows the read-only facts and saves a changed 手機 only', async () => {
    server.use(loggedInAs('INSTITUTION_MANAGER'));
    let body: unknown;
    server.events.on('request:start', async ({ request }) => {
      if (request.method === 'PATCH') body = await request.clone().json();
    });
    const { user } = await renderApp('/account/profile');
    const profile = within(await screen.findByRole('region', { name: '帳號資料' }));
    expect(profile.getByText('demomanager')).toBeInTheDocument();
    expect(profile.getByText('示範醫院（9900000001）')).toBeInTheDocument();
    const mobile = profile.getByLabelText('手機');
    await user.clear(mobile);
    await user.type(mobile, '0922-333444');
    await user.click(profile.getByRole('button', { name: '儲存帳號資料' }));
    expect(await profile.findByRole('status')).toHaveTextContent(ACCOUNT_MESSAGES.profileUpdated);
    expect(body).toEqual({ mobile: '0922-333444' });
  });

  it('says a confirmation link went to the new e-mail, which applies after confirming', async () => {
    const { user, profile } = await typeNewEmail('new@demo.invalid');
    // A new address asks for the current password, before anything is sent.
    const password = profile.getByLabelText('(必填)目前密碼');
    await user.click(profile.getByRole('button', { name: '儲存帳號資料' }));
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveFocus();
    expect(profile.getByText(ACCOUNT_MESSAGES.emailChangeNeedsPassword)).toBeInTheDocument();
    // A wrong one is the API's field error.
    await user.type(password, 'Wrong*Pass=1');
    await user.click(profile.getByRole('button', { name: '儲存帳號資料' }));
    expect(await profile.findByText(AUTH_MESSAGES.currentPasswordWrong)).toBeInTheDocument();
    await user.clear(password);
    await user.type(password, 'Portal*Demo=2026');
    await user.click(profile.getByRole('button', { name: '儲存帳號資料' }));
    expect(await profile.findByRole('status')).toHaveTextContent(ACCOUNT_MESSAGES.emailChangePending);
    expect(profile.getByText('待確認的新E-mail：new@demo.invalid（點選寄至該信箱的確認連結後才會變更）')).toBeInTheDocument();
  });

  it('validates the contact fields with the shared schema', async () => {
    const { user, profile, email } = await typeNewEmail('not-an-email');
    await user.click(profile.getByRole('button', { name: '儲存帳號資料' }));
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
  });

  it('changes the password: meter, policy, mismatch, then the API message', async () => {
    server.use(loggedInAs('INSTITUTION_MANAGER'));
    const { user } = await renderApp('/account/profile');
    const section = within(await screen.findByRole('region', { name: '變更密碼' }));
    expect(section.getByText(PASSWORD_POLICY_TEXT)).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: '變更密碼' }));
    await waitFor(() => expect(section.getByLabelText('(必填)目前密碼')).toHaveAttribute('aria-invalid', 'true'));

    await user.type(section.getByLabelText('(必填)目前密碼'), 'Portal*Demo=2026');
    await user.type(section.getByLabelText('(必填)新密碼'), 'abc');
    const meter = section.getByRole('meter', { name: '密碼強度' });
    await waitFor(() => expect(meter).toHaveAttribute('data-evaluated-length', '3'));
    expect(meter).toHaveAttribute('aria-valuetext', '弱');
    expect(section.getByText('尚未符合：')).toBeInTheDocument();

    await user.clear(section.getByLabelText('(必填)新密碼'));
    await user.type(section.getByLabelText('(必填)新密碼'), 'Tpe*2024*Hosp');
    await user.type(section.getByLabelText('(必填)再輸入一次新密碼'), 'Tpe*2024*Hosx');
    await user.click(section.getByRole('button', { name: '變更密碼' }));
    expect(await section.findByText(AUTH_MESSAGES.passwordMismatch)).toBeInTheDocument();

    await user.clear(section.getByLabelText('(必填)再輸入一次新密碼'));
    await user.type(section.getByLabelText('(必填)再輸入一次新密碼'), 'Tpe*2024*Hosp');
    await user.click(section.getByRole('button', { name: '變更密碼' }));
    expect(await section.findByRole('status')).toHaveTextContent(ACCOUNT_MESSAGES.passwordChanged);
  });

  describe('shows each refusal on its own field, with focus there', () => {
    const fill = async (values: { current: string; password: string; confirm: string }) => {
      server.use(loggedInAs('INSTITUTION_MANAGER'));
      const { user } = await renderApp('/account/profile');
      const section = within(await screen.findByRole('region', { name: '變更密碼' }));
      const fields = {
        current: section.getByLabelText('(必填)目前密碼'),
        password: section.getByLabelText('(必填)新密碼'),
        confirm: section.getByLabelText('(必填)再輸入一次新密碼'),
      };
      await user.type(fields.current, values.current);
      await user.type(fields.password, values.password);
      await user.type(fields.confirm, values.confirm);
      await user.click(section.getByRole('button', { name: '變更密碼' }));
      return { user, section, fields };
    };
    /** The field is marked invalid and described by exactly this message; no other field is. */
    const expectOnlyError = async (fields: Record<string, HTMLElement>, on: string, message: string) => {
      await waitFor(() => expect(fields[on]).toHaveAccessibleDescription(expect.stringContaining(message)));
      expect(fields[on]).toHaveAttribute('aria-invalid', 'true');
      expect(fields[on]).toHaveFocus();
      for (const [name, field] of Object.entries(fields)) if (name !== on) expect(field).not.toHaveAttribute('aria-invalid', 'true');
    };

    it('目前密碼 wrong (the API) → on 目前密碼; correcting it changes the password', async () => {
      const { user, section, fields } = await fill({ current: 'Wrong*Pass=2026', password: 'Tpe*2024*Hosp', confirm: 'Tpe*2024*Hosp' });
      await expectOnlyError(fields, 'current', AUTH_MESSAGES.currentPasswordWrong);
      await user.clear(fields.current);
      await user.type(fields.current, 'Portal*Demo=2026');
      await user.click(section.getByRole('button', { name: '變更密碼' }));
      expect(await section.findByRole('status')).toHaveTextContent(ACCOUNT_MESSAGES.passwordChanged);
    });

    it('新密碼 against the rules (the API: same as the current one) → on 新密碼', async () => {
      const { fields } = await fill({ current: 'Portal*Demo=2026', password: 'Portal*Demo=2026', confirm: 'Portal*Demo=2026' });
      await expectOnlyError(fields, 'password', AUTH_MESSAGES.passwordSameAsCurrent);
    });

    it('新密碼 too weak (the meter’s rule, before any request) → on 新密碼', async () => {
      const { fields } = await fill({ current: 'Portal*Demo=2026', password: 'abc', confirm: 'abc' });
      await waitFor(() => expect(fields.password).toHaveAttribute('aria-invalid', 'true'));
      expect(fields.password).toHaveFocus();
      expect(fields.current).not.toHaveAttribute('aria-invalid', 'true');
      expect(fields.confirm).not.toHaveAttribute('aria-invalid', 'true');
    });

    it('the two new passwords differ → on 再輸入一次新密碼', async () => {
      const { fields } = await fill({ current: 'Portal*Demo=2026', password: 'Tpe*2024*Hosp', confirm: 'Tpe*2024*Hosx' });
      await expectOnlyError(fields, 'confirm', AUTH_MESSAGES.passwordMismatch);
    });
  });

  it('rates the new password by the API with the account’s 身分證, which the page never has', async () => {
    server.use(loggedInAs('INSTITUTION_MANAGER'));
    const { user } = await renderApp('/account/profile');
    const section = within(await screen.findByRole('region', { name: '變更密碼' }));
    await user.type(section.getByLabelText('(必填)新密碼'), `${ACCOUNT_NATIONAL_ID}!x`);
    const meter = section.getByRole('meter', { name: '密碼強度' });
    await waitFor(() => expect(meter).toHaveAttribute('data-evaluated-length', '12'));
    expect(meter).toHaveAttribute('aria-valuetext', '弱');
    expect(section.getByText(PASSWORD_STRENGTH_ADVICE)).toBeInTheDocument();
  });
});

describe('/account/confirm-email', () => {
  it('confirms the new e-mail without a login', async () => {
    await renderApp('/account/confirm-email?token=valid-token');
    expect(await within(screen.getByRole('main')).findByText(ACCOUNT_MESSAGES.emailConfirmed)).toHaveAttribute('role', 'status');
  });

  it('shows the API message for a bad link', async () => {
    await renderApp('/account/confirm-email?token=nope');
    expect(await within(screen.getByRole('main')).findByRole('alert')).toHaveTextContent(ACCOUNT_MESSAGES.emailTokenInvalid);
  });
});
