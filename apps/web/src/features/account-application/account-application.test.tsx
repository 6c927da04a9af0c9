import {
  APPLICATION_MESSAGES,
  GENERAL_USER_REQUIRES_MANAGER_MESSAGE,
  messages,
  PASSWORD_POLICY_TEXT,
  PASSWORD_RULES,
  SUBSYSTEM_SELECTION_NOTES,
  type AccountApplicationInput,
} from '@portal/shared';
import { FIELD_FIXTURES, PASSWORD_FIXTURES, ROLE_FIXTURES, type FieldName } from '@portal/shared/fixtures';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { applicationsFail } from '../../testing/handlers/applications';
import { renderApp } from '../../testing/render';
import { server } from '../../testing/server';
import { forgetPendingApplicant, pendingApplicant } from '../../lib/pending-applicant';
import { textsOf } from '../../testing/table-text';

// jsdom has no Worker: the same evaluatePassword, called in-thread (a real zxcvbn verdict).
vi.mock('../../lib/password-strength/create-password-strength-evaluator', async () => {
  const { createInlinePasswordStrengthEvaluator } = await import(
    '../../lib/password-strength/create-inline-password-strength-evaluator'
  );
  return { createPasswordStrengthEvaluator: createInlinePasswordStrengthEvaluator };
});

const LABELS = {
  institution: '(必填)請選擇單位：',
  accountName: '(必填)請輸入您的帳號：',
  password: '(必填)請輸入您的密碼：',
  passwordConfirm: '(必填)請您再輸入一次密碼：',
  nationalId: '(必填)請輸入您的身分證：',
  name: '(必填)請輸入您的姓名：',
  phone: '(必填)請輸入您的市話號碼：',
  mobile: '請輸入您的手機號碼：',
  email: '(必填)請輸入您的E-mail信箱：',
} as const;

const FIXTURE_LABELS: Record<FieldName, string> = {
  accountName: LABELS.accountName,
  personName: LABELS.name,
  nationalId: LABELS.nationalId,
  landlinePhone: LABELS.phone,
  mobilePhone: LABELS.mobile,
  email: LABELS.email,
  institutionCode: LABELS.institution,
};

const field = (label: string) => screen.getByLabelText(label);
const errorOf = (input: HTMLElement) => document.getElementById(`${input.id}-error`);
const meter = () => screen.getByRole('meter', { name: '密碼強度' });
const generalUser = () => screen.getByRole('radio', { name: '一般使用者' });
const manager = () => screen.getByRole('radio', { name: '單位業務管理者' });

async function openForm() {
  const rendered = await renderApp('/apply');
  await screen.findByRole('checkbox', { name: '成人預防保健' });
  return rendered;
}

async function setValue(user: UserEvent, input: HTMLElement, value: string | undefined) {
  await user.clear(input);
  if (value) {
    await user.click(input);
    await user.paste(value);
  }
}

async function pickByCode(user: UserEvent, code: string, name: string) {
  await setValue(user, screen.getByRole('combobox', { name: LABELS.institution }), code);
  await screen.findByText(name, { selector: 'dd' });
}

const APPLICANT = {
  accountName: 'wangxm',
  password: 'Tpe*2024*Hosp',
  nationalId: 'A123456789',
  name: '王小明',
  phone: '02-12345678#123',
  email: 'wang.xiaoming@example.com.tw',
};

async function fillPersonalData(user: UserEvent, values: Partial<Record<keyof typeof LABELS, string>>) {
  for (const [key, value] of Object.entries(values)) {
    await setValue(user, field(LABELS[key as keyof typeof LABELS]), value);
  }
}

/** The demo hospital has a 單位業務管理者 already; the demo clinic has none. */
const HOSPITAL = ['9900000001', '示範醫院'] as const;
const CLINIC = ['9900000002', '示範診所'] as const;

/** Picks the institution by its code and the role, then fills in the personal data (nothing sent yet). */
async function fillApplication(user: UserEvent, [code, name]: readonly [string, string], role: () => HTMLElement, values: Parameters<typeof fillPersonalData>[1]) {
  await pickByCode(user, code, name);
  await user.click(role());
  await fillPersonalData(user, values);
}

function recordApplications() {
  const bodies: unknown[] = [];
  server.use(
    http.post('*/api/applications', async ({ request }) => {
      bodies.push(await request.clone().json());
      // Falls through to the default handler, which answers 201.
      return undefined;
    }),
  );
  return bodies;
}

