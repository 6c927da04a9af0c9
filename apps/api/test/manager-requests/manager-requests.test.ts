/**
 * 管理者帳號申請、異動 B / C-a / C-b from the account page, 紙本審核 (form, scan upload) and the
 * system staff's decisions.
 */
import type { TestPki } from '@portal/card-sim';
import type { CardChallenge, CreateManagerRequestResponse, ManagerRequest, StaffManagerRequestDetail, StaffManagerRequestList } from '@portal/shared';
import { institutionSearchFields, MANAGER_REQUEST_MESSAGES } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../helpers/accounts.js';
import { login, type TestSession } from '../helpers/auth.js';
import { testCrypto, type TestContext } from '../helpers/test-app.js';
import { createCardTestApp, EXE_BYTES, JPEG_BYTES, mailsTo, PDF_BYTES, PNG_BYTES, signChallenge, upload } from './manager-test-kit.js';
import { managerRequestDeps } from '../../src/routes/manager-requests/deps.js';
import { attachScan } from '../../src/services/manager-requests/paper.js';
import { LOGIN_FAILURE_LIMIT } from '../../src/services/auth/login.js';

let ctx: TestContext;
let pki: TestPki;
let close: () => Promise<void>;
let staff: TestSession;
let serial = 0;

/** One institution per test (so "who is the manager" is not shared), each with its own test card. */
const TEST_INSTITUTIONS = Array.from({ length: 20 }, (_, index) => ({ code: `99100000${String(index + 1).padStart(2, '0')}`, name: `測試診所${index + 1}` }));

beforeAll(async () => {
  ({ ctx, pki, close } = await createCardTestApp(TEST_INSTITUTIONS));
  staff = await login(ctx.app, 'demostaff');
});
afterAll(() => close());

async function institution() {
  const { code, name } = TEST_INSTITUTIONS[serial]!;
  serial += 1;
  await ctx.db.prisma.institution.create({ data: { code, name, ...institutionSearchFields(name), kind: 'CLINIC', city: '臺北市' } });
  return code;
}

async function member(code: string, role: 'INSTITUTION_MANAGER' | 'GENERAL_USER', name: string) {
  const accountName = `${name}${serial}`;
  const { account } = await createAccount(ctx, { accountName, institutionCode: code, role, status: 'ACTIVE' });
  return { account, accountName, session: await login(ctx.app, accountName) };
}

/** A new institution's 單位業務管理者 and one 一般使用者 of the same institution (`<prefix>mgr`, `<prefix>user`). */
async function managerAndColleague(prefix: string) {
  const code = await institution();
  return { manager: await member(code, 'INSTITUTION_MANAGER', `${prefix}mgr`), user: await member(code, 'GENERAL_USER', `${prefix}user`) };
}

const post = (session: TestSession | null, url: string, payload?: object) =>
  ctx.app.inject({ method: 'POST', url, headers: session ? session.headers(url) : {}, ...(payload && { payload }) });
const get = (session: TestSession, url: string) => ctx.app.inject({ method: 'GET', url, headers: session.headers(url) });

