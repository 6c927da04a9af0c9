import {
  BACK_OFFICE_MESSAGES,
  BulkApproveRequestSchema,
  CreateAnnouncementRequestSchema,
  DecisionRequestSchema,
  PUBLICATION_STATUS_LABELS,
  type AccessRequest,
  type AccessRequestPage,
  type AuditEvent,
  type AuditEventPage,
  type BulkApproveResult,
  type DecisionResult,
  type ErrorBody,
  type InstitutionAccountPage,
  type ManagedSubsystemList,
  type PendingUserApplication,
  type PendingUserApplicationPage,
  type StaffAnnouncement,
  type StaffAnnouncementPage,
  type StaffDownload,
  type StaffDownloadPage,
  UpdateDownloadRequestSchema,
} from '@portal/shared';
import { readMultipart } from '../multipart';
import { http, HttpResponse } from 'msw';

const invalid = () =>
  HttpResponse.json({ code: 'VALIDATION_FAILED', message: '輸入的資料有誤，請檢查後再送出。' } satisfies ErrorBody, { status: 400 });

export const publishedDownload: StaffDownload = {
  id: 'e5e5e5e5-0000-4000-8000-000000000001',
  category: '表格範例',
  system: '單一入口系統',
  title: '管理者帳號申請表',
  status: 'PUBLISHED',
  statusLabel: PUBLICATION_STATUS_LABELS.PUBLISHED,
  createdAt: '2026-11-01T01:00:00.000Z',
  updatedAt: '2026-11-01T01:00:00.000Z',
  publishedAt: '2026-11-01T01:00:00.000Z',
  file: {
    id: 'f6f6f6f6-0000-4000-8000-000000000001',
    filename: 'manager-form.pdf',
    contentType: 'application/pdf',
    size: 33_000,
    sha256: '0'.repeat(64),
    uploadedAt: '2026-11-01T01:00:00.000Z',
  },
  href: '/api/downloads/e5e5e5e5-0000-4000-8000-000000000001/file',
};

export const pendingApplication = {
  id: 'a1a1a1a1-0000-4000-8000-000000000001',
  accountName: 'newuser01',
  name: '張小明',
  email: 'newuser01@demo.invalid',
  phone: '02-12345678',
  mobile: null,
  department: null,
  applicationNo: 'A20261125-0001',
  // 00:30 in Taipei on 11/26 is still 11/25 in UTC: the table must say 2026/11/26.
  submittedAt: '2026-11-25T16:30:00.000Z',
  subsystems: [
    { code: 'adult-preventive', name: '成人預防保健' },
    { code: 'smoking-cessation', name: '戒菸服務' },
  ],
} satisfies PendingUserApplication;

export const pendingApplicationsPage = { items: [pendingApplication], total: 1, page: 1, pageSize: 20 } satisfies PendingUserApplicationPage;

export const institutionAccountsPage = {
  items: [
    {
      id: 'b2b2b2b2-0000-4000-8000-000000000001',
      accountName: 'demouser',
      name: '李示範',
      email: 'demouser@demo.invalid',
      role: 'GENERAL_USER',
      roleLabel: '一般使用者',
      status: 'ACTIVE',
      statusLabel: '已開通',
      createdAt: '2026-10-01T01:00:00.000Z',
      activatedAt: '2026-10-01T02:00:00.000Z',
      deactivatedAt: null,
      lastLoginAt: '2026-11-20T01:00:00.000Z',
      canChangeStatus: true,
    },
  ],
  total: 1,
  page: 1,
  pageSize: 20,
} satisfies InstitutionAccountPage;

const accessRequest = (id: string, accountName: string, applicantName: string): AccessRequest => ({
  id,
  accountName,
  applicantName,
  email: `${accountName}@demo.invalid`,
  accountStatus: 'ACTIVE',
  accountStatusLabel: '已開通',
  decidable: true,
  institution: { code: '9900000001', name: '示範醫院', city: '臺北市' },
  subsystem: { code: 'adult-preventive', name: '成人預防保健' },
  status: 'PENDING',
  statusLabel: '待審核',
  requestedAt: '2026-11-20T02:00:00.000Z',
  decidedAt: null,
  decidedBy: null,
  reason: null,
});

export const accessRequests = [
  accessRequest('c3c3c3c3-0000-4000-8000-000000000001', 'newuser01', '張小明'),
  accessRequest('c3c3c3c3-0000-4000-8000-000000000002', 'newuser02', '林小華'),
];

export const managedSubsystems = {
  items: [{ code: 'adult-preventive', name: '成人預防保健', pendingCount: 2, overdueCount: 0 }],
} satisfies ManagedSubsystemList;

export const draftAnnouncement = {
  id: 'd4d4d4d4-0000-4000-8000-000000000001',
  category: '公告',
  system: '成人預防保健',
  title: '成人預防保健系統例行維護',
  body: '週六停機維護。',
  status: 'DRAFT',
  statusLabel: PUBLICATION_STATUS_LABELS.DRAFT,
  publishedAt: null,
  createdAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-20T02:00:00.000Z',
} satisfies StaffAnnouncement;

