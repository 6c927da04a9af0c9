import {
  buildCardAuthTbs,
  CardSignatureSchema,
  CreateManagerRequestSchema,
  ManagerRequestDecisionSchema,
  MANAGER_REQUEST_KIND_LABELS,
  MANAGER_REQUEST_MESSAGES,
  MANAGER_REQUEST_STATUS_LABELS,
  PendingApplicationCredentialsSchema,
  type CardChallenge,
  type CardVerificationResult,
  type CreateManagerRequestResponse,
  type ErrorBody,
  type ManagerRequest,
  type ManagerRequestKind,
  type ManagerRequestPreview,
  type ManagerRequestStatus,
  type MyManagerRequests,
  type StaffManagerRequestDetail,
  type StaffManagerRequestList,
  type StaffManagerRequestListItem,
  type MessageResponse,
} from '@portal/shared';
import { http, HttpResponse } from 'msw';
import { readMultipart } from '../multipart';

/** The pending 單位業務管理者 of the account-application tests (示範診所). */
export const PENDING_APPLICANT = { accountName: 'wangxm', password: 'Tpe*2024*Hosp' } as const;

export const cardChallengeFixture = {
  challengeId: '5b0c1f7e-2d3a-4c5b-8e9f-0a1b2c3d4e5f',
  nonce: 'q2x8HkQ1Vt3mYp0sLr5nWc7dEf9gHi2jKl4oNa6bZuA',
  toBeSigned: buildCardAuthTbs({ origin: 'http://localhost:3000', institutionCode: '9900000002', nonce: 'q2x8HkQ1Vt3mYp0sLr5nWc7dEf9gHi2jKl4oNa6bZuA' }),
  institutionCode: '9900000002',
  expiresAt: '2026-11-26T01:05:00.000Z',
} satisfies CardChallenge;

export function managerRequestFixture(overrides: Partial<ManagerRequest> & { kind?: ManagerRequestKind; status?: ManagerRequestStatus } = {}): ManagerRequest {
  const kind = overrides.kind ?? 'A';
  const status = overrides.status ?? 'AWAITING_VERIFICATION';
  return {
    id: '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
    requestNo: 'MR20261126-0001',
    kindLabel: MANAGER_REQUEST_KIND_LABELS[kind],
    statusLabel: MANAGER_REQUEST_STATUS_LABELS[status],
    account: { accountName: 'wangxm', name: '王小明', role: 'INSTITUTION_MANAGER' },
    requestedBy: { accountName: 'wangxm', name: '王小明' },
    institution: { code: '9900000002', name: '示範診所' },
    verificationMethod: null,
    verificationMethodLabel: null,
    submittedAt: '2026-11-26T01:00:00.000Z',
    dueAt: null,
    decidedAt: null,
    reason: null,
    scan: null,
    ...overrides,
    kind,
    status,
  };
}

const error = (status: number, body: ErrorBody) => HttpResponse.json(body satisfies ErrorBody, { status });
const invalid = () => error(400, { code: 'VALIDATION_FAILED', message: '輸入的資料有誤，請檢查後再送出。' });
const wrongApplicant = () => error(401, { code: 'PENDING_APPLICATION_NOT_FOUND', message: MANAGER_REQUEST_MESSAGES.notPendingApplication });

const isPendingApplicant = (body: unknown) => {
  const parsed = PendingApplicationCredentialsSchema.safeParse(body);
  return parsed.success && parsed.data.accountName === PENDING_APPLICANT.accountName && parsed.data.password === PENDING_APPLICANT.password;
};

/** A pending A request on the paper path with its scan: what the upload answers. */
export const paperRequestFixture = managerRequestFixture({
  status: 'PENDING_REVIEW',
  verificationMethod: 'PAPER',
  verificationMethodLabel: '紙本審核',
  dueAt: '2026-12-01T01:00:00.000Z',
  scan: { filename: 'stamped.pdf', contentType: 'application/pdf', size: 1234, uploadedAt: '2026-11-26T02:00:00.000Z', url: '/api/manager-requests/7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6/scan' },
});