describe('帳號申請 form', () => {
  it('shows the seed’s sections, labels, hints and notes verbatim', async () => {
    await openForm();
    expect(screen.getByRole('heading', { level: 1, name: '帳號申請' })).toBeInTheDocument();
    expect(document.title).toBe('帳號申請 | 醫療院所預防保健暨戒菸服務單一入口系統');
    expect(screen.getByRole('heading', { level: 2, name: '填寫資料送出' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      '請選擇單位',
      '請輸入個人資料',
      '請選擇申請的子系統',
    ]);
    const combobox = screen.getByRole('combobox', { name: LABELS.institution });
    expect(combobox).toHaveAttribute('placeholder', '輸入單位代碼或選擇');
    expect(combobox).toHaveAttribute('aria-required', 'true');
    expect(screen.getByRole('group', { name: '(必填)請選擇使用者角色別：' })).toBeInTheDocument();
    expect([manager(), generalUser()].map((radio) => radio.hasAttribute('disabled'))).toEqual([false, false]);
    for (const label of Object.values(LABELS)) expect(field(label)).toBeInTheDocument();
    expect(field(LABELS.accountName)).toHaveAttribute('aria-required', 'true');
    expect(field(LABELS.mobile)).not.toHaveAttribute('aria-required');
    expect(field(LABELS.password)).toHaveAttribute('type', 'password');
    expect(field(LABELS.password)).toHaveAccessibleDescription(expect.stringContaining(PASSWORD_POLICY_TEXT));
    expect(field(LABELS.phone)).toHaveAccessibleDescription('例：02-12345678#123456');
    expect(field(LABELS.mobile)).toHaveAccessibleDescription('例：0912-345678');
    expect(screen.getByText('密碼強度：')).toBeInTheDocument();
    expect(meter()).toHaveTextContent('弱中強');
    expect(screen.getByRole('checkbox', { name: '顯示密碼' })).not.toBeChecked();

    const subsystems = screen.getByRole('group', { name: '請選擇申請的子系統' });
    expect(within(subsystems).getAllByRole('listitem').slice(0, 2).map((item) => item.textContent)).toEqual([
      ...SUBSYSTEM_SELECTION_NOTES,
    ]);
    expect(subsystems).toHaveAccessibleDescription(SUBSYSTEM_SELECTION_NOTES.join(' '));
    expect(within(subsystems).getAllByRole('checkbox')).toHaveLength(10);
    expect(screen.getByRole('button', { name: '送出申請' })).toBeEnabled();
  });

  it('looks a 10-digit code up and shows the institution', async () => {
    const { user } = await openForm();
    await pickByCode(user, '9900000001', '示範醫院');
    const picked = screen.getByText('示範醫院', { selector: 'dd' }).closest('dl')!;
    expect(textsOf(picked, 'definition')).toEqual(['示範醫院', '9900000001', '臺北市', '醫院']);
  });

  it('says so when the code does not exist', async () => {
    const { user } = await openForm();
    await setValue(user, screen.getByRole('combobox', { name: LABELS.institution }), '9999999999');
    expect(await screen.findByText(APPLICATION_MESSAGES.institutionNotFound)).toBeInTheDocument();
  });

  it('searches by name and picks with the keyboard only (↓, Enter)', async () => {
    const { user } = await openForm();
    const combobox = screen.getByRole('combobox', { name: LABELS.institution });
    await user.click(combobox);
    await user.keyboard('示範');
    const listbox = await screen.findByRole('listbox', { name: '符合的單位' });
    expect(within(listbox).getAllByRole('option').map((option) => option.textContent)).toEqual([
      '示範醫院（9900000001）臺北市',
      '示範診所（9900000002）新北市',
      '示範藥局（9900000003）臺中市',
    ]);
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const active = within(listbox).getByRole('option', { name: '示範診所（9900000002）新北市' });
    expect(combobox).toHaveAttribute('aria-activedescendant', active.id);
    expect(active).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');

    expect(combobox).toHaveValue('9900000002');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(combobox).toHaveFocus();
    expect(await screen.findByText('示範診所', { selector: 'dd' })).toBeInTheDocument();
    // Enter picked; it did not submit the form.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says 超過 1,000 筆 when a broad search was not counted to the end', async () => {
    server.use(
      http.get('*/api/institutions', () =>
        Response.json({ items: [{ code: '9900000001', name: '示範醫院', kind: 'HOSPITAL', city: '臺北市' }], total: 1000, totalCapped: true, page: 1, pageSize: 10 }),
      ),
    );
    const { user } = await openForm();
    await user.click(screen.getByRole('combobox', { name: LABELS.institution }));
    await user.keyboard('診所');
    expect(await screen.findByText('超過 1,000 筆，請輸入更多字。（列出前 1 筆）')).toHaveAttribute('role', 'status');
  });

  it('searches by the first digits of the code; Esc closes the list', async () => {
    const { user } = await openForm();
    const combobox = screen.getByRole('combobox', { name: LABELS.institution });
    await user.click(combobox);
    await user.keyboard('99000');
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getAllByRole('option')).toHaveLength(3);
    await user.keyboard('{Escape}');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(combobox).toHaveValue('9900000001');
    expect(await screen.findByText('示範醫院', { selector: 'dd' })).toBeInTheDocument();
  });

  it('disables 一般使用者 with the reminder while the institution has no manager', async () => {
    const { user } = await openForm();
    // The reminder stands under the role picker from the start, as in the administration's form.
    expect(screen.getByText(GENERAL_USER_REQUIRES_MANAGER_MESSAGE)).toHaveClass('field-hint');
    await pickByCode(user, '9900000002', '示範診所');
    expect(generalUser()).toBeDisabled();
    expect(manager()).toBeEnabled();
    expect(screen.getByText(GENERAL_USER_REQUIRES_MANAGER_MESSAGE)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '(必填)請選擇使用者角色別：' })).toHaveAccessibleDescription(
      GENERAL_USER_REQUIRES_MANAGER_MESSAGE,
    );

    await pickByCode(user, '9900000001', '示範醫院');
    expect(generalUser()).toBeEnabled();
    expect(screen.getByText(GENERAL_USER_REQUIRES_MANAGER_MESSAGE)).toHaveClass('field-hint');
  });

  it('withdraws a 一般使用者 choice when the institution changes to one without a manager', async () => {
    const { user } = await openForm();
    await pickByCode(user, '9900000001', '示範醫院');
    await user.click(generalUser());
    expect(generalUser()).toBeChecked();
    await pickByCode(user, '9900000002', '示範診所');
    await waitFor(() => expect(generalUser()).not.toBeChecked());
    expect(generalUser()).toBeDisabled();
  });

  describe.each(ROLE_FIXTURES)('role contract: $role when hasManager=$hasManager', ({ role, hasManager, allowed, message }) => {
    it(allowed ? 'is offered' : 'is refused with the shared message', async () => {
      const { user } = await openForm();
      await pickByCode(user, hasManager ? '9900000001' : '9900000002', hasManager ? '示範醫院' : '示範診所');
      const radio = role === 'GENERAL_USER' ? generalUser() : manager();
      expect(radio.hasAttribute('disabled')).toBe(!allowed);
      if (message) expect(radio).toHaveAccessibleDescription(expect.stringContaining(message));
    });
  });

  describe.each(FIELD_FIXTURES)('field contract: $label', ({ field: name, accepted, rejected }) => {
    it('accepts and refuses exactly what the API does, with the same message next to the field', async () => {
      const { user } = await openForm();
      // Submit once so that every change is validated from then on.
      await user.click(screen.getByRole('button', { name: '送出申請' }));
      await screen.findByRole('alert');
      const input = field(FIXTURE_LABELS[name]);

      for (const { value } of accepted) {
        await setValue(user, input, value);
        await waitFor(() => expect(errorOf(input), `accepted ${JSON.stringify(value)}`).toBeNull());
        expect(input).not.toHaveAttribute('aria-invalid');
      }
      for (const { value, messageIncludes } of rejected) {
        await setValue(user, input, value);
        await waitFor(() => expect(errorOf(input)?.textContent, `rejected ${JSON.stringify(value)}`).toBe(messageIncludes));
        expect(input).toHaveAttribute('aria-invalid', 'true');
        expect(input).toHaveAccessibleDescription(expect.stringContaining(messageIncludes));
      }
    });
  });

  it('password contract: the meter shows each fixture’s level, score and unmet rules (real zxcvbn)', async () => {
    const { user } = await openForm();
    const password = field(LABELS.password);
    for (const fixture of PASSWORD_FIXTURES) {
      await fillPersonalData(user, {
        accountName: fixture.context.accountName ?? '',
        name: fixture.context.name ?? '',
        nationalId: fixture.context.nationalId ?? '',
        email: fixture.context.email ?? '',
      });
      await setValue(user, password, fixture.password);
      const label = `${fixture.note}: ${fixture.password}`;
      await waitFor(
        () => {
          expect(meter(), label).toHaveAttribute('data-evaluated-length', String(fixture.password.length));
          expect(meter(), label).toHaveAttribute('aria-busy', 'false');
        },
        { timeout: 5_000 },
      );
      expect(meter(), label).toHaveAttribute('aria-valuetext', fixture.level);
      expect(meter(), label).toHaveAttribute('aria-valuenow', String(fixture.score));
      const shown = screen.queryByText('尚未符合：')
        ? within(screen.getByRole('list', { name: '尚未符合：' }))
            .getAllByRole('listitem')
            .map((item) => item.textContent)
        : [];
      expect(shown, label).toEqual(fixture.password === '' ? [] : fixture.unmet.map((code) => PASSWORD_RULES[code].message));
    }
  }, 60_000);

  it('announces the level as it changes and colours the segments up to it', async () => {
    const { user } = await openForm();
    const password = field(LABELS.password);
    await user.click(password);
    await user.keyboard('Abc');
    await waitFor(() => expect(meter()).toHaveAttribute('data-evaluated-length', '3'));
    expect(meter()).toHaveAttribute('aria-valuetext', '弱');
    expect(screen.getByText('密碼強度：弱', { selector: '[aria-live]' })).toBeInTheDocument();
    await user.keyboard('{Backspace>3/}Tpe*2024*Hosp');
    await waitFor(() => expect(meter()).toHaveAttribute('data-evaluated-length', '13'));
    expect(meter()).toHaveAttribute('aria-valuetext', '強');
    expect(meter()).toHaveAttribute('aria-valuemin', '0');
    expect(meter()).toHaveAttribute('aria-valuemax', '4');
    expect(meter()).toHaveAttribute('aria-valuenow', '4');
    expect(screen.getByText('密碼強度：強', { selector: '[aria-live]' })).toBeInTheDocument();
    expect([...meter().querySelectorAll('.is-lit')].map((segment) => segment.textContent)).toEqual(['弱', '中', '強']);
    expect(screen.getByText('密碼符合規則')).toBeInTheDocument();
  });

  it('顯示密碼 shows and hides both password fields', async () => {
    const { user } = await openForm();
    const toggle = screen.getByRole('checkbox', { name: '顯示密碼' });
    await user.click(toggle);
    expect(field(LABELS.password)).toHaveAttribute('type', 'text');
    expect(field(LABELS.passwordConfirm)).toHaveAttribute('type', 'text');
    await user.click(toggle);
    expect(field(LABELS.password)).toHaveAttribute('type', 'password');
    expect(field(LABELS.passwordConfirm)).toHaveAttribute('type', 'password');
  });

  it('on an empty submit, focuses an error summary that links to each field', async () => {
    const bodies = recordApplications();
    const { user } = await openForm();
    await user.click(screen.getByRole('button', { name: '送出申請' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(summary).toHaveAccessibleName(messages.badRequest);
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      '單位：請選擇單位',
      '使用者角色別：請選擇使用者角色別',
      '帳號：請輸入您的帳號',
      '密碼：請輸入您的密碼',
      '再輸入一次密碼：請您再輸入一次密碼',
      '身分證：請輸入您的身分證',
      '姓名：請輸入您的姓名',
      '市話號碼：請輸入您的市話號碼',
      'E-mail信箱：請輸入您的E-mail信箱',
    ]);
    await user.click(within(summary).getByRole('link', { name: '帳號：請輸入您的帳號' }));
    expect(field(LABELS.accountName)).toHaveFocus();
    expect(field(LABELS.accountName)).toHaveAccessibleDescription('請輸入您的帳號');
    expect(bodies).toEqual([]);
  });

  it('once the fields are corrected, an error that comes back while typing leaves focus in the field', async () => {
    const { user } = await openForm();
    await user.click(screen.getByRole('button', { name: '送出申請' }));
    expect(await screen.findByRole('alert')).toHaveFocus();
    await fillApplication(user, HOSPITAL, manager, { ...APPLICANT, passwordConfirm: APPLICANT.password, email: 'wang@example.com' });
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    // 「wang@example.com.」 is not an address until 「tw」 follows: the summary returns, focus stays.
    await user.click(field(LABELS.email));
    await user.keyboard('.');
    expect(await screen.findByRole('alert')).not.toHaveFocus();
    await user.keyboard('tw');
    expect(field(LABELS.email)).toHaveFocus();
    expect(field(LABELS.email)).toHaveValue('wang@example.com.tw');
  }, 15_000);

  it('refuses two different passwords', async () => {
    const bodies = recordApplications();
    const { user } = await openForm();
    // The schema compares the two only once every other field is valid (like the API).
    await fillApplication(user, HOSPITAL, manager, { ...APPLICANT, passwordConfirm: 'Tpe*2024*Hosq' });
    await user.click(screen.getByRole('button', { name: '送出申請' }));
    await screen.findByRole('alert');
    expect(errorOf(field(LABELS.passwordConfirm))).toHaveTextContent(APPLICATION_MESSAGES.passwordMismatch);
    expect(field(LABELS.passwordConfirm)).toHaveAttribute('aria-invalid', 'true');
    expect(bodies).toEqual([]);
  });

  it('does not send a password the meter rates 弱, and lists what is missing', async () => {
    const bodies = recordApplications();
    const { user } = await openForm();
    await fillApplication(user, CLINIC, manager, { ...APPLICANT, password: 'Password1!', passwordConfirm: 'Password1!' });
    await user.click(screen.getByRole('button', { name: '送出申請' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe(`密碼：${PASSWORD_RULES.STRENGTH.message}`);
    expect(errorOf(field(LABELS.password))).toHaveTextContent(PASSWORD_RULES.STRENGTH.message);
    expect(bodies).toEqual([]);
  });

  it('applies as 單位業務管理者: posts the normalized body and shows the 醫事機構卡驗證 step', async () => {
    const bodies = recordApplications();
    const { user } = await openForm();
    await fillApplication(user, CLINIC, manager, {
      ...APPLICANT,
      accountName: ' wangxm ',
      passwordConfirm: APPLICANT.password,
      nationalId: ' a123456789',
      phone: '02-12345678=123',
      mobile: '0912345678',
    });
    await user.click(screen.getByRole('checkbox', { name: '成人預防保健' }));
    await user.click(screen.getByRole('checkbox', { name: '戒菸服務' }));
    await user.click(screen.getByRole('button', { name: '送出申請' }));

    const heading = await screen.findByRole('heading', { level: 2, name: '帳號申請已送出' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(bodies).toEqual([
      {
        institutionCode: '9900000002',
        role: 'INSTITUTION_MANAGER',
        accountName: 'wangxm',
        password: 'Tpe*2024*Hosp',
        passwordConfirm: 'Tpe*2024*Hosp',
        nationalId: 'A123456789',
        name: '王小明',
        phone: '02-12345678#123',
        mobile: '0912-345678',
        email: 'wang.xiaoming@example.com.tw',
        subsystems: ['adult-preventive', 'smoking-cessation'],
      } satisfies AccountApplicationInput,
    ]);
    const details = heading.parentElement!.querySelector('dl')!;
    expect(textsOf(details, 'definition')).toEqual(['A20261126-0001', 'wangxm', '示範診所（9900000002）', '單位業務管理者']);
    const rows = within(screen.getByRole('table', { name: '申請的子系統及審核狀態' })).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual(['子系統狀態', '成人預防保健待審核', '戒菸服務待審核']);
    const box = screen.getByRole('region', { name: '醫事機構卡驗證' });
    expect(box).toHaveTextContent(
      '※親愛的使用者您好，您於申請帳號時選擇了[單位業務管理者]權限，如果您欲使用[醫事機構卡]驗證，則請插入卡片，輸入機構卡PIN碼，並點選[驗證機構卡]，驗證通過後，帳號即開通。',
    );
    expect(box).toHaveTextContent('※若沒有[醫事機構卡]可驗證或驗證失敗，則請選擇[紙本審核]。');
    expect(within(box).getByRole('link', { name: '醫事機構卡驗證' })).toHaveAttribute('href', '/apply/card-verification');
    expect(within(box).getByRole('link', { name: '紙本審核' })).toHaveAttribute('href', '/apply/paper-review');
    // Kept in memory for the verification screens, which therefore need not ask again.
    expect(pendingApplicant()).toEqual({ accountName: 'wangxm', password: 'Tpe*2024*Hosp' });
    forgetPendingApplicant();
  });

  it('applies as 一般使用者: posts the body without 手機 and says the manager must approve', async () => {
    const bodies = recordApplications();
    const { user } = await openForm();
    await fillApplication(user, HOSPITAL, generalUser, { ...APPLICANT, passwordConfirm: APPLICANT.password });
    await user.click(screen.getByRole('button', { name: '送出申請' }));

    await screen.findByRole('heading', { level: 2, name: '帳號申請已送出' });
    // Entered already in their normal form, the fields are sent as typed; 手機 was left empty.
    expect(bodies).toEqual([{ institutionCode: '9900000001', role: 'GENERAL_USER', ...APPLICANT, passwordConfirm: APPLICANT.password, subsystems: [] }]);
    expect(screen.getByText('您的申請已送出，需待貴機構之單位業務管理者核准後才能登入使用。')).toBeInTheDocument();
    const next = screen.getByRole('region', { name: '單位業務管理者核准' });
    expect(within(next).getByRole('link', { name: '申請進度查詢' })).toHaveAttribute('href', '/application-status');
    expect(screen.getByText('未申請子系統（僅使用「篩檢結果查詢」功能）。')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '紙本審核' })).not.toBeInTheDocument();
    expect(pendingApplicant()).toBeNull();
  });

  async function submitValid(user: UserEvent, role: 'manager' | 'general' = 'manager') {
    await fillApplication(user, HOSPITAL, role === 'manager' ? manager : generalUser, { ...APPLICANT, passwordConfirm: APPLICANT.password });
    await user.click(screen.getByRole('button', { name: '送出申請' }));
    return screen.findByRole('alert');
  }

  it('409: shows the taken account name next to 帳號 and in the focused summary', async () => {
    server.use(
      applicationsFail(409, {
        code: 'ACCOUNT_NAME_TAKEN',
        message: APPLICATION_MESSAGES.accountNameTaken,
        fieldErrors: { accountName: [APPLICATION_MESSAGES.accountNameTaken] },
      }),
    );
    const { user } = await openForm();
    const summary = await submitValid(user);
    expect(summary).toHaveFocus();
    expect(summary).toHaveAccessibleName(APPLICATION_MESSAGES.accountNameTaken);
    expect(within(summary).getByRole('link').textContent).toBe(`帳號：${APPLICATION_MESSAGES.accountNameTaken}`);
    expect(field(LABELS.accountName)).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(field(LABELS.accountName))).toHaveTextContent(APPLICATION_MESSAGES.accountNameTaken);
    // Changing the account name clears the server's complaint.
    await setValue(user, field(LABELS.accountName), 'wangxm2');
    await waitFor(() => expect(errorOf(field(LABELS.accountName))).toBeNull());
  });

  it('422: shows the role rule next to 使用者角色別', async () => {
    server.use(
      applicationsFail(422, {
        code: 'ROLE_RULE',
        message: GENERAL_USER_REQUIRES_MANAGER_MESSAGE,
        fieldErrors: { role: [GENERAL_USER_REQUIRES_MANAGER_MESSAGE] },
      }),
    );
    const { user } = await openForm();
    const summary = await submitValid(user, 'general');
    expect(summary).toHaveAccessibleName(GENERAL_USER_REQUIRES_MANAGER_MESSAGE);
    expect(within(summary).getByRole('link').textContent).toBe(`使用者角色別：${GENERAL_USER_REQUIRES_MANAGER_MESSAGE}`);
    expect(document.getElementById('apply-role-error')).toHaveTextContent(GENERAL_USER_REQUIRES_MANAGER_MESSAGE);
    expect(screen.getByRole('group', { name: '(必填)請選擇使用者角色別：' })).toHaveAccessibleDescription(
      GENERAL_USER_REQUIRES_MANAGER_MESSAGE,
    );
  });

  it('429: shows the API’s message in the alert, with nothing next to the fields', async () => {
    server.use(applicationsFail(429, { code: 'TOO_MANY_REQUESTS', message: messages.tooManyRequests }));
    const { user } = await openForm();
    const summary = await submitValid(user);
    expect(summary).toHaveFocus();
    expect(summary).toHaveTextContent(messages.tooManyRequests);
    expect(within(summary).queryAllByRole('link')).toEqual([]);
    expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
    expect(screen.getByRole('heading', { level: 2, name: '填寫資料送出' })).toBeInTheDocument();
  });
});