export const auditEvent = (id: string, action: string): AuditEvent => ({
  id,
  at: '2026-11-25T03:04:05.000Z',
  actorId: '11111111-1111-4111-8111-111111111111',
  actorAccountName: 'demomanager',
  actorLabel: '王示範',
  action,
  entityType: 'account',
  entityId: 'a1a1a1a1-0000-4000-8000-000000000001',
  before: null,
  after: null,
  ip: '203.0.113.7',
  requestId: 'req-1',
});

const decided = (id: string, approve: boolean) =>
  HttpResponse.json({
    id,
    status: approve ? 'APPROVED' : 'REJECTED',
    statusLabel: approve ? '已核准' : '已駁回',
    message: approve ? BACK_OFFICE_MESSAGES.approved : BACK_OFFICE_MESSAGES.rejected,
  } satisfies DecisionResult);

/** /api/institution-manager/*, /api/subsystem-manager/*, /api/staff/announcements*, /api/audit-events. */
export const backOfficeHandlers = [
  http.get('*/api/institution-manager/applications', () => HttpResponse.json(pendingApplicationsPage)),
  http.post<{ id: string }>('*/api/institution-manager/applications/:id/decision', async ({ params, request }) => {
    const parsed = DecisionRequestSchema.safeParse(await request.json());
    if (!parsed.success) return invalid();
    return decided(params.id, parsed.data.decision === 'APPROVE');
  }),
  http.get('*/api/institution-manager/accounts', () => HttpResponse.json(institutionAccountsPage)),
  http.get('*/api/subsystem-manager/subsystems', () => HttpResponse.json(managedSubsystems)),
  http.get('*/api/subsystem-manager/access-requests', () =>
    HttpResponse.json({ items: accessRequests, total: accessRequests.length, page: 1, pageSize: 20 } satisfies AccessRequestPage),
  ),
  http.post<{ id: string }>('*/api/subsystem-manager/access-requests/:id/decision', async ({ params, request }) => {
    const parsed = DecisionRequestSchema.safeParse(await request.json());
    if (!parsed.success) return invalid();
    return decided(params.id, parsed.data.decision === 'APPROVE');
  }),
  http.post('*/api/subsystem-manager/access-requests/bulk-approve', async ({ request }) => {
    const parsed = BulkApproveRequestSchema.safeParse(await request.json());
    if (!parsed.success) return invalid();
    const [first, ...rest] = parsed.data.ids;
    return HttpResponse.json({
      approved: rest.length,
      skipped: first ? [{ id: first, reason: 'NOT_PENDING', message: BACK_OFFICE_MESSAGES.bulkSkippedNotPending }] : [],
      message: `已核准 ${rest.length} 筆。`,
    } satisfies BulkApproveResult);
  }),
  http.get('*/api/staff/downloads', () => HttpResponse.json({ items: [publishedDownload], total: 1, page: 1, pageSize: 20 } satisfies StaffDownloadPage)),
  http.patch<{ id: string }>('*/api/staff/downloads/:id', async ({ params, request }) => {
    const parsed = UpdateDownloadRequestSchema.safeParse(await request.json());
    if (!parsed.success || !parsed.data.status) return invalid();
    const { status } = parsed.data;
    return HttpResponse.json({ ...publishedDownload, id: params.id, status, statusLabel: PUBLICATION_STATUS_LABELS[status] } satisfies StaffDownload);
  }),
  http.post('*/api/staff/downloads', async ({ request }) => {
    const { fields, file } = await readMultipart(request);
    if (!fields.system || !fields.category || !fields.title || !file) return invalid();
    const created: StaffDownload = { ...publishedDownload, id: 'e5e5e5e5-0000-4000-8000-000000000002', system: fields.system, category: fields.category, title: fields.title };
    return HttpResponse.json(created, { status: 201 });
  }),
  http.get('*/api/staff/announcements', () =>
    HttpResponse.json({ items: [draftAnnouncement], total: 1, page: 1, pageSize: 20 } satisfies StaffAnnouncementPage),
  ),
  http.post('*/api/staff/announcements', async ({ request }) => {
    const parsed = CreateAnnouncementRequestSchema.safeParse(await request.json());
    if (!parsed.success) return invalid();
    const created: StaffAnnouncement = {
      ...draftAnnouncement,
      ...parsed.data,
      id: 'd4d4d4d4-0000-4000-8000-000000000002',
      publishedAt: parsed.data.publishedAt ? new Date(parsed.data.publishedAt).toISOString() : null,
    };
    return HttpResponse.json(created, { status: 201 });
  }),
  http.post<{ id: string }>('*/api/staff/announcements/:id/publish', ({ params }) =>
    HttpResponse.json({
      ...draftAnnouncement,
      id: params.id,
      status: 'PUBLISHED',
      statusLabel: PUBLICATION_STATUS_LABELS.PUBLISHED,
      publishedAt: '2026-11-26T01:00:00.000Z',
    } satisfies StaffAnnouncement),
  ),
  http.get('*/api/audit-events', ({ request }) => {
    const cursor = new URL(request.url).searchParams.get('cursor');
    const page: AuditEventPage = cursor
      ? { items: [auditEvent('1', 'account.approved')], nextCursor: null }
      : { items: [auditEvent('3', 'subsystem-access.approved'), auditEvent('2', 'subsystem-access.rejected')], nextCursor: '2' };
    return HttpResponse.json(page);
  }),
];