export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n%test\n');

// ───────── logged-in applicant (B / C-a / C-b) ─────────

/** A request of the logged-in demo manager (demomanager, 示範醫院) about themself. */
const ownRequestFixture = (overrides: Parameters<typeof managerRequestFixture>[0]) =>
  managerRequestFixture({
    account: { accountName: 'demomanager', name: '王示範', role: 'INSTITUTION_MANAGER' },
    requestedBy: { accountName: 'demomanager', name: '王示範' },
    institution: { code: '9900000001', name: '示範醫院' },
    ...overrides,
  });

export const myRequestsFixture = {
  items: [
    ownRequestFixture({
      id: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
      requestNo: 'MR20261001-0003',
      kind: 'C_B',
      status: 'REJECTED',
      verificationMethod: 'PAPER',
      verificationMethodLabel: '紙本審核',
      submittedAt: '2026-10-01T01:00:00.000Z',
      dueAt: '2026-10-06T01:00:00.000Z',
      decidedAt: '2026-10-03T01:00:00.000Z',
      reason: '申請表未蓋機構關防',
    }),
  ],
  open: null,
  availableKinds: ['B', 'C_B'],
} satisfies MyManagerRequests;

export const createdRequestFixture = ownRequestFixture({ id: '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f', requestNo: 'MR20261126-0002', kind: 'C_B' });

// ───────── staff ─────────

function staffItem(overrides: Partial<StaffManagerRequestListItem> & { kind: ManagerRequestKind }): StaffManagerRequestListItem {
  return { ...managerRequestFixture({ ...overrides, status: 'PENDING_REVIEW', verificationMethod: 'PAPER', verificationMethodLabel: '紙本審核' }), overdue: false, ...overrides };
}

/** Deliberately out of order: the screen must show the overdue one first. */
export const staffQueueFixture = {
  items: [
    staffItem({
      id: '11111111-aaaa-4bbb-8ccc-000000000001',
      requestNo: 'MR20261125-0001',
      kind: 'A',
      dueAt: '2026-11-28T01:00:00.000Z',
      submittedAt: '2026-11-25T01:00:00.000Z',
      scan: { filename: 'stamped.pdf', contentType: 'application/pdf', size: 1234, uploadedAt: '2026-11-25T02:00:00.000Z', url: '/api/staff/manager-requests/11111111-aaaa-4bbb-8ccc-000000000001/scan' },
    }),
    staffItem({
      id: '11111111-aaaa-4bbb-8ccc-000000000002',
      requestNo: 'MR20261117-0004',
      kind: 'B',
      dueAt: '2026-11-20T01:00:00.000Z',
      submittedAt: '2026-11-17T01:00:00.000Z',
      overdue: true,
      account: { accountName: 'oldmanager', name: '陳舊管', role: 'INSTITUTION_MANAGER' },
    }),
  ],
  total: 2,
  page: 1,
  pageSize: 20,
} satisfies StaffManagerRequestList;

export function staffDetailFixture(overrides: Partial<StaffManagerRequestDetail> = {}): StaffManagerRequestDetail {
  const item = staffQueueFixture.items[0]!;
  return {
    ...item,
    scan: { filename: 'stamped.pdf', contentType: 'application/pdf', size: 1234, uploadedAt: '2026-11-25T02:00:00.000Z', url: `/api/staff/manager-requests/${item.id}/scan` },
    applicant: {
      accountName: item.account.accountName,
      name: item.account.name,
      nationalIdMasked: 'A12****789',
      phone: '02-12345678#123',
      mobile: null,
      email: 'wang@example.com.tw',
      department: null,
      role: 'INSTITUTION_MANAGER',
      status: 'PENDING_VERIFICATION',
    },
    activeManagerCount: 0,
    leavesInstitutionWithoutManager: false,
    formUrl: `/api/staff/manager-requests/${item.id}/form.pdf`,
    decidedBy: null,
    ...overrides,
  };
}