async function startRequest(session: TestSession, payload: object) {
  const response = await post(session, '/api/manager-requests', payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as CreateManagerRequestResponse;
}

async function byCard(session: TestSession, requestId: string, cardId: string) {
  const challenge = (await post(session, `/api/manager-requests/${requestId}/card-challenge`)).json() as CardChallenge;
  return post(session, `/api/manager-requests/${requestId}/card-verification`, await signChallenge(pki, cardId, challenge));
}

async function paperWithScan(session: TestSession, requestId: string) {
  expect((await post(session, `/api/manager-requests/${requestId}/paper`)).statusCode).toBe(200);
  const response = await upload(ctx, `/api/manager-requests/${requestId}/scan`, session, {}, { name: 'scan.pdf', type: 'application/pdf', bytes: PDF_BYTES });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ManagerRequest;
}

describe('starting a request', () => {
  it('C-b by the only manager: created, with the "no manager left" warning, and listed on the account page', async () => {
    const code = await institution();
    const manager = await member(code, 'INSTITUTION_MANAGER', 'onlymgr');
    const created = await startRequest(manager.session, { kind: 'C_B' });
    expect(created.leavesInstitutionWithoutManager).toBe(true);
    expect(created.warning).toBe('送出後貴機構將沒有單位業務管理者，在有新的管理者之前，將無法受理「一般使用者」的帳號申請。');
    expect(created.request).toMatchObject({ kind: 'C_B', kindLabel: 'C-b.降為一般使用者', status: 'AWAITING_VERIFICATION', statusLabel: '待驗證', dueAt: null });
    const page = (await get(manager.session, '/api/manager-requests')).json() as { open: ManagerRequest; availableKinds: string[] };
    expect(page.open.id).toBe(created.request.id);
    expect(page.availableKinds).toEqual([]);
  });

  it('one open request per account: a second one is 409 此帳號已有處理中的申請', async () => {
    const code = await institution();
    const manager = await member(code, 'INSTITUTION_MANAGER', 'twice');
    await startRequest(manager.session, { kind: 'B' });
    const again = await post(manager.session, '/api/manager-requests', { kind: 'C_B' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ code: 'MANAGER_REQUEST_ALREADY_OPEN', message: '此帳號已有處理中的申請' });
  });

  it('who may start what: C-a only by a 一般使用者, C-b only by a manager, B for a colleague only by a manager of the same institution', async () => {
    const { manager, user } = await managerAndColleague('who');
    expect((await post(manager.session, '/api/manager-requests', { kind: 'C_A' })).json()).toMatchObject({ code: 'MANAGER_REQUEST_WRONG_ROLE', message: '只有「一般使用者」可以申請升為管理者。' });
    expect((await post(user.session, '/api/manager-requests', { kind: 'C_B' })).statusCode).toBe(422);
    expect((await post(user.session, '/api/manager-requests', { kind: 'B', targetAccountName: manager.accountName })).statusCode).toBe(403);
    expect((await post(manager.session, '/api/manager-requests', { kind: 'B', targetAccountName: 'demomanager' })).json()).toMatchObject({ code: 'MANAGER_REQUEST_TARGET_NOT_FOUND' });
    expect((await post(manager.session, '/api/manager-requests', { kind: 'B', targetAccountName: user.accountName })).json()).toMatchObject({ code: 'MANAGER_REQUEST_WRONG_ROLE' });
    expect((await post(staff, '/api/manager-requests', { kind: 'B' })).statusCode).toBe(403);
  });
});

describe('B / C by 醫事機構卡: applied at once', () => {
  it('B by another manager for a colleague who left: deactivated, sessions revoked, mailed', async () => {
    const code = await institution();
    const card = code;
    const stays = await member(code, 'INSTITUTION_MANAGER', 'stays');
    const leaves = await member(code, 'INSTITUTION_MANAGER', 'leaves');
    const created = await startRequest(stays.session, { kind: 'B', targetAccountName: leaves.accountName });
    expect(created.leavesInstitutionWithoutManager).toBe(false);
    expect(created.request.account.accountName).toBe(leaves.accountName);
    expect(created.request.requestedBy.accountName).toBe(stays.accountName);
    const response = await byCard(stays.session, created.request.id, card);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ result: 'APPLIED', message: '成功！', request: { status: 'APPROVED', verificationMethod: 'CARD' } });
    const after = await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: leaves.account.id } });
    expect(after.status).toBe('DEACTIVATED');
    expect((await get(leaves.session, '/api/account/profile')).statusCode).toBe(401);
    expect((await get(stays.session, '/api/account/profile')).statusCode).toBe(200);
    expect((await mailsTo(ctx, after.email)).map((m) => m.template)).toEqual(['manager-request-decided']);
  });

  it('C-a then C-b: the role changes and the old cookie is refused (401)', async () => {
    const code = await institution();
    const card = code;
    const user = await member(code, 'GENERAL_USER', 'upgrader');
    const upgrade = await startRequest(user.session, { kind: 'C_A' });
    expect((await byCard(user.session, upgrade.request.id, card)).statusCode).toBe(200);
    expect((await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: user.account.id } })).role).toBe('INSTITUTION_MANAGER');
    expect((await get(user.session, '/api/account/profile')).statusCode).toBe(401);

    const again = await login(ctx.app, user.accountName);
    const downgrade = await startRequest(again, { kind: 'C_B' });
    expect((await byCard(again, downgrade.request.id, card)).statusCode).toBe(200);
    expect((await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: user.account.id } })).role).toBe('GENERAL_USER');
    expect((await get(again, '/api/account/profile')).statusCode).toBe(401);
  });

  it('a card of another institution is refused and nothing changes; 紙本審核 remains', async () => {
    const code = await institution();
    const manager = await member(code, 'INSTITUTION_MANAGER', 'wrongcard');
    const created = await startRequest(manager.session, { kind: 'C_B' });
    const response = await byCard(manager.session, created.request.id, '9900000001');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'CARD_INSTITUTION_MISMATCH' });
    expect((await get(manager.session, `/api/manager-requests/${created.request.id}`)).json()).toMatchObject({ status: 'AWAITING_VERIFICATION' });
  });

  it('a challenge of one request cannot answer another (bound to the session account + request)', async () => {
    const code = await institution();
    const card = code;
    const a = await member(code, 'INSTITUTION_MANAGER', 'binda');
    const b = await member(code, 'INSTITUTION_MANAGER', 'bindb');
    const ra = await startRequest(a.session, { kind: 'C_B' });
    const rb = await startRequest(b.session, { kind: 'C_B' });
    const challenge = (await post(a.session, `/api/manager-requests/${ra.request.id}/card-challenge`)).json() as CardChallenge;
    const signed = await signChallenge(pki, card, challenge);
    const response = await post(b.session, `/api/manager-requests/${rb.request.id}/card-verification`, signed);
    expect(response.json()).toMatchObject({ code: 'CARD_CHALLENGE_UNKNOWN' });
  });
});

