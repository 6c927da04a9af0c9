/** 系統人員: institutions, subsystems and their managers, announcements, downloads, account search. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../helpers/test-app.js';
import { createTestAppWith, login, type TestSession } from '../helpers/auth.js';
import { createAccount } from '../helpers/accounts.js';
import { FAKE_DOCX, odt, ooxml } from '../helpers/office-files.js';

let ctx: TestContext;
let staff: TestSession;

beforeAll(async () => {
  ({ ctx, sessions: [staff] } = await createTestAppWith('demostaff'));
});
afterAll(() => ctx.close());

const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
  ctx.app.inject({ method, url, headers: staff.headers(), ...(payload && { payload }) });

describe('institutions', () => {
  it('creates, edits, closes and reopens, with audit events; a taken code → 409', async () => {
    const created = await send('POST', '/api/staff/institutions', { code: '9912345678', name: '測試衛生所', kind: 'HEALTH_CENTER', city: '臺南市' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: '9912345678', name: '測試衛生所', kindLabel: '衛生所', closedAt: null, managerCount: 0 });
    const id = created.json().id;

    const taken = await send('POST', '/api/staff/institutions', { code: '9912345678', name: '重複', kind: 'CLINIC', city: '臺南市' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toEqual({ code: 'INSTITUTION_CODE_TAKEN', message: '此機構代碼已存在。', fieldErrors: { code: ['此機構代碼已存在。'] } });
    const badCode = await send('POST', '/api/staff/institutions', { code: '12345', name: 'x', kind: 'CLINIC', city: '臺南市' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().fieldErrors.code).toEqual(['機構代碼須為 10 位數字。']);

    const edited = await send('PATCH', `/api/staff/institutions/${id}`, { name: '測試區衛生所', phone: '06-1234567' });
    expect(edited.json()).toMatchObject({ name: '測試區衛生所', phone: '06-1234567' });

    const closed = await send('POST', `/api/staff/institutions/${id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().closedAt).not.toBeNull();
    const again = await send('POST', `/api/staff/institutions/${id}/close`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ code: 'INVALID_STATE', message: '此機構已關閉。' });
    // Closed: gone from the public directory.
    expect((await ctx.app.inject({ method: 'GET', url: '/api/institutions/9912345678' })).statusCode).toBe(404);
    const listed = await send('GET', '/api/staff/institutions?state=closed&q=991234');
    expect(listed.json().items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect((await send('POST', `/api/staff/institutions/${id}/reopen`)).json().closedAt).toBeNull();

    const actions = (await ctx.db.prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['institution.created', 'institution.updated', 'institution.closed', 'institution.reopened']);
  });
});

describe('subsystems and managers', () => {
  it('edits a subsystem; assigns and removes a 子系統管理者 (who then sees that queue, or not)', async () => {
    const subsystem = await ctx.db.prisma.subsystem.findUniqueOrThrow({ where: { code: 'child-preventive' } });
    const edited = await send('PATCH', `/api/staff/subsystems/${subsystem.id}`, { description: '新說明', url: 'https://child.example.tw/' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ code: 'child-preventive', description: '新說明', url: 'https://child.example.tw/' });
    const badUrl = await send('PATCH', `/api/staff/subsystems/${subsystem.id}`, { url: 'javascript:alert(1)' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().message).toBe('請輸入有效的網址（http:// 或 https://）。');

    const adultManager = await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demosubadult' } });
    const assigned = await send('POST', `/api/staff/subsystems/${subsystem.id}/managers`, { accountId: adultManager.id });
    expect(assigned.statusCode).toBe(201);
    expect(assigned.json().managers.map((m: { accountName: string }) => m.accountName)).toContain('demosubadult');
    const twice = await send('POST', `/api/staff/subsystems/${subsystem.id}/managers`, { accountId: adultManager.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('此帳號已是該子系統的管理者。');

    const adult = await login(ctx.app, 'demosubadult');
    const queue = await ctx.app.inject({ method: 'GET', url: '/api/subsystem-manager/access-requests?subsystem=child-preventive', headers: adult.headers() });
    expect(queue.statusCode).toBe(200);

    const removed = await send('DELETE', `/api/staff/subsystems/${subsystem.id}/managers/${adultManager.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().managers.map((m: { accountName: string }) => m.accountName)).not.toContain('demosubadult');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/subsystem-manager/access-requests?subsystem=child-preventive', headers: adult.headers() })).statusCode).toBe(404);
    expect((await send('DELETE', `/api/staff/subsystems/${subsystem.id}/managers/${adultManager.id}`)).statusCode).toBe(404);
  });

  it('only an account without an institution (role 子系統管理者) can be assigned', async () => {
    const subsystem = await ctx.db.prisma.subsystem.findUniqueOrThrow({ where: { code: 'prenatal' } });
    const user = await ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demouser' } });
    const response = await send('POST', `/api/staff/subsystems/${subsystem.id}/managers`, { accountId: user.id });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toBe('只有未隸屬醫事機構的帳號（子系統管理者）可指派為子系統管理者。');
  });
});

describe('announcements', () => {
  it('draft → publish → unpublish → publish; wrong-state transitions → 409; only published ones are public', async () => {
    const created = await send('POST', '/api/staff/announcements', { category: '系統維護', system: '單一入口系統', title: '停機公告', body: '週六停機' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'DRAFT', statusLabel: '草稿', publishedAt: null });
    const id = created.json().id;
    const publicList = async () => (await ctx.app.inject({ method: 'GET', url: '/api/announcements?pageSize=100' })).json().items.map((a: { id: string }) => a.id);
    expect(await publicList()).not.toContain(id);

    const unpublishDraft = await send('POST', `/api/staff/announcements/${id}/unpublish`);
    expect(unpublishDraft.statusCode).toBe(409);
    expect(unpublishDraft.json()).toEqual({ code: 'INVALID_STATE', message: '此公告目前的狀態不可執行此操作，請重新整理頁面。' });

    const published = await send('POST', `/api/staff/announcements/${id}/publish`, { publishedAt: '2026-11-01T00:00:00+08:00' });
    expect(published.json()).toMatchObject({ status: 'PUBLISHED', publishedAt: '2026-10-31T16:00:00.000Z' });
    expect(await publicList()).toContain(id);
    expect((await send('POST', `/api/staff/announcements/${id}/publish`, {})).statusCode).toBe(409);
    expect((await send('POST', `/api/staff/announcements/${id}/unpublish`)).json().status).toBe('UNPUBLISHED');
    expect(await publicList()).not.toContain(id);
    expect((await send('PATCH', `/api/staff/announcements/${id}`, { title: '停機公告（更新）' })).json().title).toBe('停機公告（更新）');

    const missing = await send('POST', '/api/staff/announcements', { category: '', system: '單一入口系統', title: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fieldErrors.category).toEqual(['請輸入分類']);
  });
});

function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string }) {
  const boundary = '----portal-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { ...staff.headers(), 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('downloads', () => {
  it('uploads a PDF (type from content), replaces it with a new version, and unpublishes it', async () => {
    const fields = { system: '單一入口系統', category: '表格範例', title: '測試表單' };
    const created = await ctx.app.inject({ method: 'POST', url: '/api/staff/downloads', ...multipart(fields, { name: '申請表.docx', data: PDF }) });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ title: '測試表單', status: 'PUBLISHED', file: { filename: '申請表.pdf', contentType: 'application/pdf', size: PDF.length } });
    const id = created.json().id;

    const v2 = Buffer.concat([PDF, Buffer.from('% v2\n')]);
    const replaced = await ctx.app.inject({ method: 'POST', url: `/api/staff/downloads/${id}/file`, ...multipart({}, { name: '申請表v2.pdf', data: v2 }) });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().file.size).toBe(v2.length);
    const file = await ctx.app.inject({ method: 'GET', url: `/api/downloads/${id}/file` });
    expect(file.rawPayload.equals(v2)).toBe(true);

    const hidden = await send('PATCH', `/api/staff/downloads/${id}`, { status: 'UNPUBLISHED' });
    expect(hidden.json().status).toBe('UNPUBLISHED');
    const actions = (await ctx.db.prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['download.created', 'download.file-replaced', 'download.updated']);
  });

  it('refuses other types (415), an oversized file (413), a missing file (400)', async () => {
    const fields = { system: '單一入口系統', category: '表格範例', title: '壞檔' };
    const exe = await ctx.app.inject({ method: 'POST', url: '/api/staff/downloads', ...multipart(fields, { name: 'a.pdf', data: Buffer.from('MZ\x90\x00 not a pdf'), type: 'application/pdf' }) });
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toEqual({ code: 'FILE_TYPE_NOT_ALLOWED', message: '僅接受 PDF、DOCX、XLSX、ODT 檔案。', fieldErrors: { file: ['僅接受 PDF、DOCX、XLSX、ODT 檔案。'] } });
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await ctx.app.inject({ method: 'POST', url: '/api/staff/downloads', ...multipart(fields, { name: 'big.pdf', data: big }) });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().message).toBe('檔案大小不得超過 10 MB。');
    const none = await ctx.app.inject({ method: 'POST', url: '/api/staff/downloads', ...multipart(fields) });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toBe('請選擇要上傳的檔案');
    expect(await ctx.db.prisma.download.count({ where: { title: '壞檔' } })).toBe(0);
  });
  it('takes DOCX / XLSX / ODT by their structure, and refuses ZIPs that only carry the marker strings (415, nothing stored)', async () => {
    const fields = (title: string) => ({ system: '單一入口系統', category: '表格範例', title });
    for (const [extension, data] of [['docx', ooxml('docx')], ['xlsx', ooxml('xlsx')], ['odt', odt()]] as const) {
      const created = await ctx.app.inject({ method: 'POST', url: '/api/staff/downloads', ...multipart(fields(`真檔${extension}`), { name: '範例.bin', data }) });
      expect(created.statusCode, `${extension}: ${created.body}`).toBe(201);
      expect(created.json().file).toMatchObject({ filename: `範例.${extension}`, size: data.length });
    }
    for (const [name, data] of Object.entries(FAKE_DOCX)) {
      const refused = await ctx.app.inject({ method: 'POST', url: '/api/staff/downloads', ...multipart(fields('假檔'), { name: '申請表.docx', data, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }) });
      expect(refused.statusCode, name).toBe(415);
      expect(refused.json().code, name).toBe('FILE_TYPE_NOT_ALLOWED');
    }
    expect(await ctx.db.prisma.download.count({ where: { title: '假檔' } })).toBe(0);
  });
});

describe('account search', () => {
  it('finds by 身分證 via its keyed hash and shows it masked; by 帳號 prefix, 姓名, institution code', async () => {
    const { account, nationalId } = await createAccount(ctx, { accountName: 'searchme', role: 'GENERAL_USER', status: 'ACTIVE' });
    const byId = await send('GET', `/api/staff/accounts?nationalId=${nationalId.toLowerCase()}`);
    expect(byId.statusCode).toBe(200);
    expect(byId.json().items).toHaveLength(1);
    expect(byId.json().items[0]).toMatchObject({ id: account.id, nationalIdMasked: `${nationalId.slice(0, 3)}****${nationalId.slice(-3)}` });
    expect(byId.body).not.toContain(nationalId);
    expect((await send('GET', '/api/staff/accounts?accountName=SEARCH')).json().items.map((a: { id: string }) => a.id)).toContain(account.id);
    expect((await send('GET', `/api/staff/accounts?institutionCode=9900000001&name=${encodeURIComponent('測試')}`)).json().total).toBeGreaterThan(0);
    const none = await send('GET', '/api/staff/accounts');
    expect(none.statusCode).toBe(400);
    expect(none.json()).toEqual({ code: 'SEARCH_CRITERIA_REQUIRED', message: '請輸入至少一項查詢條件。' });
  });
});