export const managerRequestHandlers = [
  // Pending applicant (no login).
  http.post('*/api/card-verification/challenges', async ({ request }) =>
    isPendingApplicant(await request.json()) ? HttpResponse.json(cardChallengeFixture satisfies CardChallenge, { status: 201 }) : wrongApplicant(),
  ),
  http.post('*/api/card-verification/verifications', async ({ request }) => {
    if (!CardSignatureSchema.safeParse(await request.json()).success) return invalid();
    return HttpResponse.json({ result: 'ACTIVATED', message: MANAGER_REQUEST_MESSAGES.cardSuccess, request: null } satisfies CardVerificationResult);
  }),
  http.post('*/api/applications/paper-form', async ({ request }) => {
    if (!isPendingApplicant(await request.json())) return wrongApplicant();
    return new HttpResponse(PDF_BYTES, {
      headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('管理者帳號申請異動表_MR20261126-0001.pdf')}` },
    });
  }),
  http.post('*/api/applications/credentials', async ({ request }) =>
    isPendingApplicant(await request.json())
      ? HttpResponse.json({ message: MANAGER_REQUEST_MESSAGES.credentialsAccepted } satisfies MessageResponse)
      : wrongApplicant(),
  ),
  http.post('*/api/applications/paper-form/scan', async ({ request }) => {
    const { fields, file } = await readMultipart(request);
    if (!isPendingApplicant(fields)) return wrongApplicant();
    if (!file) return error(400, { code: 'SCAN_REQUIRED', message: MANAGER_REQUEST_MESSAGES.scanRequired });
    return HttpResponse.json(paperRequestFixture satisfies ManagerRequest);
  }),

  // Logged in.
  http.get('*/api/manager-requests', () => HttpResponse.json(myRequestsFixture satisfies MyManagerRequests)),
  http.get('*/api/manager-requests/preview', () =>
    HttpResponse.json({ leavesInstitutionWithoutManager: false, warning: null } satisfies ManagerRequestPreview),
  ),
  http.post('*/api/manager-requests', async ({ request }) => {
    const parsed = CreateManagerRequestSchema.safeParse(await request.json());
    if (!parsed.success) return invalid();
    const created = { ...createdRequestFixture, kind: parsed.data.kind, kindLabel: MANAGER_REQUEST_KIND_LABELS[parsed.data.kind] };
    return HttpResponse.json({ request: created, leavesInstitutionWithoutManager: false, warning: null } satisfies CreateManagerRequestResponse, { status: 201 });
  }),

  // Staff.
  http.get('*/api/staff/manager-requests', () => HttpResponse.json(staffQueueFixture satisfies StaffManagerRequestList)),
  http.get('*/api/staff/manager-requests/:id', () => HttpResponse.json(staffDetailFixture() satisfies StaffManagerRequestDetail)),
  http.get('*/api/staff/manager-requests/:id/scan', () => new HttpResponse(PDF_BYTES, { headers: { 'content-type': 'application/pdf' } })),
  http.post('*/api/staff/manager-requests/:id/decision', async ({ request }) => {
    const parsed = ManagerRequestDecisionSchema.safeParse(await request.json());
    if (!parsed.success) return error(400, { code: 'VALIDATION_FAILED', message: MANAGER_REQUEST_MESSAGES.rejectReasonRequired });
    const approved = parsed.data.decision === 'APPROVE';
    return HttpResponse.json(
      staffDetailFixture({
        status: approved ? 'APPROVED' : 'REJECTED',
        statusLabel: approved ? '已核准' : '已駁回',
        reason: parsed.data.reason ?? null,
        decidedAt: '2026-11-26T03:00:00.000Z',
        decidedBy: { accountName: 'demostaff', name: '陳示範' },
      }) satisfies StaffManagerRequestDetail,
    );
  }),
];
