import { PORTAL_SYSTEM_NAME } from '@portal/shared';

/** The demo password of every demo account (README lists it). */
export const DEMO_PASSWORD = 'Portal*Demo=2026';

export const DEMO_INSTITUTIONS = [
  { code: '9900000001', name: '示範醫院', kind: 'HOSPITAL', city: '臺北市' },
  { code: '9900000002', name: '示範診所', kind: 'CLINIC', city: '新北市' },
] as const;

type DemoRole = 'INSTITUTION_MANAGER' | 'GENERAL_USER' | 'SUBSYSTEM_MANAGER' | 'SYSTEM_STAFF';

export interface DemoAccount {
  accountName: string;
  name: string;
  /** First nine characters of a valid 身分證; the check digit is computed. */
  nationalIdPrefix: string;
  role: DemoRole;
  institutionCode?: string;
  /** Subsystem codes this account manages. */
  manages?: string[];
  description: string;
}

const SUBSYSTEM_MANAGERS: [string, string, string][] = [
  ['demosubadult', 'adult-preventive', '成人預防保健'],
  ['demosubchild', 'child-preventive', '兒童預防保健'],
  ['demosubprenatal', 'prenatal', '孕婦產前檢查'],
  ['demosubcervical', 'cervical-cancer', '子宮頸癌篩檢'],
  ['demosubbreast', 'breast-cancer', '乳癌篩檢'],
  ['demosubcolorectal', 'colorectal-cancer', '大腸癌篩檢'],
  ['demosuboral', 'oral-cancer', '口腔癌篩檢'],
  ['demosublung', 'lung-cancer', '肺癌篩檢'],
  ['demosubhepatitis', 'hepatitis-bc', 'B、C型肝炎篩檢'],
  ['demosubcessation', 'smoking-cessation', '戒菸服務'],
];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    accountName: 'demomanager',
    name: '王示範',
    nationalIdPrefix: 'A12345678',
    role: 'INSTITUTION_MANAGER',
    institutionCode: '9900000001',
    description: '示範醫院的單位業務管理者',
  },
  {
    accountName: 'demouser',
    name: '李示範',
    nationalIdPrefix: 'B22345678',
    role: 'GENERAL_USER',
    institutionCode: '9900000001',
    description: '示範醫院的一般使用者',
  },
  {
    accountName: 'demostaff',
    name: '陳示範',
    nationalIdPrefix: 'C12345678',
    role: 'SYSTEM_STAFF',
    description: '系統人員（國健署服務台）',
  },
  ...SUBSYSTEM_MANAGERS.map(([accountName, code, subsystemName], index) => ({
    accountName,
    name: `${subsystemName}管理者`,
    nationalIdPrefix: `D${index % 2 === 0 ? 1 : 2}${3_000_000 + index}`,
    role: 'SUBSYSTEM_MANAGER' as const,
    manages: [code],
    description: `「${subsystemName}」子系統管理者`,
  })),
];

/** A few more announcements so that 分類查詢 has something to filter. */
export const DEMO_ANNOUNCEMENTS = [
  {
    key: 'announcement:demo-maintenance',
    category: '系統維護',
    system: PORTAL_SYSTEM_NAME,
    title: '（示範）本系統將於週六凌晨 2 時至 4 時進行例行維護',
    body: '維護期間暫停服務，造成不便，敬請見諒。',
    publishedAt: '2026-11-20T09:00:00+08:00',
  },
  {
    key: 'announcement:demo-card-guide',
    category: '公告',
    system: PORTAL_SYSTEM_NAME,
    title: '（示範）單位業務管理者帳號可使用醫事機構卡即時開通',
    body: '申請單位業務管理者帳號時，請備妥醫事機構卡及讀卡機，輸入PIN碼驗證後即可開通；無卡者請選擇紙本審核。',
    publishedAt: '2026-10-01T09:00:00+08:00',
  },
  {
    key: 'announcement:demo-cessation',
    category: '新聞',
    system: '戒菸服務',
    title: '（示範）戒菸服務補助方案說明會場次公告',
    body: '說明會場次與報名方式請參閱附件。',
    publishedAt: '2026-09-15T09:00:00+08:00',
  },
  {
    key: 'announcement:demo-colorectal',
    category: '公告',
    system: '大腸癌篩檢',
    title: '（示範）大腸癌篩檢登錄欄位調整說明',
    body: '自下月起新增採檢日期欄位，請各機構留意。',
    publishedAt: '2026-08-03T09:00:00+08:00',
  },
];