describe('紙本審核 and the staff queue', () => {
  it('the filled form (PDF) for the owner; the paper path sets the due date and mails 已受理', async () => {
    const code = await institution();
    const manager = await member(code, 'INSTITUTION_MANAGER', 'papermgr');
    const created = await startRequest(manager.session, { kind: 'B' });
    const form = await get(manager.session, `/api/manager-requests/${created.request.id}/form.pdf`);
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toBe('application/pdf');
    expect(form.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const paper = (await post(manager.session, `/api/manager-requests/${created.request.id}/paper`)).json() as ManagerRequest;
    expect(paper).toMatchObject({ status: 'PENDING_REVIEW', verificationMethod: 'PAPER' });
    expect(paper.dueAt).not.toBeNull();
    expect((await mailsTo(ctx, manager.account.email)).map((m) => m.template)).toContain('manager-request-received');
  });

  it('scan type is decided by content: a ".pdf" of PNG bytes is stored as PNG; JPEG accepted; EXE 415; too big 413', async () => {
    const code = await institution();
    const manager = await member(code, 'INSTITUTION_MANAGER', 'scanmgr');
    const created = await startRequest(manager.session, { kind: 'C_B' });
    const url = `/api/manager-requests/${created.request.id}/scan`;
    const png = await upload(ctx, url, manager.session, {}, { name: 'stamped.pdf', type: 'application/pdf', bytes: PNG_BYTES });
    expect(png.statusCode, png.body).toBe(200);
    expect((png.json() as ManagerRequest).scan).toMatchObject({ contentType: 'image/png', filename: 'stamped.png', size: PNG_BYTES.length });
    // Uploading the stamped form is choosing paper.
    expect((png.json() as ManagerRequest).status).toBe('PENDING_REVIEW');
    const stored = await get(manager.session, url);
    expect([stored.statusCode, stored.headers['content-type'], stored.headers['x-content-type-options']]).toEqual([200, 'image/png', 'nosniff']);

    const jpeg = await upload(ctx, url, manager.session, {}, { name: 'scan.png', type: 'image/png', bytes: JPEG_BYTES });
    expect((jpeg.json() as ManagerRequest).scan?.contentType).toBe('image/jpeg');

    const exe = await upload(ctx, url, manager.session, {}, { name: 'scan.pdf', type: 'application/pdf', bytes: EXE_BYTES });
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toEqual({ code: 'SCAN_UNSUPPORTED_TYPE', message: '僅接受 PDF、JPEG 或 PNG 格式的掃描檔。' });

    const big = await upload(ctx, url, manager.session, {}, { name: 'big.pdf', type: 'application/pdf', bytes: Buffer.concat([PDF_BYTES, Buffer.alloc(5 * 1024 * 1024)]) });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toEqual({ code: 'SCAN_TOO_LARGE', message: '檔案大小不得超過 5 MB。' });

    const none = await upload(ctx, url, manager.session, { note: 'x' });
    expect(none.statusCode).toBe(400);
    // The multipart parser exists only for the upload routes.
    expect((await upload(ctx, '/api/auth/login', null, { accountName: 'x', password: 'y' })).statusCode).toBe(415);
    expect((await get(manager.session, `/api/manager-requests/${created.request.id}`)).json()).toMatchObject({ scan: { contentType: 'image/jpeg' } });
  });

  it('staff approve C-b: applied in one transaction, sessions revoked, mailed; a second decision is 409', async () => {
    const code = await institution();
    const manager = await member(code, 'INSTITUTION_MANAGER', 'approvemgr');
    const created = await startRequest(manager.session, { kind: 'C_B' });
    await paperWithScan(manager.session, created.request.id);

    const queue = (await get(staff, '/api/staff/manager-requests')).json() as StaffManagerRequestList;
    expect(queue.items.map((item) => item.id)).toContain(created.request.id);
    const detail = (await get(staff, `/api/staff/manager-requests/${created.request.id}`)).json() as StaffManagerRequestDetail;
    expect(detail).toMatchObject({ leavesInstitutionWithoutManager: true, applicant: { accountName: manager.accountName }, scan: { contentType: 'application/pdf' } });
    expect(detail.applicant.nationalIdMasked).toMatch(/^E1\d\*{4}\d{3}$/);
    expect((await get(staff, detail.scan!.url)).statusCode).toBe(200);
    expect((await get(staff, detail.formUrl)).headers['content-type']).toBe('application/pdf');

    const url = `/api/staff/manager-requests/${created.request.id}/decision`;
    const approved = await post(staff, url, { decision: 'APPROVE' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'APPROVED', decidedBy: { accountName: 'demostaff' } });
    expect((await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: manager.account.id } })).role).toBe('GENERAL_USER');
    expect((await get(manager.session, '/api/account/profile')).statusCode).toBe(401);
    expect((await mailsTo(ctx, manager.account.email)).map((m) => m.template)).toContain('manager-request-decided');
    expect(await ctx.db.prisma.auditEvent.count({ where: { entityId: created.request.id, action: 'manager-request.approved' } })).toBe(1);

    const second = await post(staff, url, { decision: 'REJECT', reason: '重複' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toEqual({ code: 'MANAGER_REQUEST_ALREADY_DECIDED', message: '此申請已由其他人員處理，請重新整理頁面。' });
  });

  it('staff approve C-a and B (for a colleague) on paper: the role changes, the colleague is deactivated', async () => {
    const { manager, user } = await managerAndColleague('paper');
    const decide = (id: string) => post(staff, `/api/staff/manager-requests/${id}/decision`, { decision: 'APPROVE' });

    const upgrade = await startRequest(user.session, { kind: 'C_A' });
    await paperWithScan(user.session, upgrade.request.id);
    expect((await decide(upgrade.request.id)).statusCode).toBe(200);
    expect((await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: user.account.id } })).role).toBe('INSTITUTION_MANAGER');

    const deactivation = await startRequest(manager.session, { kind: 'B', targetAccountName: user.accountName });
    await paperWithScan(manager.session, deactivation.request.id);
    expect((await decide(deactivation.request.id)).statusCode).toBe(200);
    expect((await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: user.account.id } })).status).toBe('DEACTIVATED');
    expect((await mailsTo(ctx, user.account.email)).filter((m) => m.template === 'manager-request-decided')).toHaveLength(2);
  });

  it('reject needs a reason; two staff deciding at once: exactly one wins', async () => {
    const code = await institution();
    const manager = await member(code, 'INSTITUTION_MANAGER', 'racemgr');
    const created = await startRequest(manager.session, { kind: 'B' });
    await paperWithScan(manager.session, created.request.id);
    const url = `/api/staff/manager-requests/${created.request.id}/decision`;
    const noReason = await post(staff, url, { decision: 'REJECT', reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ fieldErrors: { reason: ['駁回時請填寫原因。'] } });

    const otherStaff = await login(ctx.app, 'demostaff');
    const results = await Promise.all([
      post(staff, url, { decision: 'REJECT', reason: '申請表未蓋機構關防' }),
      post(otherStaff, url, { decision: 'APPROVE' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const decided = await ctx.db.prisma.managerRequest.findUniqueOrThrow({ where: { id: created.request.id } });
    const account = await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: manager.account.id } });
    expect(account.status).toBe(decided.status === 'APPROVED' ? 'DEACTIVATED' : 'ACTIVE');
    expect(await ctx.db.prisma.auditEvent.count({ where: { entityId: created.request.id, action: { in: ['manager-request.approved', 'manager-request.rejected'] } } })).toBe(1);
  });

  it('approve without a scan is refused; staff attach a scan received by mail', async () => {
    const code = await institution();
    const manager = await member(code, 'INSTITUTION_MANAGER', 'mailmgr');
    const created = await startRequest(manager.session, { kind: 'C_B' });
    expect((await post(manager.session, `/api/manager-requests/${created.request.id}/paper`)).statusCode).toBe(200);
    const url = `/api/staff/manager-requests/${created.request.id}/decision`;
    expect((await post(staff, url, { decision: 'APPROVE' })).json()).toMatchObject({ code: 'MANAGER_REQUEST_SCAN_MISSING' });
    const attached = await upload(ctx, `/api/staff/manager-requests/${created.request.id}/scan`, staff, {}, { name: 'mail.jpg', type: 'image/jpeg', bytes: JPEG_BYTES });
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json()).toMatchObject({ scan: { contentType: 'image/jpeg' } });
    expect((await post(staff, url, { decision: 'APPROVE' })).statusCode).toBe(200);
  });

  it('A by paper without login: filled form, scan upload with account + password, staff approve activates and mails', async () => {
    const code = await institution();
    const accountName = `paperapplicant${serial}`;
    const { account } = await createAccount(ctx, { accountName, institutionCode: code });
    const credentials = { accountName, password: 'Portal*Demo=2026' };
    const form = await post(null, '/api/applications/paper-form', credentials);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.headers['content-type']).toBe('application/pdf');
    const scan = await upload(ctx, '/api/applications/paper-form/scan', null, credentials, { name: 'a.png', type: 'image/png', bytes: PNG_BYTES });
    expect(scan.statusCode, scan.body).toBe(200);
    const request = scan.json() as ManagerRequest;
    expect(request).toMatchObject({ kind: 'A', status: 'PENDING_REVIEW', verificationMethod: 'PAPER', scan: { contentType: 'image/png' } });
    const wrong = await upload(ctx, '/api/applications/paper-form/scan', null, { ...credentials, password: 'Nope*1234=x' }, { name: 'a.png', type: 'image/png', bytes: PNG_BYTES });
    expect(wrong.statusCode).toBe(401);

    const status = await post(null, '/api/application-status', { accountName, nationalId: (await nationalIdOf(account.id)) });
    expect(status.json().steps.find((step: { key: string }) => step.key.startsWith('manager-request:'))).toMatchObject({ state: 'WAITING' });

    expect((await post(staff, `/api/staff/manager-requests/${request.id}/decision`, { decision: 'APPROVE' })).statusCode).toBe(200);
    const after = await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    expect([after.status, after.verificationMethod]).toEqual(['ACTIVE', 'PAPER']);
    expect((await mailsTo(ctx, after.email)).map((m) => m.template)).toEqual(['manager-request-received', 'manager-request-decided', 'account-activated']);
  });

  it('the 帳號/密碼 step of a pending applicant: right → 200 and nothing else; wrong or not pending → 401, audited; the login limit → 429', async () => {
    const code = await institution();
    const accountName = `checkapplicant${serial}`;
    const { account } = await createAccount(ctx, { accountName, institutionCode: code });
    const right = await post(null, '/api/applications/credentials', { accountName, password: 'Portal*Demo=2026' });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json()).toEqual({ message: MANAGER_REQUEST_MESSAGES.credentialsAccepted });
    expect(await ctx.db.prisma.managerRequest.count({ where: { accountId: account.id } })).toBe(0);

    const failedAudits = () => ctx.db.prisma.auditEvent.count({ where: { action: 'manager-request.applicant-auth.failed', after: { path: ['accountName'], equals: accountName } } });
    const wrong = await post(null, '/api/applications/credentials', { accountName, password: 'Nope*1234=x' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ code: 'PENDING_APPLICATION_NOT_FOUND', message: MANAGER_REQUEST_MESSAGES.notPendingApplication });
    expect(await failedAudits()).toBe(1);
    expect((await post(null, '/api/applications/credentials', { accountName: 'demomanager', password: 'Portal*Demo=2026' })).statusCode).toBe(401);
    expect((await post(null, '/api/applications/credentials', { accountName })).statusCode).toBe(400);

    for (let i = 1; i < LOGIN_FAILURE_LIMIT; i += 1) await post(null, '/api/applications/credentials', { accountName, password: 'Nope*1234=x' });
    const limited = await post(null, '/api/applications/credentials', { accountName, password: 'Portal*Demo=2026' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('the queue lists overdue requests first and marks them', async () => {
    const code = await institution();
    const manager = await member(code, 'INSTITUTION_MANAGER', 'overduemgr');
    const created = await startRequest(manager.session, { kind: 'C_B' });
    await paperWithScan(manager.session, created.request.id);
    await ctx.db.prisma.managerRequest.update({ where: { id: created.request.id }, data: { dueAt: new Date('2020-01-01T00:00:00Z') } });
    const queue = (await get(staff, '/api/staff/manager-requests')).json() as StaffManagerRequestList;
    expect(queue.items[0]).toMatchObject({ id: created.request.id, overdue: true });
    expect(queue.items.slice(1).every((item) => !item.overdue)).toBe(true);
    const overdueOnly = (await get(staff, '/api/staff/manager-requests?overdue=true')).json() as StaffManagerRequestList;
    expect(overdueOnly.items.map((item) => item.id)).toEqual([created.request.id]);
  });
});

describe('replacing a scan, and the caps on uploads', () => {
  const scanOf = (requestId: string) => ctx.db.prisma.managerRequest.findUniqueOrThrow({ where: { id: requestId }, select: { scanFileId: true } });
  const scanEvents = (requestId: string) =>
    ctx.db.prisma.auditEvent.findMany({ where: { entityId: requestId, action: { startsWith: 'manager-request.scan-' } }, orderBy: { id: 'asc' }, select: { action: true, actorId: true, after: true } });

  it('a new upload replaces the scan: the request points at the new file, the old file is gone, both audited', async () => {
    const code = await institution();
    const manager = await member(code, 'INSTITUTION_MANAGER', 'replacemgr');
    const created = await startRequest(manager.session, { kind: 'C_B' });
    const url = `/api/manager-requests/${created.request.id}/scan`;
    const filesBefore = await ctx.db.prisma.storedFile.count();
    expect((await upload(ctx, url, manager.session, {}, { name: 'first.png', type: 'image/png', bytes: PNG_BYTES })).statusCode).toBe(200);
    const first = (await scanOf(created.request.id)).scanFileId!;
    const second = await upload(ctx, url, manager.session, {}, { name: 'second.pdf', type: 'application/pdf', bytes: PDF_BYTES });
    expect(second.statusCode, second.body).toBe(200);
    expect((second.json() as ManagerRequest).scan).toMatchObject({ filename: 'second.pdf', contentType: 'application/pdf' });
    const now = (await scanOf(created.request.id)).scanFileId!;
    expect(now).not.toBe(first);
    expect(await ctx.db.prisma.storedFile.findUnique({ where: { id: first } })).toBeNull();
    expect(await ctx.db.prisma.storedFile.count()).toBe(filesBefore + 1);
    expect((await get(manager.session, url)).rawPayload.equals(PDF_BYTES)).toBe(true);
    const events = await scanEvents(created.request.id);
    expect(events.map((event) => event.action)).toEqual(['manager-request.scan-attached', 'manager-request.scan-replaced']);
    expect(events[1]).toMatchObject({ actorId: manager.account.id, after: { fileId: now, filename: 'second.pdf', replaced: { fileId: first, filename: 'first.png', size: PNG_BYTES.length } } });
  });

  it('the pending applicant (no session) may upload 5 scans a day: the 6th is a 429 with Retry-After, nothing changes; staff are not capped', async () => {
    const code = await institution();
    const accountName = `capapplicant${serial}`;
    await createAccount(ctx, { accountName, institutionCode: code });
    const credentials = { accountName, password: 'Portal*Demo=2026' };
    const send = () => upload(ctx, '/api/applications/paper-form/scan', null, credentials, { name: 'a.png', type: 'image/png', bytes: PNG_BYTES });
    let requestId = '';
    for (let i = 0; i < 5; i += 1) {
      const response = await send();
      expect(response.statusCode, response.body).toBe(200);
      requestId = (response.json() as ManagerRequest).id;
    }
    const kept = await scanOf(requestId);
    const filesBefore = await ctx.db.prisma.storedFile.count();
    const refused = await send();
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ code: 'TOO_MANY_SCAN_UPLOADS', message: '此申請 24 小時內已上傳 5 次掃描檔，請於 24 小時後再上傳。' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(24 * 3600 - 120);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(24 * 3600);
    expect(await scanOf(requestId)).toEqual(kept);
    expect(await ctx.db.prisma.storedFile.count()).toBe(filesBefore);
    expect(await scanEvents(requestId)).toHaveLength(5);

    const byStaff = await upload(ctx, `/api/staff/manager-requests/${requestId}/scan`, staff, {}, { name: 'mail.jpg', type: 'image/jpeg', bytes: JPEG_BYTES });
    expect(byStaff.statusCode, byStaff.body).toBe(200);
    expect(await ctx.db.prisma.storedFile.count()).toBe(filesBefore);
  });

  it('the daily window frees as the oldest upload leaves it; after 20 uploads in all, a 409 says to mail the form instead', async () => {
    const code = await institution();
    const manager = await member(code, 'INSTITUTION_MANAGER', 'totalmgr');
    const created = await startRequest(manager.session, { kind: 'B' });
    const file = { filename: 'scan.png', data: PNG_BYTES };
    const at = (hours: number) => ({ ...managerRequestDeps(ctx.app), now: () => new Date(Date.now() + hours * 3600_000) });
    const attach = (hours: number) => attachScan(at(hours), { id: manager.account.id }, created.request.id, file, { ip: '198.51.100.7' });
    for (let i = 0; i < 5; i += 1) await attach(0);
    // 23½ hours on, the window is still full; the wait left is the half hour until the first leaves it.
    const stillFull = await attach(23.5).catch((error: unknown) => error);
    expect(stillFull).toMatchObject({ statusCode: 429, code: 'TOO_MANY_SCAN_UPLOADS', message: '此申請 24 小時內已上傳 5 次掃描檔，請於 30 分鐘後再上傳。' });
    expect((stillFull as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(1800);
    // A day on, the first five have left the window (the later ones are stamped with the real clock).
    for (let i = 5; i < 20; i += 1) await attach(25);
    await expect(attach(25)).rejects.toMatchObject({ statusCode: 409, code: 'SCAN_UPLOADS_EXHAUSTED', message: '此申請已上傳 20 次掃描檔，無法再上傳；如需更換，請將申請表寄至諮詢窗口信箱。' });
    expect(await scanEvents(created.request.id)).toHaveLength(20);
    expect(await ctx.db.prisma.storedFile.count({ where: { managerRequests: { some: { id: created.request.id } } } })).toBe(1);
  });

  it('parallel uploads are counted one after the other: 8 at once, 5 stored, 3 refused', async () => {
    const code = await institution();
    const manager = await member(code, 'INSTITUTION_MANAGER', 'parallelmgr');
    const created = await startRequest(manager.session, { kind: 'C_B' });
    const filesBefore = await ctx.db.prisma.storedFile.count();
    const url = `/api/manager-requests/${created.request.id}/scan`;
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(ctx, url, manager.session, {}, { name: 'p.pdf', type: 'application/pdf', bytes: PDF_BYTES }, `198.51.100.${i + 1}`)));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(answers.filter((answer) => answer.statusCode === 429).map((answer) => answer.json().code)).toEqual(Array(3).fill('TOO_MANY_SCAN_UPLOADS'));
    expect(await scanEvents(created.request.id)).toHaveLength(5);
    expect(await ctx.db.prisma.storedFile.count()).toBe(filesBefore + 1);
  });
});

async function nationalIdOf(accountId: string) {
  const row = await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: { nationalIdCipher: true } });
  return testCrypto.decrypt(row.nationalIdCipher);
}
