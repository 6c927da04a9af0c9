import {
  ScreeningImportRequestSchema,
  ScreeningLookupRequestSchema,
  type ErrorBody,
  type ScreeningAlert,
  type ScreeningAlertList,
  type ScreeningAlertSummary,
  type ScreeningImportResult,
  type ScreeningLookupLogPage,
  type ScreeningLookupResult,
  type ScreeningRecordView,
} from '@portal/shared';
import { http, HttpResponse } from 'msw';

/** The demo person of the handlers: 身分證 F226615036, born 1986-03-15. */
export const DEMO_PERSON = { nationalId: 'F226615036', birthDate: '1986-03-15' };

const eligibility = (service: ScreeningLookupResult['services'][number]['service'], serviceLabel: string, status: 'ELIGIBLE' | 'NOT_YET_DUE' | 'INELIGIBLE' | 'LIFETIME_USED', extra: Partial<ScreeningLookupResult['services'][number]['eligibility']> = {}) => ({
  service,
  serviceLabel,
  status,
  statusLabel: { ELIGIBLE: '可受檢', NOT_YET_DUE: '尚未到期', INELIGIBLE: '不符資格', LIFETIME_USED: '終身一次已使用' }[status],
  reason: '符合「40–74 歲女性」，每 2 年 1 次',
  nextDate: null,
  visitNumber: null,
  ruleVersion: `${service}@2025-01-01`,
  ...extra,
});

/** An abnormal Pap smear referred for follow-up: both the last record and the open follow-up. */
const referredPap: ScreeningRecordView = {
  date: '2025-11-03',
  visitNumber: null,
  institution: { code: '9900000001', name: '示範醫院' },
  result: 'ABNORMAL',
  resultLabel: '異常',
  abnormal: true,
  followUp: { state: 'REFERRED', stateLabel: '已轉介', referredOn: '2025-11-20', diagnosedOn: null, closedOn: null, open: true },
};

export const lookupResult: ScreeningLookupResult = {
  asOf: '2026-11-26',
  purposeLabel: '看診服務',
  person: { maskedNationalId: 'F22****036', birthDate: '1986-03-15', sex: 'F', sexLabel: '女', indigenous: false, calendarAge: 40 },
  openFollowUps: 1,
  services: [
    {
      service: 'MAMMOGRAPHY',
      serviceLabel: '乳房X光攝影',
      recordCount: 0,
      last: null,
      openFollowUp: null,
      eligibility: eligibility('MAMMOGRAPHY', '乳房X光攝影', 'ELIGIBLE'),
    },
    {
      service: 'CERVICAL_PAP',
      serviceLabel: '子宮頸抹片檢查',
      recordCount: 2,
      last: referredPap,
      openFollowUp: referredPap,
      eligibility: eligibility('CERVICAL_PAP', '子宮頸抹片檢查', 'NOT_YET_DUE', { reason: '本年度已受檢（2026/03/02）', nextDate: '2027-01-01' }),
    },
    {
      service: 'HEPATITIS_BC',
      serviceLabel: 'B、C型肝炎篩檢',
      recordCount: 1,
      last: { date: '2024-05-06', visitNumber: null, institution: { code: '9900000002', name: '示範診所' }, result: 'NEGATIVE', resultLabel: '陰性', abnormal: false, followUp: null },
      openFollowUp: null,
      eligibility: eligibility('HEPATITIS_BC', 'B、C型肝炎篩檢', 'LIFETIME_USED', { reason: '終身 1 次，已於 2024/05/06 使用' }),
    },
  ],
};

const alert: ScreeningAlert = {
  id: 'c0c0c0c0-0000-4000-8000-000000000001',
  day: '2026-11-26',
  account: { id: 'a0a0a0a0-0000-4000-8000-000000000002', accountName: 'busyuser', name: '忙碌示範' },
  institution: { code: '9900000001', name: '示範醫院' },
  distinctPersons: 120,
  createdAt: '2026-11-26T03:00:00.000Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
};

export const lookupLogPage: ScreeningLookupLogPage = {
  items: [
    {
      id: '12',
      at: '2026-11-26T02:03:04.000Z',
      account: { id: 'a0a0a0a0-0000-4000-8000-000000000001', accountName: 'demouser', name: '李示範' },
      institution: { code: '9900000001', name: '示範醫院' },
      subsystemCode: null,
      personHash: 'ab'.repeat(32),
      purpose: 'CARE',
      purposeLabel: '看診服務',
      outcome: 'FOUND',
      outcomeLabel: '查得資料',
      ip: '203.0.113.9',
    },
  ],
  nextCursor: null,
};

let acknowledged = false;

export const screeningHandlers = [
  http.post('/api/screening/lookups', async ({ request }) => {
    const body = ScreeningLookupRequestSchema.parse(await request.json());
    if (body.nationalId === DEMO_PERSON.nationalId && body.birthDate === DEMO_PERSON.birthDate) return HttpResponse.json(lookupResult);
    return HttpResponse.json({ code: 'SCREENING_NOT_FOUND', message: '查無符合的資料，請確認身分證字號及出生日期是否正確。' } satisfies ErrorBody, { status: 404 });
  }),
  http.post('/api/screening/lookup-log/search', () => HttpResponse.json(lookupLogPage)),
  http.post('/api/screening/institution-lookup-log/search', () => HttpResponse.json(lookupLogPage)),
  http.get('/api/screening/alerts/summary', () => HttpResponse.json({ open: acknowledged ? 0 : 1 } satisfies ScreeningAlertSummary)),
  http.get('/api/screening/alerts', () =>
    HttpResponse.json({ items: [acknowledged ? { ...alert, acknowledgedAt: '2026-11-26T04:00:00.000Z', acknowledgedBy: 'demostaff' } : alert] } satisfies ScreeningAlertList),
  ),
  http.post('/api/screening/alerts/:id/acknowledge', () => {
    acknowledged = true;
    return HttpResponse.json({ ...alert, acknowledgedAt: '2026-11-26T04:00:00.000Z', acknowledgedBy: 'demostaff' } satisfies ScreeningAlert);
  }),
  http.post('/api/staff/screening-imports', async ({ request }) => {
    const body = ScreeningImportRequestSchema.parse(await request.json());
    const bad = body.content.includes('BAD');
    const result: ScreeningImportResult = {
      dryRun: body.dryRun,
      rows: 2,
      valid: bad ? 1 : 2,
      created: body.dryRun || bad ? 0 : 2,
      updated: 0,
      unchanged: 0,
      errors: bad ? [{ line: 3, recordId: 'BAD-1', messages: ['服務日期：日期格式須為 YYYY-MM-DD（西元年）。'] }] : [],
      message: bad ? '2 筆資料列中有 1 筆有誤，請修正後再匯入。' : body.dryRun ? '全部 2 筆資料列檢查無誤，可以匯入。' : '已匯入 2 筆：新增 2 筆、更新 0 筆、未變動 0 筆。',
    };
    return HttpResponse.json(result);
  }),
];

/** Restores the alert the acknowledge test marks handled. */
export function resetScreeningHandlers() {
  acknowledged = false;
}
