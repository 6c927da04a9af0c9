import { portalPaths } from '@portal/shared';
import { describe, expect, it } from 'vitest';
import {
  emailChangeLink,
  escapeHtml,
  MAIL_TEMPLATE_NAMES,
  passwordResetLink,
  renderMail,
  type MailTemplateData,
  type MailTemplateName,
} from '../../src/services/mail/templates.js';

const ORIGIN = 'https://portal.example.tw';
const FOOTER_TEXT = [
  '--',
  '醫療院所預防保健暨戒菸服務單一入口系統',
  '諮詢窗口：',
  '國健署 駐點人員 林小姐　電話：(02)2522-0878　E-mail：me24you@hpa.gov.tw',
  '資拓宏宇 張先生、周小姐　電話：(02)2559-1971#4 / #5　E-mail：hpa.pportal@gmail.com',
  '本信件由系統自動發送，請勿直接回覆。',
  '',
].join('\n');
const EVIL = '王<script>alert(1)</script>&"\'';
const EVIL_ESCAPED = '王&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;';

/** One example of every template, with an expected subject and lines the text must contain. */
const cases: { [Name in MailTemplateName]: { data: MailTemplateData[Name]; subject: string; lines: string[] } } = {
  'application-received': {
    data: {
      origin: ORIGIN,
      name: '王小明',
      applicationNo: 'A20261126-0001',
      accountName: 'clinic.wang',
      institution: { code: '9900000002', name: '示範診所' },
      role: 'INSTITUTION_MANAGER',
      nextStep: 'INSTITUTION_VERIFICATION',
      subsystems: ['成人預防保健', '戒菸服務'],
    },
    subject: '【醫療院所預防保健暨戒菸服務單一入口系統】帳號申請已受理',
    lines: [
      '王小明 您好：',
      '申請編號：A20261126-0001',
      '帳號：clinic.wang',
      '機構：9900000002 示範診所',
      '使用者角色別：單位業務管理者',
      '申請子系統：成人預防保健、戒菸服務',
      '下一步：請以醫事機構卡完成驗證，驗證成功後帳號即可啟用；若無法以醫事機構卡驗證，請以紙本審核：下載「預防保健服務單一入口系統_管理者帳號申請、異動表」，加蓋機構關防後上傳或寄至客服信箱，系統人員將於三個工作天內完成審核。兩者皆以您申請的帳號及密碼進入，不需登入。',
      '醫事機構卡驗證：\nhttps://portal.example.tw/apply/card-verification',
      '紙本審核：\nhttps://portal.example.tw/apply/paper-review',
      '申請進度查詢：\nhttps://portal.example.tw/application-status',
    ],
  },
  'account-activated': {
    data: { origin: ORIGIN, name: '王小明', accountName: 'clinic.wang' },
    subject: '【醫療院所預防保健暨戒菸服務單一入口系統】帳號已啟用',
    lines: ['帳號：clinic.wang', '服務登入：\nhttps://portal.example.tw/login'],
  },
  'account-rejected': {
    data: { origin: ORIGIN, name: '王小明', accountName: 'clinic.wang', applicationNo: 'A1', reason: '關防不清楚' },
    subject: '【醫療院所預防保健暨戒菸服務單一入口系統】帳號申請未通過',
    lines: ['申請編號：A1', '駁回原因：關防不清楚', 'https://portal.example.tw/application-status'],
  },
  'subsystem-approved': {
    data: { origin: ORIGIN, name: '王小明', accountName: 'clinic.wang', subsystemName: '乳癌篩檢' },
    subject: '【醫療院所預防保健暨戒菸服務單一入口系統】子系統「乳癌篩檢」使用申請已核准',
    lines: ['子系統：乳癌篩檢', 'https://portal.example.tw/login'],
  },
  'subsystem-rejected': {
    data: { name: '王小明', accountName: 'clinic.wang', subsystemName: '乳癌篩檢', reason: '非本院業務' },
    subject: '【醫療院所預防保健暨戒菸服務單一入口系統】子系統「乳癌篩檢」使用申請已駁回',
    lines: ['子系統：乳癌篩檢', '駁回原因：非本院業務'],
  },
  'password-reset': {
    data: { accountName: 'clinic.wang', link: passwordResetLink(ORIGIN, 'tok_123-abc'), expiresMinutes: 30 },
    subject: '【醫療院所預防保健暨戒菸服務單一入口系統】重設密碼',
    lines: [
      'clinic.wang 您好：',
      '重設密碼：\nhttps://portal.example.tw/reset-password?token=tok_123-abc',
      '此連結於 30 分鐘內有效，且僅能使用一次。',
      '若您並未要求重設密碼，請忽略本信件，您的密碼不會變更。',
    ],
  },
  'email-change-confirm': {
    data: {
      name: '王小明',
      accountName: 'clinic.wang',
      newEmail: 'new@example.tw',
      link: emailChangeLink(ORIGIN, 'tok456'),
      expiresMinutes: 60,
    },
    subject: '【醫療院所預防保健暨戒菸服務單一入口系統】確認變更 E-mail',
    lines: [
      '帳號「clinic.wang」要求將 E-mail 變更為 new@example.tw，請點選下方連結確認；確認後，系統通知將寄至此信箱。',
      'https://portal.example.tw/account/confirm-email?token=tok456',
      '此連結於 60 分鐘內有效，且僅能使用一次。',
    ],
  },
  'email-change-notice': {
    data: { origin: ORIGIN, name: '王小明', accountName: 'clinic.wang', newEmail: 'new@example.tw' },
    subject: '【醫療院所預防保健暨戒菸服務單一入口系統】E-mail 變更通知',
    lines: [
      '帳號「clinic.wang」剛剛要求將 E-mail 由本信箱變更為 new@example.tw。',
      '若不是您本人：請立即登入並於「帳號資料」變更密碼，或以「忘記密碼」重設密碼',
      '並請以電話或 E-mail 通知下方諮詢窗口',
      '新的 E-mail：new@example.tw',
      '服務登入：\nhttps://portal.example.tw/login',
      '忘記密碼：\nhttps://portal.example.tw/forgot-password',
    ],
  },
  'manager-request-received': {
    data: {
      name: '王小明',
      accountName: 'clinic.wang',
      applicationNo: 'M20261126-0001',
      kind: 'C_A',
      // 2026-11-30 17:00 UTC is already 12-01 in Taipei.
      dueAt: new Date('2026-11-30T17:00:00Z'),
    },
    subject: '【醫療院所預防保健暨戒菸服務單一入口系統】管理者帳號申請、異動已受理',
    lines: ['申請編號：M20261126-0001', '申請類別：C-a 升為管理者', '預計完成日期：2026/12/01'],
  },
  'manager-request-decided': {
    data: { name: '王小明', accountName: 'clinic.wang', applicationNo: 'M1', kind: 'B', decision: 'REJECTED', reason: '未蓋關防' },
    subject: '【醫療院所預防保健暨戒菸服務單一入口系統】管理者帳號申請、異動審核結果：駁回',
    lines: ['申請類別：B 停用管理者帳號', '審核結果：駁回', '駁回原因：未蓋關防'],
  },
  'subsystem-revoked': {
    data: { name: '王小明', accountName: 'clinic.wang', subsystemName: '成人預防保健', reason: '已離職' },
    subject: '【醫療院所預防保健暨戒菸服務單一入口系統】子系統「成人預防保健」使用權限已停用',
    lines: ['帳號：clinic.wang', '子系統：成人預防保健', '停用原因：已離職'],
  },
  'approver-digest': {
    data: {
      origin: ORIGIN,
      name: '王小明',
      date: '2026/12/01',
      queues: [{ label: '子系統：成人預防保健', pending: 5, overdue: 2, path: portalPaths.subsystemAccessRequests }],
    },
    subject: '【醫療院所預防保健暨戒菸服務單一入口系統】待審核案件通知（2026/12/01）：待審核 5 件，逾期 2 件',
    lines: ['子系統：成人預防保健：待審核 5 件（逾期 2 件）', `${ORIGIN}/manage/access-requests`],
  },
  'screening-lookup-alert': {
    data: {
      origin: ORIGIN,
      name: '陳示範',
      accountName: 'demouser',
      accountHolder: '李示範',
      institution: '示範醫院（9900000001）',
      day: '2026-12-01',
      distinctPersons: 120,
      threshold: 120,
    },
    subject: '【醫療院所預防保健暨戒菸服務單一入口系統】篩檢結果查詢異常警示：帳號 demouser 於 2026-12-01 查詢 120 人',
    lines: ['不同民眾數：120', '機構：示範醫院（9900000001）', `${ORIGIN}/manage/screening-alerts`],
  },
};

describe('mail templates', () => {
  it('has one registry entry for each kind the flows promise', () => {
    expect(MAIL_TEMPLATE_NAMES).toEqual([
      'application-received',
      'account-activated',
      'account-rejected',
      'subsystem-approved',
      'subsystem-rejected',
      'password-reset',
      'email-change-confirm',
      'email-change-notice',
      'manager-request-received',
      'manager-request-decided',
      'subsystem-revoked',
      'approver-digest',
      'screening-lookup-alert',
    ]);
  });

  it.each(MAIL_TEMPLATE_NAMES)('renders %s in zh-TW with the help-desk footer', (name) => {
    const example = cases[name];
    const mail = renderMail(name, example.data as never);
    expect(mail.subject).toBe(example.subject);
    for (const line of example.lines) expect(mail.text).toContain(line);
    expect(mail.text.endsWith(FOOTER_TEXT)).toBe(true);
    expect(mail.html).toContain('<html lang="zh-Hant-TW">');
    expect(mail.html).toContain('<div style="background:#0b5cad;color:#fff;padding:16px 24px;font-size:18px">醫療院所預防保健暨戒菸服務單一入口系統</div>');
    expect(mail.html).toContain('<p style="margin:0">國健署 駐點人員 林小姐　電話：(02)2522-0878　E-mail：me24you@hpa.gov.tw</p>');
    expect(mail.html).toContain('<p style="margin:12px 0 0">本信件由系統自動發送，請勿直接回覆。</p>');
    expect(mail.html).not.toMatch(/<script/i);
  });

  it.each(MAIL_TEMPLATE_NAMES)('links %s only to pages of the portal', (name) => {
    const mail = renderMail(name, cases[name].data as never);
    const pages = new Set<string>(Object.values(portalPaths));
    for (const [, href] of mail.html.matchAll(/href="([^"]+)"/g)) {
      const url = new URL(href!.replaceAll('&amp;', '&'));
      expect(url.origin).toBe(ORIGIN);
      expect(pages, `${name}: ${url.pathname}`).toContain(url.pathname);
    }
  });

  it('puts the link in the HTML as a button and as copyable text', () => {
    const mail = renderMail('password-reset', {
      accountName: 'clinic.wang',
      link: passwordResetLink(ORIGIN, 'a&b'),
      expiresMinutes: 30,
    });
    expect(mail.html).toContain('<a href="https://portal.example.tw/reset-password?token=a%26b"');
    expect(mail.html).toContain('<span style="word-break:break-all">https://portal.example.tw/reset-password?token=a%26b</span>');
  });

  it('escapes every value in the HTML part and keeps it verbatim in the text part', () => {
    const mail = renderMail('application-received', {
      ...cases['application-received'].data,
      name: EVIL,
      institution: { code: '9900000002', name: '<b>診所</b>' },
    });
    expect(mail.html).toContain(`<p>${EVIL_ESCAPED} 您好：</p>`);
    expect(mail.html).toContain('9900000002 &lt;b&gt;診所&lt;/b&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain(`${EVIL} 您好：`);
    expect(escapeHtml(EVIL)).toBe(EVIL_ESCAPED);
  });

  it('escapes a reason and a subsystem name in the subject line of the HTML title', () => {
    const mail = renderMail('subsystem-rejected', {
      ...cases['subsystem-rejected'].data,
      subsystemName: '<i>乳癌</i>',
      reason: '<img src=x onerror=alert(1)>',
    });
    expect(mail.subject).toBe('【醫療院所預防保健暨戒菸服務單一入口系統】子系統「<i>乳癌</i>」使用申請已駁回');
    expect(mail.html).toContain('<title>【醫療院所預防保健暨戒菸服務單一入口系統】子系統「&lt;i&gt;乳癌&lt;/i&gt;」使用申請已駁回</title>');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).not.toContain('<img');
  });

  it('refuses a link that is not http(s)', () => {
    expect(() =>
      renderMail('password-reset', { accountName: 'x', link: 'javascript:alert(1)', expiresMinutes: 30 }),
    ).toThrow('mail links must be http(s): javascript:');
  });

  it('names the approved outcome of a manager request', () => {
    const mail = renderMail('manager-request-decided', {
      name: '王小明',
      accountName: 'clinic.wang',
      applicationNo: 'M2',
      kind: 'A',
      decision: 'APPROVED',
    });
    expect(mail.subject).toBe('【醫療院所預防保健暨戒菸服務單一入口系統】管理者帳號申請、異動審核結果：核准');
    expect(mail.text).toContain('申請類別：A 初次管理者帳號申請\n帳號：clinic.wang\n審核結果：核准\n');
    expect(mail.text).not.toContain('駁回原因');
  });

  it('tells a 一般使用者 applicant to wait for the manager', () => {
    const mail = renderMail('application-received', {
      ...cases['application-received'].data,
      role: 'GENERAL_USER',
      nextStep: 'MANAGER_APPROVAL',
      subsystems: [],
    });
    expect(mail.text).toContain('使用者角色別：一般使用者\n申請子系統：無（僅使用篩檢結果查詢）\n');
    expect(mail.text).toContain('下一步：您的申請已送交貴機構的單位業務管理者審核，審核通過後即可登入使用。');
  });
});
